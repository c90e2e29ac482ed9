"""SPEC §10 with real processes: a worker killed mid-escalation, a broker that goes away.

A real `celery -A hitl worker` (tests/worker_process.py) runs the SLA sweep and builds
the evidence bundles against the test database, on a real Redis broker.

- Killed with SIGKILL while a sweep holds its transaction open, then again while it builds
  bundles: after a restart every breach is escalated exactly once and every ticket has
  exactly one bundle. A killed task's message stays unacknowledged on Redis until the
  broker's visibility timeout (an hour), so recovery is what production relies on: beat's
  next sweep reads the deadlines from the database, and the reconciler builds the bundles
  whose task was lost. The test plays beat (sends those two tasks every second) so it
  need not wait for the real schedule.
- The broker is a private redis-server on a free port (never the shared one), with a real
  beat on the project's schedule. It is stopped while items breach and started again,
  empty: the messages it held are gone, yet every breach is escalated once it is back.

To kill a process at a known point, the test holds a lock the task must wait for: the
audit chain head (which the sweep's batch takes last, just before it commits) or the
evidence bundle table (which the sweep never writes); PostgreSQL shows the worker's
backend waiting on it, and SIGKILL lands there.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from audit.actions import AuditAction
from audit.models import AuditChainHead, AuditEvent, EvidenceBundle
from audit.services import audit_verify
from reviews.escalation.models import Escalation
from reviews.intake.models import Item
from reviews.intake.services.ingest import predictions_ingest
from reviews.intake.services.validation import validate_prediction
from reviews.queues.models import Queue
from reviews.tasks import (
    build_escalation_bundles,
    build_incident_bundle,
    notify_group,
    reconcile_bundles,
    sweep_sla_breaches,
)
from tests.factories import SYSTEM, make_queue, prediction_body
from tests.worker_process import (
    REPO,
    WorkerProcess,
    _command,
    _wait_until_ready,
    celery_worker,
    on_filesystem_broker,
    routed_to,
    shareable_database_url,
    stop,
    wait_for,
    worker_env,
)

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        on_filesystem_broker(),
        reason="needs a broker server: set CELERY_BROKER_URL=redis://… (CI: redis://127.0.0.1:6379/15)",
    ),
]

TASKS = (
    sweep_sla_breaches,
    build_escalation_bundles,
    build_incident_bundle,
    notify_group,
    reconcile_bundles,
)
TIMEOUT = 45.0
TIER1 = {"label": "approve", "confidence": 0.7}


def fill(queue: Queue, count: int, *, ago: timedelta | None = None) -> list[int]:
    """`count` Tier 1 items ingested `ago` (their time-to-human deadline long past)."""
    predictions = [
        validate_prediction(prediction_body(queue, output=TIER1))[1] for _ in range(count)
    ]
    with ExitStack() as stack:
        if ago is not None:
            stack.enter_context(time_machine.travel(timezone.now() - ago, tick=False))
        results = predictions_ingest(queue=queue, predictions=predictions, actor=SYSTEM)
    return [r.item.pk for r in results]


@contextmanager
def routed(queue: str) -> Iterator[None]:
    """The sweep, bundle, email and reconcile tasks go to this worker's queue meanwhile."""
    with ExitStack() as stack:
        for task in TASKS:
            stack.enter_context(routed_to(task, queue))
        yield


def _conninfo() -> dict[str, Any]:
    db = connection.settings_dict
    return {
        "dbname": db["NAME"],
        "user": db["USER"] or None,
        "password": db["PASSWORD"] or None,
        "host": db["HOST"] or None,
        "port": db["PORT"] or None,
        "autocommit": False,
    }


@contextmanager
def holding(sql: str) -> Iterator[None]:
    """Take a lock in a connection of its own, hold it meanwhile, then roll back."""
    with psycopg.connect(**_conninfo()) as conn:
        conn.execute(sql)
        try:
            yield
        finally:
            conn.rollback()


def waiting_on_locks() -> int:
    with psycopg.connect(**{**_conninfo(), "autocommit": True}) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        ).fetchone()
    return int(row[0]) if row else 0


def open_transactions() -> int:
    """Transactions open on the test database in other sessions than the asking one."""
    with psycopg.connect(**{**_conninfo(), "autocommit": True}) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND xact_start IS NOT NULL AND pid <> pg_backend_pid()"
        ).fetchone()
    return int(row[0]) if row else 0


