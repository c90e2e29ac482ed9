"""The escalation lists' filters, one FilterSet per list for its API view and its page:
tickets (GET /api/v1/escalations/ and the escalations inbox) and incidents
(GET /api/v1/incidents/ and the incidents board).

The API refuses a value a filter cannot use with a 400 naming it (hitl/api/filters.py),
an empty one included. A page offers its values in a form, so it leaves out a value it
does not offer (typed into its URL) and shows that filter's "any".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils import timezone

from hitl.filters import ChoiceFilter, TextFilter
from reviews.escalation.models import Escalation, Incident
from reviews.queues.models import Queue

MAX_SLUG = Queue._meta.get_field("slug").max_length
# The inbox's age filter: tickets opened longer ago than this.
AGES: dict[str, tuple[str, timedelta]] = {
    "1h": ("older than 1 hour", timedelta(hours=1)),
    "4h": ("older than 4 hours", timedelta(hours=4)),
    "24h": ("older than 24 hours", timedelta(hours=24)),
}


class QueueFilterSet(django_filters.FilterSet):
    """Rows of a queue-scoped list, by their queue's slug and the subclass's filters.

    On the API any slug filters; one the caller may not see matches nothing (a 400 would
    tell which queues exist). A page passes the queues its form offers (`queues`): the
    queue is then one of those, and another slug is no filter, as for any value a page
    does not offer.
    """

    queue = TextFilter(
        field_name="queue__slug",
        max_length=MAX_SLUG,
        allow_blank=False,
        help_text="A queue's slug.",
    )

    def __init__(
        self,
        data: Any = None,
        queryset: QuerySet[Any] | None = None,
        *,
        request: Any = None,
        prefix: str | None = None,
        queues: Sequence[Queue] | None = None,
    ) -> None:
        super().__init__(data, queryset, request=request, prefix=prefix)
        if queues is not None:
            offered = ChoiceFilter(
                field_name="queue__slug", choices=[(q.slug, q.slug) for q in queues]
            )
            offered.model, offered.parent = self.queryset.model, self
            self.filters["queue"] = offered


class EscalationFilter(QueueFilterSet):
    """Escalation tickets by queue, reason, state and the tier they go to."""

    reason = ChoiceFilter(choices=Escalation.Reason.choices, allow_blank=False)
    state = ChoiceFilter(choices=Escalation.State.choices, allow_blank=False)
    to_tier = ChoiceFilter(choices=Escalation.Target.choices, allow_blank=False)

    class Meta:
        model = Escalation
        fields = ("queue", "reason", "state", "to_tier")


class EscalationInboxFilter(EscalationFilter):
    """The escalations inbox's: the API's filters (its form offers queue and reason), and
    the ticket's age."""

    age = ChoiceFilter(
        choices=[(key, label) for key, (label, _) in AGES.items()], method="opened_before"
    )

    class Meta:
        model = Escalation
        fields = ("queue", "reason", "state", "to_tier", "age")

    def opened_before(
        self, queryset: QuerySet[Escalation], name: str, value: str
    ) -> QuerySet[Escalation]:
        return queryset.filter(created_at__lte=timezone.now() - AGES[value][1])


class IncidentFilter(QueueFilterSet):
    """Incidents by queue, state and severity."""

    state = ChoiceFilter(choices=Incident.State.choices, allow_blank=False)
    severity = ChoiceFilter(choices=Incident.Severity.choices, allow_blank=False)

    class Meta:
        model = Incident
        fields = ("queue", "state", "severity")
