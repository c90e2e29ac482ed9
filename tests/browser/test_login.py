from __future__ import annotations

import pytest

from tests.factories import ingest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, username: str, password: str = "pw-for-tests-only") -> None:
    page.goto("/accounts/login/?next=/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def test_annotator_logs_in_and_sees_their_queue_with_what_waits(page, queue, annotator, outsider):
    for confidence in (0.95, 0.7, 0.7, 0.2):  # auto-approved, two for Tier 1, one for SMEs
        ingest(queue, output={"label": "approve", "confidence": confidence})

    log_in(page, "annotator")

    page.wait_for_url("**/")
    assert page.locator("h1").inner_text() == "My queues"
    row = page.locator("tr", has_text="loans")
    cells = row.locator("td.num").all_inner_texts()
    assert cells == ["2", "1", "3", "4"]  # Tier 1 waiting, SME waiting, held, all
    assert page.locator("tr", has_text="other").count() == 0  # the outsider's queue


def test_a_wrong_password_says_so_and_stays_on_the_login_page(page, annotator):
    log_in(page, "annotator", "not-the-password")

    assert "do not match" in page.locator(".error").inner_text()
    assert "/accounts/login/" in page.url


def test_pages_need_a_login(page):
    page.goto("/")

    assert "/accounts/login/" in page.url
