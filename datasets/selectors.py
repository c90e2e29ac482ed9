"""Reads of snapshots filtered by permission: who may see which (SPEC §6)."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import User
from datasets.models import Dataset
from reviews.queues.permissions import QueuePerm
from reviews.queues.selectors import queues_for


def datasets_visible_to(*, user: User) -> QuerySet[Dataset]:
    """Snapshots of the queues where the user holds export: the only people who may read
    them. Anything else is 404 to them, like a snapshot that does not exist."""
    return Dataset.objects.filter(
        queue__in=queues_for(user=user, perms=[QueuePerm.EXPORT])
    ).select_related("queue", "requested_by")
