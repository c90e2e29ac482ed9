"""Active learning (SPEC §5): how unsure the model was, and which items a budget buys.

Both measures read the item's `scores` (label → score), normalised to sum 1, and return a
number in [0, 1] where 1 is "no idea" and 0 is "certain":

- margin:  1 − (p₁ − p₂), the gap between the two most likely labels, turned around;
- entropy: −Σ pᵢ ln pᵢ / ln n, Shannon entropy over the n labels scored, normalised by
  its maximum, so uniform scores give 1 whatever n is.

An item with no scores, a single score, or scores that sum to 0 is read as a binary
prediction [confidence, 1 − confidence]: the model's own confidence is all there is.

`select_for_review` spends a quota on candidates: a `diversity` share of it round-robin
across slices (so a slice the model is sure about, and perhaps wrong about, still gets
looked at), the rest on the most uncertain overall. `Shortlist` keeps only the
candidates that selection could ever pick, so a caller can stream a large window through
it in constant memory per slice.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# The reasons a pick carries; the same values as reviews.choices.SampleReason.
UNCERTAINTY = "uncertainty"
DIVERSITY = "diversity"


def _probabilities(scores: Mapping[str, float] | None, confidence: float) -> list[float]:
    """The scores normalised to sum 1, or the binary fallback [c, 1 − c]."""
    values = [max(0.0, float(v)) for v in (scores or {}).values()]
    total = sum(values)
    if len(values) < 2 or total <= 0:
        c = min(1.0, max(0.0, float(confidence)))
        return [c, 1.0 - c]
    return [v / total for v in values]


def _unit(value: float) -> float:
    return min(1.0, max(0.0, value))


def margin_uncertainty(scores: Mapping[str, float] | None, confidence: float) -> float:
    """1 − (top score − second score) of the normalised scores; in [0, 1]."""
    first, second = sorted(_probabilities(scores, confidence), reverse=True)[:2]
    return _unit(1.0 - (first - second))


def entropy_uncertainty(scores: Mapping[str, float] | None, confidence: float) -> float:
    """Shannon entropy of the normalised scores over ln(number of labels); in [0, 1]."""
    probabilities = _probabilities(scores, confidence)
    entropy = -sum(p * math.log(p) for p in probabilities if p > 0)
    return _unit(entropy / math.log(len(probabilities)))


MEASURES = {"margin": margin_uncertainty, "entropy": entropy_uncertainty}


@dataclass(frozen=True)
class Candidate:
    """An auto-approved item that could be sampled: its id, doubt, and slice."""

    id: int
    uncertainty: float
    slice_key: str


@dataclass(frozen=True)
class Pick:
    """A candidate chosen for review, and why.

    `rank` is 1 for the most uncertain: among all candidates for an `uncertainty` pick,
    within its slice for a `diversity` pick.
    """

    id: int
    reason: str
    uncertainty: float
    rank: int
    slice_key: str


def _order(candidate: Candidate) -> tuple[float, int]:
    """Most uncertain first; ties by id, so the same candidates always give the same picks."""
    return (-candidate.uncertainty, candidate.id)


def select_for_review(candidates: Sequence[Candidate], quota: int, diversity: float) -> list[Pick]:
    """Up to `quota` picks, never a candidate twice; deterministic.

    1. Order the candidates by uncertainty (highest first, ties by id); group them by
       slice, the groups ordered by their most uncertain member.
    2. n_div = quota × diversity, rounded half up: taken round-robin over the groups,
       each turn the group's most uncertain member not yet picked, until n_div are picked
       or every group is spent.
    3. The rest of the quota: the most uncertain candidates not yet picked.

    Picks come back in that order: the diversity picks round by round, then the rest.
    """
    if not 0.0 <= diversity <= 1.0:
        raise ValueError(f"diversity must be in [0, 1], not {diversity}")
    if quota <= 0:
        return []
    order: list[Candidate] = []
    seen: set[int] = set()
    for candidate in sorted(candidates, key=_order):
        if candidate.id not in seen:
            seen.add(candidate.id)
            order.append(candidate)
    groups: dict[str, list[Candidate]] = {}
    for candidate in order:  # in order, so each group's first member is its most uncertain
        groups.setdefault(candidate.slice_key, []).append(candidate)

    n_div = min(quota, math.floor(quota * diversity + 0.5))
    picks: list[Pick] = []
    taken: set[int] = set()
    depth = 0
    while len(picks) < n_div:
        turn = [members[depth] for members in groups.values() if depth < len(members)]
        if not turn:
            break
        for candidate in turn[: n_div - len(picks)]:
            picks.append(_pick(candidate, DIVERSITY, depth + 1))
            taken.add(candidate.id)
        depth += 1

    for rank, candidate in enumerate(order, start=1):
        if len(picks) >= quota:
            break
        if candidate.id not in taken:
            picks.append(_pick(candidate, UNCERTAINTY, rank))
    return picks


def _pick(candidate: Candidate, reason: str, rank: int) -> Pick:
    return Pick(candidate.id, reason, candidate.uncertainty, rank, candidate.slice_key)


class Shortlist:
    """The candidates `select_for_review(…, quota, …)` could pick, gathered one at a time.

    Each slice's `quota` most uncertain are enough: a candidate with `quota` more
    uncertain ones in its own slice is never reached by the round-robin (it takes a
    slice's members in order) and never by the overall pass (all those above it would
    have to be picked first, which is already the whole quota). Selecting from the
    shortlist gives the same picks and the same ranks as selecting from everything.
    """

    def __init__(self, quota: int) -> None:
        self.quota = max(0, quota)
        self.seen = 0
        self.per_slice: dict[str, int] = {}
        # Per slice a min-heap on (uncertainty, −id): its root is the member to drop first.
        self._heaps: dict[str, list[tuple[float, int, Candidate]]] = {}

    def add(self, candidate: Candidate) -> None:
        self.seen += 1
        key = candidate.slice_key
        self.per_slice[key] = self.per_slice.get(key, 0) + 1
        if not self.quota:
            return
        heap = self._heaps.setdefault(key, [])
        entry = (candidate.uncertainty, -candidate.id, candidate)
        if len(heap) < self.quota:
            heapq.heappush(heap, entry)
        elif entry[:2] > heap[0][:2]:
            heapq.heapreplace(heap, entry)

    def extend(self, candidates: Iterable[Candidate]) -> None:
        for candidate in candidates:
            self.add(candidate)

    def candidates(self) -> list[Candidate]:
        return [entry[2] for heap in self._heaps.values() for entry in heap]
