"""Consensus over the k verdicts of one tier (SPEC §2 Consensus): pure rules, and the
reviewers' weights for the weighted one.

Rules over the k verdicts at one tier (reviewers never see each other's verdicts;
the API shows none):
- every verdict votes for an answer: approve → the model's label, override → the
  corrected label, reject → "rejected"; any escalate verdict escalates the item
  (checked once all k are in, so the others stay independent);
- majority: an answer with more than half the votes wins;
- unanimous: all k votes must be the same answer;
- weighted: an answer with more than half the total reliability wins. Reliability
  is the reviewer's smoothed accuracy on the queue's gold items (reviewer_reliability;
  services/qualification.py); with no gold scored everyone weighs the same, which
  makes weighted the same as majority.
No winner is a disagreement; on_disagreement=escalate (the only choice) escalates.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

from reviews.choices import ConsensusRule, Outcome
from reviews.escalation.models import Escalation
from reviews.work.models import Decision, Qualification

Verdict = Decision.Verdict
REJECTED = "rejected"  # the answer a reject verdict votes for; never a label value


@dataclass(frozen=True)
class Settled:
    outcome: str
    label: str


@dataclass(frozen=True)
class Escalate:
    reason: str


def consensus(
    *, rule: str, model_label: str, verdicts: list[tuple[str, str]], weights: list[float]
) -> Settled | Escalate:
    """The rule's answer over (verdict, label) pairs, all k of them. Pure."""
    if any(verdict == Verdict.ESCALATE for verdict, _ in verdicts):
        return Escalate(Escalation.Reason.REVIEWER)
    answers = [
        REJECTED if verdict == Verdict.REJECT else (label or model_label)
        for verdict, label in verdicts
    ]
    # Votes per answer, first-seen order; a float sum (a Counter counts in ints).
    tally: dict[str, float] = {}
    for answer, weight in zip(answers, weights, strict=True):
        tally[answer] = tally.get(answer, 0.0) + (weight if rule == ConsensusRule.WEIGHTED else 1.0)
    # The first answer with the most votes, as Counter.most_common(1) picked it.
    answer, top = max(tally.items(), key=itemgetter(1))
    won = len(tally) == 1 if rule == ConsensusRule.UNANIMOUS else top > sum(tally.values()) / 2
    if not won:
        return Escalate(Escalation.Reason.DISAGREEMENT)
    if answer == REJECTED:
        return Settled(Outcome.REJECTED, "")
    if answer == model_label:
        return Settled(Outcome.APPROVED, answer)
    return Settled(Outcome.CORRECTED, answer)


def reviewer_reliability(*, queue_id: int, reviewer_ids: list[int]) -> list[float]:
    """Each reviewer's weight under the weighted rule, in order: their accuracy on the
    queue's gold items, smoothed ((correct + 1) / (seen + 2)), so a reviewer with no gold
    scored weighs 0.5 like every other newcomer and nobody ever weighs 0."""
    rows = Qualification.objects.filter(queue_id=queue_id, reviewer_id__in=set(reviewer_ids))
    counts = {
        reviewer: (seen, correct)
        for reviewer, seen, correct in rows.values_list("reviewer_id", "gold_seen", "gold_correct")
    }
    weights = []
    for reviewer_id in reviewer_ids:
        seen, correct = counts.get(reviewer_id, (0, 0))
        weights.append((correct + 1) / (seen + 2))
    return weights
