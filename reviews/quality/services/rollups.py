"""Roll-ups: the audit trail, read once, summed into hourly counts (SPEC §4).

The audit trail is the change feed. Its sequence numbers are handed out under the
chain head's row lock, which each writer holds until it commits, so events commit in
sequence order and "every event after seq N" is complete the moment it is read: no
event can appear later below N. One consumer at a time (it locks the RollupCursor row)
reads the events after its cursor, adds them to MetricRollup and ReviewerRollup rows,
and moves the cursor, in one transaction: each event is counted exactly once, even if
the task runs twice or a worker dies mid-batch.

What is counted where (bucketed by the hour of the event unless said otherwise):
- ITEM_RECEIVED: received, route counts, audit samples, confidence histogram and
  predicted labels — in the hour the item was received;
- ITEM_SAMPLED: items the active-learning sampler pulled into Tier 1 (sampled_active);
- ITEM_DECIDED: decided items and outcomes; override rate, ECE bins and the confusion
  table over decided items that have a label (a rejected item has none and is left out
  of the label metrics); time-to-human (first claim − receipt) and time-to-decision
  (decision − receipt); agreement over the verdicts of a tier with ≥ 2; decided and
  corrected counted apart for routed items, the audit sample and the active-learning
  sample (whose picks lean towards doubt, so they would bias the other two);
- ITEM_ESCALATED with ≥ 2 Tier 1 verdicts: agreement too (items later escalated count with
  the verdicts they got), and an escalation; SLA_BREACHED: an escalation;
- DECISION_RECORDED: verdicts and review seconds per tier, per reviewer;
- GOLD_SCORED: the reviewer's gold accuracy.
Gold items are never model outcomes: their verdicts count only for reviewers.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypedDict, TypeVar, cast

from django.db import transaction
from django.utils import timezone

from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import canonical_json
from reviews.choices import ACTIVE_LEARNING_REASONS, SampleReason
from reviews.intake.models import Item
from reviews.quality.models import MetricRollup, ReviewerRollup, RollupCursor
from reviews.work.models import Decision
from stats.agreement import (
    FleissCounts,
    cohen_counts,
    fleiss_counts,
    krippendorff_coincidences,
)
from stats.answers import final_answer, verdict_answer
from stats.calibration import bin_index
from stats.percentiles import duration_bucket

BATCH = 5000
N_BINS = 10
WATCHED = (
    AuditAction.ITEM_RECEIVED,
    AuditAction.ITEM_SAMPLED,
    AuditAction.DECISION_RECORDED,
    AuditAction.ITEM_DECIDED,
    AuditAction.ITEM_ESCALATED,
    AuditAction.SLA_BREACHED,
    AuditAction.GOLD_SCORED,
)
_AUDIT = SampleReason.AUDIT.value
_ACTIVE = frozenset(reason.value for reason in ACTIVE_LEARNING_REASONS)

Key = tuple[int, datetime, str, str]  # queue, hour, slice key, model version
# Every integer counter of MetricRollup, in one place (services/measure.py sums them).
ROLLUP_COUNTERS = (
    "received", "auto_approved", "routed_tier1", "routed_sme", "sampled", "sampled_active",
    "decided", "decided_routed", "decided_active", "approved", "corrected", "rejected",
    "corrected_routed", "corrected_active", "verdicts", "escalations",
)  # fmt: skip
_ROUTE_COUNTER = {"auto_approved": "auto_approved", "tier1": "routed_tier1", "sme": "routed_sme"}


def hour_of(at: datetime) -> datetime:
    return at.replace(minute=0, second=0, microsecond=0)


def slice_key(tags: dict[str, Any] | None) -> str:
    return canonical_json(tags or {})


def _add(counts: dict[str, Any], key: str, amount: float = 1) -> None:
    counts[key] = counts.get(key, 0) + amount


# A table's row and column labels: str once stored as JSON; stats/agreement.py takes any
# hashable label.
_Label = TypeVar("_Label", bound=Hashable)


def add_table(
    table: dict[_Label, dict[_Label, Any]], other: Mapping[_Label, Mapping[_Label, Any]]
) -> None:
    """Add the nested counts of `other` into `table`, in place."""
    for row, cells in other.items():
        target = table.setdefault(row, {})
        for column, value in cells.items():
            target[column] = target.get(column, 0) + value


@dataclass
class _Rollup:
    """The increments for one MetricRollup row."""

    ints: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    conf_hist: list[int] = field(default_factory=lambda: [0] * N_BINS)
    ece_bins: list[list[float]] = field(
        default_factory=lambda: [[0, 0.0, 0] for _ in range(N_BINS)]
    )
    dicts: dict[str, dict[str, Any]] = field(default_factory=lambda: defaultdict(dict))
    tables: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    fleiss: dict[str, FleissCounts] = field(default_factory=dict)


@dataclass
class _ReviewerRollup:
    ints: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    handling_hist: dict[str, int] = field(default_factory=dict)


class _DecisionRow(TypedDict):
    """A decision's fields that the roll-ups read (_load)."""

    id: int
    reviewer_id: int
    verdict: str
    label: str


