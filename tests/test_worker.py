"""A real Celery worker process runs hitl's tasks against the test database.

Tasks are enqueued the way hitl's services enqueue them, with delay_on_commit inside
the transaction of a change, and executed by `celery -A hitl worker` in a subprocess
(tests/worker_process.py). Most tests need a broker server (CELERY_BROKER_URL, Redis
in CI); one runs on the embedded filesystem broker when none is set.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection, transaction

from audit.actions import AuditAction
from audit.models import AuditChainHead, AuditCheckpoint, AuditEvent
from audit.services import Actor, Entry, audit_record_many
from audit.tasks import verify_recent_events
from reviews.queues.models import Queue
from tests.factories import ingest, make_queue
from tests.worker_process import (
    WorkerProcess,
    celery_worker,
    on_filesystem_broker,
    routed_to,
    shareable_database_url,
    wait_for,
)

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

TASK_TIMEOUT = 30.0
APPEND_ONLY_TRIGGER = "audit_event_no_update_delete"

needs_broker_server = pytest.mark.skipif(
    on_filesystem_broker(),
    reason="needs a broker server: set CELERY_BROKER_URL=redis://… (CI: redis://127.0.0.1:6379/15)",
)
needs_filesystem_broker = pytest.mark.skipif(
    not on_filesystem_broker(),
    reason="runs on the embedded filesystem broker, i.e. with CELERY_BROKER_URL unset",
)


@pytest.fixture(scope="module")
def worker(django_db_setup: None, django_db_blocker: Any) -> Iterator[WorkerProcess]:
    """One worker for the module, on the test database (it outlives each test's flush)."""
    with django_db_blocker.unblock():
        if shareable_database_url() is None:
            pytest.skip("the SQLite test database is in memory; a worker process cannot share it")
        with celery_worker() as started:
            yield started


@pytest.fixture
def enqueue(worker: WorkerProcess) -> Iterator[WorkerProcess]:
    """verify_recent_events goes to this worker's queue during the test."""
    with routed_to(verify_recent_events, worker.queue):
        yield worker


def _head() -> tuple[int, str]:
    head = AuditChainHead.objects.get(pk=1)
    return head.seq, head.hash


def _checkpoint_at(seq: int) -> AuditCheckpoint | None:
    return AuditCheckpoint.objects.filter(seq__gte=seq).first()


def _await_checkpoint(worker: WorkerProcess, seq: int) -> AuditCheckpoint:
    if not wait_for(lambda: _checkpoint_at(seq), timeout=TASK_TIMEOUT):
        pytest.fail(
            f"no checkpoint reached #{seq} within {TASK_TIMEOUT:.0f} s; worker log:\n"
            + worker.log_tail()
        )
    checkpoint = _checkpoint_at(seq)
    assert checkpoint is not None
    return checkpoint


def _assert_worker_checkpoints_the_head_after_commit(worker: WorkerProcess) -> None:
    queue = make_queue("worker-loans")
    for _ in range(3):
        ingest(queue)

    # A rolled-back change must not leave its task behind.
    with pytest.raises(RuntimeError, match="rolled back"), transaction.atomic():
        verify_recent_events.delay_on_commit()
        raise RuntimeError("rolled back")
    # The real one is sent when, and only when, its transaction commits.
    with transaction.atomic():
        audit_record_many(
            actor=Actor.system("tests"),
            entries=[Entry(AuditAction.QUEUE_UPDATED, "reviews.queue", str(queue.pk))],
        )
        verify_recent_events.delay_on_commit()
        assert not AuditCheckpoint.objects.exists()
    head_seq, head_hash = _head()

    checkpoint = _await_checkpoint(worker, head_seq)

    assert checkpoint.ok, checkpoint.reason
    assert (checkpoint.seq, checkpoint.hash) == (head_seq, head_hash)
    assert checkpoint.broken_seq is None
    # The worker handles tasks in order: had the rolled-back task been sent, it would
    # have made a checkpoint of its own first.
    assert AuditCheckpoint.objects.count() == 1
    assert "verify_recent_events" in worker.log()


@needs_broker_server
def test_worker_checkpoints_the_chain_head_after_commit(enqueue: WorkerProcess) -> None:
    _assert_worker_checkpoints_the_head_after_commit(enqueue)


@needs_filesystem_broker
def test_worker_on_the_filesystem_broker_checkpoints_the_chain_head(
    enqueue: WorkerProcess,
) -> None:
    _assert_worker_checkpoints_the_head_after_commit(enqueue)


@needs_broker_server
def test_worker_finds_an_event_changed_behind_the_orms_back(
    enqueue: WorkerProcess, queue: Queue
) -> None:
    items = [ingest(queue) for _ in range(3)]
    victim = AuditEvent.objects.get(
        action=AuditAction.ITEM_RECEIVED, target_id=str(items[1].pk)
    ).seq
    with transaction.atomic(), connection.cursor() as cursor:
        on_postgres = connection.vendor == "postgresql"
        if on_postgres:
            cursor.execute(f"ALTER TABLE audit_auditevent DISABLE TRIGGER {APPEND_ONLY_TRIGGER}")
        cursor.execute(
            "UPDATE audit_auditevent SET data_json = %s WHERE seq = %s",
            ['{"label":"deny"}', victim],
        )
        if on_postgres:
            cursor.execute(f"ALTER TABLE audit_auditevent ENABLE TRIGGER {APPEND_ONLY_TRIGGER}")
    head_seq, _ = _head()

    with transaction.atomic():
        verify_recent_events.delay_on_commit()
    checkpoint = _await_checkpoint(enqueue, victim - 1)

    assert not checkpoint.ok
    assert checkpoint.broken_seq == victim
    assert checkpoint.seq == victim - 1  # verified up to the event before the break
    assert f"#{victim}" in checkpoint.reason
    # The worker recorded the failed check in the trail itself, at the head.
    alarm = AuditEvent.objects.get(action=AuditAction.CHAIN_VERIFIED)
    assert alarm.seq == head_seq + 1
    assert alarm.actor_label == "audit-verifier"
    assert alarm.data["broken_seq"] == victim
    assert alarm.target_id == str(checkpoint.pk)