def kill(worker: WorkerProcess) -> None:
    """SIGKILL, no warm shutdown: the worker's session (it runs in its own) dies at once."""
    os.killpg(worker.process.pid, signal.SIGKILL)
    worker.process.wait(timeout=10)


def await_blocked(worker: WorkerProcess, what: str) -> None:
    if not wait_for(lambda: waiting_on_locks() > 0, timeout=TIMEOUT):
        pytest.fail(f"the worker never waited on the lock {what}:\n{worker.log_tail()}")


def breach_tickets() -> Counter[int]:
    return Counter(
        Escalation.objects.filter(reason=Escalation.Reason.SLA_BREACH).values_list(
            "item_id", flat=True
        )
    )


def assert_escalated_once_with_one_bundle(item_ids: list[int]) -> None:
    assert breach_tickets() == Counter(item_ids)
    tiers = Counter(Item.objects.filter(pk__in=item_ids).values_list("state", "tier"))
    assert tiers == Counter({("queued", "sme"): len(item_ids)})
    breached = Counter(
        AuditEvent.objects.filter(action=AuditAction.SLA_BREACHED).values_list(
            "target_id", flat=True
        )
    )
    assert breached == Counter(str(pk) for pk in item_ids)
    tickets = list(Escalation.objects.values_list("pk", "bundle_id"))
    assert all(bundle for _, bundle in tickets)
    bundles = Counter(
        EvidenceBundle.objects.filter(target_type="reviews.escalation").values_list(
            "target_id", flat=True
        )
    )
    assert bundles == Counter(str(pk) for pk, _ in tickets)
    assert {str(b) for _, b in tickets} == {
        str(pk) for pk in EvidenceBundle.objects.values_list("pk", flat=True)
    }
    built = Counter(
        AuditEvent.objects.filter(action=AuditAction.EVIDENCE_BUNDLE_BUILT).values_list(
            "target_id", flat=True
        )
    )
    assert built == Counter(str(pk) for pk, _ in tickets)
    result = audit_verify()
    assert result.ok, result.reason


@pytest.mark.postgres
def test_worker_killed_mid_sweep_and_mid_bundles_escalates_each_breach_once(
    django_db_blocker: Any,
) -> None:
    queue = make_queue("killed-worker")
    item_ids = fill(queue, 40, ago=timedelta(hours=1))
    head = AuditChainHead._meta.db_table
    bundles = EvidenceBundle._meta.db_table

    # 1. Killed mid-sweep: its batch has taken the items and opened the tickets, and waits
    #    for the chain head to audit them. Nothing of it may survive.
    with celery_worker() as first, routed(first.queue):
        with holding(f"SELECT 1 FROM {head} WHERE id = 1 FOR UPDATE"):  # noqa: S608
            sweep_sla_breaches.delay()
            await_blocked(first, "of the audit chain head")
            kill(first)
        assert "sweep_sla_breaches" in first.log()
    # The dead worker's backend rolls back once it finds its client gone.
    assert wait_for(lambda: open_transactions() == 0, timeout=10)
    assert not Escalation.objects.exists()
    assert set(Item.objects.filter(pk__in=item_ids).values_list("tier", flat=True)) == {"tier1"}

    # 2. Restarted, the next sweep (beat's) escalates them all; killed while it builds
    #    their bundles (its first insert waits for the bundle table).
    with celery_worker() as second, routed(second.queue):
        with holding(f"LOCK TABLE {bundles} IN SHARE MODE"):
            sweep_sla_breaches.delay()
            assert wait_for(lambda: len(breach_tickets()) == len(item_ids), timeout=TIMEOUT), (
                second.log_tail()
            )
            await_blocked(second, "of the bundle table")
            kill(second)
        assert "build_escalation_bundles" in second.log()
    assert wait_for(lambda: open_transactions() == 0, timeout=10)
    assert not EvidenceBundle.objects.exists()
    assert breach_tickets() == Counter(item_ids)

    # 3. Restarted again: beat's sweeps find nothing more; its reconciler builds the
    #    bundles whose task died once they are older than its grace period.
    def all_built() -> bool:
        sweep_sla_breaches.delay()
        reconcile_bundles.delay()
        return not Escalation.objects.filter(bundle__isnull=True).exists()

    with celery_worker() as third, routed(third.queue):
        assert wait_for(all_built, timeout=TIMEOUT + 15, interval=1.0), third.log_tail()
        # Let the last round of duplicate sends run: they must change nothing.
        sweep_sla_breaches.delay()
        reconcile_bundles.delay()
        time.sleep(2)
    assert_escalated_once_with_one_bundle(item_ids)


