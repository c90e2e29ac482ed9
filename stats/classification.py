"""Precision and recall per label (SPEC §4), the human final label taken as truth.

Computed from a confusion table {predicted: {truth: items}}, which is additive, so a
roll-up can keep it per hour and slice. A ratio with a zero denominator is None
(no predictions of that label, or no items truly of it), shown as "—", never as 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class LabelScore:
    """Precision, recall and F1 of one label, with the counts behind them."""

    label: str
    precision: float | None  # true positives ÷ items predicted as this label
    recall: float | None  # true positives ÷ items whose final label is this label
    f1: float
    support: int  # items whose final label is this label
    predicted: int  # items the model gave this label
    true_positives: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def confusion_counts(
    pairs: Iterable[tuple[Hashable, Hashable]],
) -> dict[str, dict[str, int]]:
    """{predicted label: {final (true) label: items}} from (predicted, truth) pairs."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for predicted, truth in pairs:
        table[str(predicted)][str(truth)] += 1
    return {p: dict(row) for p, row in table.items()}


def precision_recall_from_counts(
    table: Mapping[str, Mapping[str, int]],
) -> dict[str, LabelScore]:
    """Scores for every label that was predicted or true at least once, sorted by label."""
    predicted: dict[str, int] = defaultdict(int)
    support: dict[str, int] = defaultdict(int)
    hits: dict[str, int] = defaultdict(int)
    for p, row in table.items():
        for t, count in row.items():
            predicted[p] += count
            support[t] += count
            if p == t:
                hits[p] += count
    scores = {}
    for label in sorted(predicted.keys() | support.keys()):
        tp = hits[label]
        precision = tp / predicted[label] if predicted[label] else None
        recall = tp / support[label] if support[label] else None
        # 2·TP / (2·TP + FP + FN): defined even when precision or recall is not, and the
        # denominator is never 0 for a label that occurs on either side.
        f1 = 2 * tp / (predicted[label] + support[label])
        scores[label] = LabelScore(
            label=label,
            precision=precision,
            recall=recall,
            f1=f1,
            support=support[label],
            predicted=predicted[label],
            true_positives=tp,
        )
    return scores


def precision_recall_per_label(
    pairs: Iterable[tuple[Hashable, Hashable]],
) -> dict[str, LabelScore]:
    """Per-label precision and recall from (model's label, final human label) pairs."""
    return precision_recall_from_counts(confusion_counts(pairs))