class _Batch:
    """Increments gathered from one batch of events, keyed like the rows they go to."""

    def __init__(self, items: dict[int, dict[str, Any]], decisions: dict[int, _DecisionRow]):
        self.items = items
        self.decisions = decisions
        self.rollups: dict[Key, _Rollup] = defaultdict(_Rollup)
        self.reviewers: dict[tuple[int, datetime, int], _ReviewerRollup] = defaultdict(
            _ReviewerRollup
        )

    def rollup(self, item: dict[str, Any], at: datetime) -> _Rollup:
        key = (item["queue_id"], hour_of(at), slice_key(item["slice"]), item["model_version"])
        return self.rollups[key]

    def received(self, item: dict[str, Any]) -> None:
        row = self.rollup(item, item["received_at"])
        row.ints["received"] += 1
        row.ints[_ROUTE_COUNTER.get(item["route"], "routed_sme")] += 1
        # The audit sample only: the row is read after the event, by which time the
        # active-learning sampler may have marked an item it pulled in later.
        if item["sample_reason"] == _AUDIT:
            row.ints["sampled"] += 1
        row.conf_hist[int(bin_index([item["confidence"]])[0])] += 1
        _add(row.dicts["labels_predicted"], item["output_label"])

    def sampled(self, item: dict[str, Any], at: datetime) -> None:
        self.rollup(item, at).ints["sampled_active"] += 1

    def decided(self, item: dict[str, Any], data: dict[str, Any], at: datetime) -> None:
        row = self.rollup(item, at)
        outcome = data.get("outcome", "")
        row.ints["decided"] += 1
        if outcome in ("approved", "corrected", "rejected"):
            row.ints[outcome] += 1
        if not item["sample_reason"]:
            row.ints["decided_routed"] += 1
            row.ints["corrected_routed"] += outcome == "corrected"
        elif item["sample_reason"] in _ACTIVE:
            row.ints["decided_active"] += 1
            row.ints["corrected_active"] += outcome == "corrected"
        if outcome != "rejected":
            final = data.get("final_label", "")
            correct = final == item["output_label"]
            b = int(bin_index([item["confidence"]])[0])
            row.ece_bins[b][0] += 1
            row.ece_bins[b][1] += item["confidence"]
            row.ece_bins[b][2] += int(correct)
            add_table(row.tables["confusion"], {item["output_label"]: {final: 1}})
        if item["first_claimed_at"] is not None:
            tth = (item["first_claimed_at"] - item["received_at"]).total_seconds()
            _add(row.dicts["tth_hist"], str(duration_bucket(max(tth, 0.0))))
        ttd = (at - item["received_at"]).total_seconds()
        _add(row.dicts["ttd_hist"], str(duration_bucket(max(ttd, 0.0))))
        verdicts = [self.decisions[pk] for pk in data.get("decisions", []) if pk in self.decisions]
        if data.get("tier") == "tier1" and len(verdicts) >= 2:
            self.agreement(row, item, [self._answer(item, v) for v in verdicts])
        settled = final_answer(outcome=outcome, final_label=data.get("final_label", ""))
        for verdict in verdicts:
            reviewer = self.reviewers[(item["queue_id"], hour_of(at), verdict["reviewer_id"])]
            reviewer.ints["settled"] += 1
            reviewer.ints["agreed"] += self._answer(item, verdict) == settled

    def escalated(self, item: dict[str, Any], data: dict[str, Any], at: datetime) -> None:
        row = self.rollup(item, at)
        row.ints["escalations"] += 1
        _add(row.dicts["escalations_by_reason"], data.get("reason", ""))
        verdicts = data.get("verdicts") or []
        if data.get("from_tier") == "tier1" and len(verdicts) >= 2:
            self.agreement(row, item, [self._answer(item, v) for v in verdicts])

    def agreement(self, row: _Rollup, item: dict[str, Any], answers: list[str]) -> None:
        if len(answers) == 2:
            # cohen_counts keys its table by the answers it is given: str here.
            pair = cast("dict[str, dict[str, int]]", cohen_counts([(answers[0], answers[1])]))
            add_table(row.tables["cohen"], pair)
        counts = fleiss_counts([answers])
        key = str(counts.raters)
        row.fleiss[key] = row.fleiss[key] + counts if key in row.fleiss else counts
        add_table(row.tables["krippendorff"], krippendorff_coincidences([answers]))

    @staticmethod
    def _answer(item: dict[str, Any], verdict: Mapping[str, Any]) -> str:
        return verdict_answer(
            verdict=verdict["verdict"],
            label=verdict.get("label") or "",
            output_label=item["output_label"],
        )

    def verdict(
        self, item: dict[str, Any], data: dict[str, Any], actor_id: str, at: datetime
    ) -> None:
        seconds = float(data.get("handling_seconds") or 0.0)
        if not data.get("gold"):
            row = self.rollup(item, at)
            row.ints["verdicts"] += 1
            _add(row.dicts["review_seconds"], data.get("tier", ""), seconds)
        if actor_id:
            reviewer = self.reviewers[(item["queue_id"], hour_of(at), int(actor_id))]
            reviewer.ints["verdicts"] += 1
            _add(reviewer.handling_hist, str(duration_bucket(seconds)))

    def gold(self, item: dict[str, Any], data: dict[str, Any], actor_id: str, at: datetime) -> None:
        if not actor_id:
            return
        reviewer = self.reviewers[(item["queue_id"], hour_of(at), int(actor_id))]
        reviewer.ints["gold_seen"] += 1
        reviewer.ints["gold_correct"] += bool(data.get("correct"))


