"""Verdicts: POST /api/v1/assignments/{id}/decision/ with k = 1."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import audit_verify
from reviews.escalation.models import Escalation
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from reviews.work.models import Assignment, Decision
from reviews.work.services.claims import assignment_claim, assignments_expire
from reviews.work.services.decisions import assignment_decide
from tests.factories import ingest, make_queue
from tests.reviews.reviewing import RATIONALE, claim, decide, release, reviewer, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(annotator: User, api_as: Any) -> APIClient:
    return api_as(annotator)  # type: ignore[no-any-return]


def leased(client: APIClient, queue: Queue, **overrides: Any) -> tuple[Item, int]:
    """A fresh tier-1 item (model says "approve", held) and the caller's lease on it."""
    item = ingest(queue, **overrides)
    response = claim(client, queue)
    assert response.status_code == 200, response.content
    return item, response.json()["id"]


def test_approve_decides_the_item_releases_it_and_records_handling_time(
    queue: Queue, client: APIClient
) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        item, assignment_id = leased(client, queue)
    assert item.release == "held"

    with time_machine.travel(start + timedelta(seconds=42), tick=False):
        response = decide(client, assignment_id, {"verdict": "approve"})

    assert response.status_code == 201, response.content
    assert response.json()["handling_seconds"] == 42.0
    item.refresh_from_db()
    assert (item.state, item.outcome, item.final_label) == ("decided", "approved", "approve")
    assert item.release == "released"
    assert item.released_at == item.decided_at == start + timedelta(seconds=42)
    assert Assignment.objects.get().state == Assignment.State.DECIDED
    decision = Decision.objects.get()
    assert (decision.verdict, decision.label, decision.handling_seconds) == (
        "approve",
        "approve",
        42.0,
    )
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {AuditAction.DECISION_RECORDED, AuditAction.ITEM_DECIDED} <= actions
    assert audit_verify().ok


def test_override_corrects_the_label(queue: Queue, client: APIClient) -> None:
    item, assignment_id = leased(client, queue)

    response = decide(client, assignment_id, {"verdict": "override", "label": "deny", **RATIONALE})

    assert response.status_code == 201, response.content
    item.refresh_from_db()
    assert (item.outcome, item.final_label, item.state) == ("corrected", "deny", "decided")
    decision = Decision.objects.get()
    assert (decision.rationale, decision.reason_code) == (
        RATIONALE["rationale"],
        RATIONALE["reason_code"],
    )


def test_reject_marks_the_input_unusable(queue: Queue, client: APIClient) -> None:
    item, assignment_id = leased(client, queue)

    response = decide(
        client,
        assignment_id,
        {"verdict": "reject", "rationale": "Blank scan.", "reason_code": "unusable_input"},
    )

    assert response.status_code == 201, response.content
    item.refresh_from_db()
    assert (item.outcome, item.final_label, item.state) == ("rejected", "", "decided")


def test_post_hoc_item_stays_released_when_decided() -> None:
    queue = make_queue("posthoc", mode="post_hoc")
    item = ingest(queue)
    assert item.release == "released"
    annotator = reviewer("posthoc-annotator", queue)
    assignment = assignment_claim(queue=queue, reviewer=annotator)
    assert assignment is not None

    assignment_decide(assignment_id=assignment.pk, reviewer=annotator, verdict="approve")

    decided = Item.objects.get(pk=item.pk)
    assert (decided.state, decided.release, decided.released_at) == (
        "decided",
        "released",
        item.released_at,
    )


def test_escalate_at_tier1_queues_the_item_for_smes_with_a_ticket(
    queue: Queue, client: APIClient, sme: User, api_as: Any
) -> None:
    item, assignment_id = leased(client, queue)

    response = decide(client, assignment_id, {"verdict": "escalate", **RATIONALE})

    assert response.status_code == 201, response.content
    item.refresh_from_db()
    assert (item.state, item.tier, item.votes_in, item.release) == ("queued", "sme", 0, "held")
    ticket = Escalation.objects.get()
    assert (ticket.from_tier, ticket.to_tier, ticket.reason) == ("tier1", "sme", "reviewer")
    assert ticket.data["verdicts"][0]["rationale"] == RATIONALE["rationale"]
    assert RATIONALE["rationale"] in ticket.note
    sme_lease = claim(api_as(sme), queue)
    assert sme_lease.json()["item"]["id"] == item.pk
    assert audit_verify().ok


