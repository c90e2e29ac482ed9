"""Soak: the whole installation scaled out, under mixed load for minutes (issue 8, SPEC §10).

    python bench/soak.py [--minutes 5] [--rate 200] [--reviewers 16]

Everything runs as in production, on one PostgreSQL database and one Redis db:
- TWO web processes (gunicorn, --web-workers each, on two ports); the load generator
  sends its requests to them in turn, so a claim and its decision often reach
  different processes;
- TWO Celery workers on the main queue and one on the evidence queue
  (HITL_EVIDENCE_QUEUE), as compose.yaml runs them;
- TWO Celery beats with schedule files of their own, so every periodic task is sent
  twice: sweeps, roll-ups, alerts, reconcilers. Tasks are idempotent, so this must be
  harmless, and the checks below are how the run proves it.

For --minutes the load generator offers --rate predictions/s in an open loop (single
calls, 100-item bulk calls, and idempotent repeats of acknowledged singles, which must
answer 200 with the same item) while --reviewers annotators claim and decide (approve,
or override with a rationale) at consensus k. The queue's SLAs are short, so items
nobody reaches in time breach and the sweeps escalate them, Tier 1 to SMEs and, since no
SME works the queue, on into the queue's incident. After --drain seconds it stops
everything and checks, in SQL: no item ever leased beyond its consensus, every
acknowledged prediction stored once under the id it was acknowledged with, every
deadline passed escalated exactly once, roll-ups, the alert firing and evidence bundles
counted once despite two beats, and the audit chain (manage.py audit_verify). It prints
a table and writes the figures to a JSON file.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import math
import os
import random
import re
import shutil
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import redis
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402 - the bench directory is not a package
    REPO,
    CpuMonitor,
    _children,
    _proc_cpu,
    bench_parser,
    database_name,
    django_env,
    gunicorn,
    machine_info,
    manage,
    percentile,
    recreate_database,
    tail,
    temp_dir,
    timed,
)
from ingest import LABELS, prediction  # noqa: E402
from sla import Proc, start, stop, wait_ready  # noqa: E402

QUEUE_SLUG = "soak-loans"
BULK_SIZE = 100
EVIDENCE_QUEUE = "evidence"
MAIN_QUEUE = "hitl"  # CELERY_QUEUE's default, which compose.yaml's workers read
SWEEP_GRACE_S = 15.0  # a deadline this long before the beats stopped must have been swept

SETUP = """
import json
from audit.services import Actor
from reviews.queues.permissions import Role
from reviews.queues.services.access import client_create, reviewer_create
from reviews.escalation.services.alerts import alert_rule_create
from reviews.queues.services.queues import queue_create

actor = Actor.system("bench")
queue = queue_create(
    slug=%(slug)r,
    name="Soak loan approvals",
    labels=[{"value": "approve", "hotkey": "a"}, {"value": "deny", "hotkey": "d"},
            {"value": "unsure", "hotkey": "u"}],
    reason_codes=[{"code": "wrong_label"}, {"code": "unusable_input"}],
    redaction={"entities": ["EMAIL", "PHONE"]},
    policy={
        "auto_approve_at": 0.5, "sme_below": 0.3, "risk_tier": "medium", "mode": "in_path",
        "audit_sample_rate": 0.02,
        "consensus": {"reviewers": %(k)d, "rule": "majority", "on_disagreement": "escalate"},
        "sla": {"tier1": {"time_to_human_s": %(tier1)d, "time_to_decision_s": %(tier1)d * 4},
                "sme": {"time_to_human_s": %(sme)d, "time_to_decision_s": %(sme)d * 10}},
    },
    actor=actor,
)
# ingest.prediction draws confidences from Beta(3, 1): ~87%% are auto-approved (2%% of them
# sampled to Tier 1 post hoc), ~3%% go straight to SMEs, ~10%% to Tier 1.
# The rule fires once escalations pass 1%% of predictions, and must fire once with two beats.
alert_rule_create(
    queue=queue, name="soak escalations", metric="escalations_per_10k", comparison="above",
    threshold=100.0, window_s=3600, min_count=200, notify=True, actor=actor,
)
_, client = client_create(name="soak-client", queues=[queue], actor=actor)
tokens = [
    reviewer_create(
        username=f"soak-annotator-{n:02d}", role=Role.ANNOTATOR, queues=[queue],
        password="soak-password-not-secret", actor=actor,
    )[1]
    for n in range(%(reviewers)d)
]
print(json.dumps({"queue": queue.pk, "client": client, "tokens": tokens}))
"""

# Expected answers per operation; anything else is an error, counted by status.
EXPECTED = {
    "ingest single": {"201"},
    "ingest bulk (100)": {"200"},
    "ingest repeat": {"200"},
    "claim": {"200"},
    "claim, nothing waiting": {"204"},
    "decide approve": {"201"},
    "decide override": {"201"},
}


# --- What the load generator saw -----------------------------------------------------------


@dataclass
class Tally:
    """Latencies of expected answers and every status, per operation; what was acknowledged."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    service: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    acked: dict[str, int] = field(default_factory=dict)  # external_id -> item id
    acked_singles: list[int] = field(default_factory=list)  # schedule indexes, for repeats
    bulk_items: Counter[str] = field(default_factory=Counter)  # per-item statuses
    wrong_repeats: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, op: str, status: str, seconds: float, service: float | None = None) -> None:
        """One call: `seconds` from when it was due, `service` from when it was sent."""
        with self.lock:
            self.statuses[op][status] += 1
            if status in EXPECTED[op]:
                self.latencies[op].append(seconds)
                self.service[op].append(seconds if service is None else service)

    def errors(self, op: str) -> Counter[str]:
        return Counter({s: n for s, n in self.statuses[op].items() if s not in EXPECTED[op]})


