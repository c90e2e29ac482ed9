"""Bulk-load human-decided items, with their leases and verdicts, in two SQL statements.

The export benchmark (bench/export.py) and the export memory test
(tests/datasets/test_memory.py) need a million decided items that look like what review
leaves behind. Going through ingest and the decision services would take hours, so this
writes the rows the services would have written, straight from `generate_series`:

- one `reviews_item` per n = 1..total: an input of ~300 bytes (redacted, as ingest stores
  it; the raw one already purged, as a short retention leaves it), the model's label,
  confidences and scores, slice tags over four regions and four products, a routing
  trace, the final label and outcome (about 70% approved, 22% corrected, 8% rejected),
  decided_at spread evenly over `days` ending before `end`; 3% drawn by the random audit
  sample from auto-approved items, 12% routed straight to SMEs, the rest to Tier 1;
- its `reviews_assignment` and `reviews_decision` rows: k verdicts at the tier that
  decided it, all giving the item's final answer (approve / override to the final label /
  reject, with a reason code and a rationale on every override and reject; a quarter of
  the rationales hold a phone number or an email address, as reviewers' notes do). With
  k = 2, about one Tier 1 item in eleven was escalated: its two Tier 1 verdicts disagree
  (approve against an override) and two SME verdicts then decide it, as `_settle` and
  `item_move_up` in reviews/escalation/services leave it. Escalation tickets and audit events are
  not written: the export reads neither.

Every value comes from a 64-bit hash of (seed, n), so a load is reproducible, and the
three tables' ids are reserved up front from their sequences, so a verdict finds its item
by arithmetic instead of a join. Labels and reason codes are the queue's own. PostgreSQL
only; the statements run in the caller's transaction (autocommit: one commit each). As a
superuser the load skips the row-by-row foreign-key triggers, which would double its
time, and checks the same references set-wise afterwards.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

REGIONS = ("EU", "US", "APAC", "LATAM")
PRODUCTS = ("mortgage", "card", "auto", "personal")

_FIRST = ("Ana", "Ben", "Chloé", "Dmitri", "Emeka", "Fatima", "Görkem", "Hiro", "Inés", "Jonas")
_TEXT = (
    "applicant requests a review of the monthly repayment schedule after a change of employer "
    "and asks whether the outstanding balance can be consolidated with the existing card limit "
    "income verified last quarter collateral appraisal pending co-signer available on request "
    "documents attached by the branch"
)
_WORDS = tuple(_TEXT.split(" "))  # an input's text is 34 of them in a row
# Reviewers' notes on overrides and rejects; every fourth mentions contact details, which a
# non-raw export must redact.
_RATIONALES = (
    "Payslips show a lower income than declared; the model missed the second loan.",
    "Collateral appraisal came back below the requested amount, so this cannot stand.",
    "Called the applicant on +44 20 7946 0958: the employer changed last month.",
    "Bank statements contradict the stated monthly expenses by a wide margin.",
    "Duplicate of an application already decided last week under another reference.",
    "Co-signer withdrew; the application no longer meets the product rules.",
    "Applicant wrote from ana.silva@example.com asking to cancel; documents incomplete.",
    "Scanned documents are unreadable and the checklist is missing two pages.",
)

# The stored input as ingest keeps it (redacted), filled in by format(); its text is one
# of these, chosen per item: precomputed, since building strings row by row is slow.
_INPUT = '{"text": "%s", "amount": %s, "channel": "%s", "applicant_id": "A-%s"}'
_INPUT_TEXTS = tuple(
    f"From {first} <[EMAIL]>, tel. [PHONE]. {' '.join(_WORDS[start : start + 34])}."
    for first in _FIRST
    for start in range(8)
)


def _trace(route: str) -> str:
    """The routing trace of an item sent to `route` (the same for every such item)."""
    return json.dumps(
        [
            {"step": "calibrate", "why": "queue calibration map applied"},
            {
                "step": "thresholds",
                "auto_approve_at": 0.9,
                "sme_below": 0.5,
                "route": route,
                "why": f"confidence against the policy thresholds: {route}",
            },
        ]
    )


@dataclass(frozen=True)
class Loaded:
    """What load_decided wrote. Item n (1-based, in decided order) was decided at
    `decided_at(n)`, exactly: the spacing is a whole number of microseconds."""

    items: int
    verdicts: int
    first_item_id: int
    end: datetime
    step_us: int

    def decided_at(self, n: int) -> datetime:
        return self.end - timedelta(microseconds=(self.items - n + 1) * self.step_us)


# Per item n: a 64-bit hash h, and from its bit slices independent-looking draws.
_BASE = """
SELECT n, h, route, tier, escalated, outcome, ol, alt, c4, round(c4 * 0.95 + 0.02, 4) AS cal4,
       (%(labels)s::text[])[ol] AS output_label, (%(labels)s::text[])[alt] AS alt_label,
       CASE outcome WHEN 'approved' THEN (%(labels)s::text[])[ol]
                    WHEN 'corrected' THEN (%(labels)s::text[])[alt] ELSE '' END AS final_label,
       decided_at,
       decided_at - interval '1 minute' * (30 + ((h >> 50) & 127) * 0.7)
           - CASE WHEN escalated THEN interval '2 hours' ELSE interval '0' END AS received_at
