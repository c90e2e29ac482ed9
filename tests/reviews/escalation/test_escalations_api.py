"""GET/POST /api/v1/escalations/…: tickets, their bundles, acknowledge, resolve, take."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from accounts.models import User
from audit.models import EvidenceBundle
from reviews.escalation.models import Escalation
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from reviews.work.models import Assignment
from tests.reviews.escalating import opened_incident, sme_ticket
from tests.reviews.reviewing import reviewer, snapshot

pytestmark = pytest.mark.django_db


def url(ticket: Escalation | int, action: str = "") -> str:
    pk = ticket if isinstance(ticket, int) else ticket.pk
    return f"/api/v1/escalations/{pk}/" + (f"{action}/" if action else "")


def test_an_sme_lists_the_tickets_of_their_queue_newest_first(
    queue: Queue, annotator: User, sme: User, api_as: Any
) -> None:
    first = sme_ticket(queue, annotator)
    second = sme_ticket(queue, annotator, bundle=False)

    response = api_as(sme).get("/api/v1/escalations/")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == 2
    assert [row["id"] for row in body["results"]] == [second.pk, first.pk]
    row = body["results"][1]
    assert row == {
        "id": first.pk,
        "queue": "loans",
        "item": first.item_id,
        "external_id": first.item.external_id,
        "from_tier": "tier1",
        "to_tier": "sme",
        "reason": "reviewer",
        "state": "open",
        "owner_group": "smes",
        "created_at": row["created_at"],
        "due_at": row["due_at"],
        "incident": None,
        "has_bundle": True,
    }
    assert body["results"][0]["has_bundle"] is False


def test_list_filters_by_queue_reason_state_and_tier(
    queue: Queue, annotator: User, sme: User, admin_user: User, api_as: Any
) -> None:
    to_sme = sme_ticket(queue, annotator)
    _, _ = opened_incident(queue, sme)
    client = api_as(admin_user)

    def ids(query: str) -> list[int]:
        response = client.get(f"/api/v1/escalations/?{query}")
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    everything = ids("")
    assert len(everything) == 2
    assert ids("to_tier=sme") == [to_sme.pk]
    assert to_sme.pk not in ids("to_tier=incident") and len(ids("to_tier=incident")) == 1
    assert ids("reason=reviewer") == everything
    assert ids("reason=sla_breach") == []
    assert ids("state=open") == everything
    assert ids("state=resolved") == []
    assert ids("queue=loans") == everything
    assert ids("queue=nowhere") == []


@pytest.mark.parametrize(
    ("query", "field"),
    [("reason=bogus", "reason"), ("state=closed", "state"), ("to_tier=ceo", "to_tier")],
)
def test_a_bad_filter_is_a_400_naming_it(sme: User, api_as: Any, query: str, field: str) -> None:
    response = api_as(sme).get(f"/api/v1/escalations/?{query}")

    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_people_without_escalation_rights_see_no_tickets(
    queue: Queue, annotator: User, outsider: User, api_as: Any
) -> None:
    ticket = sme_ticket(queue, annotator)

    for user in (annotator, outsider):
        client = api_as(user)
        assert client.get("/api/v1/escalations/").json()["count"] == 0
        response = client.get(url(ticket))
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


def test_an_sme_of_another_queue_gets_404(
    queue: Queue, other_queue: Queue, annotator: User, api_as: Any
) -> None:
    ticket = sme_ticket(queue, annotator)
    elsewhere = reviewer("other-sme", other_queue, Role.SME)

    assert api_as(elsewhere).get(url(ticket)).status_code == 404
    assert api_as(elsewhere).post(url(ticket, "acknowledge")).status_code == 404
    assert api_as(elsewhere).get("/api/v1/escalations/").json()["count"] == 0


def test_detail_has_the_bundle_parsed_with_its_hash_verified(
    queue: Queue, annotator: User, sme: User, api_as: Any
) -> None:
    ticket = sme_ticket(queue, annotator, input={"text": "Applicant earns 50k."})

    response = api_as(sme).get(url(ticket))

    assert response.status_code == 200, response.content
    body = response.json()
    bundle = EvidenceBundle.objects.get(pk=ticket.bundle_id)
    assert body["bundle"]["sha256"] == hashlib.sha256(bundle.content.encode()).hexdigest()
    assert body["bundle"]["verified"] is True
    content = body["bundle"]["content"]
    assert content == json.loads(bundle.content)
    assert content["escalation"] == ticket.pk
    assert content["input"] == {"text": "Applicant earns 50k."}
    assert content["verdicts"][0]["verdict"] == "escalate"
    assert content["verdicts"][0]["reviewer"] == "annotator"
    assert body["data"]["verdicts"][0]["rationale"] == content["verdicts"][0]["rationale"]


def test_detail_says_when_the_stored_bundle_no_longer_verifies(
    queue: Queue, annotator: User, sme: User, api_as: Any, on_postgres: bool
) -> None:
    if on_postgres:
        pytest.skip("PostgreSQL's trigger refuses to change a bundle at all")
    ticket = sme_ticket(queue, annotator)
    EvidenceBundle.objects.filter(pk=ticket.bundle_id).update(content='{"forged":true}')

    body = api_as(sme).get(url(ticket)).json()

    assert body["bundle"]["verified"] is False
    assert body["bundle"]["content"] == {"forged": True}


def test_detail_without_a_bundle_yet_says_null(
    queue: Queue, annotator: User, sme: User, api_as: Any
) -> None:
    ticket = sme_ticket(queue, annotator, bundle=False)

    assert api_as(sme).get(url(ticket)).json()["bundle"] is None


def test_acknowledge_once_then_409(queue: Queue, annotator: User, sme: User, api_as: Any) -> None:
    ticket = sme_ticket(queue, annotator)
    client = api_as(sme)

    response = client.post(url(ticket, "acknowledge"))

    assert response.status_code == 200, response.content
    assert (response.json()["state"], response.json()["acknowledged_by"]) == ("acknowledged", "sme")
    before = snapshot()
    again = client.post(url(ticket, "acknowledge"))
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "not_open"
    assert snapshot() == before


def test_resolve_with_a_note(queue: Queue, annotator: User, sme: User, api_as: Any) -> None:
    ticket = sme_ticket(queue, annotator)

    response = api_as(sme).post(
        url(ticket, "resolve"), {"resolution": "Settled by phone."}, format="json"
    )

    assert response.status_code == 200, response.content
    ticket.refresh_from_db()
    assert (ticket.state, ticket.resolution, ticket.resolved_by) == (
        "resolved",
        "Settled by phone.",
        "sme",
    )
    again = api_as(sme).post(url(ticket, "resolve"), {"resolution": "Twice."}, format="json")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "already_resolved"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "resolution"),
        ({"resolution": "   "}, "resolution"),
        ({"resolution": 7}, "resolution"),
        ({"resolution": "ok", "extra": 1}, "extra"),
    ],
)
def test_resolve_with_bad_input_is_a_400_changing_nothing(
    queue: Queue, annotator: User, sme: User, api_as: Any, body: Any, field: str
) -> None:
    ticket = sme_ticket(queue, annotator)
    client = api_as(sme)
    before = snapshot()

    response = client.post(url(ticket, "resolve"), body, format="json")

    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert snapshot() == before
    ticket.refresh_from_db()
    assert ticket.state == "open"


def test_take_leases_the_item_to_the_sme(
    queue: Queue, annotator: User, sme: User, api_as: Any
) -> None:
    ticket = sme_ticket(queue, annotator)
    client = api_as(sme)

    response = client.post(url(ticket, "take"))

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["item"]["id"], body["tier"], body["queue"]) == (ticket.item_id, "sme", "loans")
    lease = Assignment.objects.get(pk=body["id"])
    assert (lease.reviewer, lease.state, lease.tier) == (sme, "active", "sme")
    before = snapshot()
    again = client.post(url(ticket, "take"))
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "no_room"
    assert snapshot() == before


def test_take_of_an_item_that_went_to_an_incident_is_409(
    queue: Queue, sme: User, responder: User, api_as: Any
) -> None:
    incident, item = opened_incident(queue, sme)
    ticket = Escalation.objects.get(item=item)
    client = api_as(responder)
    before = snapshot()

    response = client.post(url(ticket, "take"))

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_waiting"
    assert snapshot() == before


@pytest.mark.parametrize("action", ["acknowledge", "resolve", "take"])
def test_outsiders_get_404_on_every_action_and_nothing_changes(
    queue: Queue, annotator: User, outsider: User, api_as: Any, action: str
) -> None:
    ticket = sme_ticket(queue, annotator)
    clients = [api_as(outsider), api_as(annotator)]
    before = snapshot()

    for client in clients:
        response = client.post(url(ticket, action), {"resolution": "x"}, format="json")
        assert response.status_code == 404, response.content
    assert clients[0].post(url(999_999, action)).status_code == 404
    assert snapshot() == before