def test_escalate_at_the_sme_tier_opens_an_incident(queue: Queue, sme: User, api_as: Any) -> None:
    item = ingest(queue, output={"label": "approve", "confidence": 0.1})
    sme_client = api_as(sme)
    assignment_id = claim(sme_client, queue).json()["id"]

    response = decide(sme_client, assignment_id, {"verdict": "escalate", **RATIONALE})

    assert response.status_code == 201, response.content
    item.refresh_from_db()
    assert (item.state, item.tier, item.release) == ("incident", "incident", "held")
    ticket = Escalation.objects.get()
    assert (ticket.from_tier, ticket.to_tier, ticket.reason) == ("sme", "incident", "reviewer")
    assert ticket.incident is not None and ticket.incident.state == "open"
    assert audit_verify().ok


_OVERRIDE = {"verdict": "override", "label": "deny"}
_REJECT = {"verdict": "reject", "reason_code": "wrong_label"}
BAD_BODIES: list[tuple[str, Any, str]] = [
    ("no-verdict", {}, "verdict"),
    ("unknown-verdict", {"verdict": "maybe"}, "verdict"),
    ("verdict-wrong-type", {"verdict": 1}, "verdict"),
    ("override-without-label", {"verdict": "override", **RATIONALE}, "label"),
    ("override-unknown-label", {**_OVERRIDE, **RATIONALE, "label": "perhaps"}, "label"),
    ("override-to-model-label", {**_OVERRIDE, **RATIONALE, "label": "approve"}, "label"),
    ("override-without-rationale", {**_OVERRIDE, "reason_code": "wrong_label"}, "rationale"),
    ("override-blank-rationale", {**_OVERRIDE, **RATIONALE, "rationale": "  "}, "rationale"),
    ("override-without-reason", {**_OVERRIDE, "rationale": "x"}, "reason_code"),
    ("unknown-reason", {**_REJECT, "rationale": "x", "reason_code": "vibes"}, "reason_code"),
    ("reject-without-anything", {"verdict": "reject"}, "rationale"),
    ("escalate-without-reason", {"verdict": "escalate", "rationale": "x"}, "reason_code"),
    ("reject-with-label", {**_REJECT, "rationale": "x", "label": "deny"}, "label"),
    ("approve-other-label", {"verdict": "approve", "label": "deny"}, "label"),
    ("label-wrong-type", {**_OVERRIDE, **RATIONALE, "label": 5}, "label"),
    ("rationale-wrong-type", {**_REJECT, "rationale": ["x"]}, "rationale"),
    ("rationale-too-long", {**_REJECT, "rationale": "x" * 10_001}, "rationale"),
    ("nul-in-rationale", {**_REJECT, "rationale": "a\x00b"}, "rationale"),
    ("unknown-field", {"verdict": "approve", "score": 3}, "score"),
    ("not-an-object", ["approve"], "non_field_errors"),
]


@pytest.mark.parametrize(
    ("body", "field"), [b[1:] for b in BAD_BODIES], ids=[b[0] for b in BAD_BODIES]
)
def test_bad_decision_is_400_names_the_field_and_changes_nothing(
    body: Any, field: str, queue: Queue, client: APIClient
) -> None:
    _, assignment_id = leased(client, queue)
    before = snapshot()

    response = decide(client, assignment_id, body)

    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"], error
    assert snapshot() == before