FROM (
    SELECT n, h, route, escalated, outcome, ol,
           -- a label other than the model's
           1 + (ol + ((h >> 40) & 1023) %% (%(nlabels)s - 1)) %% %(nlabels)s AS alt,
           CASE WHEN escalated OR route = 'sme' THEN 'sme' ELSE 'tier1' END AS tier,
           round(CASE route WHEN 'auto_approved' THEN 0.9 + u * 0.0999
                            WHEN 'sme' THEN 0.3 + u * 0.2
                            ELSE 0.5 + u * 0.4 END, 4) AS c4,
           %(end)s::timestamptz
               - interval '1 microsecond' * ((%(total)s - n + 1)::bigint * %(step_us)s)
               AS decided_at
    FROM (
        SELECT n, h,
               1 + ((h >> 20) & 1023) %% %(nlabels)s AS ol,
               (h & 1023) / 1024.0 AS u,
               CASE WHEN ((h >> 10) & 1023) < 31 THEN 'auto_approved'
                    WHEN ((h >> 10) & 1023) < 154 THEN 'sme'
                    ELSE 'tier1' END AS route,
               CASE WHEN ((h >> 30) & 1023) < 717 THEN 'approved'
                    WHEN ((h >> 30) & 1023) < 942 THEN 'corrected'
                    ELSE 'rejected' END AS outcome,
               %(k)s = 2 AND ((h >> 57) & 63) < 6 AND ((h >> 10) & 1023) >= 154 AS escalated
        FROM (
            SELECT n, hashtextextended('item:' || n, %(seed)s) AS h
            FROM generate_series(1, %(total)s) AS n
            OFFSET 0  -- a fence: the hash and the draws are computed once, not at every use
        ) AS hashed
        OFFSET 0
    ) AS drawn
    OFFSET 0
) AS b
"""

_ITEMS = f"""
INSERT INTO reviews_item (
    id, queue_id, external_id, body_hash, model_version, input, raw_input, raw_purged_at,
    output_label, confidence, calibrated_confidence, scores, slice, policy_id, route, release,
    state, tier, sample_reason, required_skill, trace, final_label, outcome, is_gold,
    gold_label, received_at, enqueued_at, released_at, decided_at, due_at, risk_rank,
    human_due_at, claimed_at, first_claimed_at, breach_at, votes_needed, votes_in,
    leases_active
)
SELECT
    %(item_base)s::bigint + n, %(queue)s, %(prefix)s || lpad(n::text, 8, '0'),
    md5(%(prefix)s || n) || md5(n || %(prefix)s),
    CASE WHEN n <= %(total)s * 6 / 10 THEN 'credit-risk-2024.06.1' ELSE 'credit-risk-2024.09.2'
    END,
    format(%(input)s, (%(texts)s::text[])[1 + ((h >> 3) & 1023) %% %(ntexts)s],
           1000 + ((h >> 17) & 524287) %% 499000,
           (ARRAY['web', 'branch', 'phone'])[1 + ((h >> 33) & 255) %% 3],
           10000000 + ((h >> 23) & 67108863))::jsonb,
    NULL, decided_at,
    output_label, c4, cal4,
    format('{{%%s: %%s, %%s: %%s}}', (%(quoted)s::text[])[ol], c4, (%(quoted)s::text[])[alt],
           1 - c4)::jsonb,
    (%(slices)s::jsonb[])[1 + ((h >> 43) & 255) %% 16],
    %(policy)s, route, 'released', 'decided', tier,
    CASE WHEN route = 'auto_approved' THEN 'audit' ELSE '' END, '',
    CASE route WHEN 'auto_approved' THEN %(trace_auto)s::jsonb
               WHEN 'sme' THEN %(trace_sme)s::jsonb ELSE %(trace_tier1)s::jsonb END,
    final_label, outcome, false, '',
    received_at,
    CASE WHEN escalated THEN decided_at - interval '1 hour' ELSE received_at END,
    CASE WHEN route = 'auto_approved' THEN received_at ELSE decided_at END,
    decided_at,
    CASE WHEN escalated THEN decided_at + interval '3 hours' ELSE received_at + interval '1 hour'
    END,
    1,
    CASE WHEN escalated THEN decided_at ELSE received_at + interval '15 minutes' END,
    -- claimed (at this tier, and at all) no later than its first verdict's lease
    decided_at - interval '1 minute' * (4 * (%(k)s - 1) + 5),
    decided_at - interval '1 minute' * (4 * (%(k)s - 1) + 5)
        - CASE WHEN escalated THEN interval '2 hours' ELSE interval '0' END,
    NULL, %(k)s, %(k)s, 0
