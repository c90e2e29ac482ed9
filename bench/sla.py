"""SLA benchmark: 1,000,000 open items, 10,000 of them breaching, swept by a real beat.

SPEC §9: SLA sweep with 1,000,000 open items, 10,000 breached — every breach escalated
within 60 s of its deadline. Builds a fresh database and loads the open items in SQL
(generate_series): queued at Tier 1, every one with a time-to-human deadline, a day away
for most. Starts a real `celery -A hitl worker` and `celery -A hitl beat` (the project's
schedule: the SLA sweep every 5 s) on PostgreSQL and Redis, then moves the deadlines of
10,000 items to the next ~30 s and waits until all are escalated. Prints each sweep's
time (from the worker's log), the lateness of every escalation behind its deadline, and
checks: one sla_breach ticket per breached item, none for the others, the audit chain.
Then, on a second fresh load, times one sweep of the 10,000 alone, in process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    REPO,
    bench_parser,
    database_name,
    django_env,
    machine_info,
    manage,
    percentile,
    recreate_database,
    tail,
    temp_dir,
    timed,
)

QUEUE_SLUG = "bench-sla"
TARGET_S = 60.0

SETUP = """
import json
from audit.services import Actor
from reviews.queues.services.queues import queue_create

queue = queue_create(
    slug=%(slug)r,
    name="Bench SLA",
    labels=[{"value": "approve", "hotkey": "a"}, {"value": "deny", "hotkey": "d"}],
    reason_codes=[{"code": "wrong_label"}],
    policy={
        "auto_approve_at": 0.9, "sme_below": 0.5, "risk_tier": "medium", "mode": "in_path",
        "sla": {"tier1": {"time_to_human_s": 86400, "time_to_decision_s": 172800},
                "sme": {"time_to_human_s": 3600, "time_to_decision_s": 14400}},
    },
    actor=Actor.system("bench"),
)
queue.refresh_from_db()
print(json.dumps({"queue": queue.pk, "policy": queue.active_policy_id}))
"""

# One statement: `total` queued Tier 1 items, held, unclaimed, arrivals spread over the
# last 12 hours; every `every`-th is one of the breaching ones (external_id 'breach-…').
# Time-to-human is a day, so every deadline is 12-24 h away: run() moves the breaching
# ones' to the next seconds once beat is running.
LOAD_SQL = """
INSERT INTO reviews_item (
    queue_id, external_id, body_hash, model_version, input, output_label, confidence,
    calibrated_confidence, scores, slice, policy_id, route, release, state, tier,
    sample_reason, required_skill, trace, final_label, outcome, received_at, enqueued_at,
    due_at, human_due_at, breach_at, risk_rank, votes_needed, votes_in, leases_active,
    is_gold, gold_label
)
SELECT
    %(queue)s,
    CASE WHEN g %% %(every)s = 0 THEN 'breach-' ELSE 'open-' END || lpad(g::text, 8, '0'),
    md5(g::text) || md5('x' || g::text), 'bench-v1',
    jsonb_build_object('text', 'loan application ' || g || ' requests a repayment review',
                       'amount', (g::bigint * 7919) %% 50000, 'region', 'EU'),
    'approve', c, c, jsonb_build_object('approve', c, 'deny', 1 - c),
    '{"region": "EU"}'::jsonb, %(policy)s, 'tier1', 'held', 'queued', 'tier1', '', '',
    '[]'::jsonb, '', '', at, at,
    at + interval '2 days', at + interval '1 day', at + interval '1 day',
    1, 1, 0, 0, false, ''
FROM (
    SELECT g, 0.5 + (g %% 40) / 100.0 AS c,
           now() - interval '12 hours' * (1 - g::float8 / %(total)s) AS at
    FROM generate_series(1, %(total)s) AS g
) AS rows
"""

# The breaching items' deadlines: the next `spread` s, starting `lead` s from now.
BREACH_SQL = """
UPDATE reviews_item i SET human_due_at = d.at, breach_at = d.at
FROM (
    SELECT id, now() + make_interval(secs => %(lead)s
               + %(spread)s * (row_number() OVER (ORDER BY id) - 1) / %(breached)s) AS at
    FROM reviews_item WHERE queue_id = %(queue)s AND external_id LIKE 'breach-%%'
) AS d
WHERE i.id = d.id
"""

# One sweep, timed; the time of its SQL statements by kind (what is left is Python).
SWEEP_ALONE = """
import json, time
from collections import defaultdict
from django.db import connection, transaction
from reviews.escalation.services.sla import breached_query, sla_escalate_breached
from django.utils import timezone

