"""Drift (SPEC §4): population stability index, current window against a reference window.

PSI = Σ_b (c_b − r_b) · ln(c_b / r_b) over bins b, with r_b and c_b the reference and
current shares. A bin empty on one side would make the log infinite, so every share is
floored at EPSILON = 1e-4 before the sum (shares are not renormalised; a bin empty on
both sides contributes 0). Common reading: < 0.1 stable, 0.1–0.25 moderate shift,
> 0.25 large shift — a convention, not a law; alert rules set their own thresholds.

Confidence uses equal-width bins on [0, 1] (the last closed at 1.0, as for ECE); labels
use every label seen on either side. Both are also available from counts, which are
additive, so a roll-up can keep a histogram per hour.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from stats.calibration import bin_index

EPSILON = 1e-4


@dataclass(frozen=True)
class DriftBin:
    """One bin's shares on each side and its term of the sum."""

    key: str
    reference_share: float
    current_share: float
    contribution: float


@dataclass(frozen=True)
class Drift:
    """PSI (None when either side is empty) with the per-bin detail for a chart."""

    psi: float | None
    n_reference: int
    n_current: int
    bins: tuple[DriftBin, ...]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def psi_from_counts(
    reference: Mapping[str, int], current: Mapping[str, int], *, epsilon: float = EPSILON
) -> Drift:
    """PSI from per-bin counts; keys missing on one side count as 0. Key order is kept."""
    keys = list(dict.fromkeys([*reference, *current]))
    n_ref = sum(reference.values())
    n_cur = sum(current.values())
    bins = []
    psi = 0.0
    for key in keys:
        r = reference.get(key, 0) / n_ref if n_ref else 0.0
        c = current.get(key, 0) / n_cur if n_cur else 0.0
        r_f, c_f = max(r, epsilon), max(c, epsilon)
        term = (c_f - r_f) * math.log(c_f / r_f)
        psi += term
        bins.append(DriftBin(str(key), r, c, term))
    return Drift(
        psi=psi if n_ref and n_cur else None, n_reference=n_ref, n_current=n_cur, bins=tuple(bins)
    )


def confidence_histogram(values: Sequence[float] | np.ndarray, *, bins: int = 10) -> list[int]:
    """Counts per equal-width confidence bin on [0, 1] (1.0 in the last bin)."""
    index = bin_index(values, n_bins=bins)
    return [int(n) for n in np.bincount(index, minlength=bins)]


def _bin_keys(bins: int) -> list[str]:
    keys = [f"[{k / bins:g}, {(k + 1) / bins:g})" for k in range(bins)]
    keys[-1] = keys[-1][:-1] + "]"
    return keys


def psi_confidence_from_histograms(
    reference: Sequence[int], current: Sequence[int], *, epsilon: float = EPSILON
) -> Drift:
    """PSI of two confidence histograms with the same number of bins."""
    if len(reference) != len(current):
        raise ValueError("the two histograms need the same bins")
    keys = _bin_keys(len(reference))
    return psi_from_counts(
        dict(zip(keys, reference, strict=True)),
        dict(zip(keys, current, strict=True)),
        epsilon=epsilon,
    )


def psi_confidence(
    reference: Sequence[float] | np.ndarray,
    current: Sequence[float] | np.ndarray,
    *,
    bins: int = 10,
    epsilon: float = EPSILON,
) -> Drift:
    """PSI of the confidence distribution: `bins` equal-width bins on [0, 1]."""
    return psi_confidence_from_histograms(
        confidence_histogram(reference, bins=bins),
        confidence_histogram(current, bins=bins),
        epsilon=epsilon,
    )


def psi_labels(
    reference_labels: Iterable[Hashable],
    current_labels: Iterable[Hashable],
    *,
    epsilon: float = EPSILON,
) -> Drift:
    """PSI of the predicted-label distribution over every label seen on either side."""
    reference = Counter(str(label) for label in reference_labels)
    current = Counter(str(label) for label in current_labels)
    keys = sorted(reference.keys() | current.keys())
    return psi_from_counts(
        {k: reference[k] for k in keys}, {k: current[k] for k in keys}, epsilon=epsilon
    )