_ITEM_FIELDS = (
    "id", "queue_id", "slice", "model_version", "output_label", "confidence", "received_at",
    "first_claimed_at", "route", "sample_reason", "is_gold",
)  # fmt: skip


def _item_of(event: dict[str, Any]) -> int | None:
    if event["target_type"] == "reviews.item":
        return int(event["target_id"])
    item = event["data"].get("item")
    return int(item) if item is not None else None


def _load(events: list[dict[str, Any]]) -> _Batch:
    item_ids = {pk for pk in map(_item_of, events) if pk is not None}
    decision_ids = {
        pk
        for e in events
        if e["action"] == AuditAction.ITEM_DECIDED
        for pk in e["data"].get("decisions", [])
    }
    items = {row["id"]: row for row in Item.objects.filter(pk__in=item_ids).values(*_ITEM_FIELDS)}
    decisions = {
        row["id"]: row
        for row in Decision.objects.filter(pk__in=decision_ids).values(
            "id", "reviewer_id", "verdict", "label"
        )
    }
    return _Batch(items, decisions)


def _gather(events: list[dict[str, Any]]) -> _Batch:
    batch = _load(events)
    for event in events:
        item = batch.items.get(_item_of(event) or 0)
        if item is None:
            continue
        action, data, at = event["action"], event["data"], event["at"]
        if action in (AuditAction.DECISION_RECORDED, AuditAction.GOLD_SCORED):
            handler = batch.verdict if action == AuditAction.DECISION_RECORDED else batch.gold
            handler(item, data, event["actor_id"], at)
            continue
        if item["is_gold"]:
            continue
        if action == AuditAction.ITEM_RECEIVED:
            batch.received(item)
        elif action == AuditAction.ITEM_SAMPLED:
            batch.sampled(item, at)
        elif action == AuditAction.ITEM_DECIDED:
            batch.decided(item, data, at)
        else:  # ITEM_ESCALATED, SLA_BREACHED
            batch.escalated(item, {"reason": "sla_breach", **data}, at)
    return batch