with transaction.atomic():
    breached = breached_query(now=timezone.now(), limit=500)
    plan = breached.explain(analyze=True, buffers=True).splitlines()
    transaction.set_rollback(True)
sql = defaultdict(lambda: [0, 0.0])

def timer(execute, statement, *rest):
    t0 = time.perf_counter()
    try:
        return execute(statement, *rest)
    finally:
        key = " ".join(statement.split())[:80]
        sql[key][0] += 1
        sql[key][1] += time.perf_counter() - t0

t0 = time.perf_counter()
with connection.execute_wrapper(timer):
    done = sla_escalate_breached()
seconds = time.perf_counter() - t0
top = sorted(sql.items(), key=lambda kv: -kv[1][1])[:8]
print(json.dumps({"escalated": done, "seconds": seconds, "plan": plan,
                  "sql_s": sum(v[1] for v in sql.values()), "top": top}))
"""

ESCALATED_SQL = """
SELECT count(*) FROM reviews_escalation e JOIN reviews_item i ON i.id = e.item_id
WHERE e.reason = 'sla_breach' AND i.external_id LIKE 'breach-%%'
"""

LATENESS_SQL = """
SELECT (e.data -> 'breach' ->> 'late_s')::float8,
       extract(epoch FROM a.at - (e.data -> 'breach' ->> 'deadline')::timestamptz)
FROM reviews_escalation e
JOIN audit_auditevent a ON a.target_type = 'reviews.item' AND a.target_id = e.item_id::text
     AND a.action = %(action)s
JOIN reviews_item i ON i.id = e.item_id
WHERE e.reason = 'sla_breach' AND i.external_id LIKE 'breach-%%'
"""

CHECKS = {
    "breached items without exactly one sla_breach ticket": """
        SELECT count(*) FROM reviews_item i
        WHERE i.external_id LIKE 'breach-%%' AND (
            SELECT count(*) FROM reviews_escalation e
            WHERE e.item_id = i.id AND e.reason = 'sla_breach') <> 1""",
    "sla_breach tickets on items that did not breach": """
        SELECT count(*) FROM reviews_escalation e JOIN reviews_item i ON i.id = e.item_id
        WHERE e.reason = 'sla_breach' AND i.external_id NOT LIKE 'breach-%%'""",
    "breached items not queued at the SME tier": """
        SELECT count(*) FROM reviews_item
        WHERE external_id LIKE 'breach-%%' AND (state, tier) <> ('queued', 'sme')""",
    "other items moved off Tier 1": """
        SELECT count(*) FROM reviews_item
        WHERE external_id LIKE 'open-%%' AND (state, tier) <> ('queued', 'tier1')""",
    "SLA_BREACHED audit events not one per breached item": """
        SELECT abs(count(*) - count(DISTINCT target_id)) + abs(count(*) - %(breached)s)
        FROM audit_auditevent WHERE action = %(action)s""",
}

SUCCEEDED = re.compile(
    r"Task reviews\.tasks\.sweep_sla_breaches\[[^\]]+\] succeeded in ([0-9.]+)s: (\d+)"
)
BUNDLES = re.compile(
    r"Task reviews\.tasks\.build_escalation_bundles\[[^\]]+\] succeeded in ([0-9.]+)s: (\d+)"
)


# --- Processes ---------------------------------------------------------------------------


@dataclass
class Proc:
    name: str
    process: subprocess.Popen[bytes]
    log: Path


def start(name: str, args: list[str], env: dict[str, str], log_dir: Path) -> Proc:
    """`celery -A hitl ARGS`, logging to LOG_DIR/NAME.log."""
    log = log_dir / f"{name}.log"
    prefix = ["-m", "celery", "-A", "hitl"]
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, *prefix, *args],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Proc(name, process, log)


def stop(proc: Proc) -> None:
    if proc.process.poll() is not None:
        return
    proc.process.send_signal(signal.SIGTERM)
    try:
        proc.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.process.pid, signal.SIGKILL)
        proc.process.wait(timeout=10)


def wait_ready(worker: Proc, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if " ready." in worker.log.read_text(errors="replace"):
            return
        if worker.process.poll() is not None:
            raise SystemExit(f"the worker exited:\n{tail(worker.log)}")
        time.sleep(0.2)
    raise SystemExit(f"the worker was not ready within {timeout:.0f} s:\n{tail(worker.log)}")


def forget_queue(broker_url: str, queue: str) -> None:
    """Drop what is left of the run's queue on the broker (best effort)."""
    import redis

    try:
        client = redis.Redis.from_url(broker_url)
        client.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
    except redis.RedisError:
        pass


