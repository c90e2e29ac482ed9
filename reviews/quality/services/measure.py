"""Every SPEC §4 metric over a window, from the hourly roll-ups (services/rollups.py).

A window is whole hours: [start rounded down to the hour, end). Reading one is a range
scan of the queue's roll-up rows (rollup_unique leads with queue, hour), summed here and
turned into rates, percentiles, kappas, ECE and PSI by stats/ — never a scan
of items or decisions, so a dashboard over tens of millions of decisions stays fast.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from django.db import connection

from hitl.sql.rollup_sums import Cell, Part, metric_sums, reading, reviewer_sums
from reviews.quality.models import MetricRollup, ReviewerRollup
from reviews.quality.services.rollups import (
    N_BINS,
    ROLLUP_COUNTERS,
    add_table,
    day_of,
    hour_of,
    slice_key,
)
from reviews.queues.models import Queue
from stats.agreement import (
    FleissCounts,
    cohen_kappa_from_counts,
    fleiss_kappa_from_counts,
    krippendorff_alpha_from_coincidences,
)
from stats.calibration import ece_from_bin_sums
from stats.classification import precision_recall_from_counts
from stats.drift import psi_confidence_from_histograms, psi_from_counts
from stats.percentiles import add_histograms, percentile_from_histogram

_INT_FIELDS = ROLLUP_COUNTERS
_Label = TypeVar("_Label", bound=Hashable)  # a table's row and column labels


_JSON_FIELDS = (
    "conf_hist", "ece_bins", "labels_predicted", "tth_hist", "ttd_hist", "confusion", "cohen",
    "krippendorff", "fleiss", "review_seconds", "escalations_by_reason",
)  # fmt: skip
Row = dict[str, Any]


def _parts(start: datetime, end: datetime) -> list[Part]:
    """The spans and ranges of roll-up rows that together cover [start, end) exactly
    once: day rows for the whole UTC days inside it, hour rows for the hours at its edges."""
    first = hour_of(start)
    day_from = day_of(first) if first == day_of(first) else day_of(first) + timedelta(days=1)
    day_to = day_of(end)
    hour, day = MetricRollup.Span.HOUR.value, MetricRollup.Span.DAY.value
    if day_to <= day_from:  # no whole day inside: hours only
        return [Part(hour, first, end)]
    return [Part(day, day_from, day_to), Part(hour, first, day_from), Part(hour, day_to, end)]


def _rows(
    queue: Queue,
    start: datetime,
    end: datetime,
    slice_tags: dict[str, Any] | None,
    model: str | None,
    fields: Sequence[str] = (*_INT_FIELDS, *_JSON_FIELDS),
) -> list[Row]:
    """The roll-up rows of `_parts`, as plain dicts, in a fixed order (part, hour, id):
    floats are added in this order, here and in PostgreSQL (`_sums`)."""
    base = MetricRollup.objects.filter(queue=queue)
    if slice_tags is not None:
        base = base.filter(slice_key=slice_key(slice_tags))
    if model:
        base = base.filter(model_version=model)
    return [
        row
        for part in _parts(start, end)
        for row in base.filter(span=part.span, hour__gte=part.start, hour__lt=part.end)
        .order_by("hour", "id")
        .values("hour", *fields)
    ]


def _on_postgres() -> bool:
    return connection.vendor == "postgresql"


def _number(cell: Cell) -> Any:
    """A summed value as the Python path's additions leave it: the exact integer, or a
    float if any addend was one (floats in row order: hitl/sql/rollup_sums.py)."""
    if not cell.is_float:
        return int(cell.total or 0)
    return cell.float_total if cell.float_total is not None else float(cell.total or 0)


def _row_of(cells: Iterable[Cell]) -> Row:
    """PostgreSQL's sums (hitl/sql/rollup_sums.py) as one roll-up row holding the whole
    window: adding it up in Python gives what adding up the window's rows gives, keys
    in the same order."""
    row: Row = dict.fromkeys(_INT_FIELDS, 0)
    arrays: dict[str, dict[int, Any]] = defaultdict(dict)
    ece: dict[int, list[Any]] = defaultdict(lambda: [0, 0.0, 0])
    dicts: dict[str, dict[str, Any]] = defaultdict(dict)
    tables: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    fleiss: dict[str, dict[str, Any]] = {}
    for cell in sorted(cells, key=lambda c: c.first or 0):
        field, key, value = cell.field, cell.key or "", _number(cell)
        if cell.first is None:  # an integer column
            row[field] = value
        elif field == "conf_hist":
            arrays[field][int(key)] = value
        elif field == "ece_bins":
            ece[int(key)][int(cell.subkey or 0)] = value
        elif field in _TABLE_FIELDS:
            tables[field].setdefault(key, {})[cell.subkey or ""] = value
        elif field == "fleiss_raters":
            fleiss.setdefault(key, {"totals": {}})["raters"] = value
        elif field == "fleiss":
            fleiss.setdefault(key, {"totals": {}})[cell.subkey or ""] = value
        elif field == "fleiss_totals":
            fleiss.setdefault(key, {"totals": {}})["totals"][cell.subkey or ""] = value
        else:
            dicts[field][key] = value
    for name, positions in arrays.items():
        row[name] = [positions.get(b, 0) for b in range(max(positions) + 1)]
    row["ece_bins"] = [ece[b] for b in range(max(ece) + 1)] if ece else []
    row.update({name: dicts.get(name, {}) for name in _DICT_FIELDS})
    row.update({name: tables.get(name, {}) for name in _TABLE_FIELDS})
    row["conf_hist"] = row.get("conf_hist", [])
    row["fleiss"] = fleiss
    return row


_TABLE_FIELDS = ("confusion", "cohen", "krippendorff")
_DICT_FIELDS = (
    "labels_predicted", "tth_hist", "ttd_hist", "review_seconds", "escalations_by_reason",
)  # fmt: skip


def _sums(
    queue: Queue,
    windows: Sequence[tuple[datetime, datetime]],
    slice_tags: dict[str, Any] | None,
    model: str | None,
) -> list[_Sums]:
    """The sum of each window's roll-up rows: added up by PostgreSQL when it is the
    database (a few hundred cells come back instead of every row), else in Python."""
    if not _on_postgres():
        return [_Sums(_rows(queue, start, end, slice_tags, model)) for start, end in windows]
    cells = metric_sums(
        queue_id=queue.pk,
        parts=[
            part._replace(group=group)
            for group, (start, end) in enumerate(windows)
            for part in _parts(start, end)
        ],
        slice_key=slice_key(slice_tags) if slice_tags is not None else None,
        model_version=model,
        counters=_INT_FIELDS,
        arrays=("conf_hist",),
        dicts=tuple(name for name in _DICT_FIELDS if name != "review_seconds"),
        float_dicts=("review_seconds",),  # seconds: floats, added in row order
        tables=_TABLE_FIELDS,
        ece=True,
        fleiss=True,
    )
    by_window: dict[int, list[Cell]] = defaultdict(list)
    for cell in cells:
        by_window[cell.group].append(cell)
    return [_Sums([_row_of(by_window[group])]) for group in range(len(windows))]


def _reading() -> AbstractContextManager[Any]:
    """One transaction for a dashboard's statements on PostgreSQL (hitl/sql/rollup_sums.py
    `reading`); nothing elsewhere."""
    return reading() if _on_postgres() else nullcontext()


def _add_tables(
    tables: Iterable[Mapping[_Label, Mapping[_Label, Any]] | None],
) -> dict[_Label, dict[_Label, Any]]:
    total: dict[_Label, dict[_Label, Any]] = {}
    for table in tables:
        add_table(total, table or {})
    return total


class _Sums:
    """The sum of a window's roll-up rows."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.ints = dict.fromkeys(_INT_FIELDS, 0)
        self.conf_hist = [0] * N_BINS
        ece = [[0, 0.0, 0] for _ in range(N_BINS)]
        for r in rows:
            for name in _INT_FIELDS:
                self.ints[name] += r[name]
            for b, count in enumerate(r["conf_hist"] or ()):
                self.conf_hist[b] += count
            for b, (n, total, right) in enumerate(r["ece_bins"] or ()):
                ece[b][0] += int(n)
                ece[b][1] += float(total)
                ece[b][2] += int(right)
        self.ece_bins = [(int(n), float(total), int(right)) for n, total, right in ece]
        self.labels = add_histograms(*(r["labels_predicted"] or {} for r in rows))
        self.tth = add_histograms(*(r["tth_hist"] or {} for r in rows))
        self.ttd = add_histograms(*(r["ttd_hist"] or {} for r in rows))
        self.confusion: dict[str, dict[str, Any]] = _add_tables(r["confusion"] for r in rows)
        # Hashable labels: what cohen_kappa_from_counts takes (stored ones are str).
        self.cohen: dict[Hashable, dict[Hashable, Any]] = _add_tables(r["cohen"] for r in rows)
        self.krippendorff: dict[str, dict[str, Any]] = _add_tables(r["krippendorff"] for r in rows)
        self.review_seconds = add_histograms(*(r["review_seconds"] or {} for r in rows))
        self.escalations_by_reason = add_histograms(
            *(r["escalations_by_reason"] or {} for r in rows)
        )
        fleiss: dict[str, FleissCounts] = {}
        for r in rows:
            for raters, counts in (r["fleiss"] or {}).items():
                c = FleissCounts.from_dict(counts)
                fleiss[raters] = fleiss[raters] + c if raters in fleiss else c
        self.fleiss = fleiss


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def _durations(histogram: dict[str, int]) -> dict[str, Any]:
    return {
        "n": sum(histogram.values()),
        "p50": percentile_from_histogram(histogram, 50),
        "p95": percentile_from_histogram(histogram, 95),
    }