def test_invalid_json_is_400_and_changes_nothing(queue: Queue, client: APIClient) -> None:
    _, assignment_id = leased(client, queue)
    before = snapshot()

    response = client.post(
        f"/api/v1/assignments/{assignment_id}/decision/", "{nope", content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_json"
    assert snapshot() == before


@pytest.mark.parametrize("who", ["other-annotator", "outsider", "client", "missing"])
def test_deciding_someone_elses_or_a_missing_assignment_is_404_and_changes_nothing(
    who: str, queue: Queue, client: APIClient, outsider: User, api: APIClient, api_as: Any
) -> None:
    _, assignment_id = leased(client, queue)
    caller = {
        "other-annotator": lambda: api_as(reviewer("other", queue)),
        "outsider": lambda: api_as(outsider),
        "client": lambda: api,
        "missing": lambda: client,
    }[who]()
    target = assignment_id + 1000 if who == "missing" else assignment_id
    before = snapshot()

    response = decide(caller, target, {"verdict": "approve"})

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "assignment_not_found"
    assert snapshot() == before


@pytest.mark.parametrize(
    "body",
    [{"verdict": "approve"}, {"verdict": "override", "label": "deny", **RATIONALE}],
    ids=["approve", "override"],
)
def test_the_same_verdict_sent_again_answers_200_with_the_same_decision(
    queue: Queue, client: APIClient, body: dict[str, Any]
) -> None:
    # A client whose answer was lost (web process or database died after the commit)
    # retries: it gets the recorded decision back and nothing is recorded twice.
    _, assignment_id = leased(client, queue)
    first = decide(client, assignment_id, body)
    before = snapshot()

    again = decide(client, assignment_id, body)

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert snapshot() == before


def test_deciding_twice_is_409_and_changes_nothing(queue: Queue, client: APIClient) -> None:
    _, assignment_id = leased(client, queue)
    decide(client, assignment_id, {"verdict": "approve"})
    before = snapshot()

    response = decide(client, assignment_id, {"verdict": "override", "label": "deny", **RATIONALE})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "already_decided"
    assert snapshot() == before


def test_deciding_a_released_lease_is_409(queue: Queue, client: APIClient) -> None:
    _, assignment_id = leased(client, queue)
    release(client, assignment_id)
    before = snapshot()

    response = decide(client, assignment_id, {"verdict": "approve"})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "lease_released"
    assert snapshot() == before


@pytest.mark.parametrize("swept", [False, True], ids=["before-sweep", "after-sweep"])
def test_deciding_an_expired_lease_is_409_and_changes_nothing(
    swept: bool, queue: Queue, client: APIClient
) -> None:
    item, assignment_id = leased(client, queue)
    expires_at = Assignment.objects.get(pk=assignment_id).expires_at

    with time_machine.travel(expires_at + timedelta(seconds=1), tick=False):
        if swept:
            assignments_expire()
        before = snapshot()
        response = decide(client, assignment_id, {"verdict": "approve"})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "lease_expired"
    assert snapshot() == before
    item.refresh_from_db()
    assert item.state == ("queued" if swept else "in_review")


def test_decision_response_shape(queue: Queue, client: APIClient) -> None:
    item, assignment_id = leased(client, queue)

    data = decide(
        client, assignment_id, {"verdict": "override", "label": "unsure", **RATIONALE}
    ).json()

    decision = Decision.objects.get()
    assert data["id"] == decision.pk
    assert (data["assignment"], data["item"], data["tier"]) == (assignment_id, item.pk, "tier1")
    assert (data["verdict"], data["label"], data["reason_code"]) == (
        "override",
        "unsure",
        "wrong_label",
    )


def test_sme_persona_decides_an_sme_item(queue: Queue, api_as: Any) -> None:
    sme_user = reviewer("expert", queue, Role.SME)
    sme_client = api_as(sme_user)
    item = ingest(queue, output={"label": "deny", "confidence": 0.2})
    assignment_id = claim(sme_client, queue).json()["id"]

    response = decide(sme_client, assignment_id, {"verdict": "approve"})

    assert response.status_code == 201
    item.refresh_from_db()
    assert (item.state, item.outcome, item.final_label, item.tier) == (
        "decided",
        "approved",
        "deny",
        "sme",
    )