def _merge_rollup(row: MetricRollup, inc: _Rollup) -> None:
    for name, amount in inc.ints.items():
        setattr(row, name, getattr(row, name) + amount)
    row.conf_hist = [
        a + b for a, b in zip(row.conf_hist or [0] * N_BINS, inc.conf_hist, strict=True)
    ]
    old_bins = row.ece_bins or [[0, 0.0, 0] for _ in range(N_BINS)]
    row.ece_bins = [
        [a[0] + b[0], a[1] + b[1], a[2] + b[2]] for a, b in zip(old_bins, inc.ece_bins, strict=True)
    ]
    for name, counts in inc.dicts.items():
        merged = dict(getattr(row, name) or {})
        for key, amount in counts.items():
            _add(merged, key, amount)
        setattr(row, name, merged)
    for name, table in inc.tables.items():
        merged_table = json.loads(json.dumps(getattr(row, name) or {}))
        add_table(merged_table, table)
        setattr(row, name, merged_table)
    if inc.fleiss:
        fleiss = dict(row.fleiss or {})
        for raters, added in inc.fleiss.items():
            old = FleissCounts.from_dict(fleiss[raters]) if raters in fleiss else None
            fleiss[raters] = (old + added if old else added).as_dict()
        row.fleiss = fleiss


_ROLLUP_FIELDS = [
    f.name
    for f in MetricRollup._meta.concrete_fields
    if f.name not in ("id", "queue", "span", "hour", "slice_key", "model_version")
]


def _increment_of(row: MetricRollup) -> _Rollup:
    """A stored row as an increment (to add hour rows into day rows)."""
    inc = _Rollup()
    for name in ROLLUP_COUNTERS:
        inc.ints[name] = getattr(row, name)
    inc.conf_hist = list(row.conf_hist or [0] * N_BINS)
    inc.ece_bins = [list(b) for b in row.ece_bins or [[0, 0.0, 0] for _ in range(N_BINS)]]
    for name in ("labels_predicted", "tth_hist", "ttd_hist", "review_seconds",
                 "escalations_by_reason"):  # fmt: skip
        inc.dicts[name] = dict(getattr(row, name) or {})
    for name in ("confusion", "cohen", "krippendorff"):
        inc.tables[name] = json.loads(json.dumps(getattr(row, name) or {}))
    inc.fleiss = {k: FleissCounts.from_dict(v) for k, v in (row.fleiss or {}).items()}
    return inc


@transaction.atomic
def rollups_days_rebuild(*, queue_id: int) -> int:
    """Rebuild a queue's day rows from its hour rows (after a restore, or rows loaded by
    hand, as bench/dashboard.py does); how many day rows were written."""
    MetricRollup.objects.filter(queue_id=queue_id, span=MetricRollup.Span.DAY).delete()
    days: dict[tuple[Any, ...], MetricRollup] = {}
    for row in MetricRollup.objects.filter(queue_id=queue_id, span=MetricRollup.Span.HOUR):
        key = (day_of(row.hour), row.slice_key, row.model_version)
        day = days.get(key)
        if day is None:
            day = days[key] = MetricRollup(
                span=MetricRollup.Span.DAY,
                queue_id=queue_id,
                hour=key[0],
                slice_key=key[1],
                model_version=key[2],
            )
        _merge_rollup(day, _increment_of(row))
    MetricRollup.objects.bulk_create(list(days.values()), batch_size=500)
    return len(days)


def _save(batch: _Batch) -> None:
    _save_rollups(batch.rollups)
    _save_reviewers(batch.reviewers)


def day_of(at: datetime) -> datetime:
    return at.replace(hour=0, minute=0, second=0, microsecond=0)


