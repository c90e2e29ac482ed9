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


# --- Percentiles from a histogram (roll-ups keep durations as bucket counts) -----------

# Bucket 0 holds [0, 1 s); bucket i ≥ 1 holds [1.1^(i−1), 1.1^i) seconds. A percentile read
# from the buckets is the upper bound of the bucket holding the nearest-rank value: never
# below the true value, and at most 10 % above it (1 s for values under a second).
DURATION_RATIO = 1.1


def duration_bucket(seconds: float) -> int:
    """The histogram bucket of a duration."""
    if seconds < 1:
        return 0
    return int(math.floor(math.log(seconds) / math.log(DURATION_RATIO))) + 1


def duration_bucket_upper(bucket: int) -> float:
    return float(DURATION_RATIO**bucket)


def percentile_from_histogram(histogram: dict[str, int], p: float) -> float | None:
    """Nearest-rank percentile (upper bucket bound) of a {bucket: count} histogram."""
    if not 0 <= p <= 100:
        raise ValueError("p must be in [0, 100]")
    counts = sorted((int(bucket), count) for bucket, count in histogram.items() if count)
    n = sum(count for _, count in counts)
    if n == 0:
        return None
    rank = max(1, math.ceil(round(p * n / 100, 9)))
    seen = 0
    for bucket, count in counts:
        seen += count
        if seen >= rank:
            return duration_bucket_upper(bucket)
    return duration_bucket_upper(counts[-1][0])  # unreachable: seen reaches n


def add_histograms(*histograms: dict[str, int]) -> dict[str, int]:
    """The sum of {bucket: count} histograms."""
    total: dict[str, int] = {}
    for histogram in histograms:
        for bucket, count in histogram.items():
            total[bucket] = total.get(bucket, 0) + count
    return total
