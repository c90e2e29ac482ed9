"""The SLA sweep: deadlines stored on the item (Item.start_clock), swept by beat (SPEC §2, §10).

A lost broker message cannot lose a breach: the deadline is a column, and the beat
sweep (sla_escalate_breached) finds every row whose breach_at has passed through the
partial index item_breach_idx, so a sweep costs what the breaches cost.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from audit.actions import AuditAction
from audit.services import Actor, Entry, audit_record_many, target_of
from reviews.escalation.models import Escalation
from reviews.escalation.services.escalations import (
    MOVE_UP_FIELDS,
    EscalationSpec,
    escalations_open,
    item_move_up,
    next_tier,
)
from reviews.escalation.services.incidents import incident_open_or_join
from reviews.intake.models import Item
from reviews.work.models import Assignment

SWEEP_BATCH = 500


def breached_query(*, now: datetime, limit: int) -> QuerySet[Item, int]:
    """Ids of up to `limit` items whose breach_at has passed by `now`, earliest first.

    Served by the partial index item_breach_idx. Their rows are locked FOR UPDATE SKIP
    LOCKED (PostgreSQL; SQLite runs one writer at a time), so two sweepers never wait on
    each other or take the same item. Must run inside a transaction.
    """
    return (
        Item.objects.filter(breach_at__lte=now)
        .order_by("breach_at")
        .select_for_update(skip_locked=True)
        .values_list("pk", flat=True)[:limit]
    )


def sla_escalate_breached(*, now: datetime | None = None, batch: int = SWEEP_BATCH) -> int:
    """Escalate every item whose SLA deadline has passed, in batches; how many.

    A Tier 1 breach opens an SME ticket and queues the item there; an SME breach opens
    (or joins) the queue's incident. Each batch is one transaction: rows taken with
    SKIP LOCKED, leases on them ended, tickets opened, items moved, audited — so two
    sweepers never take the same item, and an item is escalated exactly once per
    deadline (its breach_at moves on in the same transaction).
    """
    now = now or timezone.now()
    done = 0
    while True:
        taken = _sweep_batch(now=now, batch=batch)
        done += taken
        if taken < batch:
            return done


def _save_moved(items: list[Item], fields: Sequence[str]) -> None:
    """Write the items' `fields`: one UPDATE per distinct set of values.

    A batch's items mostly share them (same tier, same `now`, same policy), so this is a
    few statements. Django's bulk_update builds a CASE per field and row instead, which
    took 85% of a sweep's time, in Python (bench/sla.py: 4 ms per item at 500 a batch).
    """
    groups: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for item in items:
        groups[tuple(getattr(item, name) for name in fields)].append(item.pk)
    for values, ids in groups.items():
        Item.objects.filter(pk__in=ids).update(**dict(zip(fields, values, strict=True)))


@transaction.atomic
def _sweep_batch(*, now: datetime, batch: int) -> int:
    ids = list(breached_query(now=now, limit=batch))
    if not ids:
        return 0
    items = list(Item.objects.filter(pk__in=ids).select_related("queue", "policy").order_by("pk"))
    # Item rows first, then their leases: the lock order of claims and decisions.
    Assignment.objects.filter(item_id__in=ids, state=Assignment.State.ACTIVE).update(
        state=Assignment.State.EXPIRED, ended_at=now
    )
    specs, breaches = [], []
    for item in items:
        missed = "time_to_human" if item.claimed_at is None else "time_to_decision"
        deadline = cast(datetime, item.breach_at)  # taken by breach_at <= now: never None
        breach = {
            "sla": missed,
            "tier": item.tier,
            "deadline": deadline.isoformat(),
            "late_s": round((now - deadline).total_seconds(), 3),
        }
        breaches.append(breach)
        specs.append(
            EscalationSpec(
                item=item,
                from_tier=item.tier,
                to_tier=next_tier(item.tier),
                reason=Escalation.Reason.SLA_BREACH,
                note=f"The {item.get_tier_display()} {missed.replace('_', '-')} SLA ran out.",
                data={"breach": breach},
            )
        )
    tickets = escalations_open(specs=specs, now=now)
    entries = []
    for item, ticket, breach in zip(items, tickets, breaches, strict=True):
        states = item_move_up(item, to_tier=ticket.to_tier, now=now)
        entries.append(
            Entry(
                AuditAction.SLA_BREACHED,
                *target_of(item),
                {**breach, "escalation": ticket.pk, "to_tier": ticket.to_tier, "states": states},
            )
        )
    _save_moved(items, MOVE_UP_FIELDS)
    actor = Actor.system("sla-sweep")
    audit_record_many(actor=actor, entries=entries)
    to_incident: dict[int, list[tuple[Item, Escalation]]] = defaultdict(list)
    for item, ticket in zip(items, tickets, strict=True):
        if ticket.to_tier == Escalation.Target.INCIDENT:
            to_incident[item.queue_id].append((item, ticket))
    for pairs in to_incident.values():
        incident_open_or_join(
            queue=pairs[0][0].queue,
            items=[item for item, _ in pairs],
            escalations=[ticket for _, ticket in pairs],
            actor=actor,
            reason=f"SME SLA breached on {len(pairs)} item(s)",
            now=now,
        )
    return len(items)
