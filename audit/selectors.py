"""Reads of the audit trail."""

from __future__ import annotations

from django.db.models import QuerySet

from audit.models import AuditEvent


def audit_events() -> QuerySet[AuditEvent]:
    """The trail, newest first: what the API and the audit browser list, narrowed by
    their one FilterSet (audit/filters.py)."""
    return AuditEvent.objects.order_by("-seq")