# --- A private broker that can be stopped --------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def private_redis() -> Iterator[Any]:
    """A throwaway redis-server on a free loopback port; .stop() and .start() it."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("needs redis-server on PATH to stop a broker of its own")

    class Server:
        port = free_port()
        process: subprocess.Popen[bytes] | None = None

        @property
        def url(self) -> str:
            return f"redis://127.0.0.1:{self.port}/0"

        def start(self) -> None:
            self.process = subprocess.Popen(  # noqa: S603 - a fixed binary and arguments
                [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
                + ["--appendonly", "no"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            if not wait_for(self.answers, timeout=10):
                raise RuntimeError("the private redis-server did not start")

        def answers(self) -> bool:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    return sock.recv(16).startswith(b"+PONG")
            except OSError:
                return False

        def stop(self) -> None:
            if self.process is not None and self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=10)

    server = Server()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def worker_and_beat(broker_url: str) -> Iterator[tuple[WorkerProcess, WorkerProcess]]:
    """A worker and a real beat (the project's schedule) on `broker_url`, on a queue of
    their own."""
    database_url = shareable_database_url()
    if database_url is None:
        pytest.skip("the SQLite test database is in memory; a worker process cannot share it")
    queue = f"hitl-test-{uuid.uuid4().hex[:12]}"
    env = {**worker_env(queue=queue, database_url=database_url), "CELERY_BROKER_URL": broker_url}
    with tempfile.TemporaryDirectory(prefix="hitl-beat-") as tmp:
        procs = []
        try:
            for name, command in (
                ("worker", _command(queue)),
                (
                    "beat",
                    [sys.executable, "-m", "celery", "-A", "hitl", "beat", "--loglevel=INFO"]
                    + [f"--schedule={Path(tmp) / 'schedule'}"],
                ),
            ):
                log_path = Path(tmp) / f"{name}.log"
                with log_path.open("wb") as log:
                    process = subprocess.Popen(  # noqa: S603 - our own interpreter
                        command,
                        cwd=REPO,
                        env=env,
                        stdin=subprocess.DEVNULL,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                procs.append(WorkerProcess(process=process, queue=queue, log_path=log_path))
            _wait_until_ready(procs[0], 30.0)
            yield procs[0], procs[1]
        finally:
            for proc in procs:
                stop(proc)


def test_breaches_during_a_broker_outage_are_escalated_once_it_is_back() -> None:
    # Items breach 3 s after they arrive; beat sweeps every 5 s (hitl/settings.py).
    queue = make_queue("broker-outage", sla={"tier1": {"time_to_human_s": 3}})
    with private_redis() as redis, worker_and_beat(redis.url) as (worker, beat):
        before = fill(queue, 5)
        assert wait_for(lambda: len(breach_tickets()) == 5, timeout=20), worker.log_tail()
        # Their bundles too, or the outage could swallow those tasks (the reconciler would
        # build them, but on its own one-minute schedule).
        assert wait_for(
            lambda: not Escalation.objects.filter(bundle__isnull=True).exists(), timeout=20
        ), worker.log_tail()

        redis.stop()
        during = fill(queue, 15)
        deadline = max(Item.objects.filter(pk__in=during).values_list("breach_at", flat=True))
        time.sleep(max(0.0, (deadline - timezone.now()).total_seconds()) + 6)  # a beat period
        assert len(breach_tickets()) == 5  # no broker, no sweep: the breaches wait in the rows
        assert beat.alive() and worker.alive()

        redis.start()  # empty: whatever it held is gone
        escalated = wait_for(lambda: len(breach_tickets()) == 20, timeout=TIMEOUT)
        assert escalated, f"worker:\n{worker.log_tail()}\nbeat:\n{beat.log_tail()}"
        bundled = wait_for(
            lambda: not Escalation.objects.filter(bundle__isnull=True).exists(), timeout=TIMEOUT
        )
        assert bundled, worker.log_tail()

    assert_escalated_once_with_one_bundle(before + during)
    late = [
        e.data["breach"]["late_s"]
        for e in Escalation.objects.filter(item_id__in=during, reason="sla_breach")
    ]
    assert min(late) > 3  # escalated after the outage, not by a sweep that ran during it
