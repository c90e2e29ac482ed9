"""Reads of the audit trail, with the filters the API and the audit browser share."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import QuerySet
from django.utils.dateparse import parse_datetime

from audit.models import AuditEvent


class BadFilter(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _int(params: Mapping[str, str], name: str) -> int | None:
    raw = params.get(name)
    if raw in (None, ""):
        return None
    try:
        return int(raw)  # type: ignore[arg-type]
    except ValueError:
        raise BadFilter(name, "Must be an integer.") from None


def audit_events(*, params: Mapping[str, str]) -> QuerySet[AuditEvent]:
    """Events filtered by action, actor, target, sequence range and time; newest first."""
    events = AuditEvent.objects.all()
    if (action := _int(params, "action")) is not None:
        events = events.filter(action=action)
    if (after := _int(params, "after_seq")) is not None:
        events = events.filter(seq__gt=after)
    if (before := _int(params, "before_seq")) is not None:
        events = events.filter(seq__lt=before)
    for name, field in (
        ("actor", "actor_label"),
        ("actor_kind", "actor_kind"),
        ("target_type", "target_type"),
        ("target_id", "target_id"),
    ):
        if value := params.get(name):
            events = events.filter(**{field: value})
    for name, lookup in (("since", "at__gte"), ("until", "at__lt")):
        if raw := params.get(name):
            try:
                when = parse_datetime(raw)
            except ValueError:
                when = None
            if when is None or when.tzinfo is None:
                raise BadFilter(
                    name, "Use an ISO 8601 time with a zone, e.g. 2026-01-31T12:00:00Z."
                )
            events = events.filter(**{lookup: when})
    return events.order_by("-seq")
