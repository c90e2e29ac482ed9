"""Chance-corrected agreement on nominal labels (SPEC §4 "agreement"): pure, no database.

All three statistics have the same shape, value = (A_o − A_e) / (1 − A_e), with A_o the
observed and A_e the chance agreement, so they share one result type. Each is also
available from additive counts (`*_counts` builds them, `*_from_counts` reads them) so a
roll-up can store the counts per hour and sum them instead of rescanning verdicts.

Undefined cases answer `value=None` rather than raising or returning nan, because a
dashboard shows them as "—": no pairable items, or A_e = 1 (every rating in one category,
where agreement beyond chance means nothing). Labels are strings (JSON keys in the
counts); any hashable works for the direct functions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

Label = Hashable


@dataclass(frozen=True)
class Agreement:
    """One agreement statistic with the figures it was computed from."""

    statistic: str  # "cohen_kappa" | "fleiss_kappa" | "krippendorff_alpha"
    value: float | None  # None when undefined (see module docstring)
    observed: float | None  # A_o
    expected: float | None  # A_e, agreement expected by chance
    n_items: int  # items (units) that entered the statistic
    n_ratings: int  # ratings (values) that entered the statistic

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _chance_corrected(
    statistic: str, observed: float | None, expected: float | None, n_items: int, n_ratings: int
) -> Agreement:
    if observed is None or expected is None or n_items == 0:
        return Agreement(statistic, None, None, None, n_items, n_ratings)
    # A_e == 1 exactly when a single category was used throughout; compare with a
    # tolerance because A_e is a sum of float products.
    if expected >= 1.0 - 1e-12:
        return Agreement(statistic, None, observed, expected, n_items, n_ratings)
    value = (observed - expected) / (1.0 - expected)
    return Agreement(statistic, value, observed, expected, n_items, n_ratings)


# --- Cohen's kappa: two raters ------------------------------------------------------


def cohen_counts(pairs: Iterable[tuple[Label, Label]]) -> dict[Label, dict[Label, int]]:
    """Contingency table {first rater's label: {second rater's label: items}}."""
    table: dict[Label, dict[Label, int]] = defaultdict(lambda: defaultdict(int))
    for first, second in pairs:
        table[first][second] += 1
    return {a: dict(row) for a, row in table.items()}


def cohen_kappa_from_counts(table: Mapping[Label, Mapping[Label, int]]) -> Agreement:
    """Cohen's kappa from a contingency table (summed over hours, queues, …)."""
    n = sum(sum(row.values()) for row in table.values())
    if n == 0:
        return _chance_corrected("cohen_kappa", None, None, 0, 0)
    first: Counter[Label] = Counter()
    second: Counter[Label] = Counter()
    agree = 0
    for a, row in table.items():
        for b, count in row.items():
            first[a] += count
            second[b] += count
            if a == b:
                agree += count
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    return _chance_corrected("cohen_kappa", agree / n, expected, n, 2 * n)


def cohen_kappa(pairs: Iterable[tuple[Label, Label]]) -> Agreement:
    """Cohen's (1960) kappa for items each rated once by a "first" and a "second" rater.

    Which verdict counts as first is the caller's choice (e.g. the earlier one); kappa
    uses each position's own label distribution for chance agreement.
    """
    return cohen_kappa_from_counts(cohen_counts(pairs))


# --- Fleiss' kappa: a fixed number of raters per item --------------------------------


