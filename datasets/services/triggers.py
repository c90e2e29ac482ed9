"""Retraining triggers (issue 7 point 4): a queue makes a snapshot on its own, and the
snapshot's `dataset.ready` webhook tells a training pipeline to pick it up.

A trigger fires when the queue has gathered `every_corrected` new corrected labels, or
(`on_alert`) when one of its alert rules started firing, since `counted_through`. Firing
requests a snapshot of everything decided up to now (trigger `labels` or `alert`) and
moves `counted_through` to now in the same transaction, under the trigger row's lock:
two beat runs at once agree, the second sees the first's cursor and finds nothing new.
The cursor moves only when a snapshot is requested, so labels keep accumulating across
runs until the count is reached. The webhook itself is sent by dataset_build once the
snapshot is ready (services/build.py).
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from audit.actions import AuditAction
from audit.services import Actor, audit_record
from datasets.models import Dataset, RetrainTrigger
from datasets.services.build import dataset_request
from reviews.choices import Outcome
from reviews.escalation.models import AlertFiring
from reviews.intake.models import Item
from reviews.queues.models import Queue

logger = logging.getLogger(__name__)

TRIGGER_ACTOR = Actor.system("retrain-trigger")
FIELDS = ("every_corrected", "on_alert", "active")
MAX_EVERY_CORRECTED = 1_000_000_000  # the column is a 32-bit integer; no queue needs more


class RetrainTriggerInvalid(Exception):
    """Values a trigger cannot take: field → messages."""

    def __init__(self, fields: dict[str, list[str]]) -> None:
        super().__init__(fields)
        self.fields = fields


def trigger_describe(trigger: RetrainTrigger | None) -> str:
    """The trigger in words ('every 50 corrected labels, when an alert rule fires'; 'off')."""
    if trigger is None or not _armed(trigger):
        return "off"
    parts = []
    if trigger.every_corrected:
        parts.append(f"every {trigger.every_corrected} corrected labels")
    if trigger.on_alert:
        parts.append("when an alert rule fires")
    return ", ".join(parts)


def _armed(trigger: RetrainTrigger) -> bool:
    """Whether the trigger can fire at all."""
    return trigger.active and (trigger.every_corrected > 0 or trigger.on_alert)


@transaction.atomic
def retrain_trigger_set(
    *, queue: Queue, actor: Actor, every_corrected: int, on_alert: bool, active: bool
) -> RetrainTrigger:
    """Create or change the queue's trigger; audited (DATASET_TRIGGER_CHANGED).

    A trigger that could not fire before and can now starts counting afresh (its cursor
    goes to now): turning it on never snapshots the history gathered while it was off.
    """
    if not 0 <= every_corrected <= MAX_EVERY_CORRECTED:
        raise RetrainTriggerInvalid(
            {"every_corrected": [f"Enter 0 (off) or a count up to {MAX_EVERY_CORRECTED:,}."]}
        )
    trigger, created = RetrainTrigger.objects.select_for_update().get_or_create(queue=queue)
    before = {name: getattr(trigger, name) for name in FIELDS}
    was_armed = _armed(trigger) and not created
    after = {"every_corrected": every_corrected, "on_alert": on_alert, "active": active}
    changed = {name: after[name] for name in FIELDS if after[name] != before[name]}
    if not changed and not created:
        return trigger
    for name, value in after.items():
        setattr(trigger, name, value)
    if _armed(trigger) and not was_armed:
        trigger.counted_through = timezone.now()
    trigger.save()
    audit_record(
        action=AuditAction.DATASET_TRIGGER_CHANGED,
        actor=actor,
        target=trigger,
        data={
            "queue": queue.slug,
            "created": created,
            "changed": {name: [before[name], value] for name, value in changed.items()},
        },
    )
    return trigger


def retrain_triggers_run(*, now: datetime | None = None) -> int:
    """Judge every active trigger once; how many snapshots were requested.

    Each trigger is its own transaction, so one failing trigger (logged) does not stop
    the rest, and a snapshot request never waits for another queue's.
    """
    now = now or timezone.now()
    requested = 0
    ids = RetrainTrigger.objects.filter(active=True).order_by("pk").values_list("pk", flat=True)
    for pk in list(ids):
        try:
            requested += _trigger_run(pk=pk, now=now)
        except Exception:
            logger.exception("retrain trigger %s could not be run", pk)
    return requested


@transaction.atomic
def _trigger_run(*, pk: int, now: datetime) -> int:
    """One trigger: 1 if it requested a snapshot, else 0.

    1. Lock the trigger row; a concurrent run waits here and then reads our cursor.
    2. A first run (no cursor yet) only starts counting from now.
    3. A cursor at or past `now` (a later run got here first) means nothing to judge.
    4. New corrected labels reaching the count → a `labels` snapshot; otherwise a firing
       of one of the queue's alert rules → an `alert` snapshot; then the cursor moves.
    """
    trigger = (
        RetrainTrigger.objects.select_for_update().select_related("queue").filter(pk=pk).first()
    )
    if trigger is None or not trigger.active:
        return 0
    since = trigger.counted_through
    if since is None:
        trigger.counted_through = now
        trigger.save(update_fields=["counted_through"])
        return 0
    if since >= now:
        return 0
    reason = _reason(trigger, since=since, now=now)
    if reason is None:
        return 0
    dataset_request(
        queue=trigger.queue,
        actor=TRIGGER_ACTOR,
        user=None,
        filter={"decided_to": now.isoformat()},
        trigger=reason,
        now=now,
    )
    trigger.counted_through = now
    trigger.save(update_fields=["counted_through"])
    return 1


def _reason(trigger: RetrainTrigger, *, since: datetime, now: datetime) -> str | None:
    """Why the trigger fires in [since, now), or None. Half-open like the snapshot's own
    window (services/filters.py): what is decided at `now` belongs to the next one."""
    if trigger.every_corrected > 0:
        # Served by item_decided_idx (queue_id, decided_at, id) WHERE decided_at IS NOT NULL
        # (datasets/migrations): a range of the queue's decisions since the cursor.
        corrected = Item.objects.filter(
            queue_id=trigger.queue_id,
            decided_at__gte=since,
            decided_at__lt=now,
            outcome=Outcome.CORRECTED,
            is_gold=False,
        )
        if corrected[: trigger.every_corrected].count() >= trigger.every_corrected:
            return Dataset.Trigger.LABELS
    if trigger.on_alert:
        fired = AlertFiring.objects.filter(
            rule__queue_id=trigger.queue_id, started_at__gte=since, started_at__lt=now
        )
        if fired.exists():
            return Dataset.Trigger.ALERT
    return None
