"""The claim path's statements: the next item to lease, the lease itself, and the item
behind an assignment (reviews.work.services.claims runs them, in that lock order).

Each runs on every claim or decision. Composed by the ORM, compiling the candidate query
cost ten times what PostgreSQL spends running it (~0.5 ms a statement on the others);
written out once, the claim path's CPU is the database's (bench/claim.py).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from django.db import connection

from reviews.intake.models import Item
from reviews.work.models import Assignment


@cache
def claim_candidate_sql() -> str:
    """The claim query's text, for `claim_candidate` and for EXPLAIN (tests,
    bench/claim.py). Parameters: queue id, tier, reviewer id, tier."""
    states = ", ".join(f"'{state}'" for state in Item.CLAIMABLE_STATES)
    sql = (
        f"SELECT i.id FROM {Item._meta.db_table} i "  # noqa: S608
        f"WHERE i.queue_id = %s AND i.tier = %s AND i.state IN ({states}) "
        "AND i.votes_needed > i.votes_in + i.leases_active "
        # Gold items have votes_needed=0 and so never match.
        f"AND NOT EXISTS (SELECT 1 FROM {Assignment._meta.db_table} a "
        "WHERE a.item_id = i.id AND a.reviewer_id = %s AND a.tier = %s) "
        "ORDER BY i.due_at, i.risk_rank, i.received_at, i.id LIMIT 1"
    )
    if connection.features.has_select_for_update_skip_locked:
        sql += " FOR UPDATE OF i SKIP LOCKED"
    return sql


def claim_candidate(*, queue_id: int, tier: str, reviewer_id: int) -> int | None:
    """The id of the next item of the queue's tier the reviewer may lease, or None; on
    PostgreSQL its row is locked, skipping rows other claimers hold.

    Served by item_claim_idx (reviews/intake/models.py). The order is the claim order of
    SPEC §2: deadline, risk, age, id. SQLite runs one writer at a time and has no row
    locks, so the lock is left out there.
    """
    with connection.cursor() as cursor:
        cursor.execute(claim_candidate_sql(), [queue_id, tier, reviewer_id, tier])
        row = cursor.fetchone()
    return None if row is None else int(row[0])


@cache
def _take_lease_sql() -> str:
    # The lease count and the state in one statement; the row comes back whole for the
    # caller to render. The first claim at a tier meets its time-to-human SLA: the
    # sweep's next deadline becomes time-to-decision. SET reads the row as it was.
    return (
        f"UPDATE {Item._meta.db_table} SET leases_active = leases_active + 1, "  # noqa: S608
        f"state = '{Item.State.IN_REVIEW}', "
        "breach_at = CASE WHEN claimed_at IS NULL THEN due_at ELSE breach_at END, "
        "claimed_at = COALESCE(claimed_at, %s), "
        "first_claimed_at = COALESCE(first_claimed_at, %s) "
        "WHERE id = %s RETURNING *"
    )


assert all(  # noqa: S101 - a lease moves every claimable state to IN_REVIEW
    state == Item.State.IN_REVIEW or Item.State.IN_REVIEW in Item.TRANSITIONS[state]
    for state in Item.CLAIMABLE_STATES
)


def take_lease(*, item_id: int, now: datetime) -> Item:
    """Count one more lease on the (locked) item and move it to IN_REVIEW; the row after."""
    return next(iter(Item.objects.raw(_take_lease_sql(), [now, now, item_id])))


@cache
def _item_of_assignment_sql(*, owned: bool) -> str:
    sql = (
        f"SELECT i.* FROM {Item._meta.db_table} i JOIN {Assignment._meta.db_table} a "  # noqa: S608
        "ON a.item_id = i.id WHERE a.id = %s"
    )
    if owned:
        sql += " AND a.reviewer_id = %s"
    if connection.features.has_select_for_update_of:
        sql += " FOR UPDATE OF i"
    return sql


def item_of_assignment_locked(*, assignment_id: int, reviewer_id: int | None) -> Item | None:
    """The item of the assignment, locked FOR UPDATE; None when there is no such
    assignment or (with `reviewer_id`) it is another reviewer's, so their call locks
    nothing and waits on nothing."""
    params = [assignment_id] if reviewer_id is None else [assignment_id, reviewer_id]
    sql = _item_of_assignment_sql(owned=reviewer_id is not None)
    return next(iter(Item.objects.raw(sql, params)), None)