class RoundRobin:
    """The tiny load balancer: each request goes to the next web process in turn."""

    def __init__(self, urls: list[str]) -> None:
        self.urls, self._turn = urls, itertools.count()

    def __call__(self, path: str) -> str:
        return self.urls[next(self._turn) % len(self.urls)] + path


def _session(token: str) -> requests.Session:
    session = requests.Session()
    session.headers.update({"Authorization": f"Token {token}", "Content-Type": "application/json"})
    return session


def _post(
    session: requests.Session, url: str, body: Any, timeout: float = 60
) -> tuple[str, requests.Response | None]:
    """(status, response); the exception's name instead of a status when there was none."""
    try:
        response = session.post(url, json=body, timeout=timeout)
    except requests.RequestException as exc:
        return type(exc).__name__, None
    return str(response.status_code), response


# --- Ingest: an open loop --------------------------------------------------------------------


def ingest_plan(
    *, rate: float, seconds: float, single_share: float, repeat_share: float
) -> list[tuple[float, str]]:
    """(offset in s, kind) of every ingest call: singles and bulk calls evenly spaced to
    offer `rate` predictions/s between them, repeats on top of the singles."""
    single_rate = rate * single_share
    plan = [(i / single_rate, "single") for i in range(int(seconds * single_rate))]
    bulk_rate = rate * (1 - single_share) / BULK_SIZE
    plan += [(i / bulk_rate, "bulk") for i in range(int(seconds * bulk_rate))] if bulk_rate else []
    repeat_rate = single_rate * repeat_share
    if repeat_rate:
        plan += [(0.5 + i / repeat_rate, "repeat") for i in range(int(seconds * repeat_rate))]
    return sorted(plan)


def _body(seed: int, external_id: str) -> dict[str, Any]:
    """The prediction for one external id, the same every time (so a repeat matches)."""
    body = prediction(random.Random(f"{seed}:{external_id}"), external_id)
    body["queue"] = QUEUE_SLUG
    return body


