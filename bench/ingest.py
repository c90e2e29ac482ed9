"""Ingest benchmark (SPEC §9): bulk predictions/s and single-request latency, over real HTTP.

    python bench/ingest.py [--items 100000] [--batch 1000] [--clients 2] [--workers 3]
                           [--rate 100] [--seconds 30] [--database-url postgres://…/hitl_bench]

1. Re-creates the bench database, migrates it, creates a queue with a realistic policy
   and a client token (manage.py create_client).
2. Starts gunicorn (DEBUG=0) on a free loopback port.
3. Bulk: --items predictions in --batch-sized POST /api/v1/predictions/bulk/ calls from
   --clients concurrent senders; every result must be 201. Then checks the item count in
   the database and verifies the audit chain (manage.py audit_verify).
4. Single: open loop at --rate requests/s for --seconds against POST /api/v1/predictions/;
   latency is measured from each request's scheduled send time, so a slow server cannot
   lower the offered rate or hide its queueing.
5. Prints the machine and PASS/MISS against the targets.

With --profile it skips the HTTP run and instead times and cProfiles the bulk and single
views in this process, part by part (see bench/README.md).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    REPO,
    CpuMonitor,
    Row,
    Server,
    bench_parser,
    breakdown,
    database_name,
    django_env,
    gunicorn,
    machine_info,
    manage,
    ms,
    percentile,
    recreate_database,
    temp_dir,
    timed,  # noqa: E402 - the bench directory is not a package
    top_functions,
)

BULK_TARGET_PER_S = 5000.0
SINGLE_P95_TARGET_MS = 25.0
QUEUE_SLUG = "bench-loans"
LABELS = ("approve", "deny", "unsure")
REGIONS = ("EU", "US", "APAC", "LATAM")
PRODUCTS = ("mortgage", "card", "auto", "personal")

# Created through the same service and validation as POST /api/v1/queues/.
SETUP_QUEUE = """
from audit.services import Actor
from reviews.queues.api.serializers import PolicyInSerializer
from reviews.queues.services.queues import queue_create

