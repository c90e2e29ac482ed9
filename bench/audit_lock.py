"""Audit chain head lock: how long appenders hold it and wait for it, and the ceiling it sets.

    python bench/audit_lock.py [--writers 1,2,4,8,16,32] [--seconds 8] [--modes service,sql]
                               [--database-url postgres://…/hitl_bench_audit_lock]
    python bench/audit_lock.py --observe postgres://…/hitl_bench_soak [--seconds 90]

Every appending transaction takes the chain head row `FOR UPDATE` (audit.services._lock_head
→ hitl.sql.audit.head_locked) and holds it until its COMMIT returns, so appends are serial:
no number of web machines can append more single-event transactions per second than
1 / (mean hold time).

Default: re-creates its own database (the name must contain 'bench'), migrates it, then for
each number of --writers runs that many processes (forked, each with its own connection)
that append single-event transactions for --seconds:

  service  `transaction.atomic()` + `audit_record_many` (one event), as every state change
           in hitl ends: lock the head, hash, insert the event, move the head, commit.
  sql      the same statements from psycopg with no Django: the floor of this design.

Each transaction is timed in the writer (time.perf_counter): wait = from sending the head's
SELECT … FOR UPDATE to its answer (one round trip included), hold = from that answer to
the return of COMMIT (the row lock is released by the commit). Prints transactions/s,
wait and hold p50/p95/mean, the lock's busy share (Σ hold / wall time), CPU per
transaction (writers' time.process_time + their PostgreSQL backends from /proc), the
server's own view from pg_stat_statements (mean time of the locking SELECT, of the INSERT,
of COMMIT), and the ceiling 1 / hold. Ends with `manage.py audit_verify`.

--observe URL samples another run's database instead (e.g. bench/soak.py's while it
loads): every --interval s it asks whether the head row is locked (pgrowlocks) and how
many backends wait for it (pg_stat_activity), and counts appending transactions with
pg_stat_statements. Busy share / transactions per second = mean hold; mean waiters /
transactions per second = mean wait (Little's law). It adds the pgrowlocks extension to
that database, which must be a bench database.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402 - the bench directory is not a package
    REPO,
    StatementStats,
    database_name,
    django_env,
    machine_info,
    manage,
    percentile,
    recreate_database,
    temp_dir,
    timed,
)

TARGET_PER_S = 5000.0
_TICK = os.sysconf("SC_CLK_TCK")
HEAD_SELECT = "SELECT seq, hash FROM audit_auditchainhead WHERE id = 1 FOR UPDATE"
HEAD_UPDATE = "UPDATE audit_auditchainhead SET seq = %s, hash = %s WHERE id = 1"
EVENT_INSERT = (
    "INSERT INTO audit_auditevent (seq, at, actor_kind, actor_id, actor_label, action, "
    "target_type, target_id, data_json, request_id, prev_hash, hash) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


def _proc_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


# --- Writers (forked processes) ----------------------------------------------------------


@dataclass
class WriterResult:
    waits: list[float] = field(default_factory=list)
    holds: list[float] = field(default_factory=list)
    commits: list[float] = field(default_factory=list)
    cpu: float = 0.0
    backend_cpu: float = 0.0
    error: str = ""


def _service_writer(index: int, start: float, stop: float, out: Any) -> None:
    """Single-event transactions through audit.services, timed around the head lock."""
    from django.db import connection, transaction

    import audit.services as services
    from audit.actions import AuditAction

    result = WriterResult()
    marks: dict[str, float] = {}
    locked = services.head_locked

    def timed_head() -> tuple[int, str] | None:
        marks["ask"] = time.perf_counter()
        head = locked()
        marks["got"] = time.perf_counter()
        return head

    services.head_locked = timed_head  # type: ignore[assignment] # this process only
    actor = services.Actor.system("bench-audit-lock")
    try:
        connection.ensure_connection()
        backend = connection.connection.info.backend_pid
        while time.perf_counter() < start:
            time.sleep(0.001)
        c0, b0, n = time.process_time(), _proc_cpu(backend), 0
        while time.perf_counter() < stop:
            n += 1
            entry = services.Entry(
                action=AuditAction.ITEM_RECEIVED,
                target_type="bench.lock",
                target_id=f"{index}-{n}",
                data={"writer": index, "n": n, "route": "tier1"},
            )
            with transaction.atomic():
                services.audit_record_many(actor=actor, entries=[entry])
                before_commit = time.perf_counter()
            done = time.perf_counter()
            result.waits.append(marks["got"] - marks["ask"])
            result.holds.append(done - marks["got"])
            result.commits.append(done - before_commit)
        result.cpu = time.process_time() - c0
        result.backend_cpu = _proc_cpu(backend) - b0
    except Exception as exc:  # noqa: BLE001 - reported by the parent
        result.error = repr(exc)
    out.put(result)


def _sql_writer(index: int, start: float, stop: float, out: Any) -> None:
    """The same transaction from psycopg alone: the floor of a single-row head lock."""
    from django.conf import settings
    from django.utils import timezone

    from audit.actions import AuditAction
    from audit.services import canonical_json, event_hash

    result = WriterResult()
    db = settings.DATABASES["default"]
    try:
        with psycopg.connect(
            host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"]
        ) as conn:
            backend = conn.info.backend_pid
            while time.perf_counter() < start:
                time.sleep(0.001)
            c0, b0, n = time.process_time(), _proc_cpu(backend), 0
            while time.perf_counter() < stop:
                n += 1
                ask = time.perf_counter()
                with conn.transaction(), conn.cursor() as cur:
                    cur.execute(HEAD_SELECT)
                    got = time.perf_counter()
                    seq, prev = cur.fetchone() or (0, "")
                    fields: dict[str, Any] = {
                        "seq": seq + 1,
                        "at": timezone.now(),
                        "actor_kind": "system",
                        "actor_id": "",
                        "actor_label": "bench-audit-lock",
                        "action": int(AuditAction.ITEM_RECEIVED),
                        "target_type": "bench.lock",
                        "target_id": f"sql-{index}-{n}",
                        "data_json": canonical_json({"writer": index, "n": n}),
                        "request_id": "",
                    }
                    digest = event_hash(prev_hash=prev, **fields)
                    cur.execute(EVENT_INSERT, [*fields.values(), prev, digest])
                    cur.execute(HEAD_UPDATE, [seq + 1, digest])
                    before_commit = time.perf_counter()
                done = time.perf_counter()
                result.waits.append(got - ask)
                result.holds.append(done - got)
                result.commits.append(done - before_commit)
            result.cpu = time.process_time() - c0
            result.backend_cpu = _proc_cpu(backend) - b0
    except Exception as exc:  # noqa: BLE001 - reported by the parent
        result.error = repr(exc)
    out.put(result)


# --- pg_stat_statements ------------------------------------------------------------------


def head_statements(stats: StatementStats) -> dict[str, tuple[int, float]]:
    """(calls, mean ms) of the head's SELECT and UPDATE, the event INSERT and COMMIT."""
    found: dict[str, tuple[int, float]] = {}
    for query, calls, total, _rows, _plan in stats.read():
        text = " ".join(query.split()).lower()
        key = (
            "lock head"
            if "from audit_auditchainhead" in text and "for update" in text
            else "move head"
            if text.startswith("update audit_auditchainhead")
            else "insert event"
            if text.startswith('insert into "audit_auditevent"')
            or text.startswith("insert into audit_auditevent")
            or (text.startswith("copy") and "audit_auditevent" in text)
            else "commit"
            if text == "commit"
            else ""
        )
        if key and calls:
            old_calls, old_total = found.get(key, (0, 0.0))
            found[key] = (old_calls + calls, old_total + total)
    return {key: (calls, total / calls) for key, (calls, total) in found.items()}


