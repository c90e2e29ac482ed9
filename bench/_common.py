"""Shared plumbing for the benchmarks: a throwaway database, gunicorn, timings, the machine.

Each benchmark is one script (`python bench/<name>.py`) that builds its own PostgreSQL
database, migrates it, starts the real web server on a free loopback port, drives it
over HTTP, prints its figures and stops everything it started.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
import requests
from psycopg import sql

REPO = Path(__file__).resolve().parent.parent
BENCH_SECRET_KEY = "bench-only-secret-key-not-for-production-0123456789abcdef"  # noqa: S105


def bench_parser(doc: str | None, *, database: str) -> argparse.ArgumentParser:
    """A bench's argument parser: its docstring's first paragraph as the description, and
    --database-url naming a bench database on the local server (dropped and re-created)."""
    parser = argparse.ArgumentParser(
        description=(doc or "").split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--database-url",
        default=f"postgres://postgres@127.0.0.1:5432/{database}",
        help="the bench database: dropped and re-created (its name must contain 'bench')",
    )
    return parser


class PeakRss:
    """The peak resident memory of one child process, in MB, while it runs.

        with PeakRss(proc.pid) as peak:
            proc.wait()
        peak.mb

    Polls the child's own high-water mark (VmHWM in /proc/<pid>/status). Not wait4's
    ru_maxrss: Linux carries the parent's high-water mark over fork and exec into the
    child's, so a big parent (a long pytest run) would pass for the child's peak.
    """

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid, self.interval, self.mb = pid, interval, 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _read(self) -> float | None:
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
        return None  # a zombie: its memory is gone

    def _poll(self) -> None:
        while not self._done.is_set():
            mb = self._read()
            if mb is not None:
                self.mb = max(self.mb, mb)
            self._done.wait(self.interval)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def recreate_database(url: str) -> None:
    """Drop and create the database named in `url`, via the server's `postgres` database."""
    name = database_name(url)
    if "bench" not in name:
        # This drops a database: refuse anything that does not look like a bench one.
        raise SystemExit(f"refusing to drop {name!r}: the bench database name must contain 'bench'")
    with psycopg.connect(url, dbname="postgres", autocommit=True) as conn:
        ident = sql.Identifier(name)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(ident))


class StatementStats:
    """pg_stat_statements of the bench database between reset() and read(); `ok` is false,
    and read() empty, when the extension is not loaded (shared_preload_libraries)."""

    def __init__(self, url: str, *, track_planning: bool = False) -> None:
        self.url = url
        self.ok = False
        with psycopg.connect(url, autocommit=True) as conn:
            try:
                conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
                conn.execute("SELECT count(*) FROM pg_stat_statements")
                if track_planning:  # for this database's later sessions only
                    conn.execute(
                        f'ALTER DATABASE "{database_name(url)}" '
                        "SET pg_stat_statements.track_planning = on"
                    )
                self.ok = True
            except psycopg.Error as exc:
                print(f"  pg_stat_statements unavailable ({str(exc).strip()}): no SQL figures")

    def reset(self) -> None:
        if self.ok:
            with psycopg.connect(self.url, autocommit=True) as conn:
                # This database's statements only: other runs may be reading theirs.
                conn.execute(
                    "SELECT pg_stat_statements_reset(0, d.oid, 0) FROM pg_database d "
                    "WHERE d.datname = current_database()"
                )

    def read(self) -> list[tuple[str, int, float, int, float]]:
        """(query, calls, total exec ms, rows, total plan ms) of the bench database, busiest
        first."""
        if not self.ok:
            return []
        with psycopg.connect(self.url, autocommit=True) as conn:
            rows = conn.execute(
                """
                SELECT query, calls, total_exec_time, rows, total_plan_time
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = current_database()
                  AND query NOT ILIKE '%%pg_stat_statements%%'
                ORDER BY total_exec_time DESC
                """
            ).fetchall()
        return [(q, int(c), float(t), int(r), float(p)) for q, c, t, r, p in rows]


