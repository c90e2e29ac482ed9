"""ECE against an independent numpy computation; calibration maps against scikit-learn."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression

from stats.calibration import (
    PLATT_C,
    CalibrationMap,
    bin_index,
    ece_from_bin_sums,
    expected_calibration_error,
    fit_calibration,
    reliability_bin_sums,
)


def _overconfident(seed: int, n: int, *, on_edges: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """A model that claims more than it delivers: right with probability confidence²."""
    rng = np.random.default_rng(seed)
    confidence = rng.beta(5, 2, size=n)
    if on_edges:
        # A third of the values exactly on the decimal bin edges, including 0 and 1.
        edges = np.array([k / 10 for k in range(11)])
        pick = rng.random(n) < 1 / 3
        confidence[pick] = rng.choice(edges, size=int(pick.sum()))
    correct = rng.random(n) < confidence**2
    return confidence, correct


def _numpy_ece(confidence: np.ndarray, correct: np.ndarray) -> tuple[float, list[tuple]]:
    """ECE written out independently: np.digitize on the interior edges 0.1 … 0.9."""
    interior = np.array([k / 10 for k in range(1, 10)])
    index = np.digitize(confidence, interior, right=False)  # [e_i, e_i+1); 1.0 → bin 9
    ece = 0.0
    bins = []
    for b in range(10):
        mask = index == b
        n_b = int(mask.sum())
        if n_b == 0:
            bins.append((0, None, None))
            continue
        mean_conf = float(confidence[mask].mean())
        accuracy = float(correct[mask].mean())
        ece += n_b / confidence.size * abs(accuracy - mean_conf)
        bins.append((n_b, mean_conf, accuracy))
    return ece, bins


@pytest.mark.parametrize(
    ("seed", "n", "on_edges"), [(1, 50, False), (2, 5000, False), (3, 2000, True)]
)
def test_ece_matches_numpy(seed: int, n: int, on_edges: bool) -> None:
    confidence, correct = _overconfident(seed, n, on_edges=on_edges)
    expected_ece, expected_bins = _numpy_ece(confidence, correct)
    report = expected_calibration_error(confidence, correct)
    assert report.n == n
    assert report.ece == pytest.approx(expected_ece, abs=1e-12)
    for got, (n_b, mean_conf, accuracy) in zip(report.bins, expected_bins, strict=True):
        assert got.n == n_b
        assert got.mean_confidence == pytest.approx(mean_conf, abs=1e-12)
        assert got.accuracy == pytest.approx(accuracy, abs=1e-12)


def test_ece_with_numpy_histogram_on_continuous_data() -> None:
    """A second reference: np.histogram's counts and weighted sums (no values on edges)."""
    confidence, correct = _overconfident(4, 3000)
    n_b, _ = np.histogram(confidence, bins=10, range=(0.0, 1.0))
    conf_sum, _ = np.histogram(confidence, bins=10, range=(0.0, 1.0), weights=confidence)
    right, _ = np.histogram(confidence, bins=10, range=(0.0, 1.0), weights=correct.astype(float))
    filled = n_b > 0
    expected = float(
        np.sum(
            n_b[filled]
            / n_b.sum()
            * np.abs(right[filled] / n_b[filled] - conf_sum[filled] / n_b[filled])
        )
    )
    assert expected_calibration_error(confidence, correct).ece == pytest.approx(expected, abs=1e-12)


def test_bins_follow_the_spec_edges() -> None:
    """[0, 0.1), [0.1, 0.2), … [0.9, 1.0]: an edge value opens its bin; 1.0 is in the last."""
    values = [0.0, 0.0999, 0.1, 0.2, 0.3, 0.6, 0.7, 0.9, 0.95, 1.0]
    assert bin_index(values).tolist() == [0, 0, 1, 2, 3, 6, 7, 9, 9, 9]


def test_bin_sums_add_up_across_roll_up_buckets() -> None:
    confidence, correct = _overconfident(5, 3000, on_edges=True)
    parts = [
        reliability_bin_sums(confidence[i : i + 1000], correct[i : i + 1000])
        for i in (0, 1000, 2000)
    ]
    stored = json.loads(json.dumps(parts))
    summed = [
        (sum(p[b][0] for p in stored), sum(p[b][1] for p in stored), sum(p[b][2] for p in stored))
        for b in range(10)
    ]
    expected_ece, _ = _numpy_ece(confidence, correct)
    assert ece_from_bin_sums(summed).ece == pytest.approx(expected_ece, abs=1e-12)


