"""Percentiles against numpy's methods of the same definitions."""

from __future__ import annotations

import numpy as np
import pytest

from reviews.metrics.percentiles import p50_p95, percentile

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
