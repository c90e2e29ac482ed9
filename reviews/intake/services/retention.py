"""Retention: raw inputs are purged once a queue's raw_retention_days have passed (SPEC §6).

Only `Item.raw_input` goes (set to NULL, `raw_purged_at` set): the redacted input, the
decisions and the audit trail stay. Run by beat (reviews.tasks.purge_raw_inputs); safe to
run twice at once or again after a crash, since a purged row no longer matches.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction

from audit.actions import AuditAction
from audit.services import Actor, audit_record
from reviews.intake.models import Item
from reviews.queues.models import Queue

PURGE_BATCH = 500


def raw_inputs_purge(*, now: datetime, batch: int = PURGE_BATCH) -> int:
    """Purge every raw input older than its queue's retention period; how many were purged.

    1. Queues without a period (raw_retention_days NULL) keep their raw inputs.
    2. Per queue, batches of `batch` items received before now − period, oldest first,
       each batch one transaction with one RAW_INPUTS_PURGED event (the count, no ids or
       values), so a crash loses at most one batch of work and never half an event.
    3. A batch smaller than `batch` ends the queue's turn: rows locked by a claim or a
       decision were skipped and wait for the next run.
    """
    total = 0
    queues = Queue.objects.filter(raw_retention_days__isnull=False).order_by("pk")
    for queue in queues:
        cutoff = now - timedelta(days=queue.raw_retention_days or 0)  # not NULL: filtered
        while True:
            purged = _purge_batch(queue=queue, cutoff=cutoff, now=now, batch=batch)
            total += purged
            if purged < batch:
                break
    return total


@transaction.atomic
def _purge_batch(*, queue: Queue, cutoff: datetime, now: datetime, batch: int) -> int:
    # Served by item_raw_held_idx (queue, received_at) WHERE raw_input IS NOT NULL:
    #   SELECT id FROM reviews_item WHERE queue_id = %s AND raw_input IS NOT NULL
    #     AND received_at < %s ORDER BY received_at LIMIT %s FOR NO KEY UPDATE SKIP LOCKED
    # The index holds only rows still to purge, so each run reads what it deletes.
    # SKIP LOCKED: an item being claimed or decided is left for the next run instead of
    # making the sweep wait; NO KEY: assignments and decisions referencing the item are
    # not blocked.
    ids = list(
        Item.objects.filter(queue=queue, raw_input__isnull=False, received_at__lt=cutoff)
        .order_by("received_at")
        .select_for_update(skip_locked=True, no_key=True)
        .values_list("pk", flat=True)[:batch]
    )
    if not ids:
        return 0
    purged = Item.objects.filter(pk__in=ids, raw_input__isnull=False).update(
        raw_input=None, raw_purged_at=now
    )
    if purged:
        audit_record(
            action=AuditAction.RAW_INPUTS_PURGED,
            actor=Actor.system("retention"),
            target=queue,
            data={
                "queue": queue.slug,
                "count": purged,
                "retention_days": queue.raw_retention_days,
                "received_before": cutoff.isoformat(),
            },
        )
    return purged
