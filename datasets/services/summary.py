"""A snapshot's summary, gathered row by row while the files are written (SPEC §4 terms).

Counts only, so memory does not grow with the rows: the agreement statistic keeps
Krippendorff's additive coincidence matrix (stats/agreement.py), not the verdicts. Open-ended
keys (slices, model versions) keep their first MAX_KEYS distinct values, in row order, and
count the rest under "(other)", so a tag unique to each item cannot grow it either.

- override_rate: items whose final label differs from the model's ÷ human-decided items
  with a label. A rejected item has no final label and is left out of both counts, as in
  the dashboard (reviews/quality/services/measure.py); `_routed` and `_sampled` split it by why the
  item reached people (an audit sample is not biased towards doubt).
- agreement: over items with ≥ 2 verdicts, each item's verdicts (every tier) one unit;
  Krippendorff's alpha (nominal) and the mean per-item agreement of the rows.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from audit.services import canonical_json
from reviews.quality.services.rollups import add_table
from stats.agreement import (
    krippendorff_alpha_from_coincidences,
    krippendorff_coincidences,
)
from stats.answers import REJECTED, verdict_answer

MAX_KEYS = 1000
OTHER = "(other)"
ROUTED = "routed"  # the sample_reason count of items that were not sampled


def _count(counter: Counter[str], key: str) -> None:
    """Count `key`, or OTHER once MAX_KEYS distinct keys are held."""
    if key in counter or len(counter) < MAX_KEYS:
        counter[key] += 1
    else:
        counter[OTHER] += 1


def _ratio(part: float, whole: int) -> float | None:
    return part / whole if whole else None


class SummaryAccumulator:
    """Feed every row with `add(row)`; `result()` is the summary stored on the Dataset."""

    def __init__(self) -> None:
        self.rows = 0
        self.labels: Counter[str] = Counter()
        self.outcomes: Counter[str] = Counter()
        self.splits: Counter[str] = Counter()
        self.sample_reasons: Counter[str] = Counter()
        self.slices: Counter[str] = Counter()
        self.model_versions: Counter[str] = Counter()
        # [labelled, overridden] for routed and for sampled items.
        self.overrides = {"routed": [0, 0], "sampled": [0, 0]}
        self.coincidences: dict[str, dict[str, float]] = {}
        self.agreement_sum = 0.0
        self.agreement_items = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows += 1
        outcome, label = row["outcome"], row["final_label"]
        self.outcomes[outcome] += 1
        self.splits[row["split"]] += 1
        self.sample_reasons[row["sample_reason"] or ROUTED] += 1
        _count(self.slices, canonical_json(row["slice"]))
        _count(self.model_versions, row["model_version"])
        model_label = row["model_output"]["label"]
        if outcome != REJECTED:
            self.labels[label] += 1
            counts = self.overrides["sampled" if row["sample_reason"] else "routed"]
            counts[0] += 1
            counts[1] += label != model_label
        verdicts = row["verdicts"]
        if len(verdicts) >= 2:
            answers = [
                verdict_answer(verdict=v["verdict"], label=v["label"], output_label=model_label)
                for v in verdicts
            ]
            add_table(self.coincidences, krippendorff_coincidences([answers]))
        if row["agreement"] is not None:
            self.agreement_sum += row["agreement"]
            self.agreement_items += 1

    def result(self) -> dict[str, Any]:
        routed, sampled = self.overrides["routed"], self.overrides["sampled"]
        alpha = krippendorff_alpha_from_coincidences(self.coincidences)
        return {
            "rows": self.rows,
            "label_distribution": dict(sorted(self.labels.items())),
            "outcomes": dict(sorted(self.outcomes.items())),
            "override_rate": _ratio(routed[1] + sampled[1], routed[0] + sampled[0]),
            "override_rate_routed": _ratio(routed[1], routed[0]),
            "override_rate_sampled": _ratio(sampled[1], sampled[0]),
            "agreement": {
                "items": self.agreement_items,
                "krippendorff_alpha": alpha.value,
                "mean_item_agreement": _ratio(self.agreement_sum, self.agreement_items),
            },
            "slice_coverage": dict(sorted(self.slices.items())),
            "splits": {name: self.splits[name] for name in ("train", "validation", "test")},
            "sample_reasons": dict(sorted(self.sample_reasons.items())),
            "model_versions": dict(sorted(self.model_versions.items())),
        }
