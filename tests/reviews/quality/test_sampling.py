"""The active-learning sampler (services/sampling.py): budget, pacing, cursor, audit."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.db.models import Q
from django.test import Client

from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import audit_verify
from reviews.intake.models import Item
from reviews.quality.models import SamplerCursor
from reviews.quality.services.sampling import active_learning_sample, paced_allowance
from reviews.queues.models import Queue
from reviews.queues.services.queues import policy_create
from reviews.work.models import Assignment
from reviews.work.services.claims import assignment_claim
from reviews.work.services.decisions import assignment_decide
from tests.concurrency import run_together
from tests.factories import SYSTEM, ingest, make_queue
from tests.reviews.reviewing import RATIONALE, reviewer

pytestmark = pytest.mark.django_db

DAY = datetime(2026, 3, 2, tzinfo=UTC)  # a Monday, 00:00 UTC
NOW = timedelta(0)


def al_queue(slug: str = "al", budget: int = 10, diversity: float = 0.0, **policy: Any) -> Queue:
    """Post hoc, auto-approves at 0.9, no audit sample, an active-learning budget."""
    return make_queue(
        slug,
        mode="post_hoc",
        active_learning={"budget_per_day": budget, "uncertainty": "margin", "diversity": diversity},
        **policy,
    )


def auto_approved(queue: Queue, top: float, region: str = "EU") -> Item:
    """An item routed to auto-approval whose margin uncertainty is 1 − (2·top − 1)."""
    item = ingest(
        queue,
        output={
            "label": "approve",
            "confidence": 0.95,
            "scores": {"approve": top, "deny": round(1 - top, 6)},
        },
        slice={"region": region},
    )
    assert item.route == "auto_approved"  # and, unless drawn for the audit, in that state
    return item


def sample(at: datetime) -> int:
    return active_learning_sample(now=at, settle=NOW)


def al_sampled(queue: Queue) -> Any:
    return Item.objects.filter(queue=queue, sample_reason__in=["uncertainty", "diversity"])


def sampled_events() -> Any:
    return AuditEvent.objects.filter(action=AuditAction.ITEM_SAMPLED)


def test_paced_allowance_by_hand():
    # ceil(budget × seconds since midnight / 86400), at most the budget.
    assert paced_allowance(budget=0, now=DAY + timedelta(hours=12)) == 0
    assert paced_allowance(budget=8, now=DAY) == 0
    assert paced_allowance(budget=8, now=DAY + timedelta(minutes=10)) == 1  # 0.056
    assert paced_allowance(budget=8, now=DAY + timedelta(hours=6)) == 2  # 8 × 0.25
    assert paced_allowance(budget=8, now=DAY + timedelta(hours=6, minutes=1)) == 3  # 2.006
    assert paced_allowance(budget=100, now=DAY + timedelta(hours=23, minutes=59)) == 100  # 99.9
    assert paced_allowance(budget=3, now=DAY + timedelta(hours=16)) == 2  # 3 × 2/3
    assert paced_allowance(budget=3, now=DAY + timedelta(days=1) - timedelta(seconds=1)) == 3


def test_the_most_uncertain_auto_approved_items_go_to_tier1_with_their_reason():
    with time_machine.travel(DAY + timedelta(hours=11), tick=False) as traveller:
        queue = al_queue(budget=8)
        tops = [0.99, 0.51, 0.98, 0.6, 0.97, 0.75]  # margins 0.98, 0.02, 0.96, 0.2, …
        items = [auto_approved(queue, top) for top in tops]
        traveller.move_to(DAY + timedelta(hours=12))

        assert sample(DAY + timedelta(hours=12)) == 4  # 8 × ½ a day

    picked = al_sampled(queue).order_by("pk")
    # The four smallest margins: 0.51, 0.6, 0.75, 0.97 (margins 0.02, 0.2, 0.5, 0.94).
    assert [i.pk for i in picked] == sorted([items[1].pk, items[3].pk, items[5].pk, items[4].pk])
    most = Item.objects.get(pk=items[1].pk)
    assert (most.state, most.tier, most.sample_reason) == ("queued", "tier1", "uncertainty")
    assert (most.route, most.release) == ("auto_approved", "released")
    assert most.sampled_at == DAY + timedelta(hours=12)
    assert most.enqueued_at == DAY + timedelta(hours=12)
    assert most.human_due_at == most.enqueued_at + timedelta(seconds=900)
    assert most.breach_at == most.human_due_at
    step = most.trace[-1]
    assert step["step"] == "active_learning"
    assert (step["measure"], step["reason"], step["rank"]) == ("margin", "uncertainty", 1)
    assert step["value"] == pytest.approx(0.02)
    assert step["uncertainty"] == pytest.approx(0.98)
    assert step["why"] == "most uncertain of 6 auto-approved items (margin 0.02) in this window"
    untouched = Item.objects.get(pk=items[0].pk)
    assert (untouched.state, untouched.sample_reason, untouched.sampled_at) == (
        "auto_approved",
        "",
        None,
    )


def test_budget_is_never_exceeded_in_a_day_across_many_runs():
    with time_machine.travel(DAY, tick=False) as traveller:
        queue = al_queue(budget=5, diversity=0.5)
        runs: list[int] = []
        for day in range(2):
            for step in range(48):  # every half hour, a few new items and a run
                at = DAY + timedelta(days=day, minutes=30 * step + 1)
                traveller.move_to(at)
                for n in range(3):
                    auto_approved(queue, 0.55 + (step * 3 + n) % 40 / 100, f"R{n}")
                traveller.move_to(at + timedelta(minutes=10))
                runs.append(sample(at + timedelta(minutes=10)))
                at_most = paced_allowance(budget=5, now=at + timedelta(minutes=10))
                day_start = DAY + timedelta(days=day)
                today = al_sampled(queue).filter(sampled_at__gte=day_start).count()
                assert today <= at_most <= 5

    per_day = Counter(i.sampled_at.date() for i in al_sampled(queue))
    assert per_day == {DAY.date(): 5, (DAY + timedelta(days=1)).date(): 5}
    assert sum(runs) == 10
    assert sampled_events().count() == 10


def test_pacing_spreads_the_budget_over_the_day():
    with time_machine.travel(DAY + timedelta(minutes=5), tick=False) as traveller:
        queue = al_queue(budget=8)
        for _ in range(10):
            auto_approved(queue, 0.6)
        traveller.move_to(DAY + timedelta(minutes=10))
        assert sample(DAY + timedelta(minutes=10)) == 1  # ceil(0.06): one as the day begins

        traveller.move_to(DAY + timedelta(hours=1))
        torn = auto_approved(queue, 0.5)  # the most uncertain of the day
        traveller.move_to(DAY + timedelta(hours=2))
        assert sample(DAY + timedelta(hours=2)) == 0  # ceil(0.67) = 1, spent already
        traveller.move_to(DAY + timedelta(hours=5))
        for _ in range(10):
            auto_approved(queue, 0.6)
        traveller.move_to(DAY + timedelta(hours=6))
        # ceil(2) − 1. The cursor stayed put while there was no quota, so the item that
        # arrived before the 02:00 run is still a candidate, and it wins.
        assert sample(DAY + timedelta(hours=6)) == 1
        assert Item.objects.get(pk=torn.pk).sample_reason == "uncertainty"

        traveller.move_to(DAY + timedelta(hours=12))
        for _ in range(10):
            auto_approved(queue, 0.6)
        traveller.move_to(DAY + timedelta(hours=18))
        assert sample(DAY + timedelta(hours=18)) == 4  # ceil(6) − 2

    assert al_sampled(queue).count() == 6


def test_a_rerun_samples_nothing_new_and_items_are_considered_once():
    with time_machine.travel(DAY + timedelta(hours=11), tick=False) as traveller:
        queue = al_queue(budget=4)
        old = [auto_approved(queue, 0.5 + n / 100) for n in range(10)]
        traveller.move_to(DAY + timedelta(hours=12))
        assert sample(DAY + timedelta(hours=12)) == 2  # ceil(2)
        cursor = SamplerCursor.objects.get(queue=queue).received_through
        events = sampled_events().count()

        traveller.move_to(DAY + timedelta(hours=20))
        # Quota left (ceil(3.33) − 2 = 2) and eight candidates unpicked, but they were
        # all considered: nothing new arrived, so nothing is sampled.
        assert sample(DAY + timedelta(hours=20)) == 0
        assert SamplerCursor.objects.get(queue=queue).received_through > cursor
        assert sampled_events().count() == events

        # Next day: only what arrived since is a candidate, not the old, more uncertain ones.
        traveller.move_to(DAY + timedelta(days=1, hours=11))
        new = [auto_approved(queue, 0.9) for _ in range(3)]
        traveller.move_to(DAY + timedelta(days=1, hours=12))
        assert sample(DAY + timedelta(days=1, hours=12)) == 2
        assert sample(DAY + timedelta(days=1, hours=12)) == 0  # a re-run: nothing new

    picked = set(al_sampled(queue).values_list("pk", flat=True))
    assert picked == {old[0].pk, old[1].pk, new[0].pk, new[1].pk}
    assert Item.objects.get(pk=new[2].pk).state == "auto_approved"


def test_only_auto_approved_unsampled_items_are_candidates():
    with time_machine.travel(DAY + timedelta(hours=11), tick=False) as traveller:
        queue = al_queue(budget=100, audit_sample_rate=0.5)
        other = al_queue("other-al", budget=100)
        tier1 = ingest(queue, output={"label": "approve", "confidence": 0.7})
        sme = ingest(queue, output={"label": "approve", "confidence": 0.2})
        autos = [auto_approved(queue, 0.5) for _ in range(12)]
        audited = [i.pk for i in autos if Item.objects.get(pk=i.pk).sample_reason == "audit"]
        assert audited  # the random audit sample took some of them
        eligible = {i.pk for i in autos} - set(audited)
        theirs = auto_approved(other, 0.5)  # each queue spends its own budget
        traveller.move_to(DAY + timedelta(hours=12))

        assert sample(DAY + timedelta(hours=12)) == len(eligible) + 1

    assert set(al_sampled(queue).values_list("pk", flat=True)) == eligible
    for pk in (tier1.pk, sme.pk, *audited):
        assert Item.objects.get(pk=pk).sampled_at is None
    assert set(Item.objects.filter(pk__in=audited).values_list("sample_reason", flat=True)) == {
        "audit"
    }
    assert al_sampled(other).get().pk == theirs.pk


def test_a_queue_without_a_budget_is_left_alone():
    with time_machine.travel(DAY + timedelta(hours=11), tick=False) as traveller:
        queue = al_queue(budget=10)
        item = auto_approved(queue, 0.5)
        body = {**queue.active_policy.as_json(), "active_learning": {"budget_per_day": 0}}
        policy_create(queue=queue, policy=body, actor=SYSTEM)
        traveller.move_to(DAY + timedelta(hours=12))

        assert sample(DAY + timedelta(hours=12)) == 0

    assert Item.objects.get(pk=item.pk).state == "auto_approved"
    assert not SamplerCursor.objects.filter(queue=queue).exists()


def test_diversity_reaches_a_slice_the_model_is_sure_about():
    with time_machine.travel(DAY + timedelta(hours=11), tick=False) as traveller:
        queue = al_queue(budget=8, diversity=0.5)
        for _ in range(6):
            auto_approved(queue, 0.55, "EU")
        sure = [auto_approved(queue, 0.99, "US") for _ in range(3)]
        traveller.move_to(DAY + timedelta(hours=12))
        assert sample(DAY + timedelta(hours=12)) == 4

    us = al_sampled(queue).filter(slice__region="US").get()
    assert us.pk == sure[0].pk  # ties by id
    assert us.sample_reason == "diversity"
    step = us.trace[-1]
    assert step["why"] == (
        "slice diversity: most uncertain in slice {region=US} "
        "(margin 0.98; 3 auto-approved there in this window)"
    )
    assert Counter(al_sampled(queue).values_list("sample_reason", flat=True)) == {
        "diversity": 2,
        "uncertainty": 2,
    }


def test_sampled_items_are_claimable_at_tier1_and_stay_released():
    with time_machine.travel(DAY + timedelta(hours=11), tick=False) as traveller:
        queue = al_queue(budget=10, consensus={"reviewers": 2, "rule": "majority"})
        item = auto_approved(queue, 0.5)
        traveller.move_to(DAY + timedelta(hours=12))
        assert sample(DAY + timedelta(hours=12)) == 1
        ann, ben = reviewer("ann", queue), reviewer("ben", queue)

        leases = [assignment_claim(queue=queue, reviewer=person) for person in (ann, ben)]
        assert [lease.item_id if lease else None for lease in leases] == [item.pk, item.pk]
        assert all(lease.tier == "tier1" for lease in leases if lease)
        for lease, person in zip(leases, (ann, ben), strict=True):
            assert lease is not None
            assignment_decide(
                assignment_id=lease.pk,
                reviewer=person,
                verdict="override",
                label="deny",
                **RATIONALE,
            )

    item.refresh_from_db()
    assert (item.state, item.outcome, item.final_label) == ("decided", "corrected", "deny")
    assert (item.release, item.sample_reason) == ("released", "uncertainty")


def test_each_sample_is_audited_and_the_chain_verifies():
    with time_machine.travel(DAY + timedelta(hours=11), tick=False) as traveller:
        queue = al_queue(budget=10)
        for n in range(4):
            auto_approved(queue, 0.5 + n / 10)
        traveller.move_to(DAY + timedelta(hours=12))
        assert sample(DAY + timedelta(hours=12)) == 4

    events = list(sampled_events().order_by("seq"))
    assert sorted(int(e.target_id) for e in events) == sorted(
        al_sampled(queue).values_list("pk", flat=True)
    )
    for event in events:
        item = Item.objects.get(pk=event.target_id)
        assert (event.actor_kind, event.actor_label) == ("system", "active-learning")
        assert event.data["reason"] == item.sample_reason
        assert event.data["measure"] == "margin"
        assert event.data["policy_version"] == 1
        assert event.data["why"] == item.trace[-1]["why"]
        assert (event.data["tier"], event.data["state"]) == ("tier1", "queued")
    assert audit_verify().ok


def test_the_review_page_says_why_an_item_was_sampled():
    with time_machine.travel(DAY + timedelta(hours=11), tick=False) as traveller:
        queue = al_queue(budget=8, diversity=0.5)
        auto_approved(queue, 0.51, "EU")
        auto_approved(queue, 0.52, "EU")
        auto_approved(queue, 0.99, "US")
        traveller.move_to(DAY + timedelta(hours=12))
        # Quota 4, two of it round-robin: the best of EU and of US; then the next of EU.
        assert sample(DAY + timedelta(hours=12)) == 3
        client = Client()
        client.force_login(reviewer("ann", queue))

        pages = []
        for _ in range(3):  # each item once: a given-back item is not served again
            pages.append(client.get(f"/queues/{queue.slug}/review/").content.decode())
            lease = Assignment.objects.get(reviewer__username="ann", state="active")
            assert (
                client.post(f"/queues/{queue.slug}/review/{lease.pk}/release/").status_code == 302
            )

    badges = [
        badge
        for page in pages
        for badge in ("Sampled: slice diversity", "Sampled: uncertain (margin 0.04)")
        if badge in page
    ]
    assert sorted(badges) == [
        "Sampled: slice diversity",
        "Sampled: slice diversity",
        "Sampled: uncertain (margin 0.04)",
    ]
    audit = al_queue("audited", budget=0, audit_sample_rate=1.0)
    assert auto_approved(audit, 0.5).sample_reason == "audit"
    client.force_login(reviewer("ben", audit))
    assert "Sampled: random audit" in client.get("/queues/audited/review/").content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_runs_at_once_stay_within_the_budget_and_never_take_an_item_twice():
    # One item a minute from 11:00 to 12:09, each more uncertain than the one before, so
    # runs whose windows end at different minutes would each pick different items: only
    # taking turns on the queue's cursor keeps them within the budget together.
    queues = [al_queue(f"raced-{n}", budget=10, diversity=0.5) for n in range(2)]
    with time_machine.travel(DAY + timedelta(hours=11), tick=False) as traveller:
        for minute in range(70):
            traveller.move_to(DAY + timedelta(hours=11, minutes=minute))
            for queue in queues:
                auto_approved(queue, 0.99 - minute * 0.007, f"R{minute % 3}")
    ends = [DAY + timedelta(hours=12, minutes=i) for i in range(8)]

    results = run_together(8, lambda i: sample(ends[i]))

    most = paced_allowance(budget=10, now=ends[-1])  # ceil(10 × 12h07 / 24h) = 6
    for queue in queues:
        assert 5 <= al_sampled(queue).count() <= most
    targets = list(sampled_events().values_list("target_id", flat=True))
    assert len(targets) == len(set(targets)) == sum(results)
    assert not Item.objects.filter(
        Q(sample_reason__in=["uncertainty", "diversity"]) & ~Q(state="queued")
    ).exists()
    assert audit_verify().ok
