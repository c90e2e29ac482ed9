"""Claims and decisions under many simultaneous reviewers, against PostgreSQL.

Real threads, each with its own reviewer, API client and database connection, lined
up on a barrier, claim and decide through the API until the queue is empty. Then:
no item was leased beyond its consensus, no reviewer saw an item twice, every item
was settled exactly as its k verdicts require, and the audit chain verifies.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef
from rest_framework.test import APIClient

from accounts.models import User
from audit.services import audit_verify
from hitl.sql.claims import claim_candidate_sql
from reviews.escalation.models import Escalation
from reviews.intake.models import Item
from reviews.intake.services.ingest import predictions_ingest
from reviews.intake.services.validation import validate_prediction
from reviews.queues.models import Queue
from reviews.work.models import Assignment, Decision
from reviews.work.services.claims import (
    AssignmentError,
    assignment_claim,
    assignments_expire,
)
from reviews.work.services.consensus import Settled, consensus
from reviews.work.services.decisions import assignment_decide
from tests.concurrency import run_together
from tests.factories import SYSTEM, make_queue, prediction_body
from tests.reviews.reviewing import RATIONALE, reviewer

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 16


def fill(queue: Queue, count: int) -> None:
    predictions = [
        validate_prediction(prediction_body(queue, external_id=f"c-{n}"))[1] for n in range(count)
    ]
    predictions_ingest(queue=queue, predictions=predictions, actor=SYSTEM)


def verdict_for(external_id: str, thread: int) -> dict[str, Any]:
    """Every fourth item splits reviewers by parity (disagreement possible); the rest agree."""
    n = int(external_id.split("-")[1])
    if n % 4 == 0 and thread % 2:
        return {"verdict": "override", "label": "deny", **RATIONALE}
    if n % 4 == 1:
        return {"verdict": "override", "label": "unsure", **RATIONALE}
    return {"verdict": "approve"}


def work_left_for(queue: Queue, user: User) -> bool:
    """Whether an item still has a slot this reviewer could fill (a claim may have
    skipped it only because another claimer held its row lock for a moment)."""
    seen = Assignment.objects.filter(item=OuterRef("pk"), reviewer=user, tier=OuterRef("tier"))
    return (
        Item.objects.filter(
            queue=queue,
            state__in=Item.CLAIMABLE_STATES,
            tier="tier1",
            votes_needed__gt=F("votes_in") + F("leases_active"),
        )
        .exclude(Exists(seen))
        .exists()
    )


def work_queue(queue: Queue, users: list[User], clients: list[APIClient]) -> list[list[int]]:
    def work(index: int) -> list[int]:
        client, user = clients[index], users[index]
        leased: list[int] = []
        while True:
            response = client.post(f"/api/v1/queues/{queue.slug}/claim/", {}, format="json")
            if response.status_code == 204:
                if not work_left_for(queue, user):
                    return leased
                time.sleep(0.005)
                continue
            assert response.status_code == 200, response.content
            data = response.json()
            leased.append(data["id"])
            body = verdict_for(data["item"]["external_id"], index)
            decided = client.post(
                f"/api/v1/assignments/{data['id']}/decision/", body, format="json"
            )
            assert decided.status_code == 201, decided.content

    return run_together(THREADS, work)


def reviewers_and_clients(queue: Queue, api_as: Any) -> tuple[list[User], list[APIClient]]:
    users = [reviewer(f"{queue.slug}-r{i}", queue) for i in range(THREADS)]
    return users, [api_as(user) for user in users]


def assert_settled_as_consensus_requires(queue: Queue, k: int) -> None:
    items = list(Item.objects.filter(queue=queue).order_by("pk"))
    decisions = defaultdict(list)
    for decision in Decision.objects.filter(item__queue=queue, tier="tier1").order_by("pk"):
        decisions[decision.item_id].append(decision)
    for item in items:
        mine = decisions[item.pk]
        assert len(mine) == k, (item.external_id, [d.verdict for d in mine])
        assert len({d.reviewer_id for d in mine}) == k, "a reviewer decided one item twice"
        expected = consensus(
            rule=item.policy.consensus_rule,
            model_label=item.output_label,
            verdicts=[(d.verdict, d.label) for d in mine],
            weights=[1.0] * k,
        )
        if isinstance(expected, Settled):
            assert (item.state, item.outcome, item.final_label) == (
                "decided",
                expected.outcome,
                expected.label,
            ), item.external_id
            assert item.release == "released"
        else:
            assert (item.state, item.tier, item.votes_in) == ("queued", "sme", 0)
            assert Escalation.objects.filter(item=item, reason=expected.reason).count() == 1
        assert item.leases_active == 0


def assert_no_double_leases(queue: Queue, k: int, leased: list[list[int]]) -> None:
    every = [assignment_id for per_thread in leased for assignment_id in per_thread]
    assert len(every) == len(set(every)), "one assignment handed to two claimers"
    per_item = Counter(
        Assignment.objects.filter(item__queue=queue, tier="tier1").values_list("item_id", flat=True)
    )
    assert set(per_item.values()) == {k}, "an item was leased beyond its consensus"
    pairs = Assignment.objects.filter(item__queue=queue).values_list(
        "item_id", "reviewer_id", "tier"
    )
    assert len(pairs) == len(set(pairs))
    assert not Assignment.objects.filter(state=Assignment.State.ACTIVE).exists()
    assert sum(len(per_thread) for per_thread in leased) == len(every) == len(per_item) * k


@pytest.mark.parametrize("k", [1, 2])
def test_sixteen_reviewers_work_one_queue_without_double_leases(k: int, api_as: Any) -> None:
    queue = make_queue(f"race-k{k}", consensus={"reviewers": k, "rule": "majority"})
    fill(queue, 160 // k)
    users, clients = reviewers_and_clients(queue, api_as)

    leased = work_queue(queue, users, clients)

    assert_no_double_leases(queue, k, leased)
    assert_settled_as_consensus_requires(queue, k)
    busy = sum(1 for per_thread in leased if per_thread)
    assert busy > 1, "the work was not shared: the threads did not overlap"
    result = audit_verify()
    assert result.ok, result.reason


def test_claim_query_is_served_by_the_partial_claim_index(api_as: Any) -> None:
    queue = make_queue("explained")
    fill(queue, 50)
    user = reviewer("explainer", queue)
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'item_claim_idx'")
        (definition,) = cursor.fetchone()
    assert "WHERE" in definition  # partial: decided items leave it

    with transaction.atomic(), connection.cursor() as cursor:
        # Tiny tables favour a sequential scan; forbid it to see which index the
        # planner can use for this exact statement (the partial index's predicate
        # must be implied by the query's WHERE, or only the other index would do).
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql = claim_candidate_sql()
        assert sql.endswith("FOR UPDATE OF i SKIP LOCKED")
        cursor.execute("EXPLAIN " + sql, [queue.pk, "tier1", user.pk, "tier1"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "item_claim_idx" in plan, plan


def test_sweep_racing_decisions_ends_each_lease_exactly_once() -> None:
    queue = make_queue("sweep-race")
    fill(queue, 30)
    users = [reviewer(f"sweep-r{i}", queue) for i in range(15)]
    leases = []
    for user in users:
        for _ in range(2):
            assignment = assignment_claim(queue=queue, reviewer=user)
            assert assignment is not None
            leases.append(assignment)
    in_time = leases[0].leased_at + timedelta(seconds=1)
    too_late = max(a.expires_at for a in leases) + timedelta(seconds=1)

    def work(index: int) -> list[str]:
        if index == len(users):  # the sweeper, as beat would run it after the deadline
            assignments_expire(now=too_late)
            return []
        outcomes = []
        for assignment in leases[index * 2 : index * 2 + 2]:
            try:
                assignment_decide(
                    assignment_id=assignment.pk,
                    reviewer=users[index],
                    verdict="approve",
                    now=in_time,  # the reviewer answered in time; the sweep races them
                )
                outcomes.append("decided")
            except AssignmentError as exc:
                assert exc.code == "lease_expired"
                outcomes.append("expired")
        return outcomes

    run_together(len(users) + 1, work)

    states = Counter(Assignment.objects.filter(item__queue=queue).values_list("state", flat=True))
    assert set(states) <= {"decided", "expired"} and sum(states.values()) == 30
    assert Decision.objects.filter(item__queue=queue).count() == states["decided"]
    for item in Item.objects.filter(queue=queue):
        decided = Decision.objects.filter(item=item).exists()
        assert item.leases_active == 0
        assert (item.state, item.votes_in) == (("decided", 1) if decided else ("queued", 0))
    result = audit_verify()
    assert result.ok, result.reason
