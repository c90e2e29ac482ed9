"""Helpers for the calibration, simulator and alert tests: decided items through the real
services (ingest, claim, verdict), with the overrides the test asks for."""

from __future__ import annotations

from collections.abc import Sequence

from accounts.models import User
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.work.services.claims import assignment_claim
from reviews.work.services.decisions import assignment_decide
from tests.factories import ingest
from tests.reviews.reviewing import RATIONALE


def decided_items(
    queue: Queue, person: User, confidences: Sequence[float], wrong: Sequence[bool]
) -> list[Item]:
    """Ingest one "approve" prediction per confidence (all must route to people) and have
    `person` decide each: override to "deny" where `wrong`, approve otherwise (and approve
    any item that was already waiting)."""
    items = [ingest(queue, output={"label": "approve", "confidence": c}) for c in confidences]
    verdicts = {item.pk: bad for item, bad in zip(items, wrong, strict=True)}
    pending = set(verdicts)
    while pending:  # items already waiting are approved on the way
        lease = assignment_claim(queue=queue, reviewer=person)
        assert lease is not None, "every item must wait for a person"
        pending.discard(lease.item_id)
        if verdicts.get(lease.item_id):
            assignment_decide(
                assignment_id=lease.pk, reviewer=person, verdict="override", label="deny",
                **RATIONALE,
            )  # fmt: skip
        else:
            assignment_decide(assignment_id=lease.pk, reviewer=person, verdict="approve")
    return [Item.objects.get(pk=item.pk) for item in items]
