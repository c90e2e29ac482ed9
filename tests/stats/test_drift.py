"""PSI against an independent numpy computation."""

from __future__ import annotations

import json

import numpy as np
import pytest

from stats.drift import (
    EPSILON,
    confidence_histogram,
    psi_confidence,
    psi_confidence_from_histograms,
    psi_labels,
)


def _numpy_psi(ref_counts: np.ndarray, cur_counts: np.ndarray) -> float:
    r = np.maximum(ref_counts / ref_counts.sum(), EPSILON)
    c = np.maximum(cur_counts / cur_counts.sum(), EPSILON)
    return float(np.sum((c - r) * np.log(c / r)))


def _numpy_psi_confidence(reference: np.ndarray, current: np.ndarray) -> float:
    ref, _ = np.histogram(reference, bins=10, range=(0.0, 1.0))
    cur, _ = np.histogram(current, bins=10, range=(0.0, 1.0))
    return _numpy_psi(ref, cur)


@pytest.mark.parametrize(
    ("seed", "current_shape"),
    [(1, (5, 2)), (2, (2, 2)), (3, (5, 1.5)), (4, (50, 2))],  # (50, 2) leaves bins empty
)
def test_psi_confidence_matches_numpy(seed: int, current_shape: tuple[float, float]) -> None:
    rng = np.random.default_rng(seed)
    reference = rng.beta(5, 2, size=4000)
    current = rng.beta(*current_shape, size=3000)
    result = psi_confidence(reference, current)
    assert result.psi == pytest.approx(_numpy_psi_confidence(reference, current), abs=1e-12)
    assert result.n_reference == 4000
    assert result.n_current == 3000
    assert sum(b.contribution for b in result.bins) == pytest.approx(result.psi, abs=1e-12)
    json.dumps(result.as_dict())


def test_psi_of_a_sample_against_itself_is_zero() -> None:
    values = np.random.default_rng(5).random(1000)
    assert psi_confidence(values, values).psi == pytest.approx(0.0, abs=1e-15)


def test_psi_confidence_puts_one_in_the_last_bin() -> None:
    assert confidence_histogram([1.0, 0.95, 0.9, 0.0]) == [1, 0, 0, 0, 0, 0, 0, 0, 0, 3]


def test_psi_confidence_histograms_add_up_across_roll_up_buckets() -> None:
    rng = np.random.default_rng(6)
    reference, current = rng.beta(5, 2, size=3000), rng.beta(4, 2, size=3000)
    ref_hist = np.sum(
        [confidence_histogram(reference[i : i + 1000]) for i in (0, 1000, 2000)], axis=0
    )
    cur_hist = np.sum(
        [confidence_histogram(current[i : i + 1000]) for i in (0, 1000, 2000)], axis=0
    )
    result = psi_confidence_from_histograms(ref_hist.tolist(), cur_hist.tolist())
    assert result.psi == pytest.approx(_numpy_psi_confidence(reference, current), abs=1e-12)


def test_psi_labels_matches_numpy_with_a_label_new_in_the_current_window() -> None:
    rng = np.random.default_rng(7)
    reference = rng.choice(["approve", "spam", "fraud"], size=2000, p=[0.7, 0.2, 0.1])
    current = rng.choice(["approve", "spam", "fraud", "other"], size=1500, p=[0.5, 0.3, 0.1, 0.1])
    labels = np.union1d(reference, current)
    ref_counts = np.array([(reference == label).sum() for label in labels])
    cur_counts = np.array([(current == label).sum() for label in labels])
    result = psi_labels(reference.tolist(), current.tolist())
    assert result.psi == pytest.approx(_numpy_psi(ref_counts, cur_counts), abs=1e-12)
    assert [b.key for b in result.bins] == labels.tolist()
    other = next(b for b in result.bins if b.key == "other")
    assert other.reference_share == 0.0


def test_psi_is_undefined_when_either_side_is_empty() -> None:
    assert psi_confidence([], [0.5]).psi is None
    assert psi_confidence([0.5], []).psi is None
    assert psi_labels([], []).psi is None
