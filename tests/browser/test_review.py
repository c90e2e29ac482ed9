"""Working a queue from the keyboard in real Chromium: the review workspace of SPEC §8."""

from __future__ import annotations

import re

import pytest

from reviews.intake.models import Item
from reviews.work.models import Decision
from tests.browser.test_login import log_in
from tests.factories import ingest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shown_item(page) -> int:
    header = page.locator("#review .item header").inner_text()
    return int(re.search(r"#(\d+)", header).group(1))


def test_an_annotator_works_a_queue_from_the_keyboard(page, queue, annotator):
    items = [
        ingest(
            queue,
            input={"text": f"Application {n}", "amount": n * 1000},
            output={"label": "approve", "confidence": 0.7},
        )
        for n in range(3)
    ]
    log_in(page, "annotator")
    page.goto(f"/queues/{queue.slug}/review/")
    page.evaluate("window.stillTheSamePage = true")  # gone if anything reloads the page

    # Enter approves the model's label; the next item appears in place.
    first = shown_item(page)
    page.keyboard.press("Enter")
    page.wait_for_selector("#review .notice:has-text('Approved.')")
    second = shown_item(page)
    assert second != first

    # "d" picks another label: an override, which must say why.
    page.keyboard.press("d")
    assert page.locator("fieldset.rationale").is_visible()
    assert page.evaluate("document.activeElement.name") == "rationale"
    page.keyboard.press("Control+Enter")
    errors = page.locator("#review ul.errors")
    errors.wait_for()
    assert "needs a rationale" in errors.inner_text()
    assert "needs a reason code" in errors.inner_text()
    assert shown_item(page) == second  # still the same item, nothing recorded

    page.locator("textarea[name=rationale]").focus()
    page.keyboard.type("Income does not cover the repayments.")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # the first reason code
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#review .notice:has-text('Corrected to deny.')")
    third = shown_item(page)
    assert third not in (first, second)

    # Shift+R rejects, with its rationale.
    page.keyboard.press("Shift+R")
    page.keyboard.type("The document is unreadable.")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#review .notice:has-text('Rejected as unusable.')")

    # The queue is empty now, and the page says so.
    assert "Nothing is waiting for you here" in page.locator("#review").inner_text()
    assert page.evaluate("window.stillTheSamePage") is True

    outcomes = {i.pk: (i.state, i.outcome, i.final_label) for i in Item.objects.all()}
    assert outcomes == {
        first: ("decided", "approved", "approve"),
        second: ("decided", "corrected", "deny"),
        third: ("decided", "rejected", ""),
    }
    assert {i.pk for i in items} == {first, second, third}
    override = Decision.objects.get(item_id=second)
    assert (override.verdict, override.label, override.reason_code) == (
        "override",
        "deny",
        "wrong_label",
    )
    assert override.rationale == "Income does not cover the repayments."
    assert Decision.objects.get(item_id=third).reason_code == "unusable_input"

    # My queues now shows the annotator's own work.
    page.goto("/")
    mine = page.locator("tr", has_text=queue.slug).locator("td.mine").inner_text()
    assert mine.startswith("3 decided")
    assert mine.endswith("33.3% overridden")


def test_hotkeys_and_keys_are_documented_on_the_page(page, queue, annotator):
    ingest(queue, output={"label": "approve", "confidence": 0.7})
    log_in(page, "annotator")
    page.goto(f"/queues/{queue.slug}/review/")

    assert page.locator("button[data-hotkey=d]").inner_text().strip() == "d deny"
    page.locator("details.keys summary").click()
    keys = page.locator("details.keys").inner_text()
    for documented in ("Enter", "Shift", "Ctrl", "Esc", "Tab"):
        assert documented in keys


def test_an_empty_queue_is_a_message_not_an_error(page, queue, annotator):
    log_in(page, "annotator")
    response = page.goto(f"/queues/{queue.slug}/review/")

    assert response.status == 200
    assert "Nothing is waiting for you here" in page.locator("#review").inner_text()


def test_a_queue_the_reviewer_cannot_reach_is_404(page, other_queue, annotator):
    log_in(page, "annotator")
    response = page.goto(f"/queues/{other_queue.slug}/review/")

    assert response.status == 404
