"""The escalations inbox and ticket page with Django's test client (SPEC §8)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from accounts.models import User
from reviews.escalation.models import Escalation
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from reviews.work.models import Assignment
from tests.reviews.escalating import sme_ticket
from tests.reviews.reviewing import reviewer

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def signed_in(user: User, **kwargs: Any) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def test_the_inbox_lists_open_tickets_soonest_due_first(
    queue: Queue, annotator: User, sme: User
) -> None:
    first = sme_ticket(queue, annotator)
    second = sme_ticket(queue, annotator)
    Escalation.objects.filter(pk=second.pk).update(due_at=first.due_at - timedelta(minutes=5))

    response = signed_in(sme).get("/escalations/")

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index(f'href="/escalations/{second.pk}/"') < html.index(
        f'href="/escalations/{first.pk}/"'
    )
    assert first.item.external_id in html


def test_the_inbox_filters_by_queue_reason_and_age(
    queue: Queue, annotator: User, sme: User
) -> None:
    ticket = sme_ticket(queue, annotator)
    client = signed_in(sme)
    link = f'href="/escalations/{ticket.pk}/"'

    assert link in client.get("/escalations/?queue=loans&reason=reviewer").content.decode()
    assert link not in client.get("/escalations/?reason=sla_breach").content.decode()
    assert link not in client.get("/escalations/?age=1h").content.decode()
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert link in client.get("/escalations/?age=1h").content.decode()
        assert link not in client.get("/escalations/?age=4h").content.decode()


def test_resolved_tickets_leave_the_inbox(queue: Queue, annotator: User, sme: User) -> None:
    ticket = sme_ticket(queue, annotator)
    client = signed_in(sme)
    client.post(f"/escalations/{ticket.pk}/resolve/", {"resolution": "Done elsewhere."})

    assert f'href="/escalations/{ticket.pk}/"' not in client.get("/escalations/").content.decode()


def test_the_inbox_and_tickets_are_404_to_people_without_escalation_rights(
    queue: Queue, annotator: User, outsider: User
) -> None:
    ticket = sme_ticket(queue, annotator)

    for user in (annotator, outsider):
        client = signed_in(user)
        assert client.get("/escalations/").status_code == 404
        assert client.get(f"/escalations/{ticket.pk}/").status_code == 404
        assert client.post(f"/escalations/{ticket.pk}/acknowledge/").status_code == 404
    assert Escalation.objects.get().state == "open"


def test_an_sme_of_another_queue_gets_404_for_the_ticket(
    queue: Queue, other_queue: Queue, annotator: User
) -> None:
    ticket = sme_ticket(queue, annotator)
    client = signed_in(reviewer("other-sme", other_queue, Role.SME))

    assert client.get("/escalations/").status_code == 200
    assert client.get(f"/escalations/{ticket.pk}/").status_code == 404
    assert client.post(f"/escalations/{ticket.pk}/take/").status_code == 404


def test_the_ticket_page_renders_the_bundle_readably(
    queue: Queue, annotator: User, sme: User
) -> None:
    ticket = sme_ticket(
        queue, annotator, input={"text": "Applicant <b>earns</b> 50k.", "history": [1, 2]}
    )

    response = signed_in(sme).get(f"/escalations/{ticket.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Applicant &lt;b&gt;earns&lt;/b&gt; 50k." in html  # escaped, never markup
    assert '<pre class="json">[\n  1,\n  2\n]</pre>' in html
    assert "70.0%" in html  # the model's confidence
    assert "Policy v1" in html
    assert "<strong>thresholds</strong>" in html  # a routing trace step
    assert "The applicant&#x27;s income does not support it." in html  # the verdict's rationale
    assert "KPIs, last 24 hours" in html
    assert ticket.bundle.sha256 in html and "verifies" in html
    assert "Work this item" in html and "Acknowledge" in html


def test_a_ticket_without_its_bundle_says_so(queue: Queue, annotator: User, sme: User) -> None:
    ticket = sme_ticket(queue, annotator, bundle=False)

    html = signed_in(sme).get(f"/escalations/{ticket.pk}/").content.decode()

    assert "still being built" in html


def test_acknowledge_redirects_and_with_htmx_answers_the_fragment(
    queue: Queue, annotator: User, sme: User
) -> None:
    first, second = sme_ticket(queue, annotator), sme_ticket(queue, annotator)
    client = signed_in(sme)

    plain = client.post(f"/escalations/{first.pk}/acknowledge/")
    assert plain.status_code == 302 and plain["Location"] == f"/escalations/{first.pk}/"
    fragment = client.post(f"/escalations/{second.pk}/acknowledge/", **HTMX)
    assert fragment.status_code == 200
    html = fragment.content.decode()
    assert 'id="ticket-state"' in html
    assert "<html" not in html and "Acknowledged" in html
    assert set(Escalation.objects.values_list("state", flat=True)) == {"acknowledged"}


def test_resolve_needs_a_note(queue: Queue, annotator: User, sme: User) -> None:
    ticket = sme_ticket(queue, annotator)
    client = signed_in(sme)

    blank = client.post(f"/escalations/{ticket.pk}/resolve/", {"resolution": " "}, **HTMX)

    assert blank.status_code == 422
    assert "Say how the escalation was resolved." in blank.content.decode()
    ticket.refresh_from_db()
    assert ticket.state == "open"
    done = client.post(f"/escalations/{ticket.pk}/resolve/", {"resolution": "Phoned the client."})
    assert done.status_code == 302
    ticket.refresh_from_db()
    assert (ticket.state, ticket.resolution) == ("resolved", "Phoned the client.")


def test_work_this_item_leases_it_and_opens_the_review_page(
    queue: Queue, annotator: User, sme: User
) -> None:
    ticket = sme_ticket(queue, annotator)
    client = signed_in(sme)

    response = client.post(f"/escalations/{ticket.pk}/take/")

    assert response.status_code == 302 and response["Location"] == "/queues/loans/review/"
    lease = Assignment.objects.get(reviewer=sme)
    assert (lease.item_id, lease.tier, lease.state) == (ticket.item_id, "sme", "active")
    review = client.get("/queues/loans/review/").content.decode()
    assert f"<strong>#{ticket.item_id}</strong>" in review
    again = client.post(f"/escalations/{ticket.pk}/take/", follow=True)
    assert "has all the reviewers it needs" in again.content.decode()
    assert Assignment.objects.filter(reviewer=sme).count() == 1


def test_posts_without_a_csrf_token_are_refused(queue: Queue, annotator: User, sme: User) -> None:
    ticket = sme_ticket(queue, annotator)
    client = signed_in(sme, enforce_csrf_checks=True)

    for action in ("acknowledge", "resolve", "take"):
        response = client.post(f"/escalations/{ticket.pk}/{action}/", {"resolution": "x"})
        assert response.status_code == 403
    ticket.refresh_from_db()
    assert ticket.state == "open"
    assert not Assignment.objects.filter(reviewer=sme).exists()


def test_the_navigation_offers_the_desks_people_may_use(
    queue: Queue, annotator: User, sme: User, responder: User
) -> None:
    def nav(user: User) -> tuple[bool, bool]:
        html = signed_in(user).get("/").content.decode()
        return 'href="/escalations/">Escalations' in html, 'href="/incidents/">Incidents' in html

    assert nav(annotator) == (False, False)
    assert nav(sme) == (True, False)
    assert nav(responder) == (True, True)
