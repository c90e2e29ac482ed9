"""Claiming, releasing and expiring leases: POST /api/v1/queues/{slug}/claim/ and friends."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import audit_verify
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.queues.services.queues import policy_create
from reviews.tasks import expire_leases
from reviews.work.models import Assignment
from reviews.work.services.claims import assignment_claim, assignments_expire
from tests.factories import DEFAULT_POLICY, SYSTEM, ingest, make_queue
from tests.reviews.reviewing import claim, release, reviewer, snapshot

pytestmark = pytest.mark.django_db


def test_claim_leases_the_item_with_input_suggestion_schema_and_expiry(
    queue: Queue, annotator: User, api_as: Any
) -> None:
    item = ingest(
        queue, input={"text": "loan for a boat"}, output={"label": "deny", "confidence": 0.7}
    )
    client = api_as(annotator)

    response = claim(client, queue)

    assert response.status_code == 200, response.content
    data = response.json()
    assignment = Assignment.objects.get()
    assert data["id"] == assignment.pk
    assert data["tier"] == "tier1"
    assert data["item"]["id"] == item.pk
    assert data["item"]["input"] == {"text": "loan for a boat"}
    assert data["suggestion"]["label"] == "deny"
    assert data["suggestion"]["confidence"] == 0.7
    assert [label["value"] for label in data["labels"]] == ["approve", "deny", "unsure"]
    assert [code["code"] for code in data["reason_codes"]] == ["wrong_label", "unusable_input"]
    leased = assignment.expires_at - assignment.leased_at
    assert leased == timedelta(seconds=settings.HITL_LEASE_SECONDS)
    assert data["expires_at"].startswith(assignment.expires_at.strftime("%Y-%m-%dT%H:%M:%S"))
    item.refresh_from_db()
    assert (item.state, item.leases_active) == (Item.State.IN_REVIEW, 1)
    event = AuditEvent.objects.get(action=AuditAction.ASSIGNMENT_CLAIMED)
    assert event.target_id == str(assignment.pk)
    assert audit_verify().ok


def test_claim_shows_scores_as_the_model_sent_them(
    queue: Queue, annotator: User, api_as: Any
) -> None:
    ingest(queue, output={"label": "deny", "confidence": 0.7, "scores": {"deny": 1, "approve": 0}})

    response = claim(api_as(annotator), queue)

    assert b'"scores":{"deny":1,"approve":0}' in response.content


def test_empty_queue_is_204(queue: Queue, annotator: User, api_as: Any) -> None:
    response = claim(api_as(annotator), queue)

    assert response.status_code == 204
    assert not Assignment.objects.exists()


def test_decided_auto_approved_and_other_queue_items_are_not_claimable(
    queue: Queue, other_queue: Queue, annotator: User
) -> None:
    ingest(queue, output={"label": "approve", "confidence": 0.99})  # auto-approved
    ingest(other_queue)

    assert assignment_claim(queue=queue, reviewer=annotator) is None


@pytest.mark.parametrize("who", ["outsider", "client", "unknown-queue"])
def test_caller_who_cannot_review_the_queue_gets_404_and_nothing_changes(
    who: str, queue: Queue, outsider: User, annotator: User, api: APIClient, api_as: Any
) -> None:
    ingest(queue)
    client = api if who == "client" else api_as(outsider if who == "outsider" else annotator)
    slug = "no-such-queue" if who == "unknown-queue" else queue.slug
    before = snapshot()

    response = claim(client, slug)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "queue_not_found"
    assert snapshot() == before


def test_unauthenticated_claim_is_401_or_403(queue: Queue) -> None:
    ingest(queue)
    before = snapshot()

    response = claim(APIClient(), queue)

    assert response.status_code in (401, 403)
    assert snapshot() == before


def test_annotator_asking_for_the_sme_tier_is_403_and_nothing_changes(
    queue: Queue, annotator: User, api_as: Any
) -> None:
    ingest(queue, output={"label": "approve", "confidence": 0.1})  # straight to SME
    client = api_as(annotator)
    before = snapshot()

    response = claim(client, queue, tier="sme")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "tier_not_allowed"
    assert snapshot() == before


@pytest.mark.parametrize(
    "body",
    [{"tier": "tier3"}, {"tier": 1}, {"tiers": "sme"}, {"tier": None}],
    ids=["unknown-tier", "wrong-type", "unknown-field", "null"],
)
def test_bad_claim_body_is_400_and_nothing_changes(
    body: dict[str, object], queue: Queue, annotator: User, api_as: Any
) -> None:
    ingest(queue)
    client = api_as(annotator)
    before = snapshot()

    response = claim(client, queue, **body)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert snapshot() == before


def test_sme_works_the_sme_tier_by_default_and_tier1_when_asked(
    queue: Queue, sme: User, api_as: Any
) -> None:
    tier1 = ingest(queue, output={"label": "approve", "confidence": 0.7})
    sme_item = ingest(queue, output={"label": "approve", "confidence": 0.1})
    client = api_as(sme)

    first = claim(client, queue)
    second = claim(client, queue)
    third = claim(client, queue, tier="tier1")

    assert (first.json()["item"]["id"], first.json()["tier"]) == (sme_item.pk, "sme")
    assert second.status_code == 204
    assert (third.json()["item"]["id"], third.json()["tier"]) == (tier1.pk, "tier1")


def test_priority_is_deadline_then_risk_then_age(queue: Queue, annotator: User) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        old_medium = ingest(queue)
        young_medium = ingest(queue)
        policy_create(queue=queue, policy={**DEFAULT_POLICY, "risk_tier": "high"}, actor=SYSTEM)
        queue.refresh_from_db()
        high = ingest(queue)
        policy_create(
            queue=queue,
            policy={
                **DEFAULT_POLICY,
                "sla": {"tier1": {"time_to_human_s": 60, "time_to_decision_s": 60}},
            },
            actor=SYSTEM,
        )
        queue.refresh_from_db()
        urgent_low_risk = ingest(queue)
    # Same deadline and risk for the two medium items: the older one first.
    Item.objects.filter(pk=old_medium.pk).update(received_at=start - timedelta(hours=1))

    order = [assignment_claim(queue=queue, reviewer=reviewer(f"r{i}", queue)) for i in range(4)]

    assert [a.item_id for a in order if a] == [
        urgent_low_risk.pk,  # earliest deadline, though newest
        high.pk,  # same deadline as the medium ones, higher risk
        old_medium.pk,
        young_medium.pk,
    ]


def test_k1_item_is_leased_to_one_reviewer_only(queue: Queue) -> None:
    ingest(queue)
    first = assignment_claim(queue=queue, reviewer=reviewer("a1", queue))

    second = assignment_claim(queue=queue, reviewer=reviewer("a2", queue))

    assert first is not None
    assert second is None


def test_k2_item_is_leased_to_two_reviewers_and_no_third() -> None:
    queue = make_queue("pairs", consensus={"reviewers": 2, "rule": "majority"})
    item = ingest(queue)

    leases = [assignment_claim(queue=queue, reviewer=reviewer(f"a{i}", queue)) for i in range(3)]

    assert [a.item_id if a else None for a in leases] == [item.pk, item.pk, None]
    item.refresh_from_db()
    assert (item.leases_active, item.votes_needed) == (2, 2)


def test_reviewer_never_gets_the_same_item_twice_at_one_tier(
    queue: Queue, annotator: User, api_as: Any
) -> None:
    pairs = make_queue("pairs", consensus={"reviewers": 2})
    item = ingest(pairs)
    annotator_on_pairs = reviewer("pair-annotator", pairs)
    client = api_as(annotator_on_pairs)
    leased = claim(client, pairs).json()
    release(client, leased["id"])

    again = claim(client, pairs)

    assert again.status_code == 204
    other = assignment_claim(queue=pairs, reviewer=reviewer("someone-else", pairs))
    assert other is not None and other.item_id == item.pk


def test_release_returns_the_item_and_is_audited(
    queue: Queue, annotator: User, api_as: Any
) -> None:
    item = ingest(queue)
    client = api_as(annotator)
    assignment_id = claim(client, queue).json()["id"]

    response = release(client, assignment_id)

    assert response.status_code == 200
    assert response.json()["state"] == "released"
    item.refresh_from_db()
    assert (item.state, item.leases_active) == (Item.State.QUEUED, 0)
    assert AuditEvent.objects.filter(action=AuditAction.ASSIGNMENT_RELEASED).count() == 1
    assert audit_verify().ok


def test_release_twice_is_409_and_nothing_changes(
    queue: Queue, annotator: User, api_as: Any
) -> None:
    ingest(queue)
    client = api_as(annotator)
    assignment_id = claim(client, queue).json()["id"]
    release(client, assignment_id)
    before = snapshot()

    response = release(client, assignment_id)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "lease_released"
    assert snapshot() == before


@pytest.mark.parametrize("who", ["other-annotator", "outsider", "missing"])
def test_releasing_someone_elses_or_a_missing_assignment_is_404(
    who: str, queue: Queue, annotator: User, outsider: User, api_as: Any
) -> None:
    ingest(queue)
    assignment_id = claim(api_as(annotator), queue).json()["id"]
    caller = {"other-annotator": reviewer("other", queue), "outsider": outsider}.get(who, annotator)
    target = assignment_id + 1000 if who == "missing" else assignment_id
    client = api_as(caller)
    before = snapshot()

    response = release(client, target)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "assignment_not_found"
    assert snapshot() == before


def test_expired_lease_returns_the_item_to_the_queue_for_someone_else(queue: Queue) -> None:
    item = ingest(queue)
    first = reviewer("slow", queue)
    assignment = assignment_claim(queue=queue, reviewer=first)
    assert assignment is not None

    with time_machine.travel(assignment.expires_at - timedelta(seconds=1), tick=False):
        assert assignments_expire() == 0
    with time_machine.travel(assignment.expires_at + timedelta(seconds=1), tick=False):
        assert expire_leases() == 1  # the beat task, run in process
        assert assignments_expire() == 0  # idempotent: nothing left to end

    assignment.refresh_from_db()
    item.refresh_from_db()
    assert assignment.state == Assignment.State.EXPIRED
    assert (item.state, item.leases_active) == (Item.State.QUEUED, 0)
    assert assignment_claim(queue=queue, reviewer=first) is None  # never twice at one tier
    second = assignment_claim(queue=queue, reviewer=reviewer("quick", queue))
    assert second is not None and second.item_id == item.pk
    assert AuditEvent.objects.filter(action=AuditAction.ASSIGNMENT_EXPIRED).count() == 1
    assert audit_verify().ok


def test_expiry_of_one_of_two_leases_keeps_the_item_in_review() -> None:
    queue = make_queue("pairs", consensus={"reviewers": 2})
    item = ingest(queue)
    early = assignment_claim(queue=queue, reviewer=reviewer("early", queue))
    assert early is not None
    with time_machine.travel(early.expires_at - timedelta(seconds=30), tick=False):
        late = assignment_claim(queue=queue, reviewer=reviewer("late", queue))
    assert late is not None

    assert assignments_expire(now=early.expires_at) == 1

    item.refresh_from_db()
    assert (item.state, item.leases_active) == (Item.State.IN_REVIEW, 1)


def test_beat_schedule_sweeps_leases_every_ten_seconds() -> None:
    schedules = {e["task"]: e["schedule"] for e in settings.CELERY_BEAT_SCHEDULE.values()}
    assert schedules["reviews.tasks.expire_leases"] == 10.0


def test_admin_may_claim_at_either_tier_on_any_queue(queue: Queue, admin_user: User) -> None:
    ingest(queue, output={"label": "approve", "confidence": 0.1})
    assignment = assignment_claim(queue=queue, reviewer=admin_user)
    assert assignment is not None and assignment.tier == "sme"


def test_ingest_sets_the_tier_deadline_risk_and_consensus_from_the_policy() -> None:
    queue = make_queue(
        "deadlines",
        risk_tier="low",
        consensus={"reviewers": 3},
        sla={
            "tier1": {"time_to_human_s": 60, "time_to_decision_s": 600},
            "sme": {"time_to_human_s": 60, "time_to_decision_s": 7200},
        },
    )

    tier1 = ingest(queue, output={"label": "approve", "confidence": 0.7})
    sme = ingest(queue, output={"label": "approve", "confidence": 0.1})
    auto = ingest(queue, output={"label": "approve", "confidence": 0.95})

    assert tier1.due_at == tier1.received_at + timedelta(seconds=600)
    assert sme.due_at == sme.received_at + timedelta(seconds=7200)
    assert auto.due_at is None
    stored = Item.objects.get(pk=tier1.pk)
    assert (stored.risk_rank, stored.votes_needed, stored.votes_in, stored.leases_active) == (
        2,
        3,
        0,
        0,
    )
