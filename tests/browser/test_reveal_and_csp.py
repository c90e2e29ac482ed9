"""In real Chromium: the audited reveal of a raw input on the review page, and every page
working under the strict Content-Security-Policy with no violation reported."""

from __future__ import annotations

from typing import Any

import pytest

from audit.actions import AuditAction
from audit.models import AuditEvent
from reviews.work.models import Decision
from tests.browser.test_login import log_in
from tests.factories import ingest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "ada.lovelace@example.org"
RAW = {"text": f"Please reach me at {EMAIL} about the loan."}


def csp_violations(page: Any) -> list[str]:
    """Chromium reports each refused inline script/style, eval or foreign load on the console."""
    seen: list[str] = []
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return seen


def test_an_admin_reveals_a_raw_input_and_finds_the_reveal_in_the_audit_browser(
    page, queue, admin_user
):
    ingest(queue, input=RAW, output={"label": "approve", "confidence": 0.3})  # to SMEs
    violations = csp_violations(page)
    log_in(page, "admin")
    page.wait_for_url("**/")
    page.goto(f"/queues/{queue.slug}/review/")
    page.evaluate("window.stillTheSamePage = true")

    card = page.locator("#review article.item")
    assert "[EMAIL]" in card.inner_text()
    assert EMAIL not in page.content()

    page.get_by_text("Reveal raw input…").click()
    reason = page.locator("textarea[name=reason]")
    reason.fill("")
    reason.focus()
    # Typing here must not fire the verdict hotkeys (d = another label, Enter = approve).
    page.keyboard.type("Customer disputes the address; ticket 88")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+Enter")  # submits the decision form only from its own fields
    assert Decision.objects.count() == 0
    page.get_by_role("button", name="Reveal", exact=True).click()

    page.wait_for_selector("#raw-reveal .raw")
    assert EMAIL in page.locator("#raw-reveal").inner_text()
    assert page.evaluate("window.stillTheSamePage") is True
    (event,) = AuditEvent.objects.filter(action=AuditAction.RAW_INPUT_REVEALED)
    assert event.actor_label == "admin"
    assert event.data["reason"].startswith("Customer disputes the address; ticket 88")

    page.get_by_role("link", name="Audit").click()
    row = page.locator("tr", has_text="raw input revealed")
    assert row.count() == 1
    assert "Customer disputes the address" in row.inner_text()
    assert EMAIL not in page.content()
    assert violations == []


def test_an_annotator_is_not_offered_the_reveal(page, queue, annotator):
    ingest(queue, input=RAW, output={"label": "approve", "confidence": 0.7})
    log_in(page, "annotator")
    page.wait_for_url("**/")
    page.goto(f"/queues/{queue.slug}/review/")

    assert "[EMAIL]" in page.locator("#review article.item").inner_text()
    assert page.get_by_text("Reveal raw input").count() == 0


def test_pages_work_under_the_policy_with_no_violation(page, queue, admin_user):
    ingest(queue, input=RAW, output={"label": "approve", "confidence": 0.3})
    violations = csp_violations(page)

    page.goto("/accounts/login/")
    log_in(page, "admin")
    page.wait_for_url("**/")
    page.goto(f"/queues/{queue.slug}/review/")
    page.wait_for_selector("#review article.item")
    page.goto("/audit/")
    page.get_by_role("button", name="Verify the whole chain now").click()
    page.wait_for_selector("ul.messages li:has-text('Chain verified')")
    # Swagger UI: rendered from static files and its start-up script, schema fetched.
    page.goto("/api/docs/")
    page.wait_for_selector(".swagger-ui .info .title")
    page.wait_for_selector(".opblock-summary-path")
    page.goto("/admin/")
    page.wait_for_selector("#content")
    page.goto("/admin/reviews/item/")
    page.wait_for_selector("#result_list")

    assert violations == []
    # And the check can see one: an inline script injected into a page is refused.
    page.evaluate(
        "document.head.appendChild(Object.assign(document.createElement('script'),"
        " {textContent: 'window.injected = true'}))"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.injected === undefined")
    assert len(violations) == 1