policy = PolicyInSerializer(data={
    "auto_approve_at": 0.9,
    "sme_below": 0.5,
    "risk_tier": "medium",
    "mode": "post_hoc",
    "audit_sample_rate": 0.02,
    "slice_rules": [{"when": {"region": "EU", "product": "mortgage"}, "route": "sme"}],
    "sla": {"tier1": {"time_to_human_s": 900, "time_to_decision_s": 3600},
            "sme": {"time_to_human_s": 3600, "time_to_decision_s": 14400}},
})
policy.is_valid(raise_exception=True)
data = dict(policy.validated_data)
data.pop("activate", None)
data.pop("note", None)
queue_create(
    slug=%(slug)r,
    name="Bench loan approvals",
    labels=[{"value": "approve", "hotkey": "a"}, {"value": "deny", "hotkey": "d"},
            {"value": "unsure", "hotkey": "u"}],
    reason_codes=[{"code": "wrong_label"}, {"code": "unusable_input"}],
    redaction={"entities": ["EMAIL", "PHONE"]},
    policy=data,
    actor=Actor.system("bench"),
)
print("queue ready")
"""

_FIRST = ("Ana", "Ben", "Chloé", "Dmitri", "Emeka", "Fatima", "Görkem", "Hiro", "Inés", "Jonas")
_LAST = ("Silva", "Novak", "Okafor", "Larsen", "Tanaka", "Moreau", "Kowalski", "Haddad", "Ruiz")
_TEXT = (
    "applicant requests a review of the monthly repayment schedule after a change of employer "
    "and asks whether the outstanding balance can be consolidated with the existing card limit "
    "income verified last quarter collateral appraisal pending co-signer available on request"
)
_WORDS = tuple(_TEXT.split(" "))


# --- Request bodies ------------------------------------------------------------------


def prediction(rng: random.Random, external_id: str) -> dict[str, Any]:
    """One realistic prediction: ~300 bytes of text with an email and a phone number."""
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    email = f"{first.lower()}.{last.lower()}{rng.randint(1, 999)}@example.com"
    phone = f"+44 20 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
    words = " ".join(rng.choice(_WORDS) for _ in range(34))
    text = f"From {first} {last} <{email}>, tel. {phone}. {words}."
    confidence = round(rng.betavariate(3.0, 1.0), 4)  # skewed high, spread over [0, 1]
    label = rng.choice(LABELS)
    others = [other for other in LABELS if other != label]
    rest = 1.0 - confidence
    scores = {label: confidence}
    if rng.random() < 0.5:
        scores[others[0]] = round(rest, 4)
    else:
        split = round(rest * rng.random(), 4)
        scores[others[0]] = split
        scores[others[1]] = round(max(rest - split, 0.0), 4)
    return {
        "queue": QUEUE_SLUG,
        "external_id": external_id,
        "model_version": "credit-risk-2024.06.1",
        "input": {
            "text": text,
            "applicant_id": f"A-{rng.randint(10**7, 10**8 - 1)}",
            "amount": rng.randint(1_000, 500_000),
            "channel": rng.choice(("web", "branch", "phone")),
        },
        "output": {"label": label, "confidence": confidence, "scores": scores},
        "slice": {"region": rng.choice(REGIONS), "product": rng.choice(PRODUCTS)},
    }


def bulk_bodies(items: int, batch: int, seed: int) -> list[tuple[int, bytes]]:
    """Pre-encoded bulk bodies (item count, JSON bytes), so the senders spend no CPU on them."""
    rng = random.Random(seed)
    bodies = []
    for start in range(0, items, batch):
        size = min(batch, items - start)
        chunk = [prediction(rng, f"bulk-{start + i:07d}") for i in range(size)]
        bodies.append((size, json.dumps({"items": chunk}).encode()))
    return bodies


# --- Bulk phase ------------------------------------------------------------------------


@dataclass
class BulkResult:
    sent_items: int = 0
    created: int = 0
    batches: int = 0
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    wall: float = 0.0
    timed_out: bool = False
    response_bytes: int = 0


def _session(token: str) -> requests.Session:
    session = requests.Session()
    session.headers.update({"Authorization": f"Token {token}", "Content-Type": "application/json"})
    return session


def run_bulk(
    server: Server, token: str, bodies: list[tuple[int, bytes]], clients: int, budget_s: float
) -> BulkResult:
    result = BulkResult()
    lock = threading.Lock()
    next_index = itertools.count()
    url = f"{server.base_url}/api/v1/predictions/bulk/"
    started = time.perf_counter()
    deadline = started + budget_s

    def sender() -> None:
        session = _session(token)
        while True:
            index = next(next_index)
            if index >= len(bodies):
                return
            if time.perf_counter() > deadline:
                result.timed_out = True
                return
            size, body = bodies[index]
            t0 = time.perf_counter()
            nbytes = 0
            try:
                response = session.post(url, data=body, timeout=120)
                elapsed = time.perf_counter() - t0
                nbytes = len(response.content)
                problem, created = _check_bulk(response, size)
            except requests.RequestException as exc:
                elapsed, problem, created = time.perf_counter() - t0, repr(exc), 0
            with lock:
                result.sent_items += size
                result.created += created
                result.batches += 1
                result.latencies.append(elapsed)
                result.response_bytes += nbytes
                if problem:
                    result.failures.append(f"batch {index}: {problem}")

    threads = [threading.Thread(target=sender, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.wall = time.perf_counter() - started
    return result


def _check_bulk(response: requests.Response, size: int) -> tuple[str, int]:
    """(problem or "", items created) for one bulk response: every result must be 201."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:300]}", 0
    results = response.json()["results"]
    created = sum(1 for r in results if r["status"] == 201)
    if len(results) != size or created != size:
        bad = next((r for r in results if r["status"] != 201), None)
        return f"{created}/{size} created; first other result: {json.dumps(bad)[:300]}", created
    return "", created


# --- Single phase (open loop) --------------------------------------------------------


@dataclass
class SingleResult:
    scheduled: int = 0
    latencies: list[float] = field(default_factory=list)
    send_lags: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    unsent: int = 0
    last_done: float = 0.0
    wall: float = 0.0

    @property
    def ok(self) -> int:
        return len(self.latencies) - len(self.errors) - self.unsent


