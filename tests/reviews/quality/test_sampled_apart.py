"""Routed items, the random audit sample and the active-learning sample kept apart in the
roll-ups, so each override rate is over its own population (services/rollups.py and
services/measure.py). The expected rates are counted by hand from the verdicts given."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from reviews.intake.models import Item
from reviews.quality.services.measure import queue_metrics
from reviews.quality.services.rollups import rollups_catch_up
from reviews.quality.services.sampling import active_learning_sample
from reviews.queues.models import Queue
from reviews.queues.services.queues import policy_create
from reviews.work.services.claims import assignment_claim
from reviews.work.services.decisions import assignment_decide
from tests.factories import SYSTEM, ingest, make_queue
from tests.reviews.reviewing import RATIONALE, reviewer

pytestmark = pytest.mark.django_db

DAY = datetime(2026, 3, 2, tzinfo=UTC)

# Per population, the verdicts its items get: True = overridden (corrected).
ROUTED = [True, False, False, False]  # 1 of 4
AUDIT = [True, True, False, False]  # 2 of 4
ACTIVE = [True, True, True, True, False]  # 4 of 5


def auto(queue: Queue, top: float = 0.55) -> Item:
    scores = {"approve": top, "deny": round(1 - top, 6)}
    return ingest(queue, output={"label": "approve", "confidence": 0.95, "scores": scores})


def decide_all(queue: Queue, plan: dict[str, list[bool]]) -> None:
    """Claim until nothing waits; each item gets the next verdict of its population."""
    person = reviewer("ann", queue)
    left = {name: list(verdicts) for name, verdicts in plan.items()}
    while (lease := assignment_claim(queue=queue, reviewer=person)) is not None:
        item = Item.objects.get(pk=lease.item_id)
        population = {"": "routed", "audit": "audit"}.get(item.sample_reason, "active")
        if left[population].pop(0):
            verdict = {"verdict": "override", "label": "deny", **RATIONALE}
        else:
            verdict = {"verdict": "approve"}
        assignment_decide(assignment_id=lease.pk, reviewer=person, **verdict)
    assert left == {"routed": [], "audit": [], "active": []}


def test_routed_audit_and_active_learning_override_rates_are_apart():
    with time_machine.travel(DAY + timedelta(hours=10), tick=False) as traveller:
        # v1 sends every auto-approved item to the random audit.
        queue = make_queue("apart", mode="post_hoc", audit_sample_rate=1.0)
        audited = [auto(queue) for _ in AUDIT]
        assert {i.sample_reason for i in audited} == {"audit"}
        # v2: no audit sample, an active-learning budget.
        body = {
            **queue.active_policy.as_json(),
            "audit_sample_rate": 0.0,
            "active_learning": {"budget_per_day": 10, "diversity": 0.0},
        }
        policy_create(queue=queue, policy=body, actor=SYSTEM)
        candidates = [auto(queue) for _ in ACTIVE]
        for _ in range(3):
            auto(queue, top=0.99)  # sure of itself: left auto-approved, in no rate
        routed = [ingest(queue, output={"label": "approve", "confidence": 0.7}) for _ in ROUTED]
        assert {i.route for i in routed} == {"tier1"}

        traveller.move_to(DAY + timedelta(hours=11))
        # ceil(10 × 11 / 24) = 5 allowed: the five uncertain candidates, not the sure three.
        assert active_learning_sample(now=DAY + timedelta(hours=11), settle=timedelta(0)) == 5
        sampled = Item.objects.filter(queue=queue, sample_reason="uncertainty")
        assert set(sampled.values_list("pk", flat=True)) == {i.pk for i in candidates}

        traveller.move_to(DAY + timedelta(hours=12))
        decide_all(queue, {"routed": ROUTED, "audit": AUDIT, "active": ACTIVE})
        rollups_catch_up()

        got = queue_metrics(queue=queue, start=DAY, end=DAY + timedelta(days=1))

    counts = got["counts"]
    assert counts["received"] == 4 + 5 + 3 + 4
    assert counts["sampled"] == 4  # the audit sample only, not the items pulled in later
    assert counts["sampled_active"] == 5
    assert (counts["decided_routed"], counts["corrected_routed"]) == (4, 1)
    assert (counts["decided_active"], counts["corrected_active"]) == (5, 4)
    assert got["override_rate_routed"] == pytest.approx(1 / 4)
    assert got["override_rate_sampled"] == pytest.approx(2 / 4)
    assert got["override_rate_active"] == pytest.approx(4 / 5)
    assert got["override_rate"] == pytest.approx((1 + 2 + 4) / (4 + 4 + 5))