@dataclass(frozen=True)
class FleissCounts:
    """Additive sufficient statistics of Fleiss' kappa for items with `raters` ratings each."""

    raters: int
    items: int
    sum_squares: int  # Σ_i Σ_j n_ij²  (n_ij: ratings of item i in category j)
    totals: dict[str, int]  # Σ_i n_ij per category j

    def __add__(self, other: FleissCounts) -> FleissCounts:
        if self.items and other.items and self.raters != other.raters:
            raise ValueError(
                f"cannot add Fleiss counts for {self.raters} and {other.raters} raters"
            )
        totals = Counter(self.totals)
        totals.update(other.totals)
        return FleissCounts(
            raters=self.raters if self.items else other.raters,
            items=self.items + other.items,
            sum_squares=self.sum_squares + other.sum_squares,
            totals=dict(totals),
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FleissCounts:
        return cls(
            raters=int(data["raters"]),
            items=int(data["items"]),
            sum_squares=int(data["sum_squares"]),
            totals={str(k): int(v) for k, v in data["totals"].items()},
        )


def fleiss_counts(
    ratings: Iterable[Sequence[Label]], *, unequal: Literal["error", "modal"] = "error"
) -> FleissCounts:
    """Sufficient statistics over items with ≥ 2 ratings (items with fewer are skipped).

    Fleiss' kappa is defined for the same number of raters n on every item. When the
    counts differ, `unequal="error"` raises ValueError (use Krippendorff's alpha, which
    allows missing ratings), and `unequal="modal"` keeps only the items with the most
    common count (the larger count on a tie) and drops the rest; `n_items` says how
    many were kept.
    """
    items = [list(item) for item in ratings if len(item) >= 2]
    sizes = Counter(len(item) for item in items)
    if len(sizes) > 1:
        if unequal == "error":
            raise ValueError(
                f"Fleiss' kappa needs the same number of ratings per item, got {dict(sizes)}"
            )
        raters = max(sizes, key=lambda size: (sizes[size], size))
        items = [item for item in items if len(item) == raters]
    raters = len(items[0]) if items else 0
    sum_squares = 0
    totals: Counter[str] = Counter()
    for item in items:
        per_category = Counter(str(label) for label in item)
        sum_squares += sum(count * count for count in per_category.values())
        totals.update(per_category)
    return FleissCounts(
        raters=raters, items=len(items), sum_squares=sum_squares, totals=dict(totals)
    )


def fleiss_kappa_from_counts(counts: FleissCounts) -> Agreement:
    """Fleiss' (1971) kappa: P̄ = (Σ n_ij² − N·n) / (N·n·(n−1)), P̄_e = Σ_j p_j²."""
    n, items = counts.raters, counts.items
    if items == 0 or n < 2:
        return _chance_corrected("fleiss_kappa", None, None, 0, 0)
    ratings = items * n
    observed = (counts.sum_squares - ratings) / (ratings * (n - 1))
    expected = sum((total / ratings) ** 2 for total in counts.totals.values())
    return _chance_corrected("fleiss_kappa", observed, expected, items, ratings)


def fleiss_kappa(
    ratings: Iterable[Sequence[Label]], *, unequal: Literal["error", "modal"] = "error"
) -> Agreement:
    """Fleiss' kappa; each element is the list of labels one item got from its raters.

    Raters need not be the same people across items (Fleiss' setting). See
    `fleiss_counts` for items with differing numbers of ratings.
    """
    return fleiss_kappa_from_counts(fleiss_counts(ratings, unequal=unequal))


# --- Krippendorff's alpha, nominal, missing values allowed ----------------------------


def krippendorff_coincidences(units: Iterable[Sequence[Label]]) -> dict[str, dict[str, float]]:
    """Coincidence matrix o_ck = Σ_u (number of c–k pairs in u) / (m_u − 1).

    A unit is just the values present (missing ones left out); units with fewer than two
    values are not pairable and contribute nothing. The matrix is additive over units.
    """
    matrix: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for unit in units:
        m = len(unit)
        if m < 2:
            continue
        per_value = Counter(str(value) for value in unit)
        for c, n_c in per_value.items():
            for k, n_k in per_value.items():
                pairs = n_c * (n_c - 1) if c == k else n_c * n_k
                matrix[c][k] += pairs / (m - 1)
    return {c: dict(row) for c, row in matrix.items()}


def krippendorff_alpha_from_coincidences(matrix: Mapping[str, Mapping[str, float]]) -> Agreement:
    """Nominal alpha = 1 − D_o/D_e, written as (A_o − A_e)/(1 − A_e) with
    A_o = Σ_c o_cc / n and A_e = Σ_c n_c(n_c − 1) / (n(n − 1)) (Krippendorff 2011).

    `n_items` is not recoverable from the matrix and is reported as the number of
    pairable values n; `krippendorff_alpha_nominal` fills in the unit count.
    """
    n_c = {c: sum(row.values()) for c, row in matrix.items()}
    n = sum(n_c.values())
    # n is a sum of fractions that add up to whole values; round off float dust.
    n_values = round(n)
    if n_values < 2:
        return _chance_corrected("krippendorff_alpha", None, None, 0, n_values)
    observed = sum(row.get(c, 0.0) for c, row in matrix.items()) / n
    expected = sum(v * (v - 1) for v in n_c.values()) / (n * (n - 1))
    return _chance_corrected("krippendorff_alpha", observed, expected, n_values, n_values)


def krippendorff_alpha_nominal(units: Iterable[Sequence[Label]]) -> Agreement:
    """Krippendorff's alpha for nominal data; each unit is the list of values it got."""
    pairable = [unit for unit in units if len(unit) >= 2]
    result = krippendorff_alpha_from_coincidences(krippendorff_coincidences(pairable))
    return Agreement(
        statistic=result.statistic,
        value=result.value,
        observed=result.observed,
        expected=result.expected,
        n_items=len(pairable),
        n_ratings=result.n_ratings,
    )