def django_env(database_url: str, data_dir: Path) -> dict[str, str]:
    """Production-like settings for manage.py and gunicorn, pointed at the bench database."""
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "DEBUG": "0",
            "SECRET_KEY": BENCH_SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback: no TLS proxy in front
            "DJANGO_SETTINGS_MODULE": "hitl.settings",
            "HITL_DATA_DIR": str(data_dir),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def manage(args: Sequence[str], env: dict[str, str], *, timeout: float = 300) -> str:
    """Run `python manage.py ARGS`; its stdout, or exit with its output on failure."""
    proc = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(
            f"manage.py {' '.join(args[:1])} failed ({proc.returncode}):\n"
            f"{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
        )
    return proc.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    base_url: str
    pid: int
    log: Path


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str], *, workers: int, log_dir: Path, app: str = "hitl.wsgi"
) -> Iterator[Server]:
    """Start `gunicorn hitl.wsgi` on a free loopback port, wait for /healthz, stop it after."""
    port = free_port()
    log = log_dir / "gunicorn.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                app,
                "-w",
                str(workers),
                "-b",
                f"127.0.0.1:{port}",
                "--timeout",
                "120",
                "--graceful-timeout",
                "10",
                "--log-level",
                "warning",
            ],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(base_url=f"http://127.0.0.1:{port}", pid=proc.pid, log=log)
    try:
        _wait_healthy(server, proc)
        yield server
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_healthy(server: Server, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn exited with {proc.returncode}:\n{tail(server.log)}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{server.base_url}/healthz", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise SystemExit(
        f"gunicorn did not answer /healthz within {timeout:.0f} s:\n{tail(server.log)}"
    )


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def temp_dir(prefix: str) -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix=prefix)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of unsorted values, as the dashboards compute
    it (stats/percentiles.py); nan when empty."""
    from stats.percentiles import percentile as nearest_rank

    found = nearest_rank(values, p)
    return float("nan") if found is None else found


# --- CPU accounting: who used the two cores during a phase -------------------------

_TICK = os.sysconf("SC_CLK_TCK")


def _proc_cpu(pid: int) -> tuple[str, float]:
    """(command name, user+system CPU seconds) of one process; ("", 0) if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return "", 0.0
    name = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2 :].split()
    return name, (int(fields[11]) + int(fields[12])) / _TICK


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _total_cpu() -> tuple[float, float, float]:
    """(busy, all, stolen by the hypervisor) CPU seconds over every core since boot."""
    first = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    ticks = [int(v) for v in first[:8]]
    idle = ticks[3] + ticks[4]
    steal = ticks[7]
    return (sum(ticks) - idle - steal) / _TICK, sum(ticks) / _TICK, steal / _TICK


_PG_SHARED = ("checkpointer", "background writer", "walwriter", "autovacuum")


class CpuMonitor:
    """Who used the CPU during a phase: gunicorn, PostgreSQL, this process, everything else.

    PostgreSQL counts the backends serving `database` and the writers all databases
    share (WAL, checkpoints); backends of other databases count as "other". A thread
    samples every `interval` s, so a process that exits during the phase (a database
    connection closed after DB_CONN_MAX_AGE) keeps what it used up to its last sample.
    """

    def __init__(self, server_pid: int, database: str, interval: float = 0.5) -> None:
        self.server_pid, self.database, self.interval = server_pid, database, interval
        self._ours: dict[int, bool] = {}
        self._first: dict[str, dict[int, float]] = {}
        self._last: dict[str, dict[int, float]] = {"server": {}, "postgres": {}}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _is_our_postgres(self, pid: int) -> bool:
        if pid not in self._ours:
            try:
                raw = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                return False
            title = raw.replace(b"\0", b" ").decode(errors="replace")
            self._ours[pid] = f" {self.database} " in title or any(
                kind in title for kind in _PG_SHARED
            )
        return self._ours[pid]

    def _sample(self) -> dict[str, dict[int, float]]:
        server = {
            pid: cpu
            for pid in [self.server_pid, *_children(self.server_pid)]
            if (cpu := _proc_cpu(pid)[1])
        }
        postgres = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                name, cpu = _proc_cpu(int(entry.name))
                if name == "postgres" and self._is_our_postgres(int(entry.name)):
                    postgres[int(entry.name)] = cpu
        return {"server": server, "postgres": postgres}

    def _record(self) -> None:
        for group, values in self._sample().items():
            self._last[group].update(values)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._record()

    def __enter__(self) -> CpuMonitor:
        self._first = self._sample()
        self._start = (time.perf_counter(), *_total_cpu(), _own_cpu())
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._record()
        self._end = (time.perf_counter(), *_total_cpu(), _own_cpu())

    def used(self, group: str) -> float:
        first = self._first.get(group, {})
        return sum(cpu - first.get(pid, 0.0) for pid, cpu in self._last[group].items())

    def report(self, *, items: int = 0) -> tuple[str, float]:
        """A few lines on who used the CPU, and the share other processes took (0..1)."""
        wall = max(self._end[0] - self._start[0], 1e-9)
        busy = self._end[1] - self._start[1]
        all_cpu = max(self._end[2] - self._start[2], 1e-9)
        steal = self._end[3] - self._start[3]
        cores = os.cpu_count() or 1
        server, postgres = self.used("server"), self.used("postgres")
        client = self._end[4] - self._start[4]
        other = max(busy - server - postgres - client, 0.0)

        def share(seconds: float) -> str:
            line = f"{seconds:6.1f} s ({seconds / wall * 100:4.0f}% of a core)"
            if items:
                line += f"  {seconds / items * 1e6:7.0f} µs/item"
            return line

        lines = [
            f"  CPU over {wall:.1f} s on {cores} cores ({busy / all_cpu * 100:.0f}% busy):",
            f"    gunicorn   {share(server)}",
            f"    postgres   {share(postgres)}",
            f"    bench      {share(client)}",
            f"    other      {share(other)}  (kernel, processes not part of this run)",
        ]
        if steal > 0.01 * wall:
            lines.append(f"    stolen     {share(steal)}  (by the hypervisor: a busy host)")
        if items and server + postgres:
            per_item = (server + postgres) / items
            lines.append(
                f"    server side (gunicorn + postgres) {per_item * 1e6:.0f} µs CPU per item: "
                f"at most {cores / per_item:,.0f} items/s on {cores} idle cores"
            )
        other_share = (other + steal) / (wall * cores)
        if other_share > 0.1:
            lines.append(
                f"    WARNING: others took {other_share:.0%} of the machine; "
                "the rates above are lower than on an idle machine"
            )
        return "\n".join(lines), other_share


