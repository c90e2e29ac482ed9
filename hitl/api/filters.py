"""The API's list filters: django-filter's DRF backend, answering in the one error shape."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.request import Request

from hitl.api.errors import ApiError

INVALID = "The request has invalid fields."


class FilterBackend(DjangoFilterBackend):
    """Filters a list view's queryset with its `filterset_class`; a value a filter cannot
    use is a 400 naming each such parameter under `fields`, with the view's
    `invalid_filter_message` (the API's usual one unless the view says otherwise).

    drf-spectacular documents every filter of the FilterSet as a query parameter.
    """

    def filter_queryset(self, request: Request, queryset: QuerySet[Any], view: Any) -> Any:
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise ApiError(
                code="invalid",
                message=getattr(view, "invalid_filter_message", INVALID),
                fields={name: list(messages) for name, messages in filterset.errors.items()},
            )
        return filterset.qs
