"""Claim benchmark: 32 reviewers claiming and deciding from 1,000,000 pending items.

SPEC §9: claim next with 1,000,000 pending and 32 concurrent reviewers, p95 < 25 ms,
zero double leases. Builds a fresh database, loads the backlog in SQL
(generate_series), starts gunicorn and drives `POST /api/v1/queues/{slug}/claim/` then
`POST /api/v1/assignments/{id}/decision/` from one thread per reviewer, each with its
own token, for a fixed time. Then checks the leases in SQL and the audit chain.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
from collections import defaultdict
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
    timed,  # noqa: E402
    top_functions,
)

QUEUE_SLUG = "bench-claims"
CLAIM_P95_TARGET_MS = 25.0

SETUP = """
import json
from audit.services import Actor
from reviews.queues.permissions import Role
from reviews.queues.services.access import reviewer_create
from reviews.queues.services.queues import queue_create

actor = Actor.system("bench")
queue = queue_create(
    slug=%(slug)r,
    name="Bench claims",
    labels=[{"value": "approve", "hotkey": "a"}, {"value": "deny", "hotkey": "d"}],
    reason_codes=[{"code": "wrong_label"}],
    policy={
        "auto_approve_at": 0.9, "sme_below": 0.5, "risk_tier": "medium", "mode": "in_path",
        "consensus": {"reviewers": %(k)d, "rule": "majority"},
        "sla": {"tier1": {"time_to_human_s": 900, "time_to_decision_s": 3600},
                "sme": {"time_to_human_s": 3600, "time_to_decision_s": 14400}},
    },
    actor=actor,
)
queue.refresh_from_db()
tokens = []
for n in range(%(reviewers)d):
    _, token = reviewer_create(
        username=f"bench-annotator-{n:02d}", role=Role.ANNOTATOR, queues=[queue],
        password="bench-password-not-secret", actor=actor,
    )
    tokens.append(token)
print(json.dumps({"queue": queue.pk, "policy": queue.active_policy_id, "tokens": tokens}))
"""

# One statement: `pending` queued Tier 1 items and `decided` ones interleaved with them
# (every column the model has; what ingest would have written for a held, in-path item).
LOAD_SQL = """
INSERT INTO reviews_item (
    queue_id, external_id, body_hash, model_version, input, output_label, confidence,
    calibrated_confidence, scores, slice, policy_id, route, release, state, tier,
    sample_reason, required_skill, trace, final_label, outcome, received_at, enqueued_at,
    released_at, decided_at, due_at, risk_rank, votes_needed, votes_in, leases_active,
    is_gold, gold_label
)
SELECT
    %(queue)s, 'b-' || lpad(g::text, 8, '0'), md5(g::text) || md5('x' || g::text), 'bench-v1',
    jsonb_build_object('text', 'loan application ' || g || ' requests a repayment review',
                       'amount', (g::bigint * 7919) %% 50000, 'region', 'EU'),
    'approve', c, c, jsonb_build_object('approve', c, 'deny', 1 - c),
    '{"region": "EU"}'::jsonb, %(policy)s, 'tier1',
    CASE WHEN done THEN 'released' ELSE 'held' END,
    CASE WHEN done THEN 'decided' ELSE 'queued' END,
    'tier1', '', '', '[]'::jsonb,
    CASE WHEN done THEN 'approve' ELSE '' END,
    CASE WHEN done THEN 'approved' ELSE '' END,
    at, at, CASE WHEN done THEN at + interval '20 minutes' END,
    CASE WHEN done THEN at + interval '20 minutes' END,
    at + interval '3600 seconds', 1, %(k)s, CASE WHEN done THEN %(k)s ELSE 0 END, 0, false, ''
FROM (
    SELECT g,
           0.5 + (g %% 40) / 100.0 AS c,
           -- spread over the last 14 days, oldest first, a few per millisecond
           now() - interval '14 days' * (1 - g::float8 / %(total)s) AS at,
           (g::bigint * %(decided)s / %(total)s) > ((g - 1)::bigint * %(decided)s / %(total)s)
               AS done
    FROM generate_series(1, %(total)s) AS g
) AS rows
"""

EXPLAIN = """
from django.db import connection, transaction
from accounts.models import User
from reviews.queues.models import Queue
from hitl.sql.claims import claim_candidate_sql

