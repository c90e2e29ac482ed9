"""Gold items under simultaneous reviewers, against PostgreSQL: each reviewer scores each
gold item exactly once, gold items are never consumed, and real work is all decided."""

from __future__ import annotations

from collections import Counter

import pytest

from audit.services import audit_verify
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.work.models import Assignment, Decision, Qualification
from reviews.work.services.claims import assignment_claim
from reviews.work.services.decisions import assignment_decide
from reviews.work.services.qualification import gold_create
from tests.concurrency import run_together
from tests.factories import SYSTEM, ingest, make_queue
from tests.reviews.reviewing import reviewer

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 12
GOLD = 3


def add_gold(queue: Queue, n: int) -> Item:
    body = {
        "external_id": f"gold-{n}",
        "model_version": "model-1",
        "input": {"text": "A known case."},
        "output": {"label": "approve", "confidence": 0.8},
        "gold_label": "approve" if n % 2 else "deny",
    }
    return gold_create(queue=queue, raw=body, actor=SYSTEM)


def test_many_reviewers_each_score_every_gold_item_once_and_finish_the_real_work() -> None:
    queue = make_queue("gold-race")
    # Rate 1: every reviewer's first GOLD claims are the gold items, all at once.
    Queue.objects.filter(pk=queue.pk).update(gold_rate=1.0)
    queue.refresh_from_db()
    golds = [add_gold(queue, n) for n in range(GOLD)]
    real = [ingest(queue, external_id=f"r-{n}").pk for n in range(60)]
    users = [reviewer(f"rev{n:02d}", queue) for n in range(THREADS)]

    def work(index: int) -> list[int]:
        items = []
        while (lease := assignment_claim(queue=queue, reviewer=users[index])) is not None:
            assignment_decide(assignment_id=lease.pk, reviewer=users[index], verdict="approve")
            items.append(lease.item_id)
        return items

    served = run_together(THREADS, work)

    gold_ids = {g.pk for g in golds}
    for items in served:
        assert sorted(items[:GOLD]) == sorted(gold_ids)  # each gold item once, first
        assert not gold_ids & set(items[GOLD:])
    decided_real = Counter(i for items in served for i in items if i not in gold_ids)
    assert decided_real == Counter({pk: 1 for pk in real})  # k = 1: each real item once
    assert Item.objects.filter(pk__in=real, state="decided").count() == len(real)
    for gold in Item.objects.filter(pk__in=gold_ids):
        assert (gold.state, gold.votes_in, gold.leases_active, gold.outcome) == (
            "queued",
            0,
            0,
            "",
        )
    pairs = Counter(Assignment.objects.values_list("item_id", "reviewer_id"))
    assert max(pairs.values()) == 1
    assert Decision.objects.filter(is_gold=True).count() == THREADS * GOLD
    assert list(Qualification.objects.values_list("gold_seen", flat=True)) == [GOLD] * THREADS
    assert audit_verify().ok


def test_one_reviewer_claiming_in_many_threads_gets_one_gold_lease() -> None:
    queue = make_queue("gold-same")
    Queue.objects.filter(pk=queue.pk).update(gold_rate=1.0)
    queue.refresh_from_db()
    gold = add_gold(queue, 0)
    person = reviewer("solo", queue)

    leases = run_together(8, lambda _: assignment_claim(queue=queue, reviewer=person))

    got = [lease for lease in leases if lease is not None]
    assert len(got) == 1 and got[0].item_id == gold.pk
    assert Assignment.objects.filter(reviewer=person).count() == 1
    assert audit_verify().ok
