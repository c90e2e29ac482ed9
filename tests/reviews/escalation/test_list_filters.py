"""The escalation lists' filters (reviews/escalation/filters.py): one FilterSet per list for
the API and the page. The API refuses a value a filter cannot use with a 400 naming it;
the page, whose form offers its values, leaves such a value out and lists as for "any"."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import User
from reviews.escalation.models import Escalation, Incident
from reviews.queues.models import Queue
from tests.reviews.escalating import opened_incident, sme_ticket
from tests.reviews.escalation.test_escalation_pages import signed_in

pytestmark = pytest.mark.django_db

# (query, the field named, its message): each the API refused before FilterSets too.
REFUSED = [
    ("queue=", "queue", "This field may not be blank."),
    ("queue=a%00b", "queue", "Must not contain NUL characters."),
    ("queue=" + "x" * 65, "queue", "Ensure this field has no more than 64 characters."),
    ("state=", "state", '"" is not a valid choice.'),
    ("state=closed", "state", '"closed" is not a valid choice.'),
]
TICKET_REFUSED = [*REFUSED, ("reason=a%00b", "reason", '"a\x00b" is not a valid choice.')]
INCIDENT_REFUSED = [*REFUSED, ("severity=sev9", "severity", '"sev9" is not a valid choice.')]


@pytest.fixture
def ticket(queue: Queue, annotator: User) -> Escalation:
    return sme_ticket(queue, annotator)


@pytest.fixture
def incident(queue: Queue, sme: User) -> Incident:
    return opened_incident(queue, sme)[0]


def refused(response: Any, field: str, message: str) -> None:
    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "invalid",
        "message": "The request has invalid fields.",
        "fields": {field: [message]},
    }


# (the list's path, API and page alike; the fixture of one row it lists; query, field, message)
LISTS = [
    *[("escalations", "ticket", *case) for case in TICKET_REFUSED],
    *[("incidents", "incident", *case) for case in INCIDENT_REFUSED],
]


@pytest.mark.parametrize(("path", "row", "query", "field", "message"), LISTS)
def test_a_filter_value_the_api_cannot_use_is_a_400_naming_it_the_page_ignores_it(
    request: pytest.FixtureRequest,
    admin_user: User,
    api_as: Any,
    path: str,
    row: str,
    query: str,
    field: str,
    message: str,
) -> None:
    listed = request.getfixturevalue(row)
    api = api_as(admin_user).get(f"/api/v1/{path}/?{query}")
    page = signed_in(admin_user).get(f"/{path}/?{query}")

    refused(api, field, message)
    assert page.status_code == 200
    assert f'href="/{path}/{listed.pk}/"' in page.content.decode()


def test_a_queue_the_page_does_not_offer_is_any_queue_on_the_page_and_none_on_the_api(
    ticket: Escalation, incident: Incident, sme: User, responder: User, api_as: Any
) -> None:
    # No such queue: on the API it matches nothing, as a queue the caller may not see.
    inbox = signed_in(sme).get("/escalations/?queue=nowhere").content.decode()
    board = signed_in(responder).get("/incidents/?queue=nowhere").content.decode()

    assert f'href="/escalations/{ticket.pk}/"' in inbox
    assert f'href="/incidents/{incident.pk}/"' in board
    assert api_as(sme).get("/api/v1/escalations/?queue=nowhere").json()["count"] == 0
    assert api_as(responder).get("/api/v1/incidents/?queue=nowhere").json()["count"] == 0


def test_the_pages_take_the_apis_filters_too(
    ticket: Escalation, incident: Incident, admin_user: User
) -> None:
    client = signed_in(admin_user)
    ticket_link = f'href="/escalations/{ticket.pk}/"'
    incident_link = f'href="/incidents/{incident.pk}/"'

    assert ticket_link in client.get("/escalations/?state=open&to_tier=sme").content.decode()
    assert ticket_link not in client.get("/escalations/?state=acknowledged").content.decode()
    assert incident_link in client.get("/incidents/?state=open").content.decode()
    assert incident_link not in client.get("/incidents/?state=contained").content.decode()


def test_the_inbox_keeps_the_chosen_filters_in_its_form(
    ticket: Escalation, admin_user: User
) -> None:
    html = signed_in(admin_user).get("/escalations/?queue=loans&reason=reviewer").content.decode()

    assert '<option value="loans" selected>' in html
    assert '<option value="reviewer" selected>' in html
