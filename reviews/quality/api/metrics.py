"""GET /api/v1/queues/{slug}/metrics/: every SPEC §4 metric over a window, from roll-ups."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.request_types import AuthenticatedApiRequest
from hitl.api.errors import ApiError
from hitl.api.schema import ERROR
from hitl.windows import MAX_WINDOW, parse_time, parse_window
from reviews.quality.services.measure import queue_metrics, queue_series
from reviews.queues.api.queues import queue_or_404
from reviews.queues.permissions import QueuePerm

# Who may read a queue's metrics: they name reviewers and their accuracy.
METRICS_PERMS = (QueuePerm.MANAGE, QueuePerm.ESCALATIONS, QueuePerm.INCIDENTS)


def _no_nul(name: str, value: str) -> None:
    """PostgreSQL refuses a NUL in text: a 500 from the roll-up query, unless refused here."""
    if "\x00" in value:
        message = "Must not contain NUL characters."
        raise ApiError(code="invalid", message=message, fields={name: [message]})


def _parse_slice(value: str) -> dict[str, str]:
    """'region:EU,product:mortgage' → {"region": "EU", "product": "mortgage"}."""
    _no_nul("slice", value)
    tags = {}
    for part in value.split(","):
        key, sep, tag = part.partition(":")
        if not sep or not key.strip():
            raise ValueError("Use key:value pairs separated by commas, such as region:EU.")
        tags[key.strip()] = tag.strip()
    return tags


def _bounds(params: Any) -> tuple[datetime, datetime]:
    """The window from ?window= (ending now) or ?start=&end= (ISO 8601)."""
    errors: dict[str, list[str]] = {}
    end = timezone.now()
    start = end - timedelta(hours=24)
    if params.get("start") or params.get("end"):
        parsed: dict[str, datetime] = {}
        for name in ("start", "end"):
            value = parse_time(params.get(name, ""))
            if value is None:
                errors[name] = [
                    "An ISO 8601 time with its offset, such as 2026-11-01T00:00Z, "
                    "between 1970 and 9000."
                ]
            else:
                parsed[name] = value
        if not errors:
            start, end = parsed["start"], parsed["end"]
            if not start < end or end - start > MAX_WINDOW:
                errors["end"] = ["end must come after start, at most 366 days later."]
    elif params.get("window"):
        try:
            start = end - parse_window(params["window"])
        except ValueError as exc:
            errors["window"] = [str(exc)]
    if errors:
        raise ApiError(code="invalid", message="The window is not valid.", fields=errors)
    return start, end


class QueueMetricsView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("window", str, description="24h (default), 7d, 30d…, ending now"),
            OpenApiParameter("start", OpenApiTypes.DATETIME, description="instead of window"),
            OpenApiParameter("end", OpenApiTypes.DATETIME, description="instead of window"),
            OpenApiParameter("slice", str, description="key:value,… (exact slice tags)"),
            OpenApiParameter("model_version", str),
            OpenApiParameter("series", bool, description="add hourly points for charts"),
        ],
        responses={200: OpenApiTypes.OBJECT, 400: ERROR},
        summary="Every SPEC §4 metric of the queue over a window, from the roll-ups",
    )
    def get(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = queue_or_404(request, slug, perms=METRICS_PERMS)
        start, end = _bounds(request.query_params)
        slice_tags = None
        if request.query_params.get("slice"):
            try:
                slice_tags = _parse_slice(request.query_params["slice"])
            except ValueError as exc:
                raise ApiError(
                    code="invalid", message=str(exc), fields={"slice": [str(exc)]}
                ) from None
        model_version = request.query_params.get("model_version") or None
        if model_version:
            _no_nul("model_version", model_version)
        body = queue_metrics(
            queue=queue, start=start, end=end, slice_tags=slice_tags, model_version=model_version
        )
        if request.query_params.get("series") in ("1", "true", "yes"):
            body["series"] = queue_series(
                queue=queue,
                start=start,
                end=end,
                slice_tags=slice_tags,
                model_version=model_version,
            )
        return Response(body)