def _agreement(sums: _Sums) -> dict[str, Any]:
    # Fleiss needs one number of raters: the most common k in the window.
    fleiss = max(sums.fleiss.values(), key=lambda c: c.items, default=None)
    return {
        "cohen_kappa": asdict(cohen_kappa_from_counts(sums.cohen)),
        "fleiss_kappa": asdict(fleiss_kappa_from_counts(fleiss)) if fleiss else None,
        "krippendorff_alpha": asdict(krippendorff_alpha_from_coincidences(sums.krippendorff)),
    }


def _cost(queue: Queue, sums: _Sums) -> dict[str, Any]:
    hourly = {"tier1": queue.tier1_hourly_cost, "sme": queue.sme_hourly_cost}
    spent = sum(
        Decimal(str(seconds)) / 3600 * hourly.get(tier, queue.sme_hourly_cost)
        for tier, seconds in sums.review_seconds.items()
    )
    corrected = sums.ints["corrected"]
    return {
        "review_seconds": sums.review_seconds,
        "review_cost": float(spent),
        "corrected": corrected,
        "cost_per_corrected_output": float(spent / corrected) if corrected else None,
    }


def _summary(queue: Queue, sums: _Sums, reference: _Sums | None) -> dict[str, Any]:
    ints = sums.ints
    labelled = ints["decided"] - ints["rejected"]
    # Three populations of decided items: routed to people, the random audit sample, and
    # the active-learning sample. Only the audit sample estimates the error of what was
    # auto-approved without bias; active learning picks the doubtful on purpose.
    decided_audit = ints["decided"] - ints["decided_routed"] - ints["decided_active"]
    corrected_audit = ints["corrected"] - ints["corrected_routed"] - ints["corrected_active"]
    ece = ece_from_bin_sums(sums.ece_bins)
    result = {
        "counts": ints,
        "override_rate": _ratio(ints["corrected"], labelled),
        # Routed and sampled items apart: an audit sample is not biased towards doubt.
        "override_rate_routed": _ratio(ints["corrected_routed"], ints["decided_routed"]),
        "override_rate_sampled": _ratio(corrected_audit, decided_audit),
        "override_rate_active": _ratio(ints["corrected_active"], ints["decided_active"]),
        "time_to_human": _durations(sums.tth),
        "time_to_decision": _durations(sums.ttd),
        "escalations_per_10k": _ratio(ints["escalations"] * 10_000, ints["received"]),
        "escalations_by_reason": sums.escalations_by_reason,
        "agreement": _agreement(sums),
        "ece": {"ece": ece.ece, "n": ece.n, "bins": [asdict(b) for b in ece.bins]},
        "precision_recall": {
            label: asdict(score)
            for label, score in precision_recall_from_counts(sums.confusion).items()
        },
        "cost": _cost(queue, sums),
        "confidence_histogram": sums.conf_hist,
        "predicted_labels": sums.labels,
    }
    if reference is not None:
        result["drift"] = {
            "confidence": asdict(
                psi_confidence_from_histograms(reference.conf_hist, sums.conf_hist)
            ),
            "labels": asdict(psi_from_counts(reference.labels, sums.labels)),
        }
    return result


