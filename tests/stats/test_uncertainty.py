"""Uncertainty measures and the active-learning selection, on crafted score distributions.

Expected values are written out here by hand or computed with scipy, never by the code
under test.
"""

from __future__ import annotations

import math
import random

import pytest
from scipy.stats import entropy

from stats.uncertainty import (
    DIVERSITY,
    UNCERTAINTY,
    Candidate,
    Shortlist,
    entropy_uncertainty,
    margin_uncertainty,
    select_for_review,
)

# --- Measures -------------------------------------------------------------------------


@pytest.mark.parametrize("measure", [margin_uncertainty, entropy_uncertainty])
@pytest.mark.parametrize("n", [2, 3, 7])
def test_uniform_scores_are_fully_uncertain(measure, n):
    scores = {f"label-{i}": 1 / n for i in range(n)}
    assert measure(scores, 0.99) == pytest.approx(1.0)


@pytest.mark.parametrize("measure", [margin_uncertainty, entropy_uncertainty])
def test_one_hot_scores_are_certain(measure):
    assert measure({"approve": 1.0, "deny": 0.0, "unsure": 0.0}, 0.2) == pytest.approx(0.0)


def test_margin_is_one_minus_the_gap_of_the_normalised_top_two():
    # Sums to 2: normalised 0.5, 0.3, 0.2 → 1 − (0.5 − 0.3) = 0.8.
    assert margin_uncertainty({"a": 1.0, "b": 0.6, "c": 0.4}, 0.9) == pytest.approx(0.8)
    assert margin_uncertainty({"a": 0.52, "b": 0.48}, 0.52) == pytest.approx(0.96)


def test_entropy_matches_scipy_normalised_by_log_n():
    scores = {"a": 0.7, "b": 0.2, "c": 0.1}
    expected = entropy([0.7, 0.2, 0.1]) / math.log(3)
    assert entropy_uncertainty(scores, 0.7) == pytest.approx(expected)
    unnormalised = {"a": 3.0, "b": 1.0}  # scipy normalises too
    assert entropy_uncertainty(unnormalised, 0.75) == pytest.approx(
        entropy([3.0, 1.0]) / math.log(2)
    )


@pytest.mark.parametrize("scores", [None, {}, {"approve": 0.8}, {"a": 0.0, "b": 0.0}])
def test_without_usable_scores_the_confidence_is_read_as_binary(scores):
    # [0.8, 0.2]: margin 1 − 0.6; entropy −(0.8 ln 0.8 + 0.2 ln 0.2) / ln 2.
    assert margin_uncertainty(scores, 0.8) == pytest.approx(0.4)
    by_hand = -(0.8 * math.log(0.8) + 0.2 * math.log(0.2)) / math.log(2)
    assert entropy_uncertainty(scores, 0.8) == pytest.approx(by_hand)
    assert margin_uncertainty(scores, 0.5) == pytest.approx(1.0)
    assert entropy_uncertainty(scores, 1.0) == pytest.approx(0.0)


def test_more_doubt_ranks_higher_on_both_measures():
    confident = {"a": 0.9, "b": 0.05, "c": 0.05}
    torn = {"a": 0.45, "b": 0.44, "c": 0.11}
    for measure in (margin_uncertainty, entropy_uncertainty):
        assert measure(torn, 0.45) > measure(confident, 0.9)


# --- Selection ------------------------------------------------------------------------


def population() -> list[Candidate]:
    """Slice "sure" is all low uncertainty; "torn" and "mixed" hold every uncertain item."""
    rows = [(1, 0.05, "sure"), (2, 0.04, "sure"), (3, 0.03, "sure")]
    rows += [(10 + i, 0.9 - i * 0.01, "torn") for i in range(6)]
    rows += [(20 + i, 0.7 - i * 0.01, "mixed") for i in range(4)]
    return [Candidate(pk, u, key) for pk, u, key in rows]


def test_without_diversity_the_most_uncertain_are_picked_and_a_sure_slice_gets_none():
    picks = select_for_review(population(), quota=4, diversity=0.0)

    assert [p.id for p in picks] == [10, 11, 12, 13]
    assert {p.reason for p in picks} == {UNCERTAINTY}
    assert [p.rank for p in picks] == [1, 2, 3, 4]


def test_with_diversity_a_sure_slice_still_gets_a_pick():
    picks = select_for_review(population(), quota=4, diversity=0.5)

    # n_div = 2: round-robin over groups ordered by their most uncertain member
    # (torn 0.9, mixed 0.7, sure 0.05) — torn's best, then mixed's best.
    assert [(p.id, p.reason, p.rank) for p in picks[:2]] == [(10, DIVERSITY, 1), (20, DIVERSITY, 1)]
    # The rest: most uncertain not yet picked, ranked among all candidates.
    assert [(p.id, p.reason, p.rank) for p in picks[2:]] == [
        (11, UNCERTAINTY, 2),
        (12, UNCERTAINTY, 3),
    ]

    everything = select_for_review(population(), quota=6, diversity=1.0)
    assert [p.id for p in everything] == [10, 20, 1, 11, 21, 2]
    assert "sure" in {p.slice_key for p in everything}
    assert [p.rank for p in everything] == [1, 1, 1, 2, 2, 2]


def test_diversity_rounds_half_up_and_never_exceeds_the_quota():
    picks = select_for_review(population(), quota=3, diversity=0.5)  # 1.5 → 2
    assert [p.reason for p in picks] == [DIVERSITY, DIVERSITY, UNCERTAINTY]


def test_a_quota_larger_than_the_candidates_takes_each_once():
    candidates = population()
    for diversity in (0.0, 0.5, 1.0):
        picks = select_for_review(candidates, quota=100, diversity=diversity)
        assert sorted(p.id for p in picks) == sorted(c.id for c in candidates)


def test_nothing_is_picked_twice_even_if_a_candidate_is_listed_twice():
    candidates = [*population(), Candidate(10, 0.9, "torn")]
    picks = select_for_review(candidates, quota=20, diversity=0.5)
    ids = [p.id for p in picks]
    assert len(ids) == len(set(ids)) == 13


def test_zero_quota_or_no_candidates_pick_nothing_and_bad_diversity_raises():
    assert select_for_review(population(), quota=0, diversity=0.5) == []
    assert select_for_review([], quota=5, diversity=0.5) == []
    with pytest.raises(ValueError):
        select_for_review(population(), quota=5, diversity=1.5)


def test_ties_are_broken_by_id_whatever_the_input_order():
    tied = [Candidate(pk, 0.5, f"s{pk % 3}") for pk in range(30)]
    expected = select_for_review(tied, quota=7, diversity=0.4)
    rng = random.Random(3)
    for _ in range(5):
        shuffled = tied[:]
        rng.shuffle(shuffled)
        assert select_for_review(shuffled, quota=7, diversity=0.4) == expected
    assert [p.id for p in expected] == [0, 1, 2, 3, 4, 5, 6]  # one per slice, then by id


def test_the_shortlist_gives_the_same_picks_as_everything():
    rng = random.Random(7)
    candidates = [
        Candidate(pk, round(rng.random(), 2), f"slice-{rng.randint(0, 6)}") for pk in range(2000)
    ]
    for quota, diversity in ((1, 0.5), (10, 0.0), (10, 0.5), (25, 1.0), (40, 0.3)):
        shortlist = Shortlist(quota)
        shortlist.extend(candidates)
        assert shortlist.seen == 2000
        assert len(shortlist.candidates()) <= 7 * quota
        assert select_for_review(shortlist.candidates(), quota, diversity) == select_for_review(
            candidates, quota, diversity
        )
