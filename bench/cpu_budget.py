"""CPU budget per hot path: where each millisecond of one operation goes, in process.

    python bench/cpu_budget.py [--pending 1000000] [--decided 1000000] [--cpu 6]
                                    [--only ingest,claim,review,dashboard]
                                    [--database-url postgres://…/hitl_bench_budget]

Builds one fresh database (name must contain 'bench'; dropped and re-created) holding what
the benches build: the ingest queue of bench/ingest.py with its client token, the claim
queue of bench/claim.py with --pending queued and --decided decided items, and the roll-ups
of bench/dashboard.py (10,000,000 decisions over 90 days). Then, in this process through
Django's test client (DEBUG=0, no HTTP server), each hot path runs for about --cpu seconds
of CPU:

  ingest single    POST /api/v1/predictions/
  ingest bulk      POST /api/v1/predictions/bulk/ (1,000 items)
  claim            POST /api/v1/queues/<q>/claim/           } alternating, one reviewer
  decision         POST /api/v1/assignments/<id>/decision/  }
  review page      GET /queues/<q>/review/ with a live lease (the page a reload shows)
  next item        POST /queues/<q>/review/<id>/decide/ with htmx: the verdict, the next
                   claim and the panel fragment, as the browser gets it
  dashboard 30d    GET /queues/<q>/dashboard/?window=30d (the page)
  dashboard 90d    queue_metrics + queue_series over 90 days (the page offers 30 days at most)

For each it prints the Python CPU per operation (time.process_time, not wall time: the
machine is shared) split into parts by a CPU-time sampler (SIGPROF every 4 ms of CPU; each
sample goes to the innermost frame on the stack that belongs to a part, so parts do not
overlap), the PostgreSQL backend's CPU per operation (/proc/<pid>/stat of this connection's
backend), and from pg_stat_statements the statements per operation with their server time
and rows. The test client's own work is measured and left out of the totals.

pg_stat_statements must be in shared_preload_libraries; without it the SQL tables are
skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

import claim as claim_bench  # noqa: E402 - the bench directory is not a package
import dashboard as dashboard_bench  # noqa: E402
import ingest as ingest_bench  # noqa: E402
from _common import (  # noqa: E402
    REPO,
    StatementStats,
    database_name,
    django_env,
    machine_info,
    manage,
    recreate_database,
    temp_dir,
    timed,
)

# --- The parts of an operation ------------------------------------------------------------

TEST_CLIENT = "test client (left out)"
COMMIT = "commit"
DB_DJANGO = "DB: Django backend layer (cursors, transactions)"
DB_IO = "DB round trips: psycopg send/receive (client side)"
DB_VALUES = "DB: value adaptation (psycopg dumpers/loaders)"
JSON = "JSON encode/decode (stdlib json, any caller)"
PARTS = (
    "auth, middleware",
    "request handling (Django/DRF core, URL routing)",
    "validation",
    "redaction",
    "routing",
    "audit (canonical JSON, hashes)",
    "ORM: SQL compile",
    "ORM: query building, model objects, row decoding",
    DB_DJANGO,
    DB_IO,
    DB_VALUES,
    COMMIT,
    "serialisation, JSON",
    JSON,
    "template render",
    "service logic (app code)",
    "other",
)
_COMPILE_NAMES = {
    "as_sql",
    "as_postgresql",
    "compile",
    "process_lhs",
    "process_rhs",
    "batch_process_rhs",
    "get_db_prep_lookup",
    "get_db_prep_value",
    "get_db_prep_save",
    "quote_name_unless_alias",
}
_ORM_EXEC_NAMES = {"execute_sql", "results_iter", "apply_converters", "has_results"}

# (path fragment, part) tried in order; the first fragment found in a code object's file
# decides its part. None: the frame belongs to whoever called it (stdlib, utilities).
_BY_PATH: tuple[tuple[str, str | None], ...] = (
    ("/django/test/", TEST_CLIENT),
    (f"/python{sys.version_info[0]}.{sys.version_info[1]}/json/", JSON),
    ("/redaction/", "redaction"),
    ("/reviews/intake/services/routing.py", "routing"),
    ("/reviews/intake/services/validation.py", "validation"),
    ("/audit/", "audit (canonical JSON, hashes)"),
    ("/hitl/sql/audit.py", "audit (canonical JSON, hashes)"),
    ("/psycopg/types/", DB_VALUES),
    ("/psycopg/adapt.py", DB_VALUES),
    ("/psycopg/_adapters_map.py", DB_VALUES),
    ("/psycopg/_py_transformer.py", DB_VALUES),
    ("/psycopg/", DB_IO),
    ("/psycopg_pool/", DB_IO),
    ("/django/db/backends/", DB_DJANGO),
    ("/django/db/transaction.py", DB_DJANGO),
    ("/django/db/models/sql/compiler.py", "ORM: SQL compile"),
    ("/django/db/models/sql/where.py", "ORM: SQL compile"),
    ("/django/db/", "ORM: query building, model objects, row decoding"),
    ("/rest_framework/serializers.py", "validation"),
    ("/rest_framework/fields.py", "validation"),
    ("/rest_framework/validators.py", "validation"),
    ("/django/forms/", "validation"),
    ("/hitl/forms.py", "validation"),
    ("/django/template/", "template render"),
    ("/django/templatetags/", "template render"),
    ("/templatetags/", "template render"),
    ("/django/shortcuts.py", "template render"),
    ("/rest_framework/renderers.py", "serialisation, JSON"),
    ("/rest_framework/parsers.py", "serialisation, JSON"),
    ("/rest_framework/response.py", "serialisation, JSON"),
    ("/api/serializers.py", "serialisation, JSON"),
    ("/accounts/authentication.py", "auth, middleware"),
    ("/rest_framework/authentication.py", "auth, middleware"),
    ("/rest_framework/permissions.py", "auth, middleware"),
    ("/rest_framework/throttling.py", "auth, middleware"),
    ("/django/contrib/auth/", "auth, middleware"),
    ("/django/contrib/sessions/", "auth, middleware"),
    ("/django/contrib/messages/", "auth, middleware"),
    ("/django/middleware/", "auth, middleware"),
    ("/hitl/middleware.py", "auth, middleware"),
    ("/hitl/csp.py", "auth, middleware"),
    ("/whitenoise/", "auth, middleware"),
    ("/axes/", "auth, middleware"),
    ("/django_htmx/", "auth, middleware"),
    ("/django/core/handlers/", "request handling (Django/DRF core, URL routing)"),
    ("/django/urls/", "request handling (Django/DRF core, URL routing)"),
    ("/django/http/", "request handling (Django/DRF core, URL routing)"),
    ("/django/views/", "request handling (Django/DRF core, URL routing)"),
    ("/rest_framework/", "request handling (Django/DRF core, URL routing)"),
    ("/django/utils/", None),
    ("/django/dispatch/", None),
    ("/django/conf/", None),
    ("/django/", "other"),
    ("/site-packages/", None),
)
_APP_DIRS = ("accounts", "reviews", "stats", "hitl", "webhooks", "datasets", "audit")
_NAMED: dict[tuple[str, str], str] = {
    ("/reviews/intake/services/ingest.py", "hash_body"): "validation",
    ("/reviews/intake/services/ingest.py", "prediction_errors_for_queue"): "validation",
    ("/django/db/backends/base/base.py", "commit"): COMMIT,
    ("/django/db/backends/base/base.py", "_commit"): COMMIT,
}


def _part_of(code: CodeType) -> str | None:
    path, name = code.co_filename, code.co_name
    for (fragment, func), part in _NAMED.items():
        if name == func and path.endswith(fragment):
            return part
    if "/django/db/models/" in path:
        if name in _COMPILE_NAMES:
            return "ORM: SQL compile"
        if name in _ORM_EXEC_NAMES:
            return "ORM: query building, model objects, row decoding"
    for fragment, part in _BY_PATH:
        if fragment in path:
            return part
    relative = path[len(str(REPO)) + 1 :] if path.startswith(str(REPO)) else ""
    if relative.split("/", 1)[0] in _APP_DIRS:
        return "service logic (app code)"
    return None


@dataclass
class Samples:
    parts: Counter[str] = field(default_factory=Counter)
    app_frames: Counter[str] = field(default_factory=Counter)


class Sampler:
    """CPU-time sampling of this thread's stack (SIGPROF every 4 ms of process CPU), counted
    by part into `target` while one is set.

    The timer runs through a whole loop and is never restarted per call, so where a sample
    falls within a call is random (restarting it per call would sample every call at the
    same point). COMMIT wins over anything below it (psycopg's commit is the commit);
    otherwise the innermost frame that belongs to a part takes the sample.
    """

    def __init__(self) -> None:
        self.target: Samples | None = None
        self._cache: dict[CodeType, str | None] = {}
        self.interval = 0.004

    def _handler(self, _signum: int, frame: FrameType | None) -> None:
        target = self.target
        if target is None:
            return
        chosen: str | None = None
        app_frame = ""
        while frame is not None:
            code = frame.f_code
            if code not in self._cache:
                self._cache[code] = _part_of(code)
            part = self._cache[code]
            if part == COMMIT:
                chosen = COMMIT
                break
            if part is not None and chosen is None:
                chosen = part
            if not app_frame and part == "service logic (app code)":
                app_frame = f"{code.co_filename[len(str(REPO)) + 1 :]}:{code.co_name}"
            frame = frame.f_back
        target.parts[chosen or "other"] += 1
        if app_frame and chosen == "service logic (app code)":
            target.app_frames[app_frame] += 1

    def start(self) -> None:
        signal.signal(signal.SIGPROF, self._handler)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0)


SAMPLER = Sampler()


# --- Measuring one operation --------------------------------------------------------------

_TICK = os.sysconf("SC_CLK_TCK")


def _proc_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


@dataclass
class Measured:
    label: str
    items: int = 1
    calls: int = 0
    cpu: float = 0.0
    wall: float = 0.0
    backend_cpu: float = 0.0
    statements: int = 0
    sampler: Samples = field(default_factory=Samples)

    def per_op_ms(self, seconds: float) -> float:
        return seconds / max(self.calls, 1) * 1e3


class Probe:
    """Wraps calls of one operation: its CPU, the backend's CPU, statements, samples."""

    def __init__(self, label: str, items: int = 1) -> None:
        self.m = Measured(label, items)

    def __call__(self, fn: Callable[[], Any]) -> Any:
        from django.db import connection

        connection.ensure_connection()
        backend = connection.connection.info.backend_pid
        count = [0]

        def counting(execute: Callable[..., Any], sql: str, *rest: Any) -> Any:
            count[0] += 1
            return execute(sql, *rest)

        b0, w0, c0 = _proc_cpu(backend), time.perf_counter(), time.process_time()
        SAMPLER.target = self.m.sampler
        try:
            with connection.execute_wrapper(counting):
                value = fn()
        finally:
            SAMPLER.target = None
        self.m.cpu += time.process_time() - c0
        self.m.wall += time.perf_counter() - w0
        if connection.connection is None or connection.connection.info.backend_pid != backend:
            raise SystemExit(f"{self.m.label}: the database connection changed mid-measurement")
        self.m.backend_cpu += _proc_cpu(backend) - b0
        self.m.statements += count[0]
        self.m.calls += 1
        return value


def report(
    measured: list[Measured], sql: list[tuple[str, int, float, int, float]], per: str
) -> None:
    """Print each operation's split, then the statements of the whole loop per `per`."""
    for m in measured:
        samples = sum(m.sampler.parts.values()) or 1
        client = m.sampler.parts[TEST_CLIENT] / samples
        python_ms = m.per_op_ms(m.cpu) * (1 - client)
        backend_ms = m.per_op_ms(m.backend_cpu)
        print(
            f"{m.label}: {m.calls} calls, {m.per_op_ms(m.wall):.2f} ms wall per op; "
            f"CPU per op: Python {python_ms:.2f} ms (test client's "
            f"{m.per_op_ms(m.cpu) * client:.2f} ms left out) + PostgreSQL backend "
            f"{backend_ms:.2f} ms = {python_ms + backend_ms:.2f} ms; "
            f"{m.statements / max(m.calls, 1):.1f} statements per op; {samples} samples"
        )
        if m.items > 1:
            print(
                f"  per item ({m.items} per call): Python {python_ms / m.items * 1e3:.0f} µs + "
                f"backend {backend_ms / m.items * 1e3:.0f} µs"
            )
        kept = samples - m.sampler.parts[TEST_CLIENT]
        for part in PARTS:
            n = m.sampler.parts[part]
            if n:
                print(f"    {part:52} {python_ms * n / kept:7.2f} ms  {n / kept:6.1%}")
        app = m.sampler.app_frames.most_common(6)
        if app:
            print("    service logic, innermost app function: " + ", ".join(
                f"{name} {n / kept:.1%}" for name, n in app
            ))  # fmt: skip
        print(f"    JSON line: {json.dumps(summary(m))}")
    if sql:
        calls = max(m.calls for m in measured)
        total_ms = sum(t for _, _, t, _, _ in sql)
        plan_ms = sum(p for _, _, _, _, p in sql)
        n_statements = sum(c for _, c, _, _, _ in sql)
        backend_ms = sum(m.per_op_ms(m.backend_cpu) for m in measured)
        print(
            f"  pg_stat_statements per {per} ({calls} of them): {n_statements / calls:.1f} "
            f"statements (BEGIN, COMMIT, SAVEPOINT and FK checks included), "
            f"{total_ms / calls:.2f} ms execution + {plan_ms / calls:.2f} ms planning (wall "
            f"time in the server, I/O included); the backend's CPU besides (parse, protocol, "
            f"transaction start and end, WAL): "
            f"{max(backend_ms - (total_ms + plan_ms) / calls, 0.0):.2f} ms; the busiest "
            "(execution + planning):"
        )
        for query, n, t, rows, plan in sorted(sql, key=lambda r: -(r[2] + r[4]))[:10]:
            text = " ".join(query.split())[:90]
            print(
                f"    {n / calls:5.1f}x {t / calls:7.3f} ms  mean {t / n:6.3f} ms  "
                f"plan/op {plan / calls:6.3f} ms  rows/op {rows / calls:7.1f}  {text}"
            )
    print()


def summary(m: Measured) -> dict[str, Any]:
    samples = sum(m.sampler.parts.values()) or 1
    kept = samples - m.sampler.parts[TEST_CLIENT]
    python_ms = m.per_op_ms(m.cpu) * kept / samples
    return {
        "op": m.label,
        "calls": m.calls,
        "python_ms": round(python_ms, 3),
        "backend_ms": round(m.per_op_ms(m.backend_cpu), 3),
        "statements": round(m.statements / max(m.calls, 1), 1),
        "parts_ms": {
            part: round(python_ms * m.sampler.parts[part] / kept, 3)
            for part in PARTS
            if m.sampler.parts[part]
        },
    }


def run_loop(
    stats: StatementStats,
    probes: list[Probe],
    step: Callable[[list[Probe]], None],
    *,
    cpu_budget: float,
    max_calls: int,
    per: str,
) -> None:
    """Warm up, then run `step` until the probes used `cpu_budget` s of CPU in all."""
    from django.db import reset_queries

    for _ in range(3):
        step([Probe("warm") for _ in probes])
    stats.reset()
    calls = 0
    SAMPLER.start()
    try:
        while calls < max_calls and sum(p.m.cpu for p in probes) < cpu_budget:
            step(probes)
            reset_queries()
            calls += 1
    finally:
        SAMPLER.stop()
    report([p.m for p in probes], stats.read(), per)


# --- Main --------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/hitl_bench_budget",
        help="the bench database: dropped and re-created (its name must contain 'bench')",
    )
    parser.add_argument("--pending", type=int, default=1_000_000, help="queued claim items")
    parser.add_argument("--decided", type=int, default=1_000_000, help="decided items")
    parser.add_argument("--decisions", type=int, default=10_000_000, help="in the roll-ups")
    parser.add_argument("--cpu", type=float, default=6.0, help="CPU seconds per operation")
    parser.add_argument(
        "--only",
        default="ingest,claim,review,dashboard",
        help="comma-separated groups to measure (and to set up)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--seed", type=int, default=2024)
    return parser.parse_args(argv)