# --- Load --------------------------------------------------------------------------------


def setup(url: str, env: dict[str, str], *, items: int, breached: int) -> int:
    """A fresh database with the queue and the open items; the queue's id."""
    timed(f"database {database_name(url)} re-created", lambda: recreate_database(url))
    timed("migrated", lambda: manage(["migrate", "--noinput"], env))
    made = json.loads(
        str(manage(["shell", "-c", SETUP % {"slug": QUEUE_SLUG}], env)).strip().splitlines()[-1]
    )

    def load() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                LOAD_SQL,
                {
                    "queue": made["queue"],
                    "policy": made["policy"],
                    "total": items,
                    "every": items // breached,
                },
            )
            conn.execute("VACUUM (ANALYZE) reviews_item")

    timed(f"{items:,} open items loaded, vacuumed, analyzed", load)
    return int(made["queue"])


def move_deadlines(url: str, *, queue: int, breached: int, lead: float, spread: float) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(
            BREACH_SQL, {"queue": queue, "lead": lead, "spread": spread, "breached": breached}
        )
        return cursor.rowcount


def count(url: str, sql: str, params: dict[str, Any] | None = None) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(sql, params or {}).fetchone()
    return int(row[0]) if row else 0


def sla_breached_action() -> int:
    sys.path.insert(0, str(REPO))
    from audit.actions import AuditAction  # an IntegerChoices: no Django setup needed

    return int(AuditAction.SLA_BREACHED)


# --- Main --------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = bench_parser(__doc__, database="hitl_sla_bench")
    parser.add_argument(
        "--broker-url",
        default=os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/10"),
        help="the Redis broker (the run uses a queue of its own on it)",
    )
    parser.add_argument("--items", type=int, default=1_000_000, help="open items")
    parser.add_argument("--breached", type=int, default=10_000, help="items that breach")
    parser.add_argument(
        "--spread", type=float, default=30.0, help="seconds over which their deadlines fall"
    )
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes")
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="give up waiting for escalations after"
    )
    parser.add_argument(
        "--one-queue",
        dest="bundles_apart",
        action="store_false",
        help="run the evidence-bundle tasks on the sweep's worker instead of a worker of "
        "their own (HITL_EVIDENCE_QUEUE, as compose.yaml sets it)",
    )
    parser.add_argument(
        "--skip-alone", action="store_true", help="skip the second load and in-process sweep"
    )
    parser.add_argument(
        "--alone-only",
        action="store_true",
        help="only the in-process sweep on a fresh load (no worker, no beat, no Redis)",
    )
    args = parser.parse_args(argv)
    if args.breached < 1 or args.items < args.breached:
        parser.error("--breached must be positive and at most --items")
    return args


