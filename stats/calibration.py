"""Calibration (SPEC §4 "calibration error", §3 step 3): ECE, reliability diagram, maps.

ECE uses the SPEC's 10 equal-width bins [0, 0.1), [0.1, 0.2), … [0.9, 1.0], with 1.0 in
the last bin. The per-bin sums (n, Σ confidence, correct) are additive, so a roll-up can
store them per hour and `ece_from_bin_sums` turns the summed rows into the same report.

A calibration map is fitted with scikit-learn but applied in pure Python: routing calls
`CalibrationMap.apply` once per prediction and must not pay numpy's per-call overhead or
need the fitted estimator. The map is a few numbers that round-trip through JSON.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

N_BINS = 10
# Platt scaling is meant to be an (almost) unregularised fit; a large C keeps the
# coefficients finite when the data happen to be separable.
PLATT_C = 1e4


@dataclass(frozen=True)
class ReliabilityBin:
    """One bar of the reliability diagram; means are None for an empty bin."""

    lower: float
    upper: float
    n: int
    mean_confidence: float | None
    accuracy: float | None


@dataclass(frozen=True)
class CalibrationReport:
    """ECE (None with no items) and the reliability diagram it was computed from."""

    ece: float | None
    n: int
    bins: tuple[ReliabilityBin, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "ece": self.ece,
            "n": self.n,
            "bins": [vars(b).copy() for b in self.bins],
        }


def _edges(n_bins: int) -> list[float]:
    # k / n_bins is the double nearest the decimal edge (0.3, 0.7, …), so a confidence
    # written as 0.3 lands in [0.3, 0.4) as the SPEC reads; multiplying by 10 and
    # flooring would not promise that for every edge.
    return [k / n_bins for k in range(n_bins + 1)]


def _check_confidences(values: np.ndarray) -> None:
    if values.size and not (np.all(values >= 0.0) and np.all(values <= 1.0)):
        raise ValueError("confidences must be numbers in [0, 1]")


def bin_index(confidences: Sequence[float] | np.ndarray, *, n_bins: int = N_BINS) -> np.ndarray:
    """Bin of each confidence: [k/n, (k+1)/n) for k < n−1, the last bin closed at 1.0."""
    values = np.asarray(confidences, dtype=float)
    _check_confidences(values)
    index = np.searchsorted(np.asarray(_edges(n_bins)), values, side="right") - 1
    return np.minimum(index, n_bins - 1)


def reliability_bin_sums(
    confidences: Sequence[float] | np.ndarray,
    correct: Sequence[bool] | np.ndarray,
    *,
    n_bins: int = N_BINS,
) -> list[tuple[int, float, int]]:
    """Per bin (n, Σ confidence, number correct): the additive form a roll-up stores."""
    values = np.asarray(confidences, dtype=float)
    hits = np.asarray(correct, dtype=bool)
    if values.shape != hits.shape:
        raise ValueError("confidences and correct must have the same length")
    index = bin_index(values, n_bins=n_bins)
    n = np.bincount(index, minlength=n_bins)
    total = np.bincount(index, weights=values, minlength=n_bins)
    right = np.bincount(index, weights=hits, minlength=n_bins)
    return [(int(n[b]), float(total[b]), int(round(float(right[b])))) for b in range(n_bins)]


def ece_from_bin_sums(sums: Sequence[tuple[int, float, int]]) -> CalibrationReport:
    """ECE = Σ_b (n_b / N) · |accuracy_b − mean confidence_b| from per-bin sums."""
    n_bins = len(sums)
    edges = _edges(n_bins)
    total = sum(n for n, _, _ in sums)
    bins = []
    ece = 0.0
    for b, (n, confidence_sum, right) in enumerate(sums):
        mean = confidence_sum / n if n else None
        accuracy = right / n if n else None
        if n:
            ece += n / total * abs(right / n - confidence_sum / n)
        bins.append(ReliabilityBin(edges[b], edges[b + 1], n, mean, accuracy))
    return CalibrationReport(ece=ece if total else None, n=total, bins=tuple(bins))


def expected_calibration_error(
    confidences: Sequence[float] | np.ndarray,
    correct: Sequence[bool] | np.ndarray,
    *,
    n_bins: int = N_BINS,
) -> CalibrationReport:
    """ECE and reliability diagram of human-decided items.

    `confidences` is the model's raw confidence; `correct[i]` says whether the model's
    label equals the final human label.
    """
    return ece_from_bin_sums(reliability_bin_sums(confidences, correct, n_bins=n_bins))


# --- Calibration maps -------------------------------------------------------------------

Method = Literal["isotonic", "platt"]


@dataclass(frozen=True)
class CalibrationMap:
    """confidence → probability of being right, as fitted from human decisions.

    isotonic: a non-decreasing piecewise-linear curve through (x[i], y[i]), flat outside
    [x[0], x[-1]] (scikit-learn's IsotonicRegression with out_of_bounds="clip").
    platt: 1 / (1 + exp(−(a · confidence + b))).
    """

    method: Method
    x: tuple[float, ...] = ()
    y: tuple[float, ...] = ()
    a: float = 0.0
    b: float = 0.0
    n_fit: int = 0  # items the map was fitted on, for the dashboard and audit
    _slopes: tuple[float, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.method == "isotonic":
            if not self.x or len(self.x) != len(self.y):
                raise ValueError("an isotonic map needs x and y of the same, non-zero length")
            if any(x1 <= x0 for x0, x1 in zip(self.x, self.x[1:], strict=False)):
                raise ValueError("isotonic x must be strictly increasing")
            slopes = tuple(
                (y1 - y0) / (x1 - x0)
                for x0, x1, y0, y1 in zip(self.x, self.x[1:], self.y, self.y[1:], strict=False)
            )
            object.__setattr__(self, "_slopes", slopes)
        elif self.method != "platt":
            raise ValueError(f"unknown calibration method {self.method!r}")

    def apply(self, confidence: float) -> float:
        """Calibrated confidence in [0, 1]; pure Python, a few hundred ns per call."""
        if self.method == "platt":
            z = self.a * confidence + self.b
            # Two branches keep exp() from overflowing for large |z|.
            if z >= 0:
                return 1.0 / (1.0 + math.exp(-z))
            e = math.exp(z)
            return e / (1.0 + e)
        x = self.x
        if confidence <= x[0]:
            return self.y[0]
        if confidence >= x[-1]:
            return self.y[-1]
        i = bisect_right(x, confidence) - 1
        return self.y[i] + self._slopes[i] * (confidence - x[i])

    def to_json(self) -> dict[str, Any]:
        if self.method == "platt":
            return {"method": "platt", "a": self.a, "b": self.b, "n_fit": self.n_fit}
        return {"method": "isotonic", "x": list(self.x), "y": list(self.y), "n_fit": self.n_fit}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CalibrationMap:
        method = data["method"]
        n_fit = int(data.get("n_fit", 0))
        if method == "platt":
            return cls("platt", a=float(data["a"]), b=float(data["b"]), n_fit=n_fit)
        return cls(
            "isotonic",
            x=tuple(float(v) for v in data["x"]),
            y=tuple(float(v) for v in data["y"]),
            n_fit=n_fit,
        )


def isotonic_estimator() -> Any:
    """The scikit-learn estimator `fit_calibration(method="isotonic")` fits."""
    from sklearn.isotonic import IsotonicRegression

    return IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True, out_of_bounds="clip")


def platt_estimator() -> Any:
    """The scikit-learn estimator `fit_calibration(method="platt")` fits."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=PLATT_C, max_iter=1000)


def fit_calibration(
    confidences: Sequence[float] | np.ndarray,
    correct: Sequence[bool] | np.ndarray,
    *,
    method: Method = "isotonic",
) -> CalibrationMap:
    """Fit a map from raw confidence to the observed chance the model was right.

    Fit on human-decided items only (their final label is the truth). Isotonic needs
    no shape assumption but many items; Platt is two numbers and steadier on few items.
    Platt needs both right and wrong items (ValueError otherwise).
    """
    x = np.asarray(confidences, dtype=float)
    y = np.asarray(correct, dtype=bool)
    if x.shape != y.shape or x.ndim != 1:
        raise ValueError("confidences and correct must be 1-d and of the same length")
    if x.size == 0:
        raise ValueError("no items to fit a calibration map on")
    _check_confidences(x)
    if method == "isotonic":
        iso = isotonic_estimator().fit(x, y.astype(float))
        return CalibrationMap(
            "isotonic",
            x=tuple(float(v) for v in iso.X_thresholds_),
            y=tuple(float(v) for v in iso.y_thresholds_),
            n_fit=int(x.size),
        )
    if method == "platt":
        if y.all() or not y.any():
            raise ValueError("Platt scaling needs both correct and incorrect items")
        model = platt_estimator().fit(x.reshape(-1, 1), y)
        # classes_ is [False, True], so coef_ and intercept_ are the log-odds of "correct".
        return CalibrationMap(
            "platt", a=float(model.coef_[0][0]), b=float(model.intercept_[0]), n_fit=int(x.size)
        )
    raise ValueError(f"unknown calibration method {method!r}")