queue = Queue.objects.get(slug=%(slug)r)
reviewer = User.objects.get(username="bench-annotator-00")
with transaction.atomic(), connection.cursor() as cursor:
    sql = claim_candidate_sql()
    params = [queue.pk, "tier1", reviewer.pk, "tier1"]
    for run in range(2):
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        print(f"-- run {run + 1}")
        print("\\n".join(row[0] for row in cursor.fetchall()))
    transaction.set_rollback(True)
"""


# --- Load --------------------------------------------------------------------------------


def load_items(url: str, *, queue: int, policy: int, pending: int, decided: int, k: int) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            LOAD_SQL,
            {
                "queue": queue,
                "policy": policy,
                "total": pending + decided,
                "decided": decided,
                "k": k,
            },
        )
        conn.execute("VACUUM (ANALYZE) reviews_item")


def table_sizes(url: str) -> str:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            """
            SELECT c.relname, pg_size_pretty(pg_relation_size(c.oid))
            FROM pg_class c
            WHERE c.relname IN ('reviews_item', 'item_claim_idx', 'item_queue_received_idx',
                                'item_external_id_unique', 'reviews_item_pkey')
            ORDER BY pg_relation_size(c.oid) DESC
            """
        ).fetchall()
    return ", ".join(f"{name} {size}" for name, size in rows)


# --- Drive -------------------------------------------------------------------------------


@dataclass
class Run:
    claims: list[float] = field(default_factory=list)
    decisions: list[float] = field(default_factory=list)
    empty: int = 0
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def run_reviewers(base_url: str, tokens: list[str], seconds: float, think: float) -> Run:
    run = Run()
    start = threading.Barrier(len(tokens) + 1)
    deadline = [0.0]

    def reviewer(index: int, token: str) -> None:
        # Reading times vary (uniform over 0.5-1.5 x think) and the reviewers start
        # spread over one reading time: in step, they would claim in bursts of 32.
        rng = random.Random(index)
        claims: list[float] = []
        decisions: list[float] = []
        errors: list[str] = []
        empty = 0
        with requests.Session() as session:
            session.headers["Authorization"] = f"Token {token}"
            claim_url = f"{base_url}/api/v1/queues/{QUEUE_SLUG}/claim/"
            start.wait()
            if think:
                time.sleep(rng.uniform(0, think))
            while time.monotonic() < deadline[0] and len(errors) < 20:
                t0 = time.perf_counter()
                try:
                    response = session.post(claim_url, json={}, timeout=30)
                except requests.RequestException as exc:
                    errors.append(f"claim: {exc}")
                    continue
                claims.append(time.perf_counter() - t0)
                if response.status_code == 204:
                    empty += 1
                    time.sleep(0.05)
                    continue
                if response.status_code != 200:
                    errors.append(f"claim: HTTP {response.status_code} {response.text[:200]}")
                    continue
                assignment = response.json()["id"]
                if think:
                    time.sleep(think * rng.uniform(0.5, 1.5))
                t0 = time.perf_counter()
                try:
                    response = session.post(
                        f"{base_url}/api/v1/assignments/{assignment}/decision/",
                        json={"verdict": "approve"},
                        timeout=30,
                    )
                except requests.RequestException as exc:
                    errors.append(f"decision: {exc}")
                    continue
                if response.status_code != 201:
                    errors.append(f"decision: HTTP {response.status_code} {response.text[:200]}")
                    continue
                decisions.append(time.perf_counter() - t0)
        with run.lock:
            run.claims += claims
            run.decisions += decisions
            run.errors += errors
            run.empty += empty

    threads = [
        threading.Thread(target=reviewer, args=(i, t), daemon=True) for i, t in enumerate(tokens)
    ]
    for thread in threads:
        thread.start()
    deadline[0] = time.monotonic() + seconds
    t0 = time.perf_counter()
    start.wait()
    for thread in threads:
        thread.join()
    run.wall = time.perf_counter() - t0
    return run


# --- Checks ------------------------------------------------------------------------------

CHECKS = {
    "items with more leases + verdicts than k": """
        SELECT count(*) FROM (
            SELECT a.item_id FROM reviews_assignment a JOIN reviews_item i ON i.id = a.item_id
            WHERE a.state IN ('active', 'decided') AND a.tier = i.tier
            GROUP BY a.item_id, i.votes_needed HAVING count(*) > i.votes_needed) AS x""",
    "reviewer twice on one item and tier": """
        SELECT count(*) FROM (
            SELECT 1 FROM reviews_assignment GROUP BY item_id, reviewer_id, tier
            HAVING count(*) > 1) AS x""",
    "decided items reviewed here without exactly k decisions": """
        SELECT count(*) FROM (
            SELECT i.id FROM reviews_item i JOIN reviews_decision d ON d.item_id = i.id
            WHERE i.state = 'decided'
            GROUP BY i.id, i.votes_needed HAVING count(*) <> i.votes_needed) AS x""",
    "items whose counters disagree with their assignments": """
        SELECT count(*) FROM (
            SELECT i.id FROM reviews_item i JOIN reviews_assignment a ON a.item_id = i.id
            GROUP BY i.id, i.votes_in, i.leases_active
            HAVING count(*) FILTER (WHERE a.state = 'active') <> i.leases_active
                OR count(*) FILTER (WHERE a.state = 'decided') <> i.votes_in) AS x""",
    "decisions without a decided assignment": """
        SELECT count(*) FROM reviews_decision d JOIN reviews_assignment a
            ON a.id = d.assignment_id WHERE a.state <> 'decided'""",
}


def check_leases(url: str) -> tuple[dict[str, int], dict[str, int]]:
    with psycopg.connect(url) as conn:
        problems = {name: int(conn.execute(q).fetchone()[0]) for name, q in CHECKS.items()}
        counts = {
            name: int(conn.execute(q).fetchone()[0])
            for name, q in {
                "assignments": "SELECT count(*) FROM reviews_assignment",
                "decisions": "SELECT count(*) FROM reviews_decision",
                "active leases left": (
                    "SELECT count(*) FROM reviews_assignment WHERE state = 'active'"
                ),
                "items decided here": ("SELECT count(DISTINCT item_id) FROM reviews_decision"),
                "audit events": "SELECT count(*) FROM audit_auditevent",
            }.items()
        }
    return problems, counts


# --- Profile -----------------------------------------------------------------------------


def run_profile(env: dict[str, str], tokens: list[str], pairs: int) -> None:
    """Claim + decide in this process (Django's test client): SQL timings and cProfile."""
    import cProfile
    import os
    import pstats

    os.environ.update(env)
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_AUTHORIZATION=f"Token {tokens[0]}", SERVER_NAME="127.0.0.1")
    claim_path = f"/api/v1/queues/{QUEUE_SLUG}/claim/"

    def pair() -> tuple[float, float]:
        t0 = time.perf_counter()
        response = client.post(claim_path, "{}", content_type="application/json")
        t1 = time.perf_counter()
        if response.status_code != 200:
            raise SystemExit(f"claim: HTTP {response.status_code} {response.content[:300]!r}")
        assignment = response.json()["id"]
        response = client.post(
            f"/api/v1/assignments/{assignment}/decision/",
            '{"verdict": "approve"}',
            content_type="application/json",
        )
        if response.status_code != 201:
            raise SystemExit(f"decision: HTTP {response.status_code} {response.content[:300]!r}")
        return t1 - t0, time.perf_counter() - t1

    for _ in range(5):
        pair()  # warm: imports, connection, caches
    timings: dict[str, list[float]] = defaultdict(list)
    phase = ["claim"]

    def timer(execute: Callable[..., Any], sql: str, *rest: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return execute(sql, *rest)
        finally:
            key = " ".join(sql.split())[:90]
            timings[f"{phase[0]}: {key}"].append(time.perf_counter() - t0)

    claim_t, decide_t = [], []
    with connection.execute_wrapper(timer):
        for _ in range(pairs):
            phase[0] = "claim"
            t0 = time.perf_counter()
            response = client.post(claim_path, "{}", content_type="application/json")
            t1 = time.perf_counter()
            phase[0] = "decision"
            assignment = response.json()["id"]
            client.post(
                f"/api/v1/assignments/{assignment}/decision/",
                '{"verdict": "approve"}',
                content_type="application/json",
            )
            claim_t.append(t1 - t0)
            decide_t.append(time.perf_counter() - t1)
    print(
        f"in-process, one reviewer, {pairs} pairs: claim mean {_mean(claim_t) * 1e3:.2f} ms "
        f"(p95 {percentile(claim_t, 95) * 1e3:.2f}), decision mean "
        f"{_mean(decide_t) * 1e3:.2f} ms (p95 {percentile(decide_t, 95) * 1e3:.2f})"
    )
    print("  SQL per call (ms per call, statements per call):")
    for key, values in sorted(timings.items(), key=lambda kv: -sum(kv[1])):
        print(f"    {sum(values) / pairs * 1e3:6.2f} ms {len(values) / pairs:4.1f}x  {key}")
    for name, per_call in (("claim", claim_t), ("decision", decide_t)):
        sql_ms = sum(sum(v) for k, v in timings.items() if k.startswith(name)) / pairs * 1e3
        print(
            f"  {name}: {_mean(per_call) * 1e3:.2f} ms, of which SQL {sql_ms:.2f} ms, "
            f"Python {_mean(per_call) * 1e3 - sql_ms:.2f} ms"
        )
    # cProfile by wall time and by CPU time, claim and decision apart; each pair's other
    # call runs unprofiled.
    profiles = {
        (name, clock): cProfile.Profile(timer)
        for name in ("claim", "decision")
        for clock, timer in (("wall", time.perf_counter), ("CPU", time.process_time))
    }
    for (name, _clock), profile in profiles.items():
        for _ in range(pairs // 2):
            if name == "claim":
                profile.enable()
            response = client.post(claim_path, "{}", content_type="application/json")
            profile.disable()
            if name == "decision":
                profile.enable()
            client.post(
                f"/api/v1/assignments/{response.json()['id']}/decision/",
                '{"verdict": "approve"}',
                content_type="application/json",
            )
            profile.disable()
    for name, rows, per_call in (
        ("claim", CLAIM_ROWS, claim_t),
        ("decision", DECISION_ROWS, decide_t),
    ):
        print(f"  {name}, split by part (cProfile shares scaled to the unprofiled mean):")
        columns = [
            (clock, pstats.Stats(profiles[(name, clock)]), _mean(per_call))
            for clock in ("wall", "CPU")
        ]
        for line in breakdown(rows, columns[:1], items_per_call=1):
            print(line)
        print(f"  {name}, most CPU time of their own (profiled):")
        for line in top_functions(columns[1][1], limit=10):
            print(line)


_TOTAL = Row(
    "whole request (middleware, DRF, view)",
    0,
    (("django/core/handlers/base.py", "get_response", None),),
)
_COMPILE = Row(
    "ORM SQL compile, all queries (inside rows above)",
    1,
    (("django/db/models/sql/compiler.py", "as_sql", "execute_sql"),),
)
_AUTH = Row("token authentication", 1, (("accounts/authentication.py", "authenticate", None),))
CLAIM_ROWS = (
    _TOTAL,
    _AUTH,
    Row(
        "queue, permissions, qualification (queue_access)",
        1,
        (("reviews/queues/selectors.py", "queue_access", None),),
    ),
    Row("assignment_claim", 1, (("reviews/work/services/claims.py", "assignment_claim", None),)),
    Row(
        "candidate query (SKIP LOCKED select)",
        2,
        (("django/db/backends/utils.py", "execute", "assignment_claim"),),
    ),
    Row(
        "take the lease on the item (UPDATE … RETURNING)",
        2,
        (("django/db/models/query.py", "__iter__", "assignment_claim"),),
    ),
    Row(
        "insert assignment", 2, (("reviews/work/services/claims.py", "_lease", "assignment_claim"),)
    ),
    Row("audit_record", 2, (("audit/services.py", "audit_record", "assignment_claim"),)),
    Row("commit", 2, (("django/db/transaction.py", "__exit__", "assignment_claim"),)),
    Row(
        "claim_json (response body)",
        1,
        (("reviews/work/api/serializers.py", "claim_json", None),),
    ),
    Row("render JSON", 1, (("rest_framework/response.py", "rendered_content", None),)),
    _COMPILE,
)
DECISION_ROWS = (
    _TOTAL,
    _AUTH,
    Row(
        "DecisionInSerializer validation",
        1,
        (("rest_framework/serializers.py", "is_valid", "post"),),
    ),
    Row(
        "assignment_decide", 1, (("reviews/work/services/decisions.py", "assignment_decide", None),)
    ),
    Row(
        "lock_assignment (item with queue and policy, assignment)",
        2,
        (("reviews/work/services/claims.py", "lock_assignment", None),),
    ),
    Row("decision_errors", 2, (("reviews/work/services/decisions.py", "decision_errors", None),)),
    Row(
        "insert decision",
        2,
        (("django/db/models/manager.py", "manager_method", "assignment_decide"),),
    ),
    Row("save assignment + item", 2, (("django/db/models/base.py", "save", "assignment_decide"),)),
    Row(
        "_settle (consensus, release)",
        2,
        (("reviews/work/services/decisions.py", "_settle", None),),
    ),
    Row(
        "audit_record_many (verdict + settlement)",
        2,
        (("audit/services.py", "audit_record_many", "assignment_decide"),),
    ),
    Row("commit", 2, (("django/db/transaction.py", "__exit__", "assignment_decide"),)),
    Row(
        "decision_json (response body)",
        1,
        (("reviews/work/api/serializers.py", "decision_json", None),),
    ),
    _COMPILE,
)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


# --- Main --------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = bench_parser(__doc__, database="hitl_claim_bench")
    parser.add_argument("--pending", type=int, default=1_000_000, help="queued Tier 1 items")
    parser.add_argument(
        "--decided", type=int, default=1_000_000, help="already-decided items among them"
    )
    parser.add_argument("--reviewers", type=int, default=32, help="concurrent reviewers")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of the run")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--k", type=int, default=1, help="consensus reviewers per item")
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="seconds a reviewer reads each item between its claim and its decision",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead of the HTTP run: claim and decide in-process, SQL timings and cProfile",
    )
    args = parser.parse_args(argv)
    if args.pending < 1 or args.reviewers < 1 or args.seconds <= 0 or args.k < 1:
        parser.error("--pending, --reviewers, --seconds and --k must be positive")
    if args.decided < 0:
        parser.error("--decided must not be negative")
    return args


