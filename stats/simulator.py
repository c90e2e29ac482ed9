"""Threshold simulator (SPEC §5): what each candidate `auto_approve_at` would have meant.

Replays decided items against candidate thresholds with the routing rule
`confidence >= auto_approve_at` → auto-approved (services/routing.py). Pass the
confidence routing compares — the calibrated one when the queue has a map.

For each candidate:
1. auto-approved = items at or above it; `auto_share` = their share of all items;
2. `error_rate` = 1 − accuracy among them (None when there are none), where correct
   means the model's label equals the final human label;
3. `human_per_day` = items below it per day of the span, plus the audit sample
   (`audit_sample_rate` of the auto-approved ones) that routing also sends to people.

Caveat for the caller: only items a human decided carry a truth, so above the current
threshold the estimate rests on the audit sample alone; `n_auto` is on every point so a
chart can show how much evidence each one has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

import numpy as np

DEFAULT_CANDIDATES = tuple(k / 100 for k in range(101))


@dataclass(frozen=True)
class ThresholdPoint:
    """The outcome of one candidate threshold over the replayed items."""

    threshold: float
    n_auto: int
    auto_share: float
    error_rate: float | None
    errors_per_day: float  # wrong auto-approvals per day, before any audit sample
    human_per_day: float
    is_current: bool


@dataclass(frozen=True)
class ThresholdCurve:
    """Points sorted by threshold; `current` is also among `points` when it was given."""

    points: tuple[ThresholdPoint, ...]
    current: ThresholdPoint | None
    n: int
    span_days: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _span_days(created_at: Sequence[datetime] | None, span_days: float | None) -> float:
    if span_days is not None:
        if span_days <= 0:
            raise ValueError("span_days must be positive")
        return float(span_days)
    if not created_at:
        raise ValueError("give span_days, or created_at for the items")
    seconds = (max(created_at) - min(created_at)).total_seconds()
    if seconds <= 0:
        raise ValueError("the items span no time; give span_days (e.g. the window length)")
    return seconds / 86400


def simulate_thresholds(
    *,
    confidences: Sequence[float] | np.ndarray,
    correct: Sequence[bool] | np.ndarray,
    created_at: Sequence[datetime] | None = None,
    span_days: float | None = None,
    candidates: Sequence[float] = DEFAULT_CANDIDATES,
    current: float | None = None,
    audit_sample_rate: float = 0.0,
) -> ThresholdCurve:
    """The curve over `candidates` (plus `current`, marked) for the chart.

    The span is `span_days` when given (prefer the window's length), otherwise the time
    from the first to the last `created_at`.
    """
    conf = np.asarray(confidences, dtype=float)
    right = np.asarray(correct, dtype=bool)
    if conf.shape != right.shape or conf.ndim != 1:
        raise ValueError("confidences and correct must be 1-d and of the same length")
    if not 0.0 <= audit_sample_rate <= 1.0:
        raise ValueError("audit_sample_rate must be in [0, 1]")
    days = _span_days(created_at, span_days)
    wanted = [*candidates] if current is None else [*candidates, current]
    thresholds = sorted({float(t) for t in wanted})

    order = np.argsort(conf, kind="stable")
    conf_sorted = conf[order]
    # correct_below[i] = correct items among the i lowest confidences.
    correct_below = np.concatenate(([0], np.cumsum(right[order])))
    n = int(conf.size)
    total_correct = int(correct_below[-1])

    points = []
    for t in thresholds:
        first_auto = int(np.searchsorted(conf_sorted, t, side="left"))  # first conf >= t
        n_auto = n - first_auto
        wrong_auto = n_auto - (total_correct - int(correct_below[first_auto]))
        points.append(
            ThresholdPoint(
                threshold=t,
                n_auto=n_auto,
                auto_share=n_auto / n if n else 0.0,
                error_rate=wrong_auto / n_auto if n_auto else None,
                errors_per_day=wrong_auto / days,
                human_per_day=(first_auto + audit_sample_rate * n_auto) / days,
                is_current=current is not None and t == current,
            )
        )
    marked = next((p for p in points if p.is_current), None)
    return ThresholdCurve(points=tuple(points), current=marked, n=n, span_days=days)
