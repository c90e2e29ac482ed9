"""The chaos suite's own deployment: PostgreSQL, Redis, gunicorn, a Celery worker and beat.

The suite kills and restarts servers, so it never uses the machine's shared ones: it
runs its own PostgreSQL cluster (initdb in a temporary directory, trust auth, fsync on)
and its own redis-server (no persistence: a restart loses every queued message, the
honest case for hitl's claim that beat and the reconcilers re-drive what is lost), each
on a free loopback port. hitl runs on them as in production (DEBUG=0, bench/_common.py's
django_env): `gunicorn hitl.wsgi` with two workers, `celery worker` and `celery beat` with
the project's own schedule, each a subprocess the tests may kill.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import redis

from bench._common import django_env, free_port, gunicorn, manage, tail
from tests.worker_process import wait_for

REPO = Path(__file__).resolve().parents[2]
QUEUE_SLUG = "chaos-loans"
ANNOTATORS = 2
SMES = 1
# Short SLAs so breaches happen during a test: an item nobody claims within 5 s is
# escalated at the next sweep (every 5 s), a claimed one not decided within 12 s too.
TIME_TO_HUMAN_S = 5
TIME_TO_DECISION_S = 12
DATABASE = "hitl_chaos"
READY_TIMEOUT = 60.0

POSTGRES_CONF = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = ''
fsync = on
synchronous_commit = on
max_connections = 60
shared_buffers = 32MB
"""

SETUP = """
import json
from audit.services import Actor
from reviews.queues.permissions import Role
from reviews.queues.services.access import client_create, reviewer_create
from reviews.queues.services.queues import queue_create

actor = Actor.system("chaos")
sla = {"time_to_human_s": %(human)d, "time_to_decision_s": %(decision)d}
queue = queue_create(
    slug=%(slug)r,
    name="Chaos loans",
    labels=[{"value": "approve", "hotkey": "a"}, {"value": "deny", "hotkey": "d"}],
    reason_codes=[{"code": "wrong_label"}, {"code": "unsure"}],
    policy={
        "auto_approve_at": 0.9, "sme_below": 0.3, "risk_tier": "medium", "mode": "in_path",
        "consensus": {"reviewers": 1, "rule": "majority"},
        "sla": {"tier1": sla, "sme": sla},
    },
    actor=actor,
)
_, client = client_create(name="chaos-client", queues=[queue], actor=actor)
people = {"annotator": [], "sme": []}
for role, n in ((Role.ANNOTATOR, %(annotators)d), (Role.SME, %(smes)d)):
    for i in range(n):
        _, token = reviewer_create(
            username=f"chaos-{role}-{i}", role=role, queues=[queue],
            password="chaos-password-not-secret", actor=actor,
        )
        people[str(role)].append(token)
print(json.dumps({"client": client, **people}))
"""


class Unavailable(RuntimeError):
    """A server binary or an unprivileged account to run PostgreSQL under is missing."""


def postgres_bindir() -> Path:
    """The directory of initdb and pg_ctl: `pg_config --bindir`, else Debian's layout."""
    candidates: list[Path] = []
    if pg_config := shutil.which("pg_config"):
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            found = subprocess.run(  # noqa: S603 - a binary found on PATH, fixed arguments
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            )
            candidates.append(Path(found.stdout.strip()))
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version, reverse=True)
    for bindir in [*candidates, *versions]:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    raise Unavailable("no PostgreSQL server binaries (initdb, pg_ctl): install postgresql")


def _version(bindir: Path) -> float:
    try:
        return float(bindir.parent.name)
    except ValueError:
        return 0.0


