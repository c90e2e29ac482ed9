"""Percentiles against numpy's methods of the same definitions."""

from __future__ import annotations

import numpy as np
import pytest

from stats.percentiles import (
    DURATION_RATIO,
    add_histograms,
    duration_bucket,
    duration_bucket_upper,
    p50_p95,
    percentile,
    percentile_from_histogram,
)

NUMPY_METHOD = {"nearest_rank": "inverted_cdf", "linear": "linear"}


@pytest.mark.parametrize("method", ["nearest_rank", "linear"])
@pytest.mark.parametrize("n", [1, 2, 3, 10, 20, 99, 100, 1001])
def test_percentile_matches_numpy(method: str, n: int) -> None:
    values = np.random.default_rng(n).exponential(2.0, size=n)
    for p in (0, 1, 5, 25, 50, 75, 90, 95, 99, 100):
        expected = float(np.percentile(values, p, method=NUMPY_METHOD[method]))
        got = percentile(values.tolist(), p, method=method)  # type: ignore[arg-type]
        assert got == pytest.approx(expected, rel=1e-12), (n, p)


def test_nearest_rank_is_an_observed_value_at_rank_ceil() -> None:
    """95 % of 20 values is rank 19 exactly (not 20): the float-dust case."""
    values = list(range(1, 21))
    assert percentile(values, 95) == 19
    assert percentile(values, 50) == 10
    # ⌈0.644 · 250⌉ = 161, but 64.4 · 250 / 100 is 161.00000000000003 in floats; the
    # exact rank wins.
    assert percentile(list(range(1, 251)), 64.4) == 161


def test_p50_p95_and_empty_input() -> None:
    assert p50_p95([]) == {"n": 0, "p50": None, "p95": None}
    summary = p50_p95([3.0, 1.0, 2.0, 10.0])
    assert summary["n"] == 4
    assert summary["p50"] == float(np.percentile([3.0, 1.0, 2.0, 10.0], 50, method="inverted_cdf"))
    with pytest.raises(ValueError, match="p must be"):
        percentile([1.0], 101)


def test_histogram_percentiles_bound_the_exact_ones_from_above_within_ten_percent() -> None:
    rng = np.random.default_rng(7)
    durations = np.concatenate([rng.exponential(300, 5000), rng.uniform(0, 1, 200)])
    histogram: dict[str, int] = {}
    for seconds in durations:
        key = str(duration_bucket(float(seconds)))
        histogram[key] = histogram.get(key, 0) + 1
    for p in (50, 90, 95, 99):
        exact = float(np.percentile(durations, p, method="inverted_cdf"))
        approx = percentile_from_histogram(histogram, p)
        assert approx is not None
        assert exact <= approx <= max(exact * DURATION_RATIO, 1.0), (p, exact, approx)


def test_histograms_add_and_empty_ones_have_no_percentile() -> None:
    assert add_histograms({"1": 2}, {"1": 1, "5": 4}) == {"1": 3, "5": 4}
    assert percentile_from_histogram({}, 50) is None
    assert duration_bucket(0.2) == 0
    assert duration_bucket_upper(duration_bucket(100.0)) >= 100.0