def run_with_beat(args: argparse.Namespace, tmp: Path, action: int) -> dict[str, Any]:
    url = args.database_url
    env = django_env(url, tmp)
    env["CELERY_BROKER_URL"] = args.broker_url
    queue_name = f"bench-sla-{uuid.uuid4().hex[:8]}"
    env["CELERY_QUEUE"] = queue_name
    print("run with a real worker and beat:")
    queue = setup(url, env, items=args.items, breached=args.breached)
    apart = f"{queue_name}-bundles" if args.bundles_apart else ""
    env["HITL_EVIDENCE_QUEUE"] = apart  # the settings route bundle tasks there

    def worker_args(queue: str, concurrency: int) -> list[str]:
        return [
            "worker",
            "--loglevel=INFO",
            f"--concurrency={concurrency}",
            f"--queues={queue}",
            f"--hostname={queue}@%h",
            "--without-mingle",
            "--without-gossip",
        ]

    worker = start("worker", worker_args(queue_name, args.concurrency), env, tmp)
    workers = [worker]
    if apart:
        workers.append(start("bundles", worker_args(apart, 1), env, tmp))
    beat = start("beat", ["beat", "--loglevel=INFO", f"--schedule={tmp / 'beat'}"], env, tmp)
    try:
        for started in workers:
            wait_ready(started)
        moved = move_deadlines(
            url, queue=queue, breached=args.breached, lead=5.0, spread=args.spread
        )
        t0 = time.monotonic()
        print(
            f"  worker ({args.concurrency} processes) and beat up; {moved:,} deadlines moved to "
            f"5-{5 + args.spread:g} s from now"
        )
        done, last = 0, -1
        while time.monotonic() - t0 < args.timeout:
            done = count(url, ESCALATED_SQL)
            if done != last:
                print(f"  t+{time.monotonic() - t0:5.1f} s  escalated {done:,}", flush=True)
                last = done
            if done >= moved:
                break
            for proc in (*workers, beat):
                if proc.process.poll() is not None:
                    raise SystemExit(f"{proc.name} exited:\n{tail(proc.log)}")
            time.sleep(0.5)
        waited = time.monotonic() - t0
        time.sleep(6)  # one more beat period: a sweep finding anything more would show
        bundles = count(url, "SELECT count(*) FROM reviews_escalation WHERE bundle_id IS NOT NULL")
    finally:
        stop(beat)
        for started in workers:
            stop(started)
        forget_queue(args.broker_url, queue_name)
        if apart:
            forget_queue(args.broker_url, apart)
    log = "\n".join(started.log.read_text(errors="replace") for started in workers)
    sweeps = [(float(s), int(n)) for s, n in SUCCEEDED.findall(log)]
    bundle_tasks = [(float(s), int(n)) for s, n in BUNDLES.findall(log)]
    with psycopg.connect(url) as conn:
        rows = conn.execute(LATENESS_SQL, {"action": action}).fetchall()
    problems = {
        name: count(url, sql, {"breached": args.breached, "action": action})
        for name, sql in CHECKS.items()
    }
    verify = manage(["audit_verify"], env, timeout=900).strip().splitlines()[-1]
    return {
        "moved": moved,
        "done": done,
        "waited": waited,
        "sweeps": sweeps,
        "bundles": bundles,
        "bundle_tasks": bundle_tasks,
        "late_s": [float(r[0]) for r in rows],
        "committed_s": [float(r[1]) for r in rows],
        "problems": problems,
        "verify": verify,
        "errors": [line for line in log.splitlines() if "ERROR" in line][:5],
    }


