"""Reads for intake: items by external id, the items a user may see, and the queue's active
calibration map (routing calibrates with it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet

from accounts.models import User
from hitl.sql.intake import items_by_external_id_rows
from reviews.intake.models import Item
from reviews.quality.models import CalibrationFit
from reviews.queues.models import (
    Queue,
    TierPolicy,
)
from reviews.queues.selectors import queues_for
from stats.calibration import CalibrationMap


def items_by_external_id(*, queue: Queue, external_ids: Sequence[str]) -> dict[str, Item]:
    """The queue's items with these external ids, with their policies and queue attached."""
    if not external_ids:
        return {}
    items = items_by_external_id_rows(queue_id=queue.pk, external_ids=external_ids)
    if items:
        policies = TierPolicy.objects.in_bulk({item.policy_id for item in items})
        for item in items:
            item.queue, item.policy = queue, policies[item.policy_id]
    return {item.external_id: item for item in items}


def items_visible_to(*, user: User) -> QuerySet[Item]:
    """Items of the queues the user can see. Gold items are not predictions: nobody reads
    them back (a reviewer who could would know which items test them)."""
    return Item.objects.filter(queue__in=queues_for(user=user), is_gold=False).select_related(
        "queue", "policy"
    )


_UNKNOWN = object()
_MAPS: dict[int, tuple[int, CalibrationMap]] = {}  # queue id → (fit id, parsed map)


def active_calibration(*, queue: Queue) -> tuple[int, CalibrationMap] | None:
    """The queue's active map as (fit id, map), or None: routing calibrates with it.

    No query when the queue came from queues_for_submit (it carries `active_fit_id`) and
    this process has parsed that fit before; otherwise one or two small queries.
    """
    fit_id: Any = getattr(queue, "active_fit_id", _UNKNOWN)
    if fit_id is _UNKNOWN:
        fit_id = (
            CalibrationFit.objects.filter(queue=queue, active=True)
            .values_list("pk", flat=True)
            .first()
        )
    if fit_id is None:
        return None
    cached = _MAPS.get(queue.pk)
    if cached is not None and cached[0] == fit_id:
        return cached
    params = CalibrationFit.objects.filter(pk=fit_id).values_list("params", flat=True).first()
    if params is None:  # deleted since the queue was read: route uncalibrated this once
        return None
    entry = (int(fit_id), CalibrationMap.from_json(params))
    _MAPS[queue.pk] = entry
    return entry
