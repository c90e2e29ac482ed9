"""A real Celery worker in a subprocess, for tests marked `worker`.

The worker runs `celery -A hitl worker` from this repository with the test's own
database (the test database pytest-django made, not the development one) and the
broker this test process uses, on a queue of its own so stray tasks on the shared
broker are neither picked up by it nor left for it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import connection

REPO = Path(__file__).resolve().parent.parent
READY_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


class WorkerFailed(RuntimeError):
    """The worker exited or never became ready; the message ends with its log."""


@dataclass
class WorkerProcess:
    process: subprocess.Popen[bytes]
    queue: str
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log().splitlines()[-lines:])

    def alive(self) -> bool:
        return self.process.poll() is None


def on_filesystem_broker() -> bool:
    return str(settings.CELERY_BROKER_URL).startswith("filesystem://")


def shareable_database_url() -> str | None:
    """A DATABASE_URL for the database this process is connected to, or None (in memory)."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = quote(db["USER"] or "", safe="")
        if db["PASSWORD"]:
            auth += ":" + quote(db["PASSWORD"], safe="")
        host = db["HOST"] or "localhost"
        port = f":{db['PORT']}" if db["PORT"] else ""
        return f"postgres://{auth}@{host}{port}/{quote(db['NAME'], safe='')}"
    if connection.vendor == "sqlite":
        name = str(db["NAME"])
        if name == ":memory:" or "mode=memory" in name:
            return None
        return f"sqlite:///{Path(name).resolve()}"
    raise NotImplementedError(f"no worker support for {connection.vendor}")


def worker_env(*, queue: str, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="hitl.settings",
        DATABASE_URL=database_url,
        CELERY_QUEUE=queue,
        # The filesystem broker lives under the data directory: share this process's.
        HITL_DATA_DIR=str(settings.DATA_DIR),
        PYTHONUNBUFFERED="1",
    )
    if not on_filesystem_broker():
        env["CELERY_BROKER_URL"] = str(settings.CELERY_BROKER_URL)
    else:
        env.pop("CELERY_BROKER_URL", None)
    return env


@contextmanager
def celery_worker(*, ready_timeout: float = READY_TIMEOUT) -> Iterator[WorkerProcess]:
    """Start a worker on a fresh queue, wait until it is ready, stop it on exit."""
    database_url = shareable_database_url()
    if database_url is None:
        raise WorkerFailed("the test database is in memory: a worker process cannot share it")
    queue = f"hitl-test-{uuid.uuid4().hex[:12]}"
    strays = [folder for folder in _default_control_folders() if not folder.exists()]
    with tempfile.TemporaryDirectory(prefix="hitl-worker-") as log_dir:
        log_path = Path(log_dir) / "worker.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
                _command(queue),
                cwd=REPO,
                env=worker_env(queue=queue, database_url=database_url),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a Ctrl-C on pytest is not also the worker's
            )
        worker = WorkerProcess(process=process, queue=queue, log_path=log_path)
        try:
            _wait_until_ready(worker, ready_timeout)
            yield worker
        finally:
            stop(worker)
            _forget_queue(queue)
            _remove_strays(strays)


def _command(queue: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "hitl",
        "worker",
        "--pool=solo",
        "--loglevel=INFO",
        f"--queues={queue}",
        f"--hostname={queue}@%h",
        "--without-mingle",
        "--without-gossip",
        "--without-heartbeat",
    ]


def _default_control_folders() -> list[Path]:
    """Kombu's filesystem transport keeps exchange tables in ./control unless told where."""
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    if not on_filesystem_broker() or "control_folder" in options:
        return []
    return list({Path.cwd() / "control", REPO / "control"})


def _remove_strays(folders: list[Path]) -> None:
    for folder in folders:
        if folder.is_dir() and all(f.suffix == ".exchange" for f in folder.iterdir()):
            shutil.rmtree(folder, ignore_errors=True)


def _wait_until_ready(worker: WorkerProcess, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if f"{worker.queue}@" in worker.log() and " ready." in worker.log():
            return
        if not worker.alive():
            raise WorkerFailed(
                f"the worker exited with {worker.process.returncode}:\n{worker.log_tail()}"
            )
        time.sleep(0.1)
    raise WorkerFailed(f"the worker was not ready within {timeout:.0f} s:\n{worker.log_tail()}")


def stop(worker: WorkerProcess) -> None:
    """Warm shutdown (SIGTERM), then SIGKILL if it does not exit in time."""
    if not worker.alive():
        return
    worker.process.send_signal(signal.SIGTERM)
    try:
        worker.process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        worker.process.kill()
        worker.process.wait(timeout=STOP_TIMEOUT)


def _forget_queue(queue: str) -> None:
    """Drop the test queue and its binding from the broker (best effort)."""
    from hitl.celery import app

    try:
        with app.connection_for_write() as conn:
            # A channel deletes the bindings it knows of: declare as the worker did, then delete.
            bound = app.amqp.queues[queue].bind(conn.default_channel)
            bound.declare()
            bound.delete()
    except Exception:  # noqa: BLE001, S110 - cleanup must not hide the test's result
        pass


@contextmanager
def routed_to(task: Any, queue: str) -> Iterator[None]:
    """Send `task` to `queue` meanwhile (Task.queue; its cached send options reset)."""
    real = task._get_current_object() if hasattr(task, "_get_current_object") else task
    saved = real.__dict__.get("queue"), real.__dict__.get("_exec_options")
    real.queue, real._exec_options = queue, None
    try:
        yield
    finally:
        for name, value in zip(("queue", "_exec_options"), saved, strict=True):
            if value is None:
                real.__dict__.pop(name, None)
            else:
                setattr(real, name, value)


def wait_for(condition: Any, *, timeout: float, interval: float = 0.1) -> bool:
    """Poll condition() until it is truthy or `timeout` seconds passed; its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() >= deadline:
            return bool(value)
        time.sleep(interval)
