"""GET/POST /api/v1/incidents/…: the board's data, the timeline and every incident action."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import User
from reviews.escalation.models import Escalation, Incident, IncidentEvent
from reviews.queues.models import Containment, Queue
from reviews.queues.permissions import Role
from reviews.work.models import Decision
from tests.reviews.escalating import opened_incident
from tests.reviews.reviewing import RATIONALE, reviewer, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def opened(queue: Queue, sme: User) -> tuple[Incident, Any]:
    return opened_incident(queue, sme, input={"text": "Suspicious application."})


@pytest.fixture
def incident(opened: tuple[Incident, Any]) -> Incident:
    return opened[0]


@pytest.fixture
def client(responder: User, api_as: Any) -> Any:
    return api_as(responder)


def url(incident: Incident | int, action: str = "") -> str:
    pk = incident if isinstance(incident, int) else incident.pk
    return f"/api/v1/incidents/{pk}/" + (f"{action}/" if action else "")


def post(client: Any, path: str, body: Any = None) -> Any:
    return client.post(path, body if body is not None else {}, format="json")


def kinds(incident: Incident) -> list[str]:
    return list(IncidentEvent.objects.filter(incident=incident).values_list("kind", flat=True))


def test_a_responder_lists_and_filters_incidents(
    incident: Incident, client: Any, admin_user: User, api_as: Any
) -> None:
    response = client.get("/api/v1/incidents/")

    assert response.status_code == 200, response.content
    (row,) = response.json()["results"]
    assert (row["id"], row["queue"], row["state"], row["severity"], row["owner"]) == (
        incident.pk,
        "loans",
        "open",
        "sev3",
        None,
    )
    assert row["owner_group"] == "incident-responders"
    for query, expected in [
        ("state=open", [incident.pk]),
        ("state=resolved", []),
        ("severity=sev3", [incident.pk]),
        ("severity=sev1", []),
        ("queue=loans", [incident.pk]),
        ("queue=other", []),
    ]:
        got = client.get(f"/api/v1/incidents/?{query}").json()["results"]
        assert [r["id"] for r in got] == expected, query
    assert api_as(admin_user).get("/api/v1/incidents/").json()["count"] == 1


@pytest.mark.parametrize("query", ["state=closed", "severity=sev9"])
def test_a_bad_filter_is_a_400(client: Any, query: str) -> None:
    response = client.get(f"/api/v1/incidents/?{query}")

    assert response.status_code == 400
    assert query.split("=")[0] in response.json()["error"]["fields"]


def test_smes_annotators_and_outsiders_do_not_see_incidents(
    incident: Incident, sme: User, annotator: User, outsider: User, api_as: Any
) -> None:
    # SMEs see the tickets that opened the incident, not the incident (a choice: one set
    # of people for every incident page and action).
    for user in (sme, annotator, outsider):
        user_client = api_as(user)
        assert user_client.get("/api/v1/incidents/").json()["count"] == 0
        assert user_client.get(url(incident)).status_code == 404


def test_a_responder_of_another_queue_gets_404(
    incident: Incident, other_queue: Queue, api_as: Any
) -> None:
    elsewhere = api_as(reviewer("other-responder", other_queue, Role.RESPONDER))

    assert elsewhere.get(url(incident)).status_code == 404
    assert post(elsewhere, url(incident, "notes"), {"text": "hi"}).status_code == 404


def test_detail_has_timeline_tickets_items_and_bundle(
    opened: tuple[Incident, Any], client: Any
) -> None:
    incident, item = opened

    body = client.get(url(incident)).json()

    assert [e["kind"] for e in body["timeline"]] == ["opened"]
    (ticket,) = body["escalations"]
    assert (ticket["item"], ticket["to_tier"]) == (item.pk, "incident")
    assert body["items"] == [
        {
            "id": item.pk,
            "external_id": item.external_id,
            "state": "incident",
            "tier": "incident",
            "label": "approve",
            "confidence": 0.1,
            "final_label": "",
            "outcome": "",
            "waiting": True,
        }
    ]
    assert body["containments"] == []
    assert body["bundle"]["verified"] is True
    assert body["bundle"]["content"]["items"][0]["input"] == {"text": "Suspicious application."}


def test_transition_forward_and_refusals(incident: Incident, client: Any, responder: User) -> None:
    response = post(client, url(incident, "transition"), {"to": "acknowledged"})

    assert response.status_code == 200, response.content
    assert (response.json()["state"], response.json()["owner"]) == ("acknowledged", "responder")
    backwards = post(client, url(incident, "transition"), {"to": "open"})
    assert backwards.status_code == 409
    assert backwards.json()["error"]["code"] == "invalid_transition"
    no_note = post(client, url(incident, "transition"), {"to": "resolved"})
    assert no_note.status_code == 409
    assert no_note.json()["error"]["code"] == "resolution_required"
    done = post(
        client, url(incident, "transition"), {"to": "resolved", "note": "Model rolled back."}
    )
    assert done.status_code == 200
    assert done.json()["resolution"] == "Model rolled back."
    assert kinds(incident) == ["opened", "state", "state"]


@pytest.mark.parametrize(
    "body", [{}, {"to": "closed"}, {"to": "resolved", "note": 5}, {"to": "open", "x": 1}]
)
def test_transition_with_bad_input_is_a_400_changing_nothing(
    incident: Incident, client: Any, body: Any
) -> None:
    before = snapshot(), kinds(incident)

    response = post(client, url(incident, "transition"), body)

    assert response.status_code == 400
    assert (snapshot(), kinds(incident)) == before


def test_update_severity_owner_and_postmortem(
    incident: Incident, client: Any, admin_user: User
) -> None:
    response = post(
        client,
        url(incident, "update"),
        {"severity": "sev1", "owner": "admin", "postmortem": "Threshold too low."},
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["severity"], body["owner"], body["postmortem"]) == (
        "sev1",
        "admin",
        "Threshold too low.",
    )
    assert kinds(incident) == ["opened", "severity", "owner", "note"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "non_field_errors"),
        ({"severity": "sev9"}, "severity"),
        ({"owner": "sme"}, "owner"),  # an SME may not respond to incidents
        ({"owner": "outsider"}, "owner"),
        ({"owner": "nobody-at-all"}, "owner"),
        ({"postmortem": ["no"]}, "postmortem"),
    ],
)
def test_update_with_bad_input_is_a_400_changing_nothing(
    incident: Incident, client: Any, sme: User, outsider: User, body: Any, field: str
) -> None:
    before = snapshot(), kinds(incident)

    response = post(client, url(incident, "update"), body)

    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert (snapshot(), kinds(incident)) == before
    incident.refresh_from_db()
    assert (incident.severity, incident.owner_id) == ("sev3", None)


def test_notes(incident: Incident, client: Any) -> None:
    response = post(client, url(incident, "notes"), {"text": "Looking at the model logs."})

    assert response.status_code == 201, response.content
    assert (response.json()["kind"], response.json()["actor"]) == ("note", "responder")
    empty = post(client, url(incident, "notes"), {"text": ""})
    assert empty.status_code == 400
    assert "text" in empty.json()["error"]["fields"]
    assert kinds(incident) == ["opened", "note"]


def test_contain_then_lift(incident: Incident, client: Any) -> None:
    response = post(
        client, url(incident, "contain"), {"reason": "Bad model build.", "slice": {"region": "EU"}}
    )

    assert response.status_code == 201, response.content
    containment = Containment.objects.get(pk=response.json()["id"])
    assert (containment.active, containment.slice, containment.incident_id) == (
        True,
        {"region": "EU"},
        incident.pk,
    )
    incident.refresh_from_db()
    assert incident.state == "contained"
    again = post(client, url(incident, "contain"), {"reason": "x", "slice": {"region": "EU"}})
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "already_contained"

    lift_url = url(incident, f"containments/{containment.pk}/lift")
    assert post(client, lift_url, {}).status_code == 400
    lifted = post(client, lift_url, {"note": "New build deployed."})
    assert lifted.status_code == 200, lifted.content
    assert (lifted.json()["active"], lifted.json()["lift_note"]) == (False, "New build deployed.")
    twice = post(client, lift_url, {"note": "again"})
    assert twice.status_code == 409
    assert twice.json()["error"]["code"] == "not_active"
    assert post(client, url(incident, "containments/999999/lift"), {"note": "x"}).status_code == 404
    assert kinds(incident)[-3:] == ["contained", "state", "lifted"]


@pytest.mark.parametrize(
    "body", [{}, {"reason": ""}, {"reason": "x", "slice": {"region": 1}}, {"reason": "x", "y": 1}]
)
def test_contain_with_bad_input_is_a_400_changing_nothing(
    incident: Incident, client: Any, body: Any
) -> None:
    before = snapshot(), kinds(incident)

    response = post(client, url(incident, "contain"), body)

    assert response.status_code == 400
    assert (snapshot(), kinds(incident)) == before
    assert not Containment.objects.exists()


def test_a_resolved_incident_cannot_be_contained(incident: Incident, client: Any) -> None:
    post(client, url(incident, "transition"), {"to": "resolved", "note": "False alarm."})

    response = post(client, url(incident, "contain"), {"reason": "late"})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "incident_resolved"
    assert not Containment.objects.exists()


def test_a_responder_decides_an_item(
    opened: tuple[Incident, Any], client: Any, responder: User
) -> None:
    incident, item = opened
    decision_url = url(incident, f"items/{item.pk}/decision")

    response = post(client, decision_url, {"verdict": "override", "label": "deny", **RATIONALE})

    assert response.status_code == 201, response.content
    assert (response.json()["tier"], response.json()["label"]) == ("incident", "deny")
    item.refresh_from_db()
    assert (item.state, item.final_label, item.outcome) == ("decided", "deny", "corrected")
    assert Decision.objects.get(item=item, tier="incident").reviewer == responder
    assert Escalation.objects.get(item=item).state == "resolved"
    assert kinds(incident)[-1] == "decided"
    twice = post(client, decision_url, {"verdict": "approve"})
    assert twice.status_code == 409
    assert twice.json()["error"]["code"] == "not_waiting"


@pytest.mark.parametrize(
    ("body", "status", "key"),
    [
        ({"verdict": "maybe"}, 400, "verdict"),
        ({"verdict": "override", "label": "deny"}, 400, "rationale"),
        ({"verdict": "override", "label": "perhaps", **RATIONALE}, 400, "label"),
        ({"verdict": "escalate", **RATIONALE}, 409, "cannot_escalate"),
    ],
)
def test_a_bad_decision_changes_nothing(
    opened: tuple[Incident, Any], client: Any, body: Any, status: int, key: str
) -> None:
    incident, item = opened
    before = snapshot(), kinds(incident)

    response = post(client, url(incident, f"items/{item.pk}/decision"), body)

    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert key in error["fields"] if status == 400 else error["code"] == key
    assert (snapshot(), kinds(incident)) == before


def test_deciding_an_item_not_in_the_incident_is_404(
    incident: Incident, client: Any, queue: Queue
) -> None:
    from tests.factories import ingest

    stranger = ingest(queue)

    response = post(client, url(incident, f"items/{stranger.pk}/decision"), {"verdict": "approve"})

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "item_not_found"


ACTIONS = [
    ("transition", {"to": "acknowledged"}),
    ("update", {"severity": "sev1"}),
    ("notes", {"text": "hi"}),
    ("contain", {"reason": "x"}),
]


@pytest.mark.parametrize(("action", "body"), ACTIONS)
def test_people_who_may_not_respond_get_404_and_nothing_changes(
    opened: tuple[Incident, Any],
    sme: User,
    outsider: User,
    annotator: User,
    api_as: Any,
    action: str,
    body: Any,
) -> None:
    incident, item = opened
    clients = [api_as(user) for user in (sme, outsider, annotator)]
    before = snapshot(), kinds(incident)

    for user_client in clients:
        assert post(user_client, url(incident, action), body).status_code == 404
        decision = post(
            user_client, url(incident, f"items/{item.pk}/decision"), {"verdict": "approve"}
        )
        assert decision.status_code == 404
    assert (snapshot(), kinds(incident)) == before
