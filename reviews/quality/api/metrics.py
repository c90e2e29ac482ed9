"""GET /api/v1/queues/{slug}/metrics/: every SPEC §4 metric over a window, from roll-ups."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from hitl.api.errors import ApiError
from hitl.api.schema import ERROR
from reviews.quality.services.measure import queue_metrics, queue_series
from reviews.queues.api.queues import queue_or_404
from reviews.queues.permissions import QueuePerm

# Who may read a queue's metrics: they name reviewers and their accuracy.
METRICS_PERMS = (QueuePerm.MANAGE, QueuePerm.ESCALATIONS, QueuePerm.INCIDENTS)
WINDOW = re.compile(r"^(\d{1,4})([hd])$")
MAX_WINDOW = timedelta(days=366)
# The times a window may start or end at: far from the calendar's edges, which overflow.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


def parse_window(value: str) -> timedelta:
    """'24h', '7d' → a timedelta; ValueError with a message otherwise."""
    match = WINDOW.match(value.strip())
    if not match:
        raise ValueError("Use a number of hours or days, such as 24h or 7d.")
    amount, unit = int(match[1]), match[2]
    span = timedelta(hours=amount) if unit == "h" else timedelta(days=amount)
    if not timedelta(hours=1) <= span <= MAX_WINDOW:
        raise ValueError("The window must be between 1h and 366d.")
    return span


def _parse_time(value: str) -> datetime | None:
    """An ISO 8601 time with its offset, between EARLIEST and LATEST; None otherwise.

    parse_datetime raises ValueError for a time of the right shape that is no date
    (2026-13-45T99:99), and the calendar's edges overflow once the roll-up query turns
    them into UTC: both were 500s (tests/security/test_limits_and_injection.py).
    """
    try:
        parsed = parse_datetime(value)
        if parsed is None or timezone.is_naive(parsed):
            return None
        in_range = EARLIEST <= parsed.astimezone(UTC) <= LATEST
    except (ValueError, OverflowError):
        return None
    return parsed if in_range else None


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
        parsed = {}
        for name in ("start", "end"):
            value = _parse_time(params.get(name, ""))
            if value is None:
                errors[name] = [
                    "An ISO 8601 time with its offset, such as 2026-11-01T00:00Z, "
                    "between 1970 and 9000."
                ]
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
    def get(self, request: Request, slug: str) -> Response:
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
