"""What a verdict says the item's answer is: the unit every agreement figure compares.

Pure and shared: the roll-ups (services/rollups.py) and the dataset snapshots
(datasets/services/rows.py) must count agreement the same way. The answers follow
consensus (services/decisions.py): approve votes for the model's label, override for the
corrected label, reject for "rejected"; an escalate verdict answers "escalate", which
agrees with no final answer.
"""

from __future__ import annotations

REJECTED = "rejected"  # a reject verdict's answer, and a rejected item's; never a label value
ESCALATE = "escalate"


def verdict_answer(*, verdict: str, label: str, output_label: str) -> str:
    """The answer of one verdict (`label` as stored on the Decision) on an item whose
    model said `output_label`."""
    if verdict == "reject":
        return REJECTED
    if verdict == "escalate":
        return ESCALATE
    return label or output_label


def final_answer(*, outcome: str, final_label: str) -> str:
    """The answer an item was settled on, comparable with `verdict_answer`."""
    return REJECTED if outcome == REJECTED else final_label