def run_ingest(
    route: RoundRobin,
    token: str,
    plan: list[tuple[float, str]],
    tally: Tally,
    *,
    start_at: float,
    senders: int,
    seed: int,
    grace: float = 15.0,
) -> None:
    """Send the plan from `senders` threads; latency counts from each call's scheduled time,
    so a slow server cannot lower the offered rate or hide its queue. A call that could
    not even be sent within `grace` s of its time counts as 'not sent'."""
    next_index = itertools.count()
    rng_lock, pick = threading.Lock(), random.Random(seed)

    def send(kind: str, index: int, session: requests.Session, due: float) -> None:
        if kind == "bulk":
            ids = [f"b-{index:06d}-{j:03d}" for j in range(BULK_SIZE)]
            body = {"items": [_body(seed, external_id) for external_id in ids]}
            sent = time.perf_counter()
            status, response = _post(session, route("/api/v1/predictions/bulk/"), body, 120)
            done = time.perf_counter()
            tally.add("ingest bulk (100)", status, done - due, done - sent)
            if response is not None and status == "200":
                results = response.json()["results"]
                with tally.lock:
                    for external_id, result in zip(ids, results, strict=True):
                        tally.bulk_items[str(result["status"])] += 1
                        if result["status"] == 201:
                            tally.acked[external_id] = result["item"]["id"]
            return
        if kind == "repeat":
            with rng_lock, tally.lock:
                if not tally.acked_singles:
                    return
                index = pick.choice(tally.acked_singles)
        external_id = f"s-{index:07d}"
        body = _body(seed, external_id)
        sent = time.perf_counter()
        status, response = _post(session, route("/api/v1/predictions/"), body)
        done = time.perf_counter()
        tally.add(f"ingest {kind}", status, done - due, done - sent)
        if response is None or status not in ("200", "201"):
            return
        got = response.json()["id"]
        with tally.lock:
            if kind == "single" and status == "201":
                tally.acked[external_id] = got
                tally.acked_singles.append(index)
            elif kind == "repeat" and got != tally.acked[external_id]:
                tally.wrong_repeats.append(f"{external_id}: {got} != {tally.acked[external_id]}")

    def sender() -> None:
        session = _session(token)
        while (index := next(next_index)) < len(plan):
            offset, kind = plan[index]
            due = start_at + offset
            if (wait := due - time.perf_counter()) > 0:
                time.sleep(wait)
            if time.perf_counter() > due + grace:
                op = "ingest bulk (100)" if kind == "bulk" else f"ingest {kind}"
                tally.add(op, "not sent", math.inf)
                continue
            send(kind, index, session, due)

    threads = [threading.Thread(target=sender, daemon=True) for _ in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


# --- Reviewers: a closed loop ------------------------------------------------------------


def run_reviewers(
    route: RoundRobin,
    tokens: list[str],
    tally: Tally,
    *,
    start_at: float,
    seconds: float,
    think: float,
    override_share: float,
    seed: int,
) -> None:
    """One thread per reviewer: claim, read for ~`think` s, decide; until the time is up.
    A reviewer holding an item when time runs out still decides it."""

    def reviewer(index: int, token: str) -> None:
        rng = random.Random(f"{seed}:reviewer:{index}")
        session = _session(token)
        claim_url = f"/api/v1/queues/{QUEUE_SLUG}/claim/"
        time.sleep(max(start_at - time.perf_counter(), 0) + rng.uniform(0, think))
        while time.perf_counter() < start_at + seconds:
            t0 = time.perf_counter()
            status, response = _post(session, route(claim_url), {})
            op = "claim, nothing waiting" if status == "204" else "claim"
            tally.add(op, status, time.perf_counter() - t0)
            if response is None or status != "200":
                time.sleep(0.25)
                continue
            claimed = response.json()
            time.sleep(think * rng.uniform(0.5, 1.5))
            suggestion = claimed["suggestion"]["label"]
            if rng.random() < override_share:
                op, body = (
                    "decide override",
                    {
                        "verdict": "override",
                        "label": rng.choice([label for label in LABELS if label != suggestion]),
                        "rationale": "The application text supports a different outcome.",
                        "reason_code": "wrong_label",
                    },
                )
            else:
                op, body = "decide approve", {"verdict": "approve"}
            url = route(f"/api/v1/assignments/{claimed['id']}/decision/")
            t0 = time.perf_counter()
            status, _ = _post(session, url, body)
            tally.add(op, status, time.perf_counter() - t0)

    threads = [
        threading.Thread(target=reviewer, args=(i, token), daemon=True)
        for i, token in enumerate(tokens)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


# --- CPU: who used the machine --------------------------------------------------------------


class SoakCpu(CpuMonitor):
    """CpuMonitor over this run's process trees (web, celery) and its PostgreSQL backends."""

    def __init__(self, roots: dict[str, list[int]], database: str) -> None:
        super().__init__(0, database, interval=1.0)  # no single server process here
        self.roots = roots
        self._last = {name: {} for name in (*roots, "postgres")}

    def _sample(self) -> dict[str, dict[int, float]]:
        groups = {
            name: {
                pid: cpu
                for root in pids
                for pid in [root, *_children(root)]
                if (cpu := _proc_cpu(pid)[1])
            }
            for name, pids in self.roots.items()
        }
        groups["postgres"] = super()._sample()["postgres"]
        return groups

    def summary(self) -> dict[str, float]:
        """Seconds of CPU per group over the load, the wall time, cores and the others' share."""
        wall = max(self._end[0] - self._start[0], 1e-9)
        busy = self._end[1] - self._start[1]
        steal = self._end[3] - self._start[3]
        used = {name: self.used(name) for name in self._last}
        used["load generator"] = self._end[4] - self._start[4]
        used["other"] = max(busy - sum(used.values()), 0.0)
        cores = os.cpu_count() or 1
        return {
            **used,
            "wall": wall,
            "cores": cores,
            "busy_share": busy / max(self._end[2] - self._start[2], 1e-9),
            "others_share": (used["other"] + steal) / (wall * cores),
        }


# --- Checks, in SQL, after the drain ----------------------------------------------------------

# Each returns how many things are wrong: 0 is the only good answer.
LEASE_CHECKS = {
    # At the moment each lease began, how many leases of the item at that tier were live
    # (begun, not yet ended): never more than the policy's k (one responder in an incident).
    "leases live at once beyond consensus": """
        SELECT count(*) FROM (
            SELECT a.id FROM reviews_assignment a
            JOIN reviews_item i ON i.id = a.item_id
            JOIN reviews_tierpolicy p ON p.id = i.policy_id
            JOIN reviews_assignment b ON b.item_id = a.item_id AND b.tier = a.tier AND (
                b.id = a.id OR (b.leased_at <= a.leased_at
                                AND (b.ended_at IS NULL OR b.ended_at > a.leased_at)))
            GROUP BY a.id, a.tier, p.consensus_reviewers
            HAVING count(*) > CASE WHEN a.tier = 'incident' THEN 1
                                   ELSE p.consensus_reviewers END) AS x""",
    "items with more active + decided leases than k at a tier": """
        SELECT count(*) FROM (
            SELECT a.item_id FROM reviews_assignment a
            JOIN reviews_item i ON i.id = a.item_id
            JOIN reviews_tierpolicy p ON p.id = i.policy_id
            WHERE a.state IN ('active', 'decided')
            GROUP BY a.item_id, a.tier, p.consensus_reviewers
            HAVING count(*) > CASE WHEN a.tier = 'incident' THEN 1
                                   ELSE p.consensus_reviewers END) AS x""",
    "items whose counters disagree with their leases at their tier": """
        SELECT count(*) FROM reviews_item i
        CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE a.state = 'active') AS active,
                   count(*) FILTER (WHERE a.state = 'decided') AS decided
            FROM reviews_assignment a WHERE a.item_id = i.id AND a.tier = i.tier) AS c
        WHERE c.active <> i.leases_active OR c.decided <> i.votes_in""",
    "decisions on an assignment that is not decided": """
        SELECT count(*) FROM reviews_decision d
        JOIN reviews_assignment a ON a.id = d.assignment_id WHERE a.state <> 'decided'""",
}

BREACH_CHECKS = {
    f"deadlines passed {SWEEP_GRACE_S:g}+ s before the beats stopped, not escalated": """
        SELECT count(*) FROM reviews_item WHERE breach_at < %(cutoff)s""",
    "items escalated more than once for one tier's breach": """
        SELECT count(*) FROM (
            SELECT item_id, from_tier FROM reviews_escalation WHERE reason = 'sla_breach'
            GROUP BY item_id, from_tier HAVING count(*) > 1) AS x""",
    "sla_breach tickets without exactly one SLA_BREACHED event, or events without one": """
        SELECT (SELECT count(*) FROM reviews_escalation e WHERE e.reason = 'sla_breach' AND (
                    SELECT count(*) FROM audit_auditevent a
                    WHERE a.action = %(breached)s AND a.target_type = 'reviews.item'
                      AND a.target_id = e.item_id::text
                      AND (a.data_json::jsonb ->> 'escalation')::bigint = e.id) <> 1)
             + greatest((SELECT count(*) FROM audit_auditevent WHERE action = %(breached)s)
                        - (SELECT count(*) FROM reviews_escalation
                           WHERE reason = 'sla_breach'), 0)""",
}

BEAT_CHECKS = {
    "escalations without an evidence bundle": """
        SELECT count(*) FROM reviews_escalation WHERE bundle_id IS NULL""",
    "bundles built (audited) more than once": """
        SELECT count(*) FROM (
            SELECT target_type, target_id FROM audit_auditevent WHERE action = %(bundle)s
            GROUP BY target_type, target_id HAVING count(*) > 1) AS x""",
    "roll-ups: received != ITEM_RECEIVED events read (hour and day rows)": """
        SELECT abs(h.received - e.n) + abs(d.received - e.n) FROM
            (SELECT coalesce(sum(received), 0) AS received FROM reviews_metricrollup
             WHERE span = 'h') AS h,
            (SELECT coalesce(sum(received), 0) AS received FROM reviews_metricrollup
             WHERE span = 'd') AS d,
            (SELECT count(*) AS n FROM audit_auditevent WHERE action = %(received)s
             AND seq <= (SELECT coalesce(max(seq), 0) FROM reviews_rollupcursor)) AS e""",
    "roll-ups: decided != ITEM_DECIDED events read": """
        SELECT abs(h.decided - e.n) FROM
            (SELECT coalesce(sum(decided), 0) AS decided FROM reviews_metricrollup
             WHERE span = 'h') AS h,
            (SELECT count(*) AS n FROM audit_auditevent WHERE action = %(decided)s
             AND seq <= (SELECT coalesce(max(seq), 0) FROM reviews_rollupcursor)) AS e""",
    "alert firings != ALERT_FIRED events, or a rule firing twice at once": """
        SELECT abs((SELECT count(*) FROM reviews_alertfiring)
                   - (SELECT count(*) FROM audit_auditevent WHERE action = %(fired)s))
             + (SELECT count(*) FROM (SELECT rule_id FROM reviews_alertfiring
                WHERE ended_at IS NULL GROUP BY rule_id HAVING count(*) > 1) AS x)""",
    "audit checkpoints (beat's verify_recent_events) that failed": """
        SELECT count(*) FROM audit_auditcheckpoint WHERE NOT ok""",
}

FIGURES = {
    "items": "SELECT count(*) FROM reviews_item",
    "items by route": "SELECT route, count(*) FROM reviews_item GROUP BY 1 ORDER BY 1",
    "items by state": "SELECT state, count(*) FROM reviews_item GROUP BY 1 ORDER BY 1",
    "assignments by state": "SELECT state, count(*) FROM reviews_assignment GROUP BY 1 ORDER BY 1",
    "decisions": "SELECT count(*) FROM reviews_decision",
    "escalations by reason and route": """
        SELECT reason || ' ' || from_tier || '->' || to_tier, count(*) FROM reviews_escalation
        GROUP BY 1 ORDER BY 1""",
    "incidents": "SELECT count(*) FROM reviews_incident",
    "alert firings": "SELECT count(*) FROM reviews_alertfiring",
    "evidence bundles": "SELECT count(*) FROM audit_evidencebundle",
    "audit checkpoints": "SELECT count(*) FROM audit_auditcheckpoint",
    "audit events": "SELECT count(*) FROM audit_auditevent",
}


def audit_actions() -> dict[str, int]:
    from audit.actions import AuditAction  # an IntegerChoices: no Django setup needed

    return {
        "received": int(AuditAction.ITEM_RECEIVED),
        "decided": int(AuditAction.ITEM_DECIDED),
        "breached": int(AuditAction.SLA_BREACHED),
        "bundle": int(AuditAction.EVIDENCE_BUNDLE_BUILT),
        "fired": int(AuditAction.ALERT_FIRED),
    }


def run_checks(url: str, params: dict[str, Any]) -> dict[str, dict[str, int]]:
    with psycopg.connect(url) as conn:
        return {
            group: {
                name: int(conn.execute(sql, params).fetchone()[0]) for name, sql in checks.items()
            }
            for group, checks in (
                ("leases", LEASE_CHECKS),
                ("breaches", BREACH_CHECKS),
                ("two beats", BEAT_CHECKS),
            )
        }


def constraint_state(url: str) -> str:
    """'validated' when item_leases_within_consensus is in force on the table."""
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT convalidated FROM pg_constraint WHERE conname = 'item_leases_within_consensus'"
        ).fetchone()
    return "missing" if row is None else ("validated" if row[0] else "NOT VALIDATED")


def lost_items(url: str, queue: int, tally: Tally) -> dict[str, int]:
    """Every acknowledged external_id stored under the id it was acknowledged with."""
    with psycopg.connect(url) as conn:
        stored = dict(
            conn.execute(
                "SELECT external_id, id FROM reviews_item WHERE queue_id = %s", [queue]
            ).fetchall()
        )
    return {
        "acknowledged predictions missing from the database": sum(
            1 for external_id in tally.acked if external_id not in stored
        ),
        "acknowledged under another id than stored": sum(
            1 for external_id, pk in tally.acked.items() if stored.get(external_id, pk) != pk
        ),
        "idempotent repeats answered with another item": len(tally.wrong_repeats),
        "_stored": len(stored),
        "_stored, not acknowledged (a call that failed or timed out)": len(
            set(stored) - set(tally.acked)
        ),
    }


def figures(url: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with psycopg.connect(url) as conn:
        for name, sql in FIGURES.items():
            rows = conn.execute(sql).fetchall()
            out[name] = {r[0]: int(r[1]) for r in rows} if " by " in name else int(rows[0][0])
        late = [
            float(r[0])
            for r in conn.execute(
                "SELECT (data_json::jsonb ->> 'late_s')::float8 FROM audit_auditevent "
                "WHERE action = %s",
                [audit_actions()["breached"]],
            ).fetchall()
        ]
    out["breach lateness s (deadline -> start of its sweep)"] = {
        "n": len(late),
        "p50": percentile(late, 50),
        "p95": percentile(late, 95),
        "max": max(late, default=float("nan")),
    }
    return out


# --- Logs ----------------------------------------------------------------------------------

SENT = re.compile(r"Sending due task \S+ \(([\w.]+)\)")
SUCCEEDED = re.compile(r"Task ([\w.]+)\[[^\]]+\] succeeded in ([0-9.]+)s")
TROUBLE = re.compile(r"Traceback|\bERROR\b|CRITICAL|raised unexpected")


def scan_logs(procs: dict[str, Path]) -> dict[str, Any]:
    """Periodic tasks sent per beat, tasks done per worker, error lines, constraint hits."""
    sent: dict[str, Counter[str]] = {}
    done: dict[str, Counter[str]] = {}
    trouble: list[str] = []
    constraint = 0
    for name, path in procs.items():
        text = path.read_text(errors="replace")
        constraint += text.count("item_leases_within_consensus")
        if name.startswith("beat"):
            sent[name] = Counter(SENT.findall(text))
        elif not name.startswith("web"):
            done[name] = Counter(task for task, _ in SUCCEEDED.findall(text))
        trouble += [f"{name}: {line[:300]}" for line in text.splitlines() if TROUBLE.search(line)]
    return {"sent": sent, "done": done, "trouble": trouble, "constraint_hits": constraint}


# --- Processes ---------------------------------------------------------------------------------


def _worker_args(hostname: str, *queues: str) -> list[str]:
    """As compose.yaml starts its workers (-Q only for the evidence one), plus a name."""
    args = ["worker", "-l", "info", "--without-mingle", "--without-gossip", f"-n{hostname}@%h"]
    return args + ([f"-Q{','.join(queues)}"] if queues else [])


def _no_control_socket(env: dict[str, str]) -> dict[str, str]:
    """gunicorn >= 25 opens a control socket shared by every copy run by the same user;
    two of ours (and other people's) must not take it from each other."""
    from gunicorn.config import KNOWN_SETTINGS

    if any(setting.name == "control_socket_disable" for setting in KNOWN_SETTINGS):
        return {**env, "GUNICORN_CMD_ARGS": "--no-control-socket"}
    return env


def queue_depths(broker_url: str) -> dict[str, int]:
    client = redis.Redis.from_url(broker_url)
    return {name: int(client.llen(name)) for name in (MAIN_QUEUE, EVIDENCE_QUEUE)}


def wait_idle(broker_url: str, timeout: float) -> dict[str, int]:
    """Wait until nothing waits on the broker's queues (or `timeout`); what is left."""
    deadline = time.monotonic() + timeout
    while (depths := queue_depths(broker_url)) and any(depths.values()):
        if time.monotonic() > deadline:
            break
        time.sleep(0.5)
    return depths


def progress(url: str) -> str:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            """SELECT (SELECT count(*) FROM reviews_item),
                      (SELECT count(*) FROM reviews_decision),
                      (SELECT count(*) FROM reviews_escalation),
                      (SELECT count(*) FROM reviews_item WHERE state IN ('queued', 'in_review')
                       AND tier = 'tier1')"""
        ).fetchone()
    return f"items {row[0]:,}, decisions {row[1]:,}, escalations {row[2]:,}, Tier 1 open {row[3]:,}"


# --- The run -----------------------------------------------------------------------------------


@dataclass
class Outcome:
    tally: Tally
    elapsed: float
    cpu: dict[str, float]
    cutoff: datetime
    left_on_broker: dict[str, int]
    died: list[str]
    logs: dict[str, Path]
    queue: int


def setup(args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    print("setup:")
    timed(
        f"redis db {args.broker_url.rsplit('/', 1)[-1]} flushed",
        lambda: redis.Redis.from_url(args.broker_url).flushdb(),
    )
    timed(
        f"database {database_name(args.database_url)} re-created",
        lambda: recreate_database(args.database_url),
    )
    timed("migrated", lambda: manage(["migrate", "--noinput"], env))
    script = SETUP % {
        "slug": QUEUE_SLUG,
        "k": args.k,
        "tier1": args.tier1_sla,
        "sme": args.sme_sla,
        "reviewers": args.reviewers,
    }
    output = timed(
        f"queue {QUEUE_SLUG} (k={args.k}), alert rule, client and {args.reviewers} annotators",
        lambda: manage(["shell", "-c", script], env),
    )
    return dict(json.loads(str(output).strip().splitlines()[-1]))


def drive(
    args: argparse.Namespace, made: dict[str, Any], webs: list[Any], procs: list[Proc]
) -> tuple[Tally, float, dict[str, float], list[str]]:
    """The load, with a progress line every 30 s; (tally, elapsed s, CPU, processes that died)."""
    seconds = args.minutes * 60
    plan = ingest_plan(
        rate=args.rate,
        seconds=seconds,
        single_share=args.single_share,
        repeat_share=args.repeat_share,
    )
    tally = Tally()
    route = RoundRobin([web.base_url for web in webs])
    start_at = time.perf_counter() + 1.0
    roots = {"web": [web.pid for web in webs], "celery": [p.process.pid for p in procs]}
    threads = [
        threading.Thread(
            target=run_ingest,
            args=(route, made["client"], plan, tally),
            kwargs={"start_at": start_at, "senders": args.senders, "seed": args.seed},
            daemon=True,
        ),
        threading.Thread(
            target=run_reviewers,
            args=(route, made["tokens"], tally),
            kwargs={
                "start_at": start_at,
                "seconds": seconds,
                "think": args.think,
                "override_share": args.override_share,
                "seed": args.seed,
            },
            daemon=True,
        ),
    ]
    died: list[str] = []
    with SoakCpu(roots, database_name(args.database_url)) as cpu:
        for thread in threads:
            thread.start()
        next_report = start_at + 30
        while any(thread.is_alive() for thread in threads):
            time.sleep(1)
            for proc in procs:
                if proc.process.poll() is not None and proc.name not in died:
                    died.append(proc.name)
                    print(f"  {proc.name} EXITED:\n{tail(proc.log)}")
            if time.perf_counter() >= next_report:
                print(
                    f"  t+{time.perf_counter() - start_at:4.0f} s  {progress(args.database_url)}",
                    flush=True,
                )
                next_report += 30
    elapsed = time.perf_counter() - start_at
    return tally, elapsed, cpu.summary(), died


def start_celery(env: dict[str, str], tmp: Path, workers: list[Proc], beats: list[Proc]) -> None:
    """Two workers on the main queue, one on the evidence queue, two beats; appended to the
    lists as they start, so the caller can stop whatever did."""
    for name, argv in (
        ("worker-1", _worker_args("worker1")),
        ("worker-2", _worker_args("worker2")),
        ("evidence", _worker_args("evidence", EVIDENCE_QUEUE)),
    ):
        workers.append(start(name, argv, env, tmp))
    for n in (1, 2):
        schedule = tmp / f"beat-{n}-schedule"  # a file each: two beats, one schedule
        beats.append(start(f"beat-{n}", ["beat", "-l", "info", f"--schedule={schedule}"], env, tmp))


def run(args: argparse.Namespace, tmp: Path) -> Outcome:
    env = django_env(args.database_url, tmp)
    env.update({"CELERY_BROKER_URL": args.broker_url, "HITL_EVIDENCE_QUEUE": EVIDENCE_QUEUE})
    env.pop("CELERY_QUEUE", None)
    made = setup(args, env)
    workers: list[Proc] = []
    beats: list[Proc] = []
    logs: dict[str, Path] = {}
    with contextlib.ExitStack() as stack:
        try:
            start_celery(env, tmp, workers, beats)
            webs = []
            for n in (1, 2):
                (log_dir := tmp / f"web-{n}").mkdir()
                web = stack.enter_context(
                    gunicorn(_no_control_socket(env), workers=args.web_workers, log_dir=log_dir)
                )
                webs.append(web)
                logs[f"web-{n}"] = web.log
            for worker in workers:
                wait_ready(worker)
            print(
                f"  up: web at {', '.join(w.base_url for w in webs)} ({args.web_workers} "
                f"workers each), {', '.join(p.name for p in workers + beats)}"
            )
            print(f"load for {args.minutes:g} min:")
            tally, elapsed, cpu, died = drive(args, made, webs, workers + beats)
            print(f"drain for {args.drain:g} s (web, workers and beats still up):")
            drained = time.monotonic() + args.drain
            while (left := drained - time.monotonic()) > 0:
                time.sleep(min(left, 15))
                print(f"  {progress(args.database_url)}", flush=True)
            for beat in beats:
                stop(beat)
            cutoff = datetime.now(UTC) - timedelta(seconds=SWEEP_GRACE_S)
            left_on_broker = wait_idle(args.broker_url, timeout=60)
            print(f"  beats stopped; left on the broker after waiting: {left_on_broker}")
        finally:
            for proc in beats + workers:
                stop(proc)
            logs.update({proc.name: proc.log for proc in workers + beats})
    return Outcome(
        tally=tally,
        elapsed=elapsed,
        cpu=cpu,
        cutoff=cutoff,
        left_on_broker=left_on_broker,
        died=died,
        logs=logs,
        queue=int(made["queue"]),
    )


# --- Report -------------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return (
        "-" if math.isnan(seconds) else ("inf" if math.isinf(seconds) else f"{seconds * 1e3:.1f}")
    )


def operations(tally: Tally, elapsed: float) -> dict[str, dict[str, Any]]:
    out = {}
    for op in EXPECTED:
        latencies = tally.latencies[op]
        out[op] = {
            "requests": sum(tally.statuses[op].values()),
            "ok": len(latencies),
            "ok_per_s": len(latencies) / elapsed,
            "p50_ms": percentile(latencies, 50) * 1e3,
            "p95_ms": percentile(latencies, 95) * 1e3,
            "p99_ms": percentile(latencies, 99) * 1e3,
            "sent_p95_ms": percentile(tally.service[op], 95) * 1e3,
            "errors": dict(tally.errors(op)),
        }
    return out


def print_table(ops: dict[str, dict[str, Any]], tally: Tally, elapsed: float) -> None:
    """Ingest latencies count from the call's scheduled time (open loop), and `sent p95`
    from when it left; reviewers' calls are a closed loop, so the two are the same."""
    print(
        f"{'operation':24}{'requests':>9}{'ok/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'sent p95':>10}  errors"
    )
    for op, row in ops.items():
        errors = ", ".join(f"{s}: {n}" for s, n in sorted(row["errors"].items())) or "none"
        cells = [_ms(row[key] / 1e3) for key in ("p50_ms", "p95_ms", "p99_ms", "sent_p95_ms")]
        print(
            f"{op:24}{row['requests']:>9,}{row['ok_per_s']:>8.1f}{cells[0]:>9}{cells[1]:>9}"
            f"{cells[2]:>9}{cells[3]:>10}  {errors}"
        )
    decided = ops["decide approve"]["ok"] + ops["decide override"]["ok"]
    bulk_bad = {s: n for s, n in tally.bulk_items.items() if s != "201"}
    print(
        f"predictions acknowledged {len(tally.acked):,} ({len(tally.acked) / elapsed:,.1f}/s); "
        f"decisions {decided:,} ({decided / elapsed:,.1f}/s); bulk items not 201: "
        f"{bulk_bad or 'none'}"
    )


def print_beats(scan: dict[str, Any]) -> None:
    """Each periodic task: how often each beat sent it and where it ran."""
    beats, workers = sorted(scan["sent"]), sorted(scan["done"])
    tasks = sorted({task for sent in scan["sent"].values() for task in sent})
    heads = "".join(f"{name:>10}" for name in beats) + "".join(f"{name:>10}" for name in workers)
    print(f"  {'periodic task (sent by each beat, done by each worker)':56}{heads}")
    for task in tasks:
        cells = "".join(f"{scan['sent'][b][task]:>10}" for b in beats)
        cells += "".join(f"{scan['done'][w][task]:>10}" for w in workers)
        print(f"  {task:56}{cells}")
    other: Counter[str] = Counter()
    for name in workers:
        other.update({t: n for t, n in scan["done"][name].items() if t not in tasks})
    print("  other tasks done: " + ", ".join(f"{t} {n}" for t, n in sorted(other.items())))


def _finite(value: Any) -> Any:
    """JSON has no NaN or infinity: None instead."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


# --- Main ---------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = bench_parser(__doc__, database="hitl_bench_soak")
    parser.add_argument(
        "--broker-url",
        default="redis://127.0.0.1:6379/11",
        help="a Redis db of the run's own: FLUSHED at the start",
    )
    parser.add_argument("--minutes", type=float, default=5.0, help="length of the load")
    parser.add_argument("--rate", type=float, default=200.0, help="predictions/s offered")
    parser.add_argument("--reviewers", type=int, default=16, help="annotators claiming")
    parser.add_argument(
        "--single-share", type=float, default=0.25, help="share of the predictions sent one by one"
    )
    parser.add_argument(
        "--repeat-share",
        type=float,
        default=0.02,
        help="idempotent repeats of acknowledged singles, per single call",
    )
    parser.add_argument("--k", type=int, default=2, help="consensus: reviewers per item")
    parser.add_argument("--think", type=float, default=0.5, help="mean s a reviewer reads an item")
    parser.add_argument(
        "--override-share", type=float, default=0.15, help="verdicts that override the model"
    )
    parser.add_argument(
        "--tier1-sla", type=int, default=30, help="Tier 1 time-to-human s (decision: 4x)"
    )
    parser.add_argument(
        "--sme-sla", type=int, default=60, help="SME time-to-human s (decision: 10x)"
    )
    parser.add_argument(
        "--web-workers", type=int, default=2, help="gunicorn workers per web process"
    )
    parser.add_argument("--senders", type=int, default=16, help="ingest threads")
    parser.add_argument("--drain", type=float, default=60.0, help="s to let the sweeps finish")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--json",
        type=Path,
        default=None,
        help="where to write the result (default bench/results/soak-<UTC time>.json)",
    )
    args = parser.parse_args(argv)
    if args.minutes <= 0 or args.rate <= 0 or args.reviewers < 1 or args.k < 1:
        parser.error("--minutes, --rate, --reviewers and --k must be positive")
    if not 0 < args.single_share <= 1 or not 0 <= args.repeat_share <= 1:
        parser.error("--single-share must be in (0, 1] and --repeat-share in [0, 1]")
    if args.tier1_sla < 1 or args.sme_sla < 1:
        parser.error("the SLAs are whole seconds, at least 1")
    return args


def examine(args: argparse.Namespace, outcome: Outcome, tmp: Path) -> dict[str, Any]:
    """Every check after the drain, the logs' evidence, the figures, the audit chain."""
    scan = scan_logs(outcome.logs)
    checks = run_checks(args.database_url, {**audit_actions(), "cutoff": outcome.cutoff})
    checks["leases"]["violations of item_leases_within_consensus in the logs"] = scan[
        "constraint_hits"
    ]
    lost = lost_items(args.database_url, outcome.queue, outcome.tally)
    checks["lost items"] = {k: v for k, v in lost.items() if not k.startswith("_")}
    checks["processes"] = {
        "processes that died during the load": len(outcome.died),
        "server errors (5xx) and failed connections": sum(
            n
            for op in EXPECTED
            for status, n in outcome.tally.errors(op).items()
            if status.startswith("5") or (not status.isdigit() and status != "not sent")
        ),
    }
    constraint = constraint_state(args.database_url)
    t0 = time.perf_counter()
    env = django_env(args.database_url, tmp)
    verify = manage(["audit_verify"], env, timeout=900).strip().splitlines()[-1]
    held = (
        constraint == "validated"
        and verify.startswith("audit chain OK")
        and not any(n for group in checks.values() for n in group.values())
    )
    return {
        "scan": scan,
        "checks": checks,
        "lost": lost,
        "constraint": constraint,
        "figures": figures(args.database_url),
        "verify": verify,
        "verify_s": time.perf_counter() - t0,
        "held": held,
    }


def print_details(found: dict[str, Any], outcome: Outcome) -> None:
    print("beats doubled, tasks shared:")
    print_beats(found["scan"])
    trouble = found["scan"]["trouble"]
    for line in trouble[:8]:
        print(f"  log: {line}")
    if len(trouble) > 8:
        print(f"  … {len(trouble) - 8} more error lines in the logs")
    print("figures after the drain:")
    for name, value in found["figures"].items():
        if isinstance(value, dict) and "p95" in value:
            value = ", ".join(f"{k} {v:.1f}" if k != "n" else f"n {v:,}" for k, v in value.items())
        print(f"  {name}: {value}")
    lost = found["lost"]
    print(
        f"  stored {lost['_stored']:,}; stored but not acknowledged "
        f"{lost['_stored, not acknowledged (a call that failed or timed out)']:,}"
    )
    cpu = outcome.cpu
    print(
        f"CPU over the load ({cpu['wall']:.0f} s, {cpu['cores']} cores, "
        f"{cpu['busy_share']:.0%} busy): "
        + ", ".join(
            f"{name} {cpu[name] / cpu['wall']:.2f} cores"
            for name in ("web", "celery", "postgres", "load generator", "other")
        )
    )


def print_summary(
    args: argparse.Namespace,
    machine: dict[str, Any],
    ops: dict[str, dict[str, Any]],
    found: dict[str, Any],
    outcome: Outcome,
) -> None:
    print()
    print("=" * 100)
    print(
        f"soak  {args.minutes:g} min at {args.rate:g} predictions/s offered, {args.reviewers} "
        f"reviewers; 2 web processes x {args.web_workers} workers, 2 Celery workers + 1 evidence, "
        f"2 beats"
    )
    print(
        f"      {machine['nproc']} cores, {machine['cpu']}, PostgreSQL "
        f"{machine['postgresql'].split()[0]} and Redis on the same machine"
    )
    print_table(ops, outcome.tally, outcome.elapsed)
    print(f"invariants after a drain of {args.drain:g} s:")
    for group, checks in found["checks"].items():
        for name, n in checks.items():
            print(f"  {group:10} {name}: {n} {'OK' if n == 0 else 'WRONG'}")
    print(f"  {'leases':10} constraint item_leases_within_consensus: {found['constraint']}")
    print(f"  {'audit':10} {found['verify']} ({found['verify_s']:.1f} s)")
    if outcome.cpu["others_share"] > 0.1:
        print(
            f"NOTE  processes not part of this run took {outcome.cpu['others_share']:.0%} of the "
            "machine: the rates and latencies are lower than on an idle machine"
        )
    print(f"verdict: {'every invariant held' if found['held'] else 'INVARIANTS BROKEN'}")
    print("=" * 100)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    machine = machine_info(args.database_url)
    print(
        f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']} RAM, "
        f"PostgreSQL {machine['postgresql']}, Python {machine['python']}"
    )
    print(
        f"config: {args.minutes:g} min, {args.rate:g} predictions/s ({args.single_share:.0%} "
        f"one by one, the rest in {BULK_SIZE}-item calls, {args.repeat_share:.0%} repeats), "
        f"{args.reviewers} reviewers (k={args.k}, think {args.think:g} s, "
        f"{args.override_share:.0%} overrides), SLA time-to-human Tier 1 {args.tier1_sla} s, "
        f"SME {args.sme_sla} s; 2 web x {args.web_workers} gunicorn workers, 2 workers + "
        f"evidence worker, 2 beats; broker {args.broker_url}"
    )
    path = args.json or REPO / "bench" / "results" / (
        f"soak-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    )
    kept = path.with_name(f"{path.stem}-logs")
    with temp_dir("hitl-bench-soak-") as tmp:
        outcome = run(args, Path(tmp))
        found = examine(args, outcome, Path(tmp))
        kept.mkdir(parents=True, exist_ok=True)
        for name, log in outcome.logs.items():
            shutil.copyfile(log, kept / f"{name}.log")
    redis.Redis.from_url(args.broker_url).flushdb()

    ops = operations(outcome.tally, outcome.elapsed)
    print_details(found, outcome)
    print_summary(args, machine, ops, found, outcome)
    result = {
        "machine": machine,
        "config": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "elapsed_s": outcome.elapsed,
        "operations": ops,
        "predictions_acknowledged": len(outcome.tally.acked),
        "bulk_item_statuses": dict(outcome.tally.bulk_items),
        "checks": found["checks"],
        "constraint": found["constraint"],
        "audit_verify": found["verify"],
        "beats": {"sent": found["scan"]["sent"], "done": found["scan"]["done"]},
        "log_errors": found["scan"]["trouble"][:50],
        "figures": found["figures"],
        "cpu": outcome.cpu,
        "left_on_broker": outcome.left_on_broker,
        "ok": found["held"],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_finite(result), indent=2, default=str) + "\n")
    print(f"result: {path}; the processes' logs: {kept}/")
    return 0 if found["held"] else 1


if __name__ == "__main__":
    sys.exit(main())