FROM ({_BASE}) AS b
"""  # noqa: S608 - made of this module's constants

# Verdict slot j of item n (ids reserved: n's slots are base + (n - 1) * slots + j). Slots
# 1..k are the tier that decided it; with an escalation, 1..2 are Tier 1 and 3..4 the SMEs.
_VERDICTS = f"""
WITH v AS MATERIALIZED (
    SELECT (n - 1) * %(slots)s + j AS slot, %(item_base)s::bigint + n AS item_id,
           %(reviewers)s::bigint[] AS reviewers, n, j,
           CASE WHEN escalated AND j <= 2 THEN 'tier1' ELSE tier END AS tier,
           CASE WHEN escalated AND j = 1 THEN 'approve'
                WHEN escalated AND j = 2 THEN 'override'
                WHEN outcome = 'approved' THEN 'approve'
                WHEN outcome = 'corrected' THEN 'override'
                ELSE 'reject' END AS verdict,
           CASE WHEN escalated AND j = 1 THEN output_label
                WHEN escalated AND j = 2 THEN alt_label
                WHEN outcome = 'rejected' THEN ''
                ELSE final_label END AS label,
           decided_at
               - CASE WHEN escalated AND j <= 2 THEN interval '2 hours' ELSE interval '0' END
               - interval '4 minutes' * (CASE WHEN escalated AND j > 2 THEN 4 ELSE %(k)s END
                                         - j)
               AS at,
           20 + ((h >> (j * 7)) & 255) + ((h >> 3) & 7) / 10.0 AS handling,  -- < 5 min
           h
    FROM ({_BASE}) AS b
    CROSS JOIN generate_series(1, %(slots)s) AS j
    WHERE j <= %(k)s OR escalated
),
a AS (
    INSERT INTO reviews_assignment (
        id, item_id, reviewer_id, tier, leased_at, expires_at, state, ended_at
    )
    SELECT %(assignment_base)s::bigint + slot, item_id,
           reviewers[1 + (n + j) %% cardinality(reviewers)], tier,
           at - interval '1 second' * handling, at - interval '1 second' * handling
               + interval '15 minutes', 'decided', at
    FROM v
)
INSERT INTO reviews_decision (
    id, assignment_id, item_id, reviewer_id, tier, verdict, label, rationale, reason_code,
    handling_seconds, decided_at, is_gold
)
SELECT %(decision_base)s::bigint + slot, %(assignment_base)s::bigint + slot, item_id,
       reviewers[1 + (n + j) %% cardinality(reviewers)], tier, verdict, label,
       CASE WHEN verdict = 'approve' THEN ''
            ELSE (%(rationales)s::text[])[1 + ((h >> (j * 3 + 5)) & 1023) %% %(nrationales)s]
       END,
       CASE WHEN verdict = 'approve' THEN ''
            WHEN verdict = 'reject' THEN (%(codes)s::text[])[cardinality(%(codes)s::text[])]
            ELSE (%(codes)s::text[])[1 + ((h >> (j + 11)) & 255) %% cardinality(%(codes)s::text[])]
       END,
       round(handling::numeric, 1), at, false
FROM v
"""  # noqa: S608 - made of this module's constants

_QUEUE_VOCABULARY = """
SELECT ARRAY(SELECT l->>'value' FROM jsonb_array_elements(q.labels) AS l),
       ARRAY(SELECT r->>'code' FROM jsonb_array_elements(q.reason_codes) AS r),
       EXISTS (SELECT 1 FROM reviews_tierpolicy p WHERE p.id = %(policy)s AND p.queue_id = q.id),
       (SELECT count(*) FROM accounts_user u WHERE u.id = ANY(%(reviewers)s::bigint[]))
FROM reviews_queue q WHERE q.id = %(queue)s
"""

# Take `count` ids from a table's identity sequence in one step; the first one taken.
_RESERVE = """
SELECT setval(pg_get_serial_sequence(%(table)s, 'id'),
              nextval(pg_get_serial_sequence(%(table)s, 'id')) + %(count)s - 1) - %(count)s + 1
