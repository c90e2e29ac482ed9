"""Which desks (escalations inbox, incidents board) the navigation offers the user."""

from __future__ import annotations

from typing import Any

from django import template

from reviews.escalation.selectors import ESCALATION_PERMS, INCIDENT_PERMS
from reviews.queues.permissions import QueuePerm
from reviews.queues.selectors import queue_perms_held

register = template.Library()


@register.simple_tag(takes_context=True)
def desks(context: Any) -> dict[str, bool]:
    """{"escalations": bool, "incidents": bool} for the signed-in user (one query)."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {"escalations": False, "incidents": False}
    held = queue_perms_held(user=user)
    return {
        "escalations": any(QueuePerm(p).value in held for p in ESCALATION_PERMS),
        "incidents": any(QueuePerm(p).value in held for p in INCIDENT_PERMS),
    }
