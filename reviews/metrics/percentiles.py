"""Percentiles for time-to-human and time-to-decision (SPEC §4 p50/p95).

Two definitions, because the roll-ups may be computed in SQL:
- "nearest_rank" (default): the value at rank ⌈p/100 · n⌉ of the sorted values, always an
  observed value. Same as numpy's method="inverted_cdf" and PostgreSQL's percentile_disc.
- "linear": interpolate between ranks at (n − 1) · p/100 (0-based). Same as numpy's
  default method="linear" and PostgreSQL's percentile_cont.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal

PercentileMethod = Literal["nearest_rank", "linear"]


def percentile(
    values: Iterable[float], p: float, *, method: PercentileMethod = "nearest_rank"
) -> float | None:
    """The p-th percentile (p in [0, 100]) of unsorted values; None when there are none."""
    if not 0 <= p <= 100:
        raise ValueError("p must be in [0, 100]")
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return None
    if method == "nearest_rank":
        # round() strips float dust: 64.4 % of 250 is rank 161, though the float product
        # comes out as 161.00000000000003.
        rank = math.ceil(round(p * n / 100, 9))
        return ordered[min(max(rank, 1), n) - 1]
    if method == "linear":
        h = (n - 1) * p / 100
        lower = math.floor(h)
        if lower >= n - 1:
            return ordered[-1]
        return ordered[lower] + (h - lower) * (ordered[lower + 1] - ordered[lower])
    raise ValueError(f"unknown percentile method {method!r}")


def p50_p95(
    values: Iterable[float], *, method: PercentileMethod = "nearest_rank"
) -> dict[str, float | None | int]:
    """{"n", "p50", "p95"} for a dashboard tile; p50/p95 are None with no values."""
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "p50": percentile(ordered, 50, method=method),
        "p95": percentile(ordered, 95, method=method),
    }