# --- A run at one number of writers ------------------------------------------------------


def run_level(mode: str, writers: int, seconds: float, stats: StatementStats) -> dict[str, Any]:
    ctx = mp.get_context("fork")
    out = ctx.Queue()
    target = _service_writer if mode == "service" else _sql_writer
    start = time.perf_counter() + 1.0 + 0.05 * writers  # every writer forked and connected
    stop = start + seconds
    stats.reset()
    procs = [ctx.Process(target=target, args=(i, start, stop, out)) for i in range(writers)]
    for proc in procs:
        proc.start()
    results = [out.get(timeout=seconds + 120) for _ in procs]
    for proc in procs:
        proc.join()
    server = head_statements(stats)
    errors = [r.error for r in results if r.error]
    if errors:
        raise SystemExit(f"{mode} x{writers}: {errors[0]}")
    waits = [w for r in results for w in r.waits]
    holds = [h for r in results for h in r.holds]
    commits = [c for r in results for c in r.commits]
    n = len(holds)
    cpu = sum(r.cpu for r in results)
    backend = sum(r.backend_cpu for r in results)
    return {
        "mode": mode,
        "writers": writers,
        "transactions": n,
        "per_s": n / seconds,
        "wait_p50": percentile(waits, 50),
        "wait_p95": percentile(waits, 95),
        "wait_mean": sum(waits) / n,
        "hold_p50": percentile(holds, 50),
        "hold_p95": percentile(holds, 95),
        "hold_mean": sum(holds) / n,
        "commit_mean": sum(commits) / n,
        "busy": sum(holds) / seconds,
        "cpu_ms": cpu / n * 1e3,
        "backend_ms": backend / n * 1e3,
        "server": server,
    }


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:7.2f}"