def setup(args: argparse.Namespace, env: dict[str, str]) -> list[str]:
    """A fresh database with the queue, the reviewers and the backlog; their API keys."""
    print("setup:")
    timed(
        f"database {database_name(args.database_url)} re-created",
        lambda: recreate_database(args.database_url),
    )
    timed("migrated", lambda: manage(["migrate", "--noinput"], env))
    output = timed(
        f"queue {QUEUE_SLUG} (k={args.k}) and {args.reviewers} annotators created",
        lambda: manage(
            ["shell", "-c", SETUP % {"slug": QUEUE_SLUG, "k": args.k, "reviewers": args.reviewers}],
            env,
        ),
    )
    made = json.loads(str(output).strip().splitlines()[-1])
    timed(
        f"{args.pending:,} queued + {args.decided:,} decided items loaded, vacuumed, analyzed",
        lambda: load_items(
            args.database_url,
            queue=made["queue"],
            policy=made["policy"],
            pending=args.pending,
            decided=args.decided,
            k=args.k,
        ),
    )
    print(f"  sizes: {table_sizes(args.database_url)}")
    return list(made["tokens"])


def explain(env: dict[str, str], label: str) -> None:
    print(f"EXPLAIN (ANALYZE, BUFFERS) of the claim query, {label}:")
    output = manage(["shell", "-c", EXPLAIN % {"slug": QUEUE_SLUG}], env)
    for line in str(output).rstrip().splitlines():
        print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    machine = machine_info(args.database_url)
    print(
        f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']} RAM, "
        f"PostgreSQL {machine['postgresql']}, Python {machine['python']}"
    )
    print(
        f"config: {args.pending:,} pending + {args.decided:,} decided items, {args.reviewers} "
        f"reviewers, k={args.k}, {args.workers} gunicorn workers, {args.seconds:g} s, "
        f"think {args.think:g} s"
    )
    with temp_dir("hitl-bench-") as tmp:
        tmp_path = Path(tmp)
        env = django_env(args.database_url, tmp_path)
        tokens = setup(args, env)
        explain(env, f"{args.pending:,} pending, before the run")
        if args.profile:
            print()
            run_profile(env, tokens, pairs=200)
            return 0

        with gunicorn(env, workers=args.workers, log_dir=tmp_path) as server:
            print(f"  gunicorn up at {server.base_url} (pid {server.pid})")
            print("claim + decide:")
            with CpuMonitor(server.pid, database_name(args.database_url)) as cpu:
                run = run_reviewers(
                    server.base_url, tokens[: args.reviewers], args.seconds, args.think
                )
            decided = len(run.decisions)
            rate = decided / run.wall if run.wall else 0.0
            print(
                f"  {len(run.claims)} claims ({run.empty} empty), {decided} decisions in "
                f"{run.wall:.1f} s -> {rate:,.1f} decisions/s; errors {len(run.errors)}"
            )
            claim_p95 = percentile(run.claims, 95)
            print(
                f"  claim    p50 {ms(percentile(run.claims, 50))}, p95 {ms(claim_p95)}, "
                f"p99 {ms(percentile(run.claims, 99))}, max {ms(max(run.claims, default=0.0))}"
            )
            print(
                f"  decision p50 {ms(percentile(run.decisions, 50))}, "
                f"p95 {ms(percentile(run.decisions, 95))}, "
                f"p99 {ms(percentile(run.decisions, 99))}"
            )
            if decided:
                cycle = args.reviewers / rate
                print(
                    f"  closed loop: {args.reviewers} reviewers / {rate:,.1f} pairs/s = "
                    f"{cycle * 1e3:,.0f} ms per claim + think + decide; with little think "
                    "time the latencies above are mostly waiting for a free gunicorn worker"
                )
            report, noise = cpu.report(items=decided)
            print(report.replace("µs/item", "µs/claim+decide").replace("items/s", "pairs/s"))
            for error in run.errors[:5]:
                print(f"  FAILED {error}")

        print("checks:")
        problems, counts = check_leases(args.database_url)
        print("  " + ", ".join(f"{name} {n}" for name, n in counts.items()))
        for name, n in problems.items():
            print(f"  {name}: {n} {'OK' if n == 0 else 'DOUBLE LEASE / WRONG'}")
        count_ok = counts["decisions"] == decided
        print(
            f"  decisions in the database {counts['decisions']}, 201s seen {decided} "
            f"{'OK' if count_ok else 'MISMATCH'}"
        )
        t0 = time.perf_counter()
        verify = manage(["audit_verify"], env, timeout=600).strip().splitlines()[-1]
        print(f"  {verify} ({time.perf_counter() - t0:.1f} s)")
        chain_ok = verify.startswith("audit chain OK")
        explain(env, "after the run")

    leases_ok = not any(problems.values()) and count_ok
    ok = leases_ok and chain_ok and not run.errors and decided > 0
    passed = claim_p95 < CLAIM_P95_TARGET_MS / 1000 and ok
    print()
    print("=" * 78)
    print(
        f"machine  {machine['nproc']} cores, {machine['cpu']}, "
        f"PostgreSQL {machine['postgresql'].split()[0]} on the same machine"
    )
    print(
        f"claim    p95 {ms(claim_p95):>9} with {args.pending:,} pending, {args.reviewers} "
        f"reviewers   target < {CLAIM_P95_TARGET_MS:g} ms   {'PASS' if passed else 'MISS'}"
    )
    print(
        f"         p50 {ms(percentile(run.claims, 50))}, p99 {ms(percentile(run.claims, 99))}; "
        f"decision p50 {ms(percentile(run.decisions, 50))}, "
        f"p95 {ms(percentile(run.decisions, 95))}; {rate:,.1f} decisions/s"
    )
    print(
        f"leases   double leases {'none' if leases_ok else 'FOUND'}, audit chain "
        f"{'ok' if chain_ok else 'BROKEN'}, errors {len(run.errors)}"
    )
    if noise > 0.1:
        print(f"NOTE     other processes took {noise:.0%} of the CPU: re-run on an idle machine")
    print("=" * 78)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