def _own_cpu() -> float:
    times = os.times()
    return times.user + times.system


# --- The machine -----------------------------------------------------------------


def machine_info(database_url: str) -> dict[str, Any]:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    with psycopg.connect(database_url, dbname="postgres") as conn:
        row = conn.execute("SHOW server_version").fetchone()
        pg = row[0] if row else "?"
    return {
        "nproc": os.cpu_count(),
        "cpu": model or platform.processor() or "?",
        "memory": mem,
        "python": platform.python_version(),
        "postgresql": pg,
    }


# --- cProfile breakdowns -----------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of a breakdown: the cumulative time of matching functions.

    `matchers` are tried in order and the first that matches anything counts, so a row
    survives a refactor that renames one function. Each matcher is (path suffix, function
    name, caller function name or None); names may list alternatives as "a|b". With a
    caller, only the time spent in calls from that caller counts.
    """

    label: str
    depth: int
    matchers: tuple[tuple[str, str, str | None], ...]


def _matched_seconds(stats: Any, matcher: tuple[str, str, str | None]) -> float | None:
    suffix, names, caller = matcher
    wanted, callers = set(names.split("|")), set(caller.split("|")) if caller else None
    total, hit = 0.0, False
    for (path, _line, func), (_cc, _nc, _tt, ct, edges) in stats.stats.items():
        if func not in wanted or not path.endswith(suffix):
            continue
        if callers is None:
            total, hit = total + ct, True
            continue
        for (_cpath, _cline, cfunc), edge in edges.items():
            if cfunc in callers:
                total, hit = total + edge[3], True
    return total if hit else None


def breakdown(
    rows: Sequence[Row], columns: Sequence[tuple[str, Any, float]], *, items_per_call: int
) -> list[str]:
    """Rows as estimated ms per call in each column, and µs per item in the first.

    A column is (name, pstats.Stats, measured seconds per call without the profiler).
    cProfile slows Python code more than waits on the database, so each row's share of
    the profiled total is applied to the unprofiled time of one call: a fair estimate,
    not a measurement.
    """
    shares = []
    for _name, stats, _per_call in columns:
        seconds = [
            next((s for m in row.matchers if (s := _matched_seconds(stats, m)) is not None), None)
            for row in rows
        ]
        total = seconds[0] or 1e-9
        shares.append([None if v is None else v / total for v in seconds])
    heads = "".join(f"{name + ' ms':>11}" for name, _, _ in columns)
    lines = [f"    {'':50}{heads}{'µs/item':>10}"]
    for index, row in enumerate(rows):
        label = ("  " * row.depth + row.label)[:50]
        cells = ""
        for (_name, _stats, per_call), column in zip(columns, shares, strict=True):
            share = column[index]
            cells += f"{'-':>11}" if share is None else f"{share * per_call * 1e3:11.2f}"
        first = shares[0][index]
        per_item = "-" if first is None else f"{first * columns[0][2] / items_per_call * 1e6:.1f}"
        lines.append(f"    {label:50}{cells}{per_item:>10}")
    return lines


def top_functions(stats: Any, *, limit: int = 12) -> list[str]:
    """The functions with the most time of their own (excluding what they call)."""
    entries = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:limit]
    total = sum(v[2] for v in stats.stats.values()) or 1e-9
    lines = []
    for (path, line, func), (_cc, nc, tt, _ct, _edges) in entries:
        where = "/".join(Path(path).parts[-2:]) if path.startswith("/") else path
        lines.append(f"    {tt / total:6.1%} {nc:8d} calls  {func} ({where}:{line})")
    return lines


def ms(seconds: float) -> str:
    return "inf" if math.isinf(seconds) else f"{seconds * 1000:.1f} ms"


def timed(label: str, fn: Callable[[], Any]) -> Any:
    t0 = time.perf_counter()
    value = fn()
    print(f"  {label} ({time.perf_counter() - t0:.1f} s)", flush=True)
    return value
