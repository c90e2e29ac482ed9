"""What must hold after a fault, read straight from the database in SQL.

Each check counts rows that break a promise of SPEC §10, so the expected answer is 0
and does not come from hitl's own code. They run over the whole database (every
scenario so far), once the system is quiet: every item settled (decided, auto-approved,
or escalated to an incident, its clock stopped) and every ticket with its bundle.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from typing import Any

from audit.actions import AuditAction
from tests.chaos.load import Tally
from tests.chaos.stack import REPO, Stack

SLA_BREACHED = int(AuditAction.SLA_BREACHED)

# Counts of rows that break a promise; each must be 0.
INVARIANTS: dict[str, str] = {
    "two items for one (queue, external_id)": """
        SELECT count(*) FROM (
            SELECT 1 FROM reviews_item GROUP BY queue_id, external_id HAVING count(*) > 1
        ) AS twice""",
    "two escalations of one item from one tier": """
        SELECT count(*) FROM (
            SELECT 1 FROM reviews_escalation GROUP BY item_id, from_tier HAVING count(*) > 1
        ) AS twice""",
    "(item, tier) with SLA_BREACHED events other than exactly one": """
        SELECT count(*) FROM (
            SELECT 1 FROM audit_auditevent WHERE action = %(breached)s
            GROUP BY target_id, data_json::jsonb ->> 'tier' HAVING count(*) <> 1
        ) AS odd""",
    "SLA_BREACHED events without their sla_breach ticket, or tickets without the event": """
        WITH events AS (
            SELECT target_id::bigint AS item, data_json::jsonb ->> 'tier' AS tier
            FROM audit_auditevent WHERE action = %(breached)s
        ), tickets AS (
            SELECT item_id AS item, from_tier AS tier FROM reviews_escalation
            WHERE reason = 'sla_breach'
        )
        SELECT (SELECT count(*) FROM (SELECT * FROM events EXCEPT SELECT * FROM tickets) a)
             + (SELECT count(*) FROM (SELECT * FROM tickets EXCEPT SELECT * FROM events) b)""",
    # Every tier an item waited at was left exactly one way: one verdict there (k = 1),
    # or one SLA escalation from there. Neither means a missed breach, both a verdict
    # on a lease the sweep had ended, two verdicts a double lease.
    "(item, tier) waited at, not left by exactly one verdict or one SLA breach": """
        WITH waited AS (
            SELECT id AS item, route AS tier FROM reviews_item
            WHERE route IN ('tier1', 'sme') AND NOT is_gold
            UNION
            SELECT item_id, to_tier FROM reviews_escalation WHERE to_tier = 'sme'
        ), verdicts AS (
            SELECT item_id AS item, tier, count(*) AS n FROM reviews_decision
            WHERE NOT is_gold GROUP BY item_id, tier
        ), breaches AS (
            SELECT item_id AS item, from_tier AS tier, count(*) AS n FROM reviews_escalation
            WHERE reason = 'sla_breach' GROUP BY item_id, from_tier
        )
        SELECT count(*) FROM waited
        LEFT JOIN verdicts USING (item, tier) LEFT JOIN breaches USING (item, tier)
        WHERE coalesce(verdicts.n, 0) + coalesce(breaches.n, 0) <> 1""",
    "items past an SLA deadline for 20 s and not escalated": """
        SELECT count(*) FROM reviews_item WHERE breach_at < now() - interval '20 seconds'""",
    "decided or auto-approved items whose output is still held": """
        SELECT count(*) FROM reviews_item
        WHERE release = 'held' AND state IN ('decided', 'auto_approved')""",
    "released outputs of items not decided nor auto-approved": """
        SELECT count(*) FROM reviews_item
        WHERE release = 'released' AND state NOT IN ('decided', 'auto_approved')""",
    "held outputs neither released nor escalated to an incident": """
        SELECT count(*) FROM reviews_item WHERE release = 'held' AND state <> 'incident'""",
    "escalations without an evidence bundle": """
        SELECT count(*) FROM reviews_escalation WHERE bundle_id IS NULL""",
    "incidents without an evidence bundle": """
        SELECT count(*) FROM reviews_incident WHERE bundle_id IS NULL""",
    "bundles attached to a ticket they were not built for": """
        SELECT count(*) FROM reviews_escalation e JOIN audit_evidencebundle b ON b.id = e.bundle_id
        WHERE b.target_id <> e.id::text""",
}

# Quiet: nothing the beat sweeps or the bundle tasks still have to do.
PENDING = """
SELECT (SELECT count(*) FROM reviews_item WHERE breach_at IS NOT NULL),
       (SELECT count(*) FROM reviews_escalation WHERE bundle_id IS NULL),
       (SELECT count(*) FROM reviews_incident WHERE bundle_id IS NULL)
