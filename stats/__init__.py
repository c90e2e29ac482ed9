"""Pure metric functions of SPEC §4 and the threshold simulator of §5: no database.

Sequences or numpy arrays in; small frozen dataclasses (each with `as_dict()`) or plain
dicts out, JSON-friendly. Every statistic a dashboard sums over time also has an
additive counts form (`*_counts` / `*_from_counts`, bin sums, histograms) so roll-ups
store counts per hour and never rescan decisions.
"""

from __future__ import annotations

from stats.agreement import (
    Agreement,
    FleissCounts,
    cohen_counts,
    cohen_kappa,
    cohen_kappa_from_counts,
    fleiss_counts,
    fleiss_kappa,
    fleiss_kappa_from_counts,
    krippendorff_alpha_from_coincidences,
    krippendorff_alpha_nominal,
    krippendorff_coincidences,
)
from stats.calibration import (
    CalibrationMap,
    CalibrationReport,
    ReliabilityBin,
    ece_from_bin_sums,
    expected_calibration_error,
    fit_calibration,
    reliability_bin_sums,
)
from stats.classification import (
    LabelScore,
    confusion_counts,
    precision_recall_from_counts,
    precision_recall_per_label,
)
from stats.drift import (
    Drift,
    DriftBin,
    confidence_histogram,
    psi_confidence,
    psi_confidence_from_histograms,
    psi_from_counts,
    psi_labels,
)
from stats.percentiles import p50_p95, percentile
from stats.simulator import ThresholdCurve, ThresholdPoint, simulate_thresholds

__all__ = [
    "Agreement",
    "CalibrationMap",
    "CalibrationReport",
    "Drift",
    "DriftBin",
    "FleissCounts",
    "LabelScore",
    "ReliabilityBin",
    "ThresholdCurve",
    "ThresholdPoint",
    "cohen_counts",
    "cohen_kappa",
    "cohen_kappa_from_counts",
    "confidence_histogram",
    "confusion_counts",
    "ece_from_bin_sums",
    "expected_calibration_error",
    "fit_calibration",
    "fleiss_counts",
    "fleiss_kappa",
    "fleiss_kappa_from_counts",
    "krippendorff_alpha_from_coincidences",
    "krippendorff_alpha_nominal",
    "krippendorff_coincidences",
    "p50_p95",
    "percentile",
    "precision_recall_from_counts",
    "precision_recall_per_label",
    "psi_confidence",
    "psi_confidence_from_histograms",
    "psi_from_counts",
    "psi_labels",
    "reliability_bin_sums",
    "simulate_thresholds",
]