def setup(args: argparse.Namespace, env: dict[str, str], groups: set[str]) -> dict[str, Any]:
    print("setup:")
    made: dict[str, Any] = {}
    timed(
        f"database {database_name(args.database_url)} re-created",
        lambda: recreate_database(args.database_url),
    )
    timed("migrated", lambda: manage(["migrate", "--noinput"], env))
    timed("static files collected", lambda: manage(["collectstatic", "--noinput"], env))
    if "ingest" in groups:
        slug = ingest_bench.QUEUE_SLUG
        timed(
            f"queue {slug}",
            lambda: manage(["shell", "-c", ingest_bench.SETUP_QUEUE % {"slug": slug}], env),
        )
        out = manage(["create_client", "bench", "--queue", slug], env)
        made["client_token"] = str(out).strip().splitlines()[-1]
    if groups & {"claim", "review"}:
        script = claim_bench.SETUP % {"slug": claim_bench.QUEUE_SLUG, "k": 1, "reviewers": 2}
        out = timed(f"queue {claim_bench.QUEUE_SLUG}", lambda: manage(["shell", "-c", script], env))
        claims = json.loads(str(out).strip().splitlines()[-1])
        made["claim_tokens"] = claims["tokens"]
        timed(
            f"{args.pending:,} queued + {args.decided:,} decided items loaded",
            lambda: claim_bench.load_items(
                args.database_url,
                queue=claims["queue"],
                policy=claims["policy"],
                pending=args.pending,
                decided=args.decided,
                k=1,
            ),
        )
    if "dashboard" in groups:
        script = dashboard_bench.SETUP % {
            "slug": dashboard_bench.QUEUE_SLUG,
            "labels": dashboard_bench.LABELS,
            "reviewers": 20,
        }
        line = manage(["shell", "-c", script], env).strip().splitlines()[-1]
        queue_id, _, reviewers = line.split()
        dash_args = argparse.Namespace(
            database_url=args.database_url,
            decisions=args.decisions,
            days=90,
            slices=4,
            models=2,
            reviewers=20,
            seed=7,
        )
        timed(
            "dashboard roll-ups loaded with COPY",
            lambda: dashboard_bench.load_rollups(
                dash_args, int(queue_id), [int(r) for r in reviewers.split(",")]
            ),
        )
        rebuild = (
            "from reviews.quality.services.rollups import rollups_days_rebuild; "
            f"print(rollups_days_rebuild(queue_id={int(queue_id)}))"
        )
        timed("day roll-ups built", lambda: manage(["shell", "-c", rebuild], env, timeout=1800))
    return made