def print_level(row: dict[str, Any]) -> None:
    server = row["server"]
    keys = ("lock head", "insert event", "move head", "commit")
    pg = "  ".join(f"{key} {server[key][1]:.3f}" for key in keys if key in server)
    print(
        f"  {row['mode']:7} {row['writers']:3d} {row['per_s']:8,.0f} "
        f"{_ms(row['wait_p50'])} {_ms(row['wait_p95'])} {_ms(row['wait_mean'])} "
        f"{_ms(row['hold_p50'])} {_ms(row['hold_p95'])} {_ms(row['hold_mean'])} "
        f"{_ms(row['commit_mean'])} {row['busy']:5.0%} "
        f"{row['cpu_ms']:6.2f} {row['backend_ms']:6.2f}   {1 / row['hold_mean']:7,.0f}"
    )
    if pg:
        print(f"          server mean ms (pg_stat_statements): {pg}")


HEADER = (
    "  mode    wrt     tx/s  wait50  wait95 waitavg  hold50  hold95 holdavg  commit  busy "
    "  cpu ms  pg ms   1/hold\n"
    "                         (ms)                    (ms)                     (ms) "
    "       per transaction   (tx/s)"
)


# --- --observe: another run's database -------------------------------------------------

SAMPLE_SQL = """
SELECT (SELECT count(*) FROM pgrowlocks('audit_auditchainhead')),
       (SELECT count(*) FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'
           AND query ILIKE %s),
       (SELECT seq FROM audit_auditchainhead WHERE id = 1)
"""


def observe(url: str, seconds: float, interval: float, wait_for_load: bool) -> int:
    name = database_name(url)
    if "bench" not in name:
        raise SystemExit(f"refusing to add pgrowlocks to {name!r}: not a bench database")
    print(f"observing {name}")
    if wait_for_load:
        print("  waiting for the load to start (the head moving by 50+ events a second)…")
        last = None
        while True:
            try:
                with psycopg.connect(url, autocommit=True) as conn:
                    row = conn.execute("SELECT seq FROM audit_auditchainhead WHERE id = 1")
                    seq = (row.fetchone() or (0,))[0]
            except psycopg.Error:
                seq = None
            if seq is not None and last is not None and seq - last >= 50:
                break
            last = seq
            time.sleep(1.0)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pgrowlocks")
    stats = StatementStats(url)
    stats.reset()
    held = waiting = samples = 0
    with psycopg.connect(url, autocommit=True) as conn:
        seq0 = conn.execute(SAMPLE_SQL, ["SELECT seq, hash FROM audit_auditchainhead%"]).fetchone()
        t0 = time.perf_counter()
        c0 = time.process_time()
        next_at = t0
        while (now := time.perf_counter()) < t0 + seconds:
            if now < next_at:
                time.sleep(next_at - now)
            next_at += interval
            row = conn.execute(
                SAMPLE_SQL, ["SELECT seq, hash FROM audit_auditchainhead%"]
            ).fetchone()
            assert row is not None  # noqa: S101 - one row by construction
            held += 1 if row[0] else 0
            waiting += int(row[1])
            samples += 1
            last_seq = row[2]
        wall = time.perf_counter() - t0
        own_cpu = time.process_time() - c0
    server = head_statements(stats)
    appends = server.get("move head", (0, 0.0))[0]
    events = (last_seq or 0) - ((seq0 or (0, 0, 0))[2] or 0)
    busy = held / max(samples, 1)
    rate = appends / wall
    print(
        f"  {samples} samples over {wall:.1f} s ({samples / wall:.0f}/s; this process used "
        f"{own_cpu / wall:.0%} of a core and the sampling backend some more)"
    )
    print(
        f"  appending transactions {appends} ({rate:,.1f}/s), events {events} "
        f"({events / wall:,.1f}/s, {events / max(appends, 1):.1f} per transaction)"
    )
    print(f"  head row locked in {busy:.1%} of samples; mean waiters {waiting / samples:.2f}")
    if appends:
        hold = busy / rate
        wait = (waiting / samples) / rate
        print(
            f"  mean hold = busy / rate = {hold * 1e3:.2f} ms; mean wait = waiters / rate = "
            f"{wait * 1e3:.2f} ms (Little's law)"
        )
        print(f"  ceiling 1 / hold = {1 / hold:,.0f} appending transactions/s")
    for key, (calls, mean) in server.items():
        print(f"  pg_stat_statements {key}: {calls} calls, mean {mean:.3f} ms")
    return 0