"""

# With the foreign-key triggers off, what they would have checked, set-wise: every new
# verdict's assignment (same item and reviewer) and item (in the queue) exist.
_ORPHANS = """
SELECT count(*) FROM reviews_decision d
WHERE d.id > %(decision_base)s::bigint
  AND d.id <= %(decision_base)s::bigint + %(total)s::bigint * %(slots)s
  AND (NOT EXISTS (SELECT 1 FROM reviews_assignment a WHERE a.id = d.assignment_id
                   AND a.item_id = d.item_id AND a.reviewer_id = d.reviewer_id)
       OR NOT EXISTS (SELECT 1 FROM reviews_item i WHERE i.id = d.item_id
                      AND i.queue_id = %(queue)s AND i.policy_id = %(policy)s))
"""


def _one(cursor: Any, sql: str, params: dict[str, Any]) -> tuple[Any, ...]:
    cursor.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        raise LookupError(f"no row for {params}")
    return tuple(row)


def _is_superuser(cursor: Any) -> bool:
    return bool(_one(cursor, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user", {})[0])


def load_decided(
    conn_or_cursor: Any,
    *,
    queue_id: int,
    policy_id: int,
    total: int,
    reviewers: list[int],
    k: int = 1,
    seed: int = 7,
    end: datetime | None = None,
    days: float = 30.0,
) -> Loaded:
    """Insert `total` decided items of the queue with k verdicts each (see the module);
    what was written, with the decided_at of each.

    `conn_or_cursor`: a psycopg connection or cursor, or a Django cursor. `reviewers`: user
    ids (at least k); verdicts rotate over them. decided_at spreads over `days` ending
    before `end` (default: now, to the second). Two loads into one queue need two seeds.
    """
    if k not in (1, 2):
        raise ValueError("k must be 1 or 2")
    if total < 1 or len(set(reviewers)) < k:
        raise ValueError("need total >= 1 and at least k distinct reviewers")
    # A connection has a cursor() method; a Django cursor wrapper has a `cursor` attribute.
    opener = getattr(conn_or_cursor, "cursor", None)
    cursor = opener() if callable(opener) else conn_or_cursor
    labels, codes, policy_ok, found = _one(
        cursor,
        _QUEUE_VOCABULARY,
        {"queue": queue_id, "policy": policy_id, "reviewers": list(reviewers)},
    )
    if len(labels) < 2 or not codes:
        raise ValueError("the queue needs at least two labels and one reason code")
    if not policy_ok or found != len(set(reviewers)):
        raise ValueError("the policy must be the queue's and every reviewer must exist")
    end = (end or datetime.now(UTC)).replace(microsecond=0)
    step_us = int(days * 86_400_000_000) // total
    slots = 4 if k == 2 else 1  # room for an escalated item's 2 + 2 verdicts
    reserve = {
        "item_base": ("reviews_item", total),
        "assignment_base": ("reviews_assignment", total * slots),
        "decision_base": ("reviews_decision", total * slots),
    }
    params: dict[str, Any] = {
        name: _one(cursor, _RESERVE, {"table": table, "count": count})[0] - 1
        for name, (table, count) in reserve.items()
    }
    params.update(
        queue=queue_id,
        policy=policy_id,
        total=total,
        k=k,
        slots=slots,
        seed=seed,
        end=end,
        step_us=step_us,
        prefix=f"ds{seed}-",
        labels=list(labels),
        nlabels=len(labels),
        quoted=[json.dumps(label) for label in labels],
        input=_INPUT,
        texts=list(_INPUT_TEXTS),
        ntexts=len(_INPUT_TEXTS),
        trace_auto=_trace("auto_approved"),
        trace_sme=_trace("sme"),
        trace_tier1=_trace("tier1"),
        slices=[
            json.dumps({"region": region, "product": product})
            for region in REGIONS
            for product in PRODUCTS
        ],
        codes=list(codes),
        reviewers=list(reviewers),
        rationales=list(_RATIONALES),
        nrationales=len(_RATIONALES),
    )
    # Row-by-row foreign-key checks would double the load's time: a superuser skips them
    # (as pg_restore --disable-triggers does) and checks the same set-wise afterwards.
    skip_triggers = _is_superuser(cursor)
    if skip_triggers:
        cursor.execute("SET session_replication_role = replica")
    try:
        cursor.execute(_ITEMS, params)
        cursor.execute(_VERDICTS, params)
        verdicts = cursor.rowcount
    except BaseException:
        # Autocommit keeps a SET for the session: never hand the connection back without
        # its checks. (In an aborted transaction the SET is undone with it.)
        with contextlib.suppress(Exception):
            cursor.execute("RESET session_replication_role")
        raise
    if skip_triggers:
        cursor.execute("RESET session_replication_role")
    if skip_triggers and (orphans := _one(cursor, _ORPHANS, params)[0]):
        raise RuntimeError(f"{orphans} verdicts without their assignment or item")
    return Loaded(
        items=total,
        verdicts=verdicts,
        first_item_id=params["item_base"] + 1,
        end=end,
        step_us=step_us,
    )