def measure(args: argparse.Namespace, env: dict[str, str], made: dict[str, Any]) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from datetime import timedelta

    from django.test import Client
    from django.utils import timezone

    from accounts.models import User
    from reviews.quality.services.measure import queue_metrics, queue_series
    from reviews.queues.models import Queue

    groups = set(args.only.split(","))
    stats = StatementStats(args.database_url, track_planning=True)
    rng = random.Random(args.seed)
    serial = iter(range(10**9))

    def check(response: Any, status: int, what: str) -> Any:
        if response.status_code != status:
            raise SystemExit(f"{what}: HTTP {response.status_code} {response.content[:300]!r}")
        return response

    if "ingest" in groups:
        client = Client(HTTP_AUTHORIZATION=f"Token {made['client_token']}", SERVER_NAME="127.0.0.1")

        def body(size: int) -> str:
            chunk = [ingest_bench.prediction(rng, f"p-{next(serial):08d}") for _ in range(size)]
            return json.dumps({"items": chunk} if size > 1 else chunk[0])

        singles = [body(1) for _ in range(3000)]
        single_iter = iter(singles)

        def single(probes: list[Probe]) -> None:
            data = next(single_iter)
            probes[0](
                lambda: check(
                    client.post("/api/v1/predictions/", data, content_type="application/json"),
                    201,
                    "ingest single",
                )
            )

        print("== ingest single: POST /api/v1/predictions/ (one prediction, ~300 B of text)")
        run_loop(
            stats,
            [Probe("ingest single")],
            single,
            cpu_budget=args.cpu,
            max_calls=len(singles) - 3,
            per="call",
        )
        bulks = [body(1000) for _ in range(30)]
        bulk_iter = iter(bulks)

        def bulk(probes: list[Probe]) -> None:
            data = next(bulk_iter)
            probes[0](
                lambda: check(
                    client.post("/api/v1/predictions/bulk/", data, content_type="application/json"),
                    200,
                    "ingest bulk",
                )
            )

        print("== ingest bulk: POST /api/v1/predictions/bulk/ (1,000 predictions per call)")
        run_loop(
            stats,
            [Probe("ingest bulk", items=1000)],
            bulk,
            cpu_budget=args.cpu,
            max_calls=len(bulks) - 3,
            per="call",
        )

    slug = claim_bench.QUEUE_SLUG
    if "claim" in groups:
        api = Client(HTTP_AUTHORIZATION=f"Token {made['claim_tokens'][0]}", SERVER_NAME="127.0.0.1")

        def pair(probes: list[Probe]) -> None:
            response = probes[0](
                lambda: check(
                    api.post(
                        f"/api/v1/queues/{slug}/claim/", "{}", content_type="application/json"
                    ),
                    200,
                    "claim",
                )
            )
            assignment = response.json()["id"]
            probes[1](
                lambda: check(
                    api.post(
                        f"/api/v1/assignments/{assignment}/decision/",
                        '{"verdict": "approve"}',
                        content_type="application/json",
                    ),
                    201,
                    "decision",
                )
            )

        print(f"== claim + decision over the API ({args.pending:,} pending), one reviewer")
        run_loop(
            stats,
            [Probe("claim"), Probe("decision")],
            pair,
            cpu_budget=args.cpu * 2,
            max_calls=5000,
            per="claim + decision pair",
        )

    if "review" in groups:
        page = Client(SERVER_NAME="127.0.0.1", HTTP_HOST="127.0.0.1")
        page.force_login(User.objects.get(username="bench-annotator-01"))
        check(page.get(f"/queues/{slug}/review/"), 200, "review page")  # claims a lease

        def reload(probes: list[Probe]) -> None:
            probes[0](lambda: check(page.get(f"/queues/{slug}/review/"), 200, "review page"))

        print("== review page: GET /queues/<q>/review/ with a live lease (full page)")
        run_loop(
            stats, [Probe("review page")], reload, cpu_budget=args.cpu, max_calls=5000, per="page"
        )
        from reviews.work.models import Assignment

        def current() -> int:
            return int(
                Assignment.objects.filter(
                    reviewer__username="bench-annotator-01", state=Assignment.State.ACTIVE
                )
                .values_list("pk", flat=True)
                .get()
            )

        held = [current()]

        def verdict(probes: list[Probe]) -> None:
            assignment = held[0]
            response = probes[0](
                lambda: check(
                    page.post(
                        f"/queues/{slug}/review/{assignment}/decide/",
                        {"verdict": "approve"},
                        HTTP_HX_REQUEST="true",
                    ),
                    200,
                    "next item",
                )
            )
            marker = b'/decide/"'
            text = response.content
            end = text.find(marker)
            start = text.rfind(b"/review/", 0, end) + len(b"/review/")
            if end < 0 or not text[start:end].isdigit():
                held[0] = current()
            else:
                held[0] = int(text[start:end])

        print("== next item: htmx POST of a verdict on the review page -> the next item's panel")
        run_loop(
            stats,
            [Probe("next item after a verdict")],
            verdict,
            cpu_budget=args.cpu,
            max_calls=5000,
            per="verdict",
        )

    if "dashboard" in groups:
        dash_slug = dashboard_bench.QUEUE_SLUG
        admin = Client(SERVER_NAME="127.0.0.1", HTTP_HOST="127.0.0.1")
        admin.force_login(User.objects.get(username="bench-admin"))

        def page_30d(probes: list[Probe]) -> None:
            probes[0](
                lambda: check(
                    admin.get(f"/queues/{dash_slug}/dashboard/?window=30d"), 200, "dashboard"
                )
            )

        print("== dashboard 30d: GET /queues/<q>/dashboard/?window=30d (3.3M decisions)")
        run_loop(
            stats, [Probe("dashboard page 30d")], page_30d, cpu_budget=args.cpu, max_calls=60,
            per="page",
        )  # fmt: skip
        queue = Queue.objects.get(slug=dash_slug)

        def data_90d(probes: list[Probe]) -> None:
            def both() -> None:
                now = timezone.now()
                start = now - timedelta(days=90)
                queue_metrics(queue=queue, start=start, end=now)
                queue_series(queue=queue, start=start, end=now, step=timedelta(days=1))

            probes[0](both)

        print("== dashboard 90d: queue_metrics + queue_series over 90 days (10M decisions)")
        run_loop(
            stats, [Probe("dashboard data 90d")], data_90d, cpu_budget=args.cpu, max_calls=60,
            per="call",
        )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    groups = set(args.only.split(","))
    machine = machine_info(args.database_url)
    print(
        f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']} RAM, "
        f"PostgreSQL {machine['postgresql']}, Python {machine['python']}"
    )
    with temp_dir("hitl-bench-budget-") as tmp:
        env = django_env(args.database_url, Path(tmp))
        # One backend for the whole run, so its CPU can be read from /proc (production's
        # 60 s would reconnect once a minute: nothing per operation).
        env["DB_CONN_MAX_AGE"] = "3600"
        made = setup(args, env, groups)
        print()
        try:
            measure(args, env, made)
        finally:
            from django.db import connections

            connections.close_all()
            if not args.keep:
                with psycopg.connect(args.database_url, dbname="postgres", autocommit=True) as c:
                    c.execute(
                        f'DROP DATABASE IF EXISTS "{database_name(args.database_url)}" WITH (FORCE)'
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
