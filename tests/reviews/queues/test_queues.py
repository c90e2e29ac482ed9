"""reviews.queues.services.queues: queue creation, immutable policy versions, containment."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from audit.actions import AuditAction
from audit.models import AuditEvent
from reviews.queues.models import Containment, Queue, TierPolicy
from reviews.queues.services.queues import (
    ContainmentExists,
    containment_lift,
    containment_set,
    policy_activate,
    policy_create,
)
from tests.factories import DEFAULT_POLICY, SYSTEM, ingest, make_queue


def actions_for(obj: object) -> list[int]:
    target_type = obj._meta.label_lower  # type: ignore[attr-defined]
    return list(
        AuditEvent.objects.filter(target_type=target_type, target_id=str(obj.pk))  # type: ignore[attr-defined]
        .order_by("seq")
        .values_list("action", flat=True)
    )


def test_queue_create_makes_version_1_active_and_audits(db: None) -> None:
    queue = make_queue("cards")

    queue.refresh_from_db()
    assert queue.active_policy is not None
    assert queue.active_policy.version == 1
    assert queue.policies.count() == 1
    assert actions_for(queue) == [AuditAction.QUEUE_CREATED, AuditAction.POLICY_ACTIVATED]
    assert actions_for(queue.active_policy) == [AuditAction.POLICY_CREATED]


def test_policy_versions_increase_per_queue(queue: Queue, other_queue: Queue) -> None:
    versions = [
        policy_create(queue=queue, policy=DEFAULT_POLICY, actor=SYSTEM).version for _ in range(3)
    ]
    other = policy_create(queue=other_queue, policy=DEFAULT_POLICY, actor=SYSTEM)

    assert versions == [2, 3, 4]
    assert other.version == 2
    queue.refresh_from_db()
    assert queue.active_policy is not None
    assert queue.active_policy.version == 4


def test_policy_create_without_activation_keeps_the_active_version(queue: Queue) -> None:
    created = policy_create(queue=queue, policy=DEFAULT_POLICY, actor=SYSTEM, activate=False)

    queue.refresh_from_db()
    assert created.version == 2
    assert queue.active_policy is not None
    assert queue.active_policy.version == 1
    assert actions_for(created) == [AuditAction.POLICY_CREATED]


def test_policy_create_maps_every_json_field_to_columns(queue: Queue) -> None:
    policy = {
        "auto_approve_at": 0.95,
        "sme_below": 0.3,
        "risk_tier": "high",
        "mode": "post_hoc",
        "shadow": True,
        "audit_sample_rate": 0.05,
        "consensus": {"reviewers": 3, "rule": "weighted", "on_disagreement": "escalate"},
        "slice_rules": [{"when": {"region": "EU"}, "route": "sme", "skill": "gdpr"}],
        "sla": {
            "tier1": {"time_to_human_s": 60, "time_to_decision_s": 120},
            "sme": {"time_to_human_s": 180, "time_to_decision_s": 240},
        },
        "active_learning": {"budget_per_day": 50, "uncertainty": "entropy", "diversity": 0.25},
    }

    created = policy_create(queue=queue, policy=policy, actor=SYSTEM)

    created.refresh_from_db()
    assert created.as_json() == {"version": 2, **policy}


def test_saving_an_existing_policy_version_raises(queue: Queue) -> None:
    policy = queue.active_policy
    assert policy is not None
    policy.auto_approve_at = 0.1

    with pytest.raises(ValueError, match="immutable"):
        policy.save()

    policy.refresh_from_db()
    assert policy.auto_approve_at == 0.9


def test_reloaded_policy_cannot_be_saved_either(queue: Queue) -> None:
    policy = TierPolicy.objects.get(queue=queue, version=1)

    with pytest.raises(ValueError):
        policy.save(update_fields=["note"])


def test_database_refuses_a_second_policy_with_the_same_version(queue: Queue) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        TierPolicy.objects.create(queue=queue, version=1, auto_approve_at=0.9, sme_below=0.5)


def test_database_refuses_sme_below_above_auto_approve_at(queue: Queue) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        TierPolicy.objects.create(queue=queue, version=9, auto_approve_at=0.5, sme_below=0.6)


def test_items_keep_the_version_that_routed_them(queue: Queue) -> None:
    old = ingest(queue)
    policy_create(queue=queue, policy=DEFAULT_POLICY, actor=SYSTEM)
    queue.refresh_from_db()

    new = ingest(queue)

    old.refresh_from_db()
    assert old.policy.version == 1
    assert new.policy.version == 2


def test_policy_of_another_queue_cannot_be_activated(queue: Queue, other_queue: Queue) -> None:
    foreign = other_queue.active_policy
    assert foreign is not None

    with pytest.raises(ValueError):
        policy_activate(queue=queue, policy=foreign, actor=SYSTEM)

    queue.refresh_from_db()
    assert queue.active_policy is not None
    assert queue.active_policy.queue_id == queue.pk


def test_containment_set_twice_on_one_scope_raises(queue: Queue) -> None:
    containment_set(queue=queue, slice_tags={}, reason="a", actor=SYSTEM)
    eu = containment_set(queue=queue, slice_tags={"region": "EU"}, reason="b", actor=SYSTEM)

    with pytest.raises(ContainmentExists):
        containment_set(queue=queue, slice_tags={}, reason="c", actor=SYSTEM)
    with pytest.raises(ContainmentExists):
        containment_set(queue=queue, slice_tags={"region": "EU"}, reason="d", actor=SYSTEM)

    assert Containment.objects.filter(queue=queue, active=True).count() == 2
    assert actions_for(eu) == [AuditAction.CONTAINMENT_SET]


def test_containment_lift_is_audited_once(queue: Queue) -> None:
    containment = containment_set(queue=queue, slice_tags={}, reason="a", actor=SYSTEM)

    assert containment_lift(containment=containment, note="fixed", actor=SYSTEM) is True
    assert containment_lift(containment=containment, note="again", actor=SYSTEM) is False

    containment.refresh_from_db()
    assert containment.active is False
    assert containment.lift_note == "fixed"
    assert containment.lifted_at is not None
    assert actions_for(containment) == [
        AuditAction.CONTAINMENT_SET,
        AuditAction.CONTAINMENT_LIFTED,
    ]


def test_containment_routes_ingest_until_lifted(queue: Queue) -> None:
    containment = containment_set(queue=queue, slice_tags={}, reason="a", actor=SYSTEM)
    held = ingest(queue, output={"label": "approve", "confidence": 0.99})
    containment_lift(containment=containment, note="ok", actor=SYSTEM)
    released = ingest(queue, output={"label": "approve", "confidence": 0.99})

    assert (held.route, held.release) == ("tier1", "held")
    assert (released.route, released.release) == ("auto_approved", "released")