def sweep_alone(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """A second fresh load with the 10,000 deadlines just past; one sweep, in process."""
    url = args.database_url
    env = django_env(url, tmp)
    env.pop("CELERY_BROKER_URL", None)  # the bundle tasks go to a throwaway filesystem broker
    print("one sweep alone, in process:")
    queue = setup(url, env, items=args.items, breached=args.breached)
    move_deadlines(url, queue=queue, breached=args.breached, lead=-args.spread - 1, spread=0)
    output = manage(["shell", "-c", SWEEP_ALONE], env, timeout=900)
    result = json.loads(str(output).strip().splitlines()[-1])
    print(f"  swept {result['escalated']:,} in {result['seconds']:.2f} s")
    print(
        f"  of which SQL {result['sql_s']:.2f} s (the rest is Python in this process); "
        "the costliest statements (calls, seconds):"
    )
    for statement, (calls, seconds) in result["top"]:
        print(f"    {calls:5d} {seconds:6.2f} s  {statement}")
    print("  EXPLAIN (ANALYZE, BUFFERS) of the sweep's query, before the sweep:")
    for line in result["plan"]:
        print(f"    {line}")
    return dict(result)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    machine = machine_info(args.database_url)
    print(
        f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']} RAM, "
        f"PostgreSQL {machine['postgresql']}, Python {machine['python']}"
    )
    print(
        f"config: {args.items:,} open items, {args.breached:,} breaching over "
        f"{args.spread:g} s, worker concurrency {args.concurrency}, broker {args.broker_url}, "
        f"bundle tasks {'on a worker of their own' if args.bundles_apart else 'on the same worker'}"
    )
    action = sla_breached_action()
    if args.alone_only:
        with temp_dir("hitl-bench-sla-") as tmp:
            sweep_alone(args, Path(tmp))
        return 0
    with temp_dir("hitl-bench-sla-") as tmp:
        run = run_with_beat(args, Path(tmp), action)
    alone = None
    if not args.skip_alone:
        with temp_dir("hitl-bench-sla-") as tmp:
            alone = sweep_alone(args, Path(tmp))

    sweeps = [s for s in run["sweeps"] if s[1]]
    late, committed = run["late_s"], run["committed_s"]
    missing = run["moved"] - len(committed)
    # A breach never escalated within --timeout is infinitely late.
    every = committed + [float("inf")] * missing
    worst = max(every, default=float("inf"))
    print("sweeps by beat that escalated anything (seconds, items):")
    print("  " + ", ".join(f"{s:.2f} s/{n}" for s, n in sweeps))
    if run["bundle_tasks"]:
        built = sum(n for _, n in run["bundle_tasks"])
        spent = sum(s for s, _ in run["bundle_tasks"])
        print(
            f"bundle tasks done during the run: {len(run['bundle_tasks'])}, {built:,} bundles "
            f"in {spent:.1f} s of worker time ({spent / max(built, 1) * 1e3:.0f} ms per bundle)"
        )
    print("checks:")
    for name, n in run["problems"].items():
        print(f"  {name}: {n} {'OK' if n == 0 else 'WRONG'}")
    print(f"  {run['verify']}")
    for line in run["errors"]:
        print(f"  worker ERROR: {line}")
    ok = (
        run["done"] == run["moved"] == args.breached
        and not any(run["problems"].values())
        and run["verify"].startswith("audit chain OK")
        and len(committed) == args.breached
    )
    passed = ok and worst <= TARGET_S

    print()
    print("=" * 78)
    print(
        f"machine   {machine['nproc']} cores, {machine['cpu']}, PostgreSQL "
        f"{machine['postgresql'].split()[0]} and Redis on the same machine"
    )
    print(
        f"escalated {run['done']:,} of {run['moved']:,} breaches among {args.items:,} open "
        f"items in {run['waited']:.1f} s from the first move"
        + (f"; {missing:,} NOT escalated within --timeout" if missing else "")
    )
    print(
        f"lateness  worst {worst:.1f} s, p95 {percentile(every, 95):.1f} s, p50 "
        f"{percentile(every, 50):.1f} s (deadline -> escalation committed)   "
        f"target every breach within {TARGET_S:g} s   {'PASS' if passed else 'MISS'}"
    )
    print(
        f"          late_s as recorded (deadline -> start of its sweep): worst "
        f"{max(late, default=float('nan')):.1f} s, p95 {percentile(late, 95):.1f} s"
    )
    if sweeps:
        seconds = [s for s, _ in sweeps]
        print(
            f"sweeps    {len(sweeps)} by beat escalated something: worst {max(seconds):.2f} s, "
            f"mean {sum(seconds) / len(sweeps):.2f} s for "
            f"{sum(n for _, n in sweeps) / len(sweeps):,.0f} items"
        )
    if alone is not None:
        print(
            f"alone     one sweep of {alone['escalated']:,} breached among {args.items:,} open: "
            f"{alone['seconds']:.2f} s in process "
            f"({alone['seconds'] / max(alone['escalated'], 1) * 1e3:.2f} ms/item)"
        )
    print(
        f"checks    one ticket per breach, none for the others, audit chain: "
        f"{'ok' if ok else 'FAILED'}; bundles built by the end {run['bundles']:,}"
    )
    print("=" * 78)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