def test_ece_edge_cases() -> None:
    empty = expected_calibration_error([], [])
    assert empty.ece is None
    assert empty.n == 0
    assert len(empty.bins) == 10
    assert all(b.n == 0 and b.accuracy is None for b in empty.bins)
    json.dumps(expected_calibration_error([0.2, 0.95], [True, False]).as_dict())
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        expected_calibration_error([1.2], [True])
    with pytest.raises(ValueError, match="same length"):
        expected_calibration_error([0.5, 0.6], [True])


# --- Calibration maps ------------------------------------------------------------------


def _probe_points(confidence: np.ndarray) -> np.ndarray:
    """The training points, a fine grid, and values outside the fitted range."""
    grid = np.linspace(0.0, 1.0, 1001)
    return np.concatenate(
        [confidence, grid, [0.0, 1.0, confidence.min() - 0.01, confidence.max()]]
    ).clip(0, 1)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_isotonic_apply_matches_sklearn_predict(seed: int) -> None:
    confidence, correct = _overconfident(seed, 2000)
    confidence = confidence.round(2)  # ties, which isotonic regression must pool
    cmap = fit_calibration(confidence, correct, method="isotonic")
    reference = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True, out_of_bounds="clip")
    reference.fit(confidence, correct.astype(float))
    probes = _probe_points(confidence)
    expected = reference.predict(probes)
    got = np.array([cmap.apply(float(p)) for p in probes])
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12)
    assert cmap.n_fit == 2000


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_platt_apply_matches_sklearn_predict_proba(seed: int) -> None:
    confidence, correct = _overconfident(seed, 2000)
    cmap = fit_calibration(confidence, correct, method="platt")
    reference = LogisticRegression(C=PLATT_C, max_iter=1000).fit(confidence.reshape(-1, 1), correct)
    probes = _probe_points(confidence)
    expected = reference.predict_proba(probes.reshape(-1, 1))[:, 1]
    got = np.array([cmap.apply(float(p)) for p in probes])
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-9)


@pytest.mark.parametrize("method", ["isotonic", "platt"])
def test_calibration_map_round_trips_through_json(method: str) -> None:
    confidence, correct = _overconfident(9, 500)
    cmap = fit_calibration(confidence, correct, method=method)  # type: ignore[arg-type]
    again = CalibrationMap.from_json(json.loads(json.dumps(cmap.to_json())))
    assert again == cmap
    for p in (0.0, 0.123, 0.5, 0.87, 1.0):
        assert again.apply(p) == cmap.apply(p)


def test_calibration_improves_ece_of_an_overconfident_model() -> None:
    """Fitted on one half, the map lowers ECE on the other half (measured by the numpy ECE)."""
    confidence, correct = _overconfident(10, 20000)
    train, test = slice(0, 10000), slice(10000, 20000)
    raw_ece, _ = _numpy_ece(confidence[test], correct[test])
    for method in ("isotonic", "platt"):
        cmap = fit_calibration(confidence[train], correct[train], method=method)  # type: ignore[arg-type]
        calibrated = np.array([cmap.apply(float(c)) for c in confidence[test]])
        after, _ = _numpy_ece(calibrated, correct[test])
        assert after < raw_ece / 2


def test_fit_calibration_edge_cases() -> None:
    with pytest.raises(ValueError, match="both correct and incorrect"):
        fit_calibration([0.5, 0.9], [True, True], method="platt")
    with pytest.raises(ValueError, match="no items"):
        fit_calibration([], [], method="isotonic")
    with pytest.raises(ValueError, match="unknown"):
        fit_calibration([0.5], [True], method="magic")  # type: ignore[arg-type]
    # One distinct confidence: the isotonic map is that value's accuracy everywhere,
    # which is what scikit-learn predicts too.
    cmap = fit_calibration([0.7, 0.7, 0.7, 0.7], [True, False, True, True], method="isotonic")
    reference = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
    reference.fit([0.7] * 4, [1.0, 0.0, 1.0, 1.0])
    assert [cmap.apply(p) for p in (0.1, 0.7, 0.9)] == pytest.approx(
        reference.predict([0.1, 0.7, 0.9]).tolist()
    )
    with pytest.raises(ValueError, match="strictly increasing"):
        CalibrationMap("isotonic", x=(0.5, 0.5), y=(0.1, 0.2))