def _save_rollups(increments: dict[Key, _Rollup]) -> None:
    """Add the increments to their hour rows and to their day rows."""
    if not increments:
        return
    Span = MetricRollup.Span
    wanted = {(Span.HOUR, *key) for key in increments} | {
        (Span.DAY, key[0], day_of(key[1]), key[2], key[3]) for key in increments
    }
    existing = {
        (r.span, r.queue_id, r.hour, r.slice_key, r.model_version): r
        for r in MetricRollup.objects.filter(
            queue_id__in={key[1] for key in wanted}, hour__in={key[2] for key in wanted}
        )
    }
    new: dict[tuple[Any, ...], MetricRollup] = {}
    for key in wanted:
        if key not in existing:
            span, queue_id, hour, slice_, model = key
            new[key] = MetricRollup(
                span=span, queue_id=queue_id, hour=hour, slice_key=slice_, model_version=model
            )
    rows = {**existing, **new}
    for (queue_id, hour, slice_, model), inc in increments.items():
        _merge_rollup(rows[(Span.HOUR, queue_id, hour, slice_, model)], inc)
        _merge_rollup(rows[(Span.DAY, queue_id, day_of(hour), slice_, model)], inc)
    MetricRollup.objects.bulk_create(list(new.values()))
    changed = [row for key, row in existing.items() if key in wanted]
    MetricRollup.objects.bulk_update(changed, _ROLLUP_FIELDS)


def _save_reviewers(increments: dict[tuple[int, datetime, int], _ReviewerRollup]) -> None:
    if not increments:
        return
    existing = {
        (r.queue_id, r.hour, r.reviewer_id): r
        for r in ReviewerRollup.objects.filter(
            queue_id__in={k[0] for k in increments}, hour__in={k[1] for k in increments}
        )
    }
    new, changed = [], []
    for key, inc in increments.items():
        row = existing.get(key)
        if row is None:
            row = ReviewerRollup(queue_id=key[0], hour=key[1], reviewer_id=key[2])
            new.append(row)
        else:
            changed.append(row)
        for name, amount in inc.ints.items():
            setattr(row, name, getattr(row, name) + amount)
        merged = dict(row.handling_hist or {})
        for bucket, count in inc.handling_hist.items():
            _add(merged, bucket, count)
        row.handling_hist = merged
    ReviewerRollup.objects.bulk_create(new)
    ReviewerRollup.objects.bulk_update(
        changed, ["verdicts", "settled", "agreed", "gold_seen", "gold_correct", "handling_hist"]
    )


def _events(after: int, limit: int) -> list[dict[str, Any]]:
    rows: Iterable[tuple[Any, ...]] = (
        AuditEvent.objects.filter(seq__gt=after, action__in=[int(a) for a in WATCHED])
        .order_by("seq")
        .values_list("seq", "action", "target_type", "target_id", "data_json", "at", "actor_id")[
            :limit
        ]
    )
    return [
        {
            "seq": seq,
            "action": action,
            "target_type": target_type,
            "target_id": target_id,
            "data": json.loads(data_json),
            "at": at,
            "actor_id": actor_id,
        }
        for seq, action, target_type, target_id, data_json, at, actor_id in rows
    ]


def rollups_advance(*, limit: int = BATCH) -> int:
    """Fold the next `limit` watched audit events into the roll-ups; how many were read.

    Idempotent and safe to run concurrently: the cursor row is locked for the whole
    transaction, so a second consumer waits and then starts where the first stopped.
    """
    RollupCursor.objects.get_or_create(pk=1)
    with transaction.atomic():
        cursor = RollupCursor.objects.select_for_update().get(pk=1)
        events = _events(cursor.seq, limit)
        if not events:
            return 0
        _save(_gather(events))
        cursor.seq = events[-1]["seq"]
        cursor.updated_at = timezone.now()
        cursor.save(update_fields=["seq", "updated_at"])
    return len(events)


def rollups_catch_up(*, max_batches: int = 50) -> int:
    """Advance until the roll-ups are current (or `max_batches` ran); events read."""
    read = 0
    for _ in range(max_batches):
        got = rollups_advance()
        read += got
        if got < BATCH:
            break
    return read