def run_single(
    server: Server,
    token: str,
    rate: float,
    seconds: float,
    seed: int,
    senders: int,
    grace: float,
) -> SingleResult:
    rng = random.Random(seed)
    total = max(1, round(rate * seconds))
    bodies = [json.dumps(prediction(rng, f"single-{i:07d}")).encode() for i in range(total)]
    result = SingleResult(scheduled=total)
    lock = threading.Lock()
    next_index = itertools.count()
    url = f"{server.base_url}/api/v1/predictions/"
    start = time.perf_counter() + 0.5  # every sender is up and connected by then
    # An overloaded server falls further behind the schedule; bound the run and count
    # what could not be sent in time as failed, with an infinite latency.
    give_up = start + seconds + grace

    def sender(session: requests.Session) -> None:
        while True:
            index = next(next_index)
            if index >= total:
                return
            due = start + index / rate
            wait = due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            sent = time.perf_counter()
            if sent > give_up:
                with lock:
                    result.latencies.append(math.inf)
                    result.unsent += 1
                continue
            try:
                response = session.post(url, data=bodies[index], timeout=30)
                problem = (
                    ""
                    if response.status_code == 201
                    else f"HTTP {response.status_code}: {response.text[:200]}"
                )
            except requests.RequestException as exc:
                problem = repr(exc)
            done = time.perf_counter()
            with lock:
                result.latencies.append(done - due if not problem else math.inf)
                result.send_lags.append(sent - due)
                result.last_done = max(result.last_done, done)
                if problem:
                    result.errors.append(f"request {index}: {problem}")

    sessions = [_session(token) for _ in range(senders)]
    for session in sessions:
        session.get(f"{server.base_url}/healthz", timeout=5)
    threads = [threading.Thread(target=sender, args=(s,), daemon=True) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.wall = max(result.last_done, start + seconds) - start
    return result


# --- Checks in the database ---------------------------------------------------------


def item_counts(database_url: str) -> dict[str, int]:
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(
            "SELECT route, count(*) FROM reviews_item GROUP BY route ORDER BY route"
        ).fetchall()
        events = conn.execute("SELECT count(*) FROM audit_auditevent").fetchone()
    counts = {route: n for route, n in rows}
    counts["total"] = sum(n for _, n in rows)
    counts["audit_events"] = events[0] if events else 0
    return counts


# --- In-process profile (--profile) ---------------------------------------------------

PROFILE_ROWS = (
    Row("whole request (middleware, DRF, view)", 0,
        (("django/core/handlers/base.py", "get_response", None),)),
    Row("token authentication", 1, (("accounts/authentication.py", "authenticate", None),)),
    Row("parse request JSON", 1, (("rest_framework/parsers.py", "parse", None),)),
    Row("bulk envelope check", 1, (("reviews/intake/api/predictions.py", "_bulk_items", None),)),
    Row("shape validation per item", 1,
        (("reviews/intake/services/validation.py", "validate_prediction", None),)),
    Row("body hash (canonical JSON + SHA-256)", 2,
        (("reviews/intake/services/ingest.py", "hash_body", None),)),
    Row("queue permission lookup", 1,
        (("", "queues_for_submit", None),)),
    Row("label checks against the queue", 1,
        (("reviews/intake/services/ingest.py", "prediction_errors_for_queue", None),)),
    Row("ingest transaction (predictions_ingest)", 1,
        (("reviews/intake/services/ingest.py", "predictions_ingest", None),)),
    Row("look up existing external_ids", 2,
        (("django/db/models/query.py", "__iter__", "_ingest_once"),)),
    Row("active containments", 2, (("reviews/queues/selectors.py", "active_containments", None),)),
    Row("routing + Item objects (_routed_item)", 2,
        (("reviews/intake/services/ingest.py", "_routed_item", None),)),
    Row("route_prediction", 3, (("reviews/intake/services/routing.py", "route_prediction", None),)),
    Row("Item() constructor", 3, (("django/db/models/base.py", "__init__", "_routed_item"),)),
    Row("insert items", 2, (
        ("hitl/sql/bulk.py", "bulk_insert", "_ingest_once"),
        ("django/db/models/query.py", "bulk_create", "_ingest_once"),
    )),
    Row("audit entry (_audit_entry)", 2,
        (("reviews/intake/services/ingest.py", "_audit_entry", None),)),
    Row("audit_record_many", 2, (("audit/services.py", "audit_record_many", None),)),
    Row("lock the chain head", 3, (("audit/services.py", "_lock_head", None),)),
    Row("canonical JSON of event data", 3,
        (("audit/services.py", "canonical_json", "audit_record_many"),)),
    Row("event hashes", 3, (("audit/services.py", "event_hash", None),)),
    Row("insert events", 3, (
        ("hitl/sql/bulk.py", "bulk_insert", "audit_record_many"),
        ("django/db/models/query.py", "bulk_create", "audit_record_many"),
    )),
    Row("COMMIT", 2, (("django/db/backends/base/base.py", "commit", None),)),
    Row("response items (item_json)", 1, (
        ("reviews/intake/api/serializers.py", "item_json", None),
    )),
    Row("render response JSON", 1, (("rest_framework/renderers.py", "render", None),)),
)  # fmt: skip


def run_profile(env: dict[str, str], token: str, batch: int, seed: int, app: str) -> None:
    """Time and profile the real views in this process (Django's test client, no HTTP)."""
    import importlib
    import os

    os.environ.update(env)
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    importlib.import_module(app.split(":")[0])  # what --wsgi-app names, with its changes
    from django.test import Client

    client = Client(HTTP_AUTHORIZATION=f"Token {token}", SERVER_NAME="127.0.0.1")
    rng = random.Random(seed)
    serial = itertools.count()

    def body(size: int) -> str:
        chunk = [prediction(rng, f"profile-{next(serial):07d}") for _ in range(size)]
        return json.dumps({"items": chunk} if size > 1 else chunk[0])

    bulk_calls, single_calls = 3, 200
    _profile_view(
        client,
        f"bulk, {batch} items per call",
        "/api/v1/predictions/bulk/",
        [body(batch) for _ in range(3 * bulk_calls + 2)],
        expect=200,
        items=batch,
    )
    _profile_view(
        client,
        "single",
        "/api/v1/predictions/",
        [body(1) for _ in range(3 * single_calls + 2)],
        expect=201,
        items=1,
    )


def _profile_view(
    client: Any, label: str, path: str, bodies: list[str], *, expect: int, items: int
) -> None:
    """Warm up, count SQL; time a third of the calls, profile a third by wall, a third by CPU."""
    import cProfile
    import pstats

    from django.db import connection

    def post(data: str) -> None:
        response = client.post(path, data, content_type="application/json")
        if response.status_code != expect:
            raise SystemExit(f"{path}: HTTP {response.status_code} {response.content[:300]!r}")

    statements: list[str] = []

    def count(execute: Callable[..., Any], sql: str, *rest: Any) -> Any:
        statements.append(sql)
        return execute(sql, *rest)

    post(bodies[0])  # warm: imports, connection, caches
    with connection.execute_wrapper(count):
        post(bodies[1])
    calls = (len(bodies) - 2) // 3
    t0, c0 = time.perf_counter(), time.process_time()
    for data in bodies[2 : 2 + calls]:
        post(data)
    wall = (time.perf_counter() - t0) / calls
    cpu = (time.process_time() - c0) / calls
    profiles = []
    for timer, start in ((time.perf_counter, 2 + calls), (time.process_time, 2 + 2 * calls)):
        profile = cProfile.Profile(timer)
        profile.enable()
        for data in bodies[start : start + calls]:
            post(data)
        profile.disable()
        profiles.append(pstats.Stats(profile))
    print(
        f"{label}: {wall * 1e3:.1f} ms per call ({wall / items * 1e6:.0f} µs/item), of which "
        f"{cpu * 1e3:.1f} ms CPU in Django; {len(statements)} SQL statements per call besides COPY"
    )
    columns = [("wall", profiles[0], wall), ("CPU", profiles[1], cpu)]
    for line in breakdown(PROFILE_ROWS, columns, items_per_call=items):
        print(line)
    stats = profiles[1]
    print("  most CPU time of their own (profiled):")
    for line in top_functions(stats):
        print(line)
    print()


# --- Main ----------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = bench_parser(__doc__, database="hitl_bench")
    parser.add_argument("--items", type=int, default=100_000, help="bulk predictions to send")
    parser.add_argument("--batch", type=int, default=1000, help="predictions per bulk call")
    parser.add_argument("--clients", type=int, default=2, help="concurrent bulk senders")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--rate", type=float, default=100.0, help="single requests per second")
    parser.add_argument("--seconds", type=float, default=30.0, help="single phase length")
    parser.add_argument("--senders", type=int, default=8, help="threads sending single requests")
    parser.add_argument(
        "--bulk-budget", type=float, default=150.0, help="stop sending bulk calls after (s)"
    )
    parser.add_argument("--seed", type=int, default=2024, help="for the generated bodies")
    parser.add_argument(
        "--wsgi-app",
        default="hitl.wsgi",
        help="what gunicorn serves (module[:callable]); to measure an experimental build",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead of the HTTP run: time and cProfile the views in-process, part by part",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.batch <= 1000:
        parser.error("--batch must be 1..1000 (the API's bulk limit)")
    if args.items < 1 or args.rate <= 0 or args.seconds <= 0 or args.clients < 1:
        parser.error("--items, --rate, --seconds and --clients must be positive")
    return args


def setup(args: argparse.Namespace, env: dict[str, str]) -> str:
    """A fresh migrated database with the bench queue; the client's API key."""
    print("setup:")
    timed(
        f"database {database_name(args.database_url)} re-created",
        lambda: recreate_database(args.database_url),
    )
    timed("migrated", lambda: manage(["migrate", "--noinput"], env))
    timed(
        f"queue {QUEUE_SLUG} created",
        lambda: manage(["shell", "-c", SETUP_QUEUE % {"slug": QUEUE_SLUG}], env),
    )
    output = timed(
        "client token issued",
        lambda: manage(["create_client", "bench", "--queue", QUEUE_SLUG], env),
    )
    return str(output).strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    machine = machine_info(args.database_url)
    print(
        f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']} RAM, "
        f"PostgreSQL {machine['postgresql']}, Python {machine['python']}"
    )

    with temp_dir("hitl-bench-") as tmp:
        tmp_path = Path(tmp)
        env = django_env(args.database_url, tmp_path)
        if args.profile:
            token = setup(args, env)
            print()
            run_profile(env, token, args.batch, args.seed, args.wsgi_app)
            return 0

        print(
            f"config: {args.items} items in batches of {args.batch}, {args.clients} bulk "
            f"clients, {args.workers} gunicorn workers; single at {args.rate:g}/s for "
            f"{args.seconds:g} s"
        )
        token = setup(args, env)
        bodies = timed(
            f"{len(range(0, args.items, args.batch))} bulk bodies generated",
            lambda: bulk_bodies(args.items, args.batch, args.seed),
        )
        size = sum(len(b) for _, b in bodies)
        print(f"  bulk bodies: {size / 1e6:.1f} MB ({size / args.items:.0f} B per prediction)")

        with gunicorn(env, workers=args.workers, log_dir=tmp_path, app=args.wsgi_app) as server:
            print(f"  gunicorn up at {server.base_url} (pid {server.pid})")

            print("bulk:")
            with CpuMonitor(server.pid, database_name(args.database_url)) as cpu:
                bulk = run_bulk(server, token, bodies, args.clients, args.bulk_budget)
            bulk_rate = bulk.created / bulk.wall if bulk.wall else 0.0
            print(
                f"  {bulk.created} of {bulk.sent_items} items created in {bulk.batches} calls "
                f"in {bulk.wall:.1f} s -> {bulk_rate:,.0f} predictions/s"
            )
            print(
                f"  per call: p50 {ms(percentile(bulk.latencies, 50))}, "
                f"p95 {ms(percentile(bulk.latencies, 95))}, "
                f"max {ms(max(bulk.latencies, default=0.0))}; "
                f"response {bulk.response_bytes / max(bulk.batches, 1) / 1e6:.2f} MB per call"
            )
            report, bulk_noise = cpu.report(items=bulk.created)
            print(report)
            if bulk.timed_out:
                print(
                    f"  STOPPED EARLY: the bulk budget of {args.bulk_budget:g} s ran out after "
                    f"{bulk.sent_items} of {args.items} items"
                )
            for failure in bulk.failures[:5]:
                print(f"  FAILED {failure}")

            counts = item_counts(args.database_url)
            count_ok = counts["total"] == bulk.created == bulk.sent_items
            routes = ", ".join(
                f"{route} {n / max(counts['total'], 1):.0%}"
                for route, n in counts.items()
                if route not in {"total", "audit_events"}
            )
            print(
                f"  items in the database: {counts['total']} (sent {bulk.sent_items}) "
                f"{'OK' if count_ok else 'MISMATCH'}; routes: {routes}; "
                f"audit events: {counts['audit_events']}"
            )
            t0 = time.perf_counter()
            verify = manage(["audit_verify"], env, timeout=600).strip().splitlines()[-1]
            print(f"  {verify} ({time.perf_counter() - t0:.1f} s)")
            chain_ok = verify.startswith("audit chain OK")

            print("single:")
            with CpuMonitor(server.pid, database_name(args.database_url)) as cpu:
                single = run_single(
                    server, token, args.rate, args.seconds, args.seed + 1, args.senders, grace=15.0
                )
            achieved = single.ok / single.wall if single.wall else 0.0
            p95 = percentile(single.latencies, 95)
            print(
                f"  {single.ok} of {single.scheduled} requests 201 in {single.wall:.1f} s -> "
                f"{achieved:.1f}/s achieved (offered {args.rate:g}/s); "
                f"errors {len(single.errors)}, not sent in time {single.unsent}"
            )
            print(
                f"  latency from scheduled send: p50 {ms(percentile(single.latencies, 50))}, "
                f"p95 {ms(p95)}, p99 {ms(percentile(single.latencies, 99))}; "
                f"sender lag behind schedule p99 {ms(percentile(single.send_lags, 99))}"
            )
            report, single_noise = cpu.report(items=single.ok)
            print(report)
            for error in single.errors[:5]:
                print(f"  FAILED {error}")

    complete = bulk.sent_items == args.items and not bulk.failures
    bulk_pass = bulk_rate >= BULK_TARGET_PER_S and complete and count_ok and chain_ok
    single_ok = not single.errors and not single.unsent
    single_pass = p95 < SINGLE_P95_TARGET_MS / 1000 and single_ok
    print()
    print("=" * 78)
    print(
        f"machine  {machine['nproc']} cores, {machine['cpu']}, "
        f"PostgreSQL {machine['postgresql'].split()[0]} on the same machine"
    )
    print(
        f"bulk     {bulk_rate:8,.0f} predictions/s    target >= {BULK_TARGET_PER_S:,.0f}/s"
        f"    {'PASS' if bulk_pass else 'MISS'}"
    )
    print(
        f"         {bulk.created} items, call p50 {ms(percentile(bulk.latencies, 50))} "
        f"p95 {ms(percentile(bulk.latencies, 95))}; count {'ok' if count_ok else 'WRONG'}, "
        f"audit chain {'ok' if chain_ok else 'BROKEN'}" + ("" if complete else "; INCOMPLETE")
    )
    print(
        f"single   p95 {ms(p95):>10} at {achieved:.0f}/s     target < {SINGLE_P95_TARGET_MS:g} ms"
        f"   {'PASS' if single_pass else 'MISS'}"
    )
    print(
        f"         p50 {ms(percentile(single.latencies, 50))}, "
        f"p99 {ms(percentile(single.latencies, 99))}, errors {len(single.errors)}, "
        f"not sent {single.unsent}"
    )
    if max(bulk_noise, single_noise) > 0.1:
        print(
            f"NOTE     other processes or the hypervisor took up to "
            f"{max(bulk_noise, single_noise):.0%} of the CPU: re-run on an idle machine"
        )
    print("=" * 78)
    return 0 if count_ok and chain_ok and complete and single_ok else 1


if __name__ == "__main__":
    sys.exit(main())