# --- Main --------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/hitl_bench_audit_lock",
        help="the bench database: dropped and re-created (its name must contain 'bench')",
    )
    parser.add_argument("--writers", default="1,2,4,8,16,32", help="writer processes per run")
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each run")
    parser.add_argument("--modes", default="service,sql", help="service, sql or both")
    parser.add_argument("--observe", metavar="URL", help="sample another run's database instead")
    parser.add_argument("--interval", type=float, default=0.005, help="--observe: sample every")
    parser.add_argument("--no-wait", action="store_true", help="--observe: start sampling at once")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    machine = machine_info(args.observe or args.database_url)
    print(
        f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']} RAM, "
        f"PostgreSQL {machine['postgresql']}, Python {machine['python']}"
    )
    if args.observe:
        return observe(args.observe, args.seconds, args.interval, not args.no_wait)
    levels = [int(w) for w in args.writers.split(",")]
    modes = args.modes.split(",")
    with temp_dir("hitl-bench-audit-lock-") as tmp:
        env = django_env(args.database_url, Path(tmp))
        with psycopg.connect(args.database_url, dbname="postgres") as conn:
            settings = conn.execute(
                "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings "
                "WHERE name IN ('synchronous_commit', 'fsync', 'wal_sync_method', "
                "'commit_delay', 'shared_preload_libraries')"
            ).fetchone()
        print(f"postgres: {settings[0] if settings else '?'}")
        timed(
            f"database {database_name(args.database_url)} re-created",
            lambda: recreate_database(args.database_url),
        )
        timed("migrated", lambda: manage(["migrate", "--noinput"], env))
        os.environ.update(env)
        sys.path.insert(0, str(REPO))
        import django

        django.setup()  # before forking; no connection is opened in this process
        stats = StatementStats(args.database_url)
        print(HEADER)
        rows = []
        for mode in modes:
            for writers in levels:
                row = run_level(mode, writers, args.seconds, stats)
                print_level(row)
                rows.append(row)
        t0 = time.perf_counter()
        verify = manage(["audit_verify"], env, timeout=600).strip().splitlines()[-1]
        print(f"  {verify} ({time.perf_counter() - t0:.1f} s)")
        with psycopg.connect(args.database_url, dbname="postgres", autocommit=True) as conn:
            conn.execute(
                f'DROP DATABASE IF EXISTS "{database_name(args.database_url)}" WITH (FORCE)'
            )

    print()
    print("=" * 78)
    for mode in modes:
        mine = [r for r in rows if r["mode"] == mode]
        if not mine:
            continue
        alone = mine[0]
        best = max(mine, key=lambda r: r["per_s"])
        ceiling = 1 / alone["hold_mean"]
        print(
            f"{mode:7}  hold {alone['hold_mean'] * 1e3:.2f} ms with {alone['writers']} writer "
            f"(of which commit {alone['commit_mean'] * 1e3:.2f} ms) -> ceiling {ceiling:,.0f} "
            f"tx/s; best seen {best['per_s']:,.0f} tx/s with {best['writers']} writers "
            f"(hold {best['hold_mean'] * 1e3:.2f} ms, wait p95 {best['wait_p95'] * 1e3:.1f} ms)"
            f"   target >= {TARGET_PER_S:,.0f}/s  {'PASS' if ceiling >= TARGET_PER_S else 'MISS'}"
        )
    print(f"audit chain {'ok' if verify.startswith('audit chain OK') else 'BROKEN'}")
    print("=" * 78)
    return 0 if verify.startswith("audit chain OK") else 1


if __name__ == "__main__":
    sys.exit(main())