def queue_metrics(
    *,
    queue: Queue,
    start: datetime,
    end: datetime,
    slice_tags: dict[str, Any] | None = None,
    model_version: str | None = None,
    reference: tuple[datetime, datetime] | None = None,
) -> dict[str, Any]:
    """Every §4 metric of the queue over [start, end); drift against `reference`
    (default: the window of the same length just before)."""
    ref_start, ref_end = reference or (start - (end - start), start)
    with _reading():
        sums, ref = _sums(queue, [(start, end), (ref_start, ref_end)], slice_tags, model_version)
        reviewers = reviewer_quality(queue=queue, start=start, end=end)
    return {
        "queue": queue.slug,
        "window": {"start": hour_of(start).isoformat(), "end": end.isoformat()},
        "reference": {"start": hour_of(ref_start).isoformat(), "end": ref_end.isoformat()},
        "slice": slice_tags,
        "model_version": model_version,
        **_summary(queue, sums, ref),
        "reviewers": reviewers,
    }


_SERIES_FIELDS = (
    "received", "routed_tier1", "routed_sme", "decided", "escalations", "corrected",
    "rejected", "tth_hist", "conf_hist",
)  # fmt: skip


def queue_series(
    *,
    queue: Queue,
    start: datetime,
    end: datetime,
    step: timedelta = timedelta(hours=1),
    slice_tags: dict[str, Any] | None = None,
    model_version: str | None = None,
) -> list[dict[str, Any]]:
    """Points over time for the dashboard's charts, one per `step` (whole hours, or whole
    UTC days read from day rows); PSI of each point's confidence against the one before."""
    daily = step % timedelta(days=1) == timedelta(0)
    origin = day_of(start) if daily else hour_of(start)
    span = MetricRollup.Span.DAY if daily else MetricRollup.Span.HOUR
    steps: dict[int, list[Row]] = defaultdict(list)
    if _on_postgres():
        by_step: dict[int, list[Cell]] = defaultdict(list)
        for cell in metric_sums(
            queue_id=queue.pk,
            parts=[Part(span.value, origin, end)],
            slice_key=slice_key(slice_tags) if slice_tags is not None else None,
            model_version=model_version,
            step=(origin, step // timedelta(microseconds=1)),
            counters=_SERIES_FIELDS[:7],
            arrays=("conf_hist",),
            dicts=("tth_hist",),
        ):
            by_step[cell.group].append(cell)
        for index, cells in by_step.items():
            row = _row_of(cells)
            conf = row.get("conf_hist") or []
            steps[index].append({**row, "conf_hist": conf + [0] * (N_BINS - len(conf))})
    else:
        rows = MetricRollup.objects.filter(queue=queue, span=span, hour__gte=origin, hour__lt=end)
        if slice_tags is not None:
            rows = rows.filter(slice_key=slice_key(slice_tags))
        if model_version:
            rows = rows.filter(model_version=model_version)
        for row in rows.values("hour", *_SERIES_FIELDS):
            steps[int((row["hour"] - origin) / step)].append(row)
    points = []
    previous: list[int] | None = None
    index, at = 0, origin
    while at < end:
        at_step = steps.get(index, [])
        ints = {name: sum(r[name] for r in at_step) for name in _SERIES_FIELDS[:7]}
        conf = [sum((r["conf_hist"] or [0] * N_BINS)[b] for r in at_step) for b in range(N_BINS)]
        points.append(
            {
                "at": at.isoformat(),
                **{name: ints[name] for name in _SERIES_FIELDS[:5]},
                "override_rate": _ratio(ints["corrected"], ints["decided"] - ints["rejected"]),
                "time_to_human_p95": percentile_from_histogram(
                    add_histograms(*(r["tth_hist"] or {} for r in at_step)), 95
                ),
                "psi_confidence": psi_confidence_from_histograms(previous, conf).psi
                if previous is not None
                else None,
            }
        )
        previous = conf
        index, at = index + 1, at + step
    return points


_REVIEWER_COUNTS = ("verdicts", "settled", "agreed", "gold_seen", "gold_correct")


def reviewer_quality(*, queue: Queue, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Per reviewer: verdicts, agreement with the final label, gold accuracy, median time."""
    totals: dict[int, dict[str, Any]] = {}
    if _on_postgres():
        for sums in reviewer_sums(queue_id=queue.pk, start=hour_of(start), end=end):
            totals[sums.reviewer_id] = {
                "reviewer": sums.username,
                **{name: getattr(sums, name) for name in _REVIEWER_COUNTS},
                "hist": {
                    key: int(n) if n == int(n) else float(n)
                    for key, n in zip(sums.hist_keys or (), sums.hist_totals or (), strict=True)
                },
            }
    else:
        rows = ReviewerRollup.objects.filter(
            queue=queue, hour__gte=hour_of(start), hour__lt=end
        ).select_related("reviewer")
        for row in rows:
            total = totals.setdefault(
                row.reviewer_id,
                {"reviewer": row.reviewer.username, **dict.fromkeys(_REVIEWER_COUNTS, 0),
                 "hist": {}},
            )  # fmt: skip
            for name in _REVIEWER_COUNTS:
                total[name] += getattr(row, name)
            total["hist"] = add_histograms(total["hist"], row.handling_hist or {})
    out = []
    for total in sorted(totals.values(), key=lambda t: t["reviewer"]):
        hist = total.pop("hist")
        median_bucket = percentile_from_histogram(hist, 50)
        out.append(
            {
                **total,
                "agreement_with_final": _ratio(total["agreed"], total["settled"]),
                "gold_accuracy": _ratio(total["gold_correct"], total["gold_seen"]),
                "median_handling_s": median_bucket,
            }
        )
    return out