"""


def wait_quiet(stack: Stack, timeout: float) -> tuple[float, tuple[int, int, int]]:
    """Wait until every item is settled and every ticket and incident has its bundle;
    (seconds waited, what was still pending: open clocks, tickets, incidents)."""
    t0 = time.monotonic()
    while True:
        pending = tuple(stack.sql(PENDING)[0])
        if not any(pending) or time.monotonic() - t0 > timeout:
            return time.monotonic() - t0, pending  # type: ignore[return-value]
        time.sleep(0.5)


def violations(stack: Stack) -> dict[str, int]:
    params = {"breached": SLA_BREACHED}
    return {name: int(stack.scalar(query, params)) for name, query in INVARIANTS.items()}


def stored(stack: Stack, prefix: str) -> dict[str, int]:
    """external_id → rows, for the scenario's predictions."""
    rows = stack.sql(
        "SELECT external_id, count(*) FROM reviews_item WHERE external_id LIKE %s "
        "GROUP BY external_id",
        [prefix + "%"],
    )
    return {external_id: int(n) for external_id, n in rows}


def scenario_counts(stack: Stack, prefix: str) -> dict[str, Any]:
    """What the scenario's own items went through."""
    like = [prefix + "%"]
    routes = dict(
        stack.sql(
            "SELECT route, count(*) FROM reviews_item WHERE external_id LIKE %s GROUP BY route",
            like,
        )
    )
    escalations = dict(
        stack.sql(
            "SELECT e.reason, count(*) FROM reviews_escalation e "
            "JOIN reviews_item i ON i.id = e.item_id WHERE i.external_id LIKE %s "
            "GROUP BY e.reason",
            like,
        )
    )
    rows = stored(stack, prefix)
    return {
        "predictions": sum(rows.values()),
        "distinct_external_ids": len(rows),
        "routes": routes,
        "decisions": stack.scalar(
            "SELECT count(*) FROM reviews_decision d JOIN reviews_item i ON i.id = d.item_id "
            "WHERE i.external_id LIKE %s",
            like,
        ),
        "sla_breaches": stack.scalar(
            "SELECT count(*) FROM audit_auditevent a JOIN reviews_item i "
            "ON a.target_id = i.id::text WHERE a.action = %s "
            "AND a.target_type = 'reviews.item' AND i.external_id LIKE %s",
            [SLA_BREACHED, *like],
        ),
        "escalations": escalations,
        "bundles": stack.scalar(
            "SELECT count(*) FROM reviews_escalation e JOIN reviews_item i ON i.id = e.item_id "
            "WHERE i.external_id LIKE %s AND e.bundle_id IS NOT NULL",
            like,
        ),
        "incident_items": stack.scalar(
            "SELECT count(*) FROM reviews_item WHERE external_id LIKE %s AND state = 'incident'",
            like,
        ),
    }


RECONCILED = re.compile(
    r"Task reviews\.tasks\.reconcile_bundles\[[^\]]+\] succeeded in [0-9.]+s: (\d+)"
)


def bundles_reconciled(stack: Stack) -> int:
    """Bundles the beat reconciler built so far (their tasks were lost), from worker logs."""
    return sum(
        int(n)
        for log in stack.home.glob("worker*.log")
        for n in RECONCILED.findall(log.read_text(errors="replace"))
    )


def audit_verify(stack: Stack) -> tuple[int, str]:
    """`manage.py audit_verify` on the stack's database: (exit code, its last line)."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "audit_verify"],
        cwd=REPO,
        env=stack.env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = (done.stdout + done.stderr).strip().splitlines()
    return done.returncode, lines[-1] if lines else ""


def ingest_problems(stack: Stack, prefix: str, tally: Tally) -> dict[str, int]:
    """Acknowledged predictions missing or stored twice, and rows nobody sent."""
    rows = stored(stack, prefix)
    return {
        "acknowledged predictions not stored": len(tally.acked - rows.keys()),
        "predictions stored more than once": sum(n > 1 for n in rows.values()),
        "stored predictions the client never sent": len(rows.keys() - tally.sent),
        "predictions the client gave up on": len(tally.gave_up),
    }
