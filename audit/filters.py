"""The audit trail's filters: one FilterSet for GET /api/v1/audit/events/ and the audit
browser, so the two refuse the same values with the same messages.

Each filter refuses what the database would refuse although it parses (hitl/filters.py):
a NUL character, an integer past 64 bits, a time that overflows once converted to UTC.
The API answers a refused value with a 400 naming it; the page names it above the table.
"""

from __future__ import annotations

import django_filters
from drf_spectacular.utils import extend_schema_field

from audit.models import AuditEvent
from hitl.filters import IntegerFilter, TextFilter, ZonedDateTimeFilter


class AuditEventFilter(django_filters.FilterSet):
    """Events by type, actor, target, sequence range and time."""

    action = IntegerFilter(help_text="Event type number")
    actor = TextFilter(field_name="actor_label", help_text="Actor's username or label")
    # Any text filters (an unknown kind matches nothing); the schema names the kinds.
    actor_kind = extend_schema_field(
        {"type": "string", "enum": sorted(AuditEvent.ActorKind.values)}
    )(TextFilter())
    target_type = TextFilter(help_text="e.g. reviews.item")
    target_id = TextFilter()
    after_seq = IntegerFilter(field_name="seq", lookup_expr="gt")
    before_seq = IntegerFilter(field_name="seq", lookup_expr="lt")
    since = ZonedDateTimeFilter(field_name="at", lookup_expr="gte")
    until = ZonedDateTimeFilter(field_name="at", lookup_expr="lt")

    class Meta:
        model = AuditEvent
        fields = (
            "action",
            "actor",
            "actor_kind",
            "target_type",
            "target_id",
            "after_seq",
            "before_seq",
            "since",
            "until",
        )


class AuditBrowserFilter(AuditEventFilter):
    """The audit browser's: the API's filters, where a time without a zone (what a
    browser's datetime-local input sends) is UTC, the zone the page shows times in."""

    since = ZonedDateTimeFilter(field_name="at", lookup_expr="gte", naive_is_utc=True)
    until = ZonedDateTimeFilter(field_name="at", lookup_expr="lt", naive_is_utc=True)
