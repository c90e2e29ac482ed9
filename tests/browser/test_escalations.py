"""The escalation ladder in real Chromium (SPEC §8): an SME works a ticket from the inbox,
and a responder contains an incident from its page."""

from __future__ import annotations

import pytest

from reviews.escalation.models import Incident
from reviews.intake.models import Item
from reviews.queues.models import Containment
from reviews.work.models import Decision
from tests.browser.test_login import log_in
from tests.reviews.escalating import opened_incident, sme_ticket

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_sme_takes_a_ticket_from_the_inbox_and_decides_it(page, queue, annotator, sme):
    ticket = sme_ticket(queue, annotator, input={"text": "Applicant asks for 40k over 5 years."})

    log_in(page, "sme")
    page.wait_for_url("**/")
    page.click("nav >> text=Escalations")
    page.wait_for_url("**/escalations/")
    row = page.locator("tr.ticket", has_text=ticket.item.external_id)
    assert "A reviewer escalated" in row.inner_text()
    row.locator(f"a[href='/escalations/{ticket.pk}/']").click()

    page.wait_for_url(f"**/escalations/{ticket.pk}/")
    bundle = page.locator("section.bundle")
    assert "Applicant asks for 40k over 5 years." in bundle.inner_text()
    assert "verifies" in bundle.inner_text()
    assert "The applicant's income does not support it." in bundle.inner_text()

    page.click("button:has-text('Work this item')")
    page.wait_for_url(f"**/queues/{queue.slug}/review/")
    assert f"#{ticket.item_id}" in page.locator("#review .item header").inner_text()
    page.keyboard.press("Enter")  # approve the model's label
    page.wait_for_selector("#review .notice:has-text('Approved.')")

    item = Item.objects.get(pk=ticket.item_id)
    assert (item.state, item.outcome, item.final_label) == ("decided", "approved", "approve")
    decision = Decision.objects.get(item=item, tier="sme")
    assert (decision.reviewer_id, decision.verdict) == (sme.pk, "approve")
    ticket.refresh_from_db()
    assert ticket.state == "resolved"


def test_a_responder_contains_an_incident_from_its_page(page, queue, sme, responder):
    incident, _ = opened_incident(queue, sme)

    log_in(page, "responder")
    page.wait_for_url("**/")
    page.click("nav >> text=Incidents")
    page.wait_for_url("**/incidents/")
    page.click(f"a[href='/incidents/{incident.pk}/']")
    page.wait_for_url(f"**/incidents/{incident.pk}/")
    page.evaluate("window.stillTheSamePage = true")  # gone if anything reloads the page

    page.fill("form.contain input[name=reason]", "Model build 7 approves everything.")
    page.fill("form.contain input[name=slice]", "region=EU")
    page.click("form.contain button[type=submit]")
    page.wait_for_selector("#incident .notice:has-text('Contained region=EU')")

    assert page.locator("#incident").get_attribute("data-state") == "contained"
    assert "ON" in page.locator(".containment .switch.on").inner_text()
    assert page.evaluate("window.stillTheSamePage") is True  # htmx swapped the fragment
    containment = Containment.objects.get()
    assert (containment.active, containment.slice, containment.incident_id) == (
        True,
        {"region": "EU"},
        incident.pk,
    )
    assert Incident.objects.get(pk=incident.pk).state == "contained"
