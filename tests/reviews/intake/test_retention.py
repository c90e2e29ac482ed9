"""Retention (SPEC §6): raw inputs past a queue's period are purged in audited batches;
redacted inputs, decisions and the audit trail stay."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import audit_verify
from reviews.intake.models import Item
from reviews.intake.services.retention import raw_inputs_purge
from reviews.queues.models import Queue
from reviews.tasks import purge_raw_inputs
from reviews.work.models import Decision
from tests.factories import ingest, make_queue
from tests.reviews.reviewing import claim, decide

RAW = {"text": "Write to max.mustermann@example.de"}
REDACTED = {"text": "Write to [EMAIL]"}
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.get_current_timezone())


def received(queue: Queue, at: datetime, count: int = 1, **overrides: Any) -> list[Item]:
    with time_machine.travel(at, tick=False):
        return [ingest(queue, input=RAW, **overrides) for _ in range(count)]


def purge_events() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=AuditAction.RAW_INPUTS_PURGED).order_by("seq"))


def set_retention(queue: Queue, days: int | None) -> None:
    Queue.objects.filter(pk=queue.pk).update(raw_retention_days=days)


def test_raw_inputs_older_than_the_period_are_purged_the_rest_kept(queue: Queue) -> None:
    set_retention(queue, 30)
    old = received(queue, T0, 2)
    young = received(queue, T0 + timedelta(days=20), 1)
    now = T0 + timedelta(days=30, hours=1)

    assert raw_inputs_purge(now=now) == 2

    for item in old:
        item.refresh_from_db()
        assert (item.raw_input, item.raw_purged_at, item.input) == (None, now, REDACTED)
    young[0].refresh_from_db()
    assert (young[0].raw_input, young[0].raw_purged_at) == (RAW, None)
    (event,) = purge_events()
    assert (event.actor_kind, event.actor_label) == ("system", "retention")
    assert (event.target_type, event.target_id) == ("reviews.queue", str(queue.pk))
    assert event.data == {
        "queue": "loans",
        "count": 2,
        "retention_days": 30,
        "received_before": (now - timedelta(days=30)).isoformat(),
    }


def test_the_boundary_is_exactly_the_period(queue: Queue) -> None:
    set_retention(queue, 7)
    (item,) = received(queue, T0)

    assert raw_inputs_purge(now=T0 + timedelta(days=7)) == 0  # received_at == cutoff: kept
    assert raw_inputs_purge(now=T0 + timedelta(days=7, microseconds=1)) == 1


def test_queues_without_a_period_keep_their_raw_inputs(queue: Queue, other_queue: Queue) -> None:
    set_retention(queue, 1)
    received(queue, T0)
    (kept,) = received(other_queue, T0)

    assert raw_inputs_purge(now=T0 + timedelta(days=365)) == 1

    kept.refresh_from_db()
    assert kept.raw_input == RAW
    assert [e.data["queue"] for e in purge_events()] == ["loans"]


def test_batches_each_have_one_event_with_their_count(queue: Queue) -> None:
    set_retention(queue, 1)
    received(queue, T0, 5)

    assert raw_inputs_purge(now=T0 + timedelta(days=2), batch=2) == 5

    assert [e.data["count"] for e in purge_events()] == [2, 2, 1]
    assert not Item.objects.filter(raw_input__isnull=False).exists()
    assert audit_verify().ok


def test_a_second_run_finds_nothing_and_records_nothing(queue: Queue) -> None:
    set_retention(queue, 1)
    received(queue, T0, 3)
    now = T0 + timedelta(days=2)

    assert raw_inputs_purge(now=now) == 3
    assert raw_inputs_purge(now=now + timedelta(hours=1)) == 0

    assert len(purge_events()) == 1
    assert set(Item.objects.values_list("raw_purged_at", flat=True)) == {now}


def test_decisions_redacted_input_and_audit_trail_survive(
    queue: Queue, annotator: User, api_as: Any
) -> None:
    set_retention(queue, 1)
    (item,) = received(queue, timezone.now() - timedelta(days=3))
    client = api_as(annotator)
    assignment = claim(client, queue).json()
    assert decide(client, assignment["id"], {"verdict": "approve"}).status_code == 201
    events_before = set(AuditEvent.objects.values_list("seq", "hash"))

    assert raw_inputs_purge(now=timezone.now()) == 1

    item.refresh_from_db()
    assert (item.input, item.raw_input, item.state) == (REDACTED, None, "decided")
    assert Decision.objects.filter(item=item).count() == 1
    assert events_before <= set(AuditEvent.objects.values_list("seq", "hash"))
    assert audit_verify().ok


def test_the_beat_task_purges_with_the_current_time(queue: Queue) -> None:
    set_retention(queue, 1)
    received(queue, timezone.now() - timedelta(days=2))
    received(queue, timezone.now())

    assert purge_raw_inputs.apply().get() == 1
    assert purge_raw_inputs.apply().get() == 0


def test_the_task_is_on_the_beat_schedule(settings: Any) -> None:
    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if "purge_raw" in e["task"]]
    assert entries == [{"task": "reviews.tasks.purge_raw_inputs", "schedule": 3600.0}]


@pytest.mark.postgres
def test_the_purge_reads_through_the_partial_index(db: None) -> None:
    """The purge's own SELECT, as it ran, can use item_raw_held_idx (with sequential scans
    priced out, so the answer does not hang on the planner's view of a tiny table)."""
    queue = make_queue("indexed")
    set_retention(queue, 1)
    received(queue, T0, 3)
    with CaptureQueriesContext(connection) as queries:
        assert raw_inputs_purge(now=T0 + timedelta(days=2)) == 3
    (select,) = [q["sql"] for q in queries if "FOR NO KEY UPDATE SKIP LOCKED" in q["sql"]][:1]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {select}")
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "item_raw_held_idx" in plan