def postgres_user() -> str | None:
    """Who runs PostgreSQL: this process's user, or `postgres` when we are root (the
    server refuses to run as root)."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise Unavailable("running as root and no `postgres` account to run initdb as") from None
    return "postgres"


@dataclass
class Postgres:
    """A throwaway cluster: initdb'd in `home`, listening on 127.0.0.1:`port` only."""

    bindir: Path
    home: Path
    port: int
    user: str | None

    @property
    def data(self) -> Path:
        return self.home / "data"

    @property
    def log(self) -> Path:
        return self.home / "postgres.log"

    def url(self, database: str = DATABASE) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str, timeout: float = 90) -> str:
        done = subprocess.run(  # noqa: S603 - the server's own binaries, our arguments
            [str(self.bindir / args[0]), *args[1:]],
            user=self.user,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"{args[0]} {' '.join(args[1:3])} failed ({done.returncode}):\n"
                f"{done.stdout[-2000:]}{done.stderr[-2000:]}\n{tail(self.log)}"
            )
        return done.stdout

    def init(self) -> None:
        self.home.mkdir(parents=True)
        if self.user is not None:
            account = pwd.getpwnam(self.user)
            os.chown(self.home, account.pw_uid, account.pw_gid)
        # --no-sync: only initdb's own flush at the end is skipped; the server runs with fsync.
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "-N"
        )
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(POSTGRES_CONF.format(port=self.port))
        self.start()
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {DATABASE}")

    def _ctl(self, action: str, *options: str) -> None:
        data, log = str(self.data), str(self.log)
        self._run("pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", *options, action)

    def start(self) -> None:
        self._ctl("start")

    def stop(self, mode: str = "fast") -> None:
        self._ctl("stop", "-m", mode)

    def restart(self, mode: str) -> None:
        """`pg_ctl restart -m MODE`: immediate is a crash, with WAL recovery at start."""
        self._ctl("restart", "-m", mode)

    def running(self) -> bool:
        try:
            with psycopg.connect(self.url("postgres"), connect_timeout=2) as conn:
                conn.execute("SELECT 1")
        except psycopg.OperationalError:
            return False
        return True

    def close(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(RuntimeError, subprocess.SubprocessError):
                self.stop("immediate")


@dataclass
class Proc:
    """A server process we started in a session of its own, logging to `log`."""

    name: str
    process: subprocess.Popen[bytes]
    log: Path

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill9(self) -> None:
        """SIGKILL the whole process group (a prefork worker and its children)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self, timeout: float = 20) -> None:
        if not self.alive():
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill9()

    def tail(self, lines: int = 40) -> str:
        return tail(self.log, lines)


def spawn(name: str, args: list[str], env: dict[str, str], log: Path) -> Proc:
    with log.open("ab") as out:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter or a found binary
            args,
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: kill9 takes its children too
        )
    return Proc(name, process, log)


@dataclass
class Redis:
    """redis-server on 127.0.0.1:`port`, in memory only: a restart forgets everything."""

    binary: str
    home: Path
    port: int
    proc: Proc | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        args = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
        args += ["--save", "", "--appendonly", "no", "--dir", str(self.home)]
        self.proc = spawn("redis", args, dict(os.environ), self.home / "redis.log")
        if not wait_for(self.running, timeout=READY_TIMEOUT):
            raise RuntimeError(f"redis-server did not answer:\n{self.proc.tail()}")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.stop()

    def running(self) -> bool:
        try:
            return bool(redis.Redis.from_url(self.url, socket_timeout=2).ping())
        except redis.RedisError:
            return False

    def queued(self) -> int:
        """Messages waiting on the default queue."""
        return int(redis.Redis.from_url(self.url, socket_timeout=2).llen("hitl"))


@dataclass
class Stack:
    """Everything the scenarios kill, restart and check."""

    home: Path
    pg: Postgres
    broker: Redis
    env: dict[str, str]
    tokens: dict[str, Any]
    base_url: str = ""
    gunicorn_pid: int = 0
    gunicorn_log: Path = field(default_factory=Path)
    worker: Proc | None = None
    beat: Proc | None = None
    workers_started: int = 0
    reconciled_seen: int = 0  # bundles_reconciled() at the end of the last scenario
    setup_s: float = 0.0

    def sql(self, query: str, params: Any = None) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.pg.url(), connect_timeout=5) as conn:
            return list(conn.execute(query, params).fetchall())

    def scalar(self, query: str, params: Any = None) -> Any:
        return self.sql(query, params)[0][0]

    def start_worker(self, *, wait: bool = True) -> Proc:
        """A prefork worker (2 processes) taking every task; compose.yaml gives bundles a
        worker of their own, here one kill stops the sweeps and the bundles alike."""
        self.workers_started += 1
        n = self.workers_started
        args = [sys.executable, "-m", "celery", "-A", "hitl", "worker", "--loglevel=INFO"]
        args += ["--concurrency=2", f"--hostname=chaos{n}@%h", "--without-mingle"]
        args += ["--without-gossip"]
        self.worker = spawn(f"worker{n}", args, self.env, self.home / f"worker{n}.log")
        if wait:
            self.wait_worker()
        return self.worker

    def wait_worker(self) -> None:
        worker = self.worker
        assert worker is not None
        ready = wait_for(
            lambda: " ready." in worker.log.read_text(errors="replace") or not worker.alive(),
            timeout=READY_TIMEOUT,
        )
        if not ready or not worker.alive():
            raise RuntimeError(f"the worker did not start:\n{worker.tail()}")

    def start_beat(self) -> Proc:
        args = [sys.executable, "-m", "celery", "-A", "hitl", "beat", "--loglevel=INFO"]
        args.append(f"--schedule={self.home / 'beat-schedule'}")
        self.beat = spawn("beat", args, self.env, self.home / "beat.log")
        return self.beat

    def gunicorn_workers(self) -> list[int]:
        try:
            text = Path(f"/proc/{self.gunicorn_pid}/task/{self.gunicorn_pid}/children")
            return [int(pid) for pid in text.read_text().split()]
        except OSError:
            return []

    def healthy(self) -> str:
        """What is down, or "" when everything is up (a scenario starts from here)."""
        down = []
        if not self.pg.running():
            down.append("postgres")
        if not self.broker.running():
            down.append("redis")
        if self.worker is None or not self.worker.alive():
            down.append("worker")
        if self.beat is None or not self.beat.alive():
            down.append("beat")
        if len(self.gunicorn_workers()) < 2:
            down.append("gunicorn")
        return ", ".join(down)

    def logs(self) -> str:
        """The tail of every log, for a failure message."""
        parts = []
        for proc in (self.worker, self.beat):
            if proc is not None:
                parts.append(f"--- {proc.name}\n{proc.tail(25)}")
        parts.append(f"--- gunicorn\n{tail(self.gunicorn_log, 25)}")
        parts.append(f"--- postgres\n{tail(self.pg.log, 15)}")
        return "\n".join(parts)


@contextlib.contextmanager
def running_stack(home: Path) -> Iterator[Stack]:
    """Start PostgreSQL, Redis, migrate and seed, then gunicorn, a worker and beat."""
    bindir, user = postgres_bindir(), postgres_user()
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        raise Unavailable("no redis-server binary: install redis-server")
    home.chmod(0o711)  # the postgres account must reach its directory inside
    pg = Postgres(bindir=bindir, home=home / "pg", port=free_port(), user=user)
    broker = Redis(binary=redis_server, home=home, port=free_port())
    stack: Stack | None = None
    t0 = time.monotonic()
    try:
        pg.init()
        broker.start()
        env = django_env(pg.url(), home)
        env["CELERY_BROKER_URL"] = broker.url
        env["HITL_EVIDENCE_QUEUE"] = ""  # one queue, one worker: the one the test kills
        env["CELERY_QUEUE"] = "hitl"
        manage(["migrate", "--noinput"], env)
        setup = SETUP % {
            "slug": QUEUE_SLUG,
            "human": TIME_TO_HUMAN_S,
            "decision": TIME_TO_DECISION_S,
            "annotators": ANNOTATORS,
            "smes": SMES,
        }
        tokens = json.loads(manage(["shell", "-c", setup], env).strip().splitlines()[-1])
        stack = Stack(home=home, pg=pg, broker=broker, env=env, tokens=tokens)
        stack.start_worker(wait=False)  # all three start at once: boots overlap
        stack.start_beat()
        with gunicorn(env, workers=2, log_dir=home) as server:
            stack.base_url, stack.gunicorn_pid = server.base_url, server.pid
            stack.gunicorn_log = server.log
            stack.wait_worker()
            stack.setup_s = round(time.monotonic() - t0, 1)
            yield stack
    finally:
        if stack is not None:
            for proc in (stack.beat, stack.worker):
                if proc is not None:
                    proc.stop()
        broker.stop()
        pg.close()
