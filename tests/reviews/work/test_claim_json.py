"""claim_json and decision_json are built by hand for the two hot endpoints (the claim and
the decision); ClaimOutSerializer and DecisionOutSerializer define the shapes and render
them everywhere else. The two must not drift, down to the bytes."""

from __future__ import annotations

import json

from accounts.models import User
from reviews.queues.models import Queue
from reviews.work.api.serializers import (
    ClaimOutSerializer,
    DecisionOutSerializer,
    claim_json,
    decision_json,
)
from reviews.work.services.claims import assignment_claim
from reviews.work.services.decisions import assignment_decide
from tests.factories import ingest
from tests.reviews.reviewing import RATIONALE


def same(by_hand: object, serialized: object) -> bool:
    """Equal as JSON: the same keys in the same order, 1 still 1 and not 1.0."""
    return json.dumps(by_hand) == json.dumps(serialized)


def test_hand_renderers_render_exactly_what_the_serializers_render(
    queue: Queue, annotator: User
) -> None:
    ingest(queue, output={"label": "deny", "confidence": 0.7})  # no scores
    ingest(
        queue,
        output={"label": "deny", "confidence": 0.6, "scores": {"deny": 1, "approve": 0}},
        slice={"region": "EU", "product": "card"},
    )
    ingest(queue, output={"label": "approve", "confidence": 0.55, "scores": {"approve": 0.55}})
    verdicts = [
        {"verdict": "approve"},
        {"verdict": "override", "label": "approve", **RATIONALE},
        {"verdict": "reject", **RATIONALE},
    ]
    for verdict in verdicts:
        assignment = assignment_claim(queue=queue, reviewer=annotator)
        assert assignment is not None
        assert same(claim_json(assignment), ClaimOutSerializer(assignment).data)
        assignment.item.due_at = None  # the optional deadline absent
        assert same(claim_json(assignment), ClaimOutSerializer(assignment).data)

        decision = assignment_decide(assignment_id=assignment.pk, reviewer=annotator, **verdict)
        assert same(decision_json(decision), DecisionOutSerializer(decision).data)
