"""Per-label precision and recall against scikit-learn."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from sklearn.metrics import precision_recall_fscore_support

from stats.classification import (
    confusion_counts,
    precision_recall_from_counts,
    precision_recall_per_label,
)

LABELS = ["approve", "spam", "fraud", "other"]


def _as_float(value: float | None) -> float:
    return math.nan if value is None else value


@pytest.mark.parametrize(("seed", "n"), [(1, 30), (2, 500), (3, 5000)])
def test_precision_recall_match_sklearn(seed: int, n: int) -> None:
    rng = np.random.default_rng(seed)
    truth = rng.choice(LABELS, size=n, p=[0.6, 0.2, 0.15, 0.05])
    # The model never predicts "other" (precision undefined) and sometimes invents "legal",
    # which no human ever chose (recall undefined).
    predicted = np.where(
        rng.random(n) < 0.75, truth, rng.choice(["approve", "spam", "fraud", "legal"], size=n)
    )
    predicted = np.where(predicted == "other", "approve", predicted)
    labels = sorted(set(truth) | set(predicted))
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=labels, zero_division=np.nan
    )
    scores = precision_recall_per_label(zip(predicted, truth, strict=True))
    assert list(scores) == labels
    for i, label in enumerate(labels):
        got = scores[label]
        np.testing.assert_allclose(
            [_as_float(got.precision), _as_float(got.recall), got.f1],
            [precision[i], recall[i], f1[i]],
            rtol=0,
            atol=1e-12,
        )
        assert got.support == support[i]
    assert scores["other"].precision is None
    assert scores["legal"].recall is None


def test_confusion_counts_round_trip_and_add_up() -> None:
    rng = np.random.default_rng(4)
    truth = rng.choice(LABELS, size=600)
    predicted = np.where(rng.random(600) < 0.6, truth, rng.choice(LABELS, size=600))
    pairs = list(zip(predicted.tolist(), truth.tolist(), strict=True))
    total: dict[str, dict[str, int]] = {}
    for i in (0, 200, 400):
        for p, row in json.loads(json.dumps(confusion_counts(pairs[i : i + 200]))).items():
            for t, count in row.items():
                total.setdefault(p, {}).setdefault(t, 0)
                total[p][t] += count
    precision, recall, _, _ = precision_recall_fscore_support(
        truth, predicted, labels=sorted(LABELS)
    )
    scores = precision_recall_from_counts(total)
    assert [scores[label].precision for label in sorted(LABELS)] == pytest.approx(
        precision.tolist()
    )
    assert [scores[label].recall for label in sorted(LABELS)] == pytest.approx(recall.tolist())


def test_no_pairs_no_scores() -> None:
    assert precision_recall_per_label([]) == {}
