"""Agreement statistics against published worked examples and reference implementations."""

from __future__ import annotations

import json
import math
import warnings

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss_kappa

from stats.agreement import (
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

LABELS = ["approve", "spam", "fraud", "other"]

# --- Krippendorff's alpha --------------------------------------------------------------

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
# 12 units, nominal values 1–5, "." for a missing value. Published nominal alpha: 0.743.
KRIPPENDORFF_2011 = """
    1 2 3 3 2 1 4 1 2 . . .
    1 2 3 3 2 2 4 1 2 5 . 3
    . 3 3 3 2 3 4 2 2 5 1 .
    1 2 3 3 2 4 4 1 2 5 1 .
"""


def _reliability_rows(text: str) -> list[list[float]]:
    return [
        [math.nan if v == "." else float(v) for v in line.split()]
        for line in text.strip().splitlines()
    ]


def _units(rows: list[list[float]]) -> list[list[str]]:
    """Coders × units reliability data → per unit, the values present (as label strings)."""
    return [
        [str(int(v)) for v in column if not math.isnan(v)] for column in zip(*rows, strict=True)
    ]


def _random_reliability(
    seed: int, coders: int, units: int, missing: float, categories: int = 4
) -> list[list[float]]:
    rng = np.random.default_rng(seed)
    # A shared "true" category per unit that coders follow 70 % of the time, so alpha
    # sits well away from 0 and the comparison is not between two near-zero numbers.
    truth = rng.integers(0, categories, size=units)
    follow = rng.random((coders, units)) < 0.7
    noise = rng.integers(0, categories, size=(coders, units))
    data = np.where(follow, truth, noise).astype(float)
    data[rng.random((coders, units)) < missing] = np.nan
    return data.tolist()


def test_krippendorff_2011_published_example() -> None:
    result = krippendorff_alpha_nominal(_units(_reliability_rows(KRIPPENDORFF_2011)))
    assert result.value == pytest.approx(0.743, abs=5e-4)
    # Unit 12 has one value only: not pairable. 40 pairable values in the other 11.
    assert result.n_items == 11
    assert result.n_ratings == 40


def test_krippendorff_2011_example_matches_the_krippendorff_package() -> None:
    rows = _reliability_rows(KRIPPENDORFF_2011)
    reference = krippendorff.alpha(reliability_data=rows, level_of_measurement="nominal")
    assert krippendorff_alpha_nominal(_units(rows)).value == pytest.approx(reference, abs=1e-12)


@pytest.mark.parametrize(
    ("seed", "coders", "units", "missing"),
    [(1, 2, 40, 0.0), (2, 3, 60, 0.2), (3, 5, 80, 0.4), (4, 8, 30, 0.6), (5, 4, 200, 0.3)],
)
def test_krippendorff_matches_package_on_random_data_with_missing_values(
    seed: int, coders: int, units: int, missing: float
) -> None:
    rows = _random_reliability(seed, coders, units, missing)
    reference = krippendorff.alpha(reliability_data=rows, level_of_measurement="nominal")
    assert krippendorff_alpha_nominal(_units(rows)).value == pytest.approx(reference, abs=1e-12)


def test_krippendorff_coincidences_add_up_across_roll_up_buckets() -> None:
    """Summing per-bucket coincidence matrices gives the alpha of all units together."""
    rows = _random_reliability(11, 4, 120, 0.3)
    units = _units(rows)
    total: dict[str, dict[str, float]] = {}
    for bucket in (units[:50], units[50:90], units[90:]):
        # Through JSON, as a roll-up row would store it.
        stored = json.loads(json.dumps(krippendorff_coincidences(bucket)))
        for c, row in stored.items():
            for k, v in row.items():
                total.setdefault(c, {}).setdefault(k, 0.0)
                total[c][k] += v
    reference = krippendorff.alpha(reliability_data=rows, level_of_measurement="nominal")
    assert krippendorff_alpha_from_coincidences(total).value == pytest.approx(reference, abs=1e-12)


def test_krippendorff_single_category_is_undefined() -> None:
    result = krippendorff_alpha_nominal([["spam", "spam"], ["spam", "spam", "spam"]])
    assert result.value is None
    assert result.n_items == 2


def test_krippendorff_without_pairable_units_is_undefined() -> None:
    assert krippendorff_alpha_nominal([]).value is None
    assert krippendorff_alpha_nominal([["spam"], [], ["fraud"]]).value is None
    assert krippendorff_alpha_nominal([["spam"], [], ["fraud"]]).n_items == 0


# --- Fleiss' kappa ---------------------------------------------------------------------

# The example on Wikipedia's "Fleiss' kappa" page (also statsmodels' test data): 10
# subjects, 14 raters, 5 categories; each row is the count per category. kappa = 0.210.
WIKIPEDIA_COUNTS = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]

# Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each, diagnoses 1–5 (depression,
# personality disorder, schizophrenia, neurosis, other). Published kappa: 0.430.
FLEISS_1971 = """
    444444 222555 233335 555555 222444 113333 333355 113334 114444 555555
    144444 124444 222333 144444 224445 333335 111455 111112 224444 133555
    555555 244444 224555 114444 144445 222224 111155 224444 133333 555555
"""


def _from_counts(rows: list[list[int]]) -> list[list[str]]:
    return [[f"c{j}" for j, n in enumerate(row) for _ in range(n)] for row in rows]


def _statsmodels_fleiss(ratings: list[list[str]]) -> float:
    table, _ = aggregate_raters(np.array(ratings))
    return float(sm_fleiss_kappa(table, method="fleiss"))


