"""Decided items for the snapshot tests, made through the real services: ingest, claim
the very item, decide it (as tests/reviews/escalating.py does)."""

from __future__ import annotations

from typing import Any

from accounts.models import User
from datasets.models import Dataset
from datasets.services.build import dataset_build, dataset_request
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.queues.permissions import QueuePerm, Role
from reviews.queues.selectors import queue_access
from reviews.queues.services.access import queue_grant
from reviews.work.services.claims import TIER_PERMS, assignment_claim_item
from reviews.work.services.decisions import assignment_decide
from tests.factories import SYSTEM, ingest
from tests.reviews.reviewing import RATIONALE, reviewer

EMAIL = "grace.hopper@example.net"


def verdict(item: Item, by: User, verdict: str, **fields: Any) -> Item:
    """`by` leases `item` at the tier it waits at and gives `verdict`."""
    access = queue_access(user=by, slug=item.queue.slug, perms=TIER_PERMS.values())
    assignment = assignment_claim_item(access=access, item_id=item.pk)
    if verdict != "approve":
        fields = {**RATIONALE, **fields}
    assignment_decide(assignment_id=assignment.pk, reviewer=by, verdict=verdict, **fields)
    return Item.objects.get(pk=item.pk)


def decided(queue: Queue, by: User, how: str = "approve", **body: Any) -> Item:
    """An item of `queue` decided by one verdict of `by` (k = 1): approve, override to
    "deny", or reject. `body` overrides the prediction (tests/factories.py)."""
    item = ingest(queue, **{"output": {"label": "approve", "confidence": 0.7}, **body})
    if how == "override":
        return verdict(item, by, "override", label="deny")
    return verdict(item, by, how)


def person(username: str, queue: Queue, *perms: QueuePerm, role: Role = Role.ANNOTATOR) -> User:
    """A reviewer of `queue` in `role`, granted `perms` on it as well."""
    user = reviewer(username, queue, role)
    if perms:
        queue_grant(user=user, queue=queue, perms=perms, actor=SYSTEM)
    return user


def built(queue: Queue, flt: dict[str, Any] | None = None, **options: Any) -> Dataset:
    """A snapshot requested by the system (no permission checks) and built here."""
    dataset = dataset_request(
        queue=queue, actor=SYSTEM, user=None, filter=flt, enqueue=False, **options
    )
    return dataset_build(dataset_id=dataset.pk)
