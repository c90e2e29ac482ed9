"""Which queues' datasets pages the signed-in user may open, for links on other pages."""

from __future__ import annotations

from typing import Any

from django import template

from reviews.queues.permissions import QueuePerm
from reviews.queues.selectors import queues_for

register = template.Library()


@register.simple_tag(takes_context=True)
def exportable_queue_ids(context: Any) -> set[int]:
    """The ids of the queues the user holds export_queue on (one query)."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return set()
    return set(queues_for(user=user, perms=[QueuePerm.EXPORT]).values_list("pk", flat=True))