def _random_ratings(seed: int, items: int, raters: int) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, len(LABELS), size=items)
    follow = rng.random((items, raters)) < 0.6
    noise = rng.integers(0, len(LABELS), size=(items, raters))
    chosen = np.where(follow, truth[:, None], noise)
    return [[LABELS[k] for k in row] for row in chosen]


def test_fleiss_wikipedia_example() -> None:
    ratings = _from_counts(WIKIPEDIA_COUNTS)
    result = fleiss_kappa(ratings)
    assert result.value == pytest.approx(0.210, abs=5e-4)
    # The page's intermediate figures: P̄ = 0.378, P̄e = 0.213.
    assert result.observed == pytest.approx(0.378, abs=5e-4)
    assert result.expected == pytest.approx(0.213, abs=5e-4)
    assert result.value == pytest.approx(_statsmodels_fleiss(ratings), abs=1e-12)


def test_fleiss_1971_published_example() -> None:
    ratings = [list(item) for item in FLEISS_1971.split()]
    assert len(ratings) == 30
    result = fleiss_kappa(ratings)
    assert result.value == pytest.approx(0.430, abs=5e-4)
    assert result.value == pytest.approx(_statsmodels_fleiss(ratings), abs=1e-12)


@pytest.mark.parametrize(
    ("seed", "items", "raters"), [(1, 20, 2), (2, 50, 3), (3, 200, 5), (4, 7, 9)]
)
def test_fleiss_matches_statsmodels_on_random_data(seed: int, items: int, raters: int) -> None:
    ratings = _random_ratings(seed, items, raters)
    assert fleiss_kappa(ratings).value == pytest.approx(_statsmodels_fleiss(ratings), abs=1e-12)


def test_fleiss_refuses_unequal_rater_counts_by_default() -> None:
    with pytest.raises(ValueError, match="same number of ratings"):
        fleiss_kappa([["a", "a", "b"], ["a", "b"]])


def test_fleiss_modal_keeps_only_items_with_the_most_common_count() -> None:
    three = _random_ratings(5, 40, 3)
    two = _random_ratings(6, 15, 2)
    single = [["approve"]]  # fewer than two ratings: never pairable
    result = fleiss_kappa(three + two + single, unequal="modal")
    assert result.n_items == 40
    assert result.value == pytest.approx(_statsmodels_fleiss(three), abs=1e-12)


def test_fleiss_counts_add_up_across_roll_up_buckets() -> None:
    ratings = _random_ratings(7, 90, 4)
    buckets = [fleiss_counts(ratings[i : i + 30]) for i in range(0, 90, 30)]
    stored = [FleissCounts.from_dict(json.loads(json.dumps(b.as_dict()))) for b in buckets]
    total = stored[0] + stored[1] + stored[2]
    result = fleiss_kappa_from_counts(total)
    assert result.value == pytest.approx(_statsmodels_fleiss(ratings), abs=1e-12)


def test_fleiss_counts_refuse_adding_different_rater_counts() -> None:
    with pytest.raises(ValueError, match="raters"):
        fleiss_counts([["a", "b"]]) + fleiss_counts([["a", "b", "b"]])


def test_fleiss_edge_cases() -> None:
    assert fleiss_kappa([]).value is None
    assert fleiss_kappa([["spam", "spam", "spam"], ["spam", "spam", "spam"]]).value is None


# --- Cohen's kappa ---------------------------------------------------------------------


def test_cohen_wikipedia_example() -> None:
    """Wikipedia "Cohen's kappa": 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15.

    p_o = 0.7, p_e = 0.5, kappa = 0.4.
    """
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10
    pairs += [("no", "no")] * 15
    result = cohen_kappa(pairs)
    assert result.observed == pytest.approx(0.7)
    assert result.expected == pytest.approx(0.5)
    assert result.value == pytest.approx(0.4)


@pytest.mark.parametrize(("seed", "n"), [(1, 10), (2, 100), (3, 1000), (4, 37)])
def test_cohen_matches_sklearn_on_random_data(seed: int, n: int) -> None:
    rng = np.random.default_rng(seed)
    first = rng.choice(LABELS, size=n, p=[0.5, 0.2, 0.2, 0.1])
    agree = rng.random(n) < 0.65
    # The second rater never says "other", so the two label sets differ.
    second = np.where(agree, first, rng.choice(LABELS[:3], size=n))
    expected = cohen_kappa_score(first, second)
    assert cohen_kappa(zip(first, second, strict=True)).value == pytest.approx(expected, abs=1e-12)


def test_cohen_counts_round_trip_through_json() -> None:
    rng = np.random.default_rng(8)
    first = rng.choice(LABELS, size=300)
    second = np.where(rng.random(300) < 0.5, first, rng.choice(LABELS, size=300))
    pairs = list(zip(first.tolist(), second.tolist(), strict=True))
    stored = json.loads(json.dumps(cohen_counts(pairs)))
    result = cohen_kappa_from_counts(stored)
    assert result.value == pytest.approx(cohen_kappa_score(first, second), abs=1e-12)
    assert result.n_items == 300


def test_cohen_edge_cases() -> None:
    assert cohen_kappa([]).value is None
    assert cohen_kappa([]).n_items == 0
    # One category throughout: chance agreement is 1 and kappa undefined (sklearn: nan).
    single = [("spam", "spam")] * 5
    assert cohen_kappa(single).value is None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn warns that kappa is undefined here
        assert math.isnan(cohen_kappa_score(["spam"] * 5, ["spam"] * 5))
