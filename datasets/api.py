"""The snapshot API (SPEC §5, §7): request, list, read, download. Thin views over
services/build.py.

Who may do what: a queue the caller cannot see is 404 (queue_not_found); a visible queue
without the export permission is 403; a snapshot of a queue the caller may not export is
404, like one that does not exist. Raw inputs need view_raw_pii and export both (403
otherwise, and nothing is stored).
"""

from __future__ import annotations

import base64
from typing import Any

from django.http import FileResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.request_types import AuthenticatedApiRequest
from audit.services import Actor
from datasets.models import Dataset
from datasets.selectors import datasets_visible_to
from datasets.services.build import (
    ExportRefused,
    RawExportRefused,
    dataset_download,
    dataset_file,
    dataset_files_json,
    dataset_request,
)
from datasets.services.filters import DatasetFilterInvalid
from datasets.services.writers import FORMATS
from hitl.api.errors import ApiError
from hitl.api.fields import NoUnknownFieldsMixin, StrictBooleanField
from hitl.api.schema import ERROR
from reviews.queues.api.queues import queue_or_404
from reviews.queues.models import Queue
from reviews.queues.permissions import QUEUE_VISIBLE_PERMS, QueuePerm
from reviews.queues.selectors import queues_for

CONTENT_TYPES = {"jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}


class DatasetInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    filter = serializers.JSONField(
        required=False,
        allow_null=True,
        help_text=(
            "Which decided items: decided_from / decided_to (ISO 8601 with offset; "
            "decided_to defaults to now) or window (24h, 7d, 30d…, ending now), "
            "model_version, slice {tag: value}, outcome [approved|corrected|rejected], "
            "reason_code, tier (tier1|sme|incident). Absent: every decided item."
        ),
    )
    raw = StrictBooleanField(
        required=False,
        default=False,
        help_text="Raw inputs instead of redacted ones (view_raw_pii and export; audited).",
    )


class DatasetFileOutSerializer(serializers.Serializer):
    sha256 = serializers.CharField()
    bytes = serializers.IntegerField()
    url = serializers.CharField(help_text="The download path, relative to the API's host.")


class DatasetFilesOutSerializer(serializers.Serializer):
    jsonl = DatasetFileOutSerializer()
    parquet = DatasetFileOutSerializer()


class DatasetProgressOutSerializer(serializers.Serializer):
    rows_done = serializers.IntegerField()
    rows_total = serializers.IntegerField(allow_null=True)


class DatasetOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    queue = serializers.CharField(source="queue.slug")
    number = serializers.IntegerField(help_text="1, 2, 3… per queue, in request order.")
    status = serializers.CharField(help_text="pending, building, ready or failed")
    progress = DatasetProgressOutSerializer(source="*")
    filter = serializers.JSONField(help_text="The canonical filter the snapshot was made of.")
    raw = serializers.BooleanField()
    trigger = serializers.CharField(help_text="manual, labels or alert")
    requested_by = serializers.CharField(source="requested_by.username", allow_null=True)
    requested_at = serializers.DateTimeField()
    built_at = serializers.DateTimeField(allow_null=True)
    row_count = serializers.IntegerField(allow_null=True)
    error = serializers.CharField(help_text="Why a failed build failed; empty otherwise.")
    files = serializers.SerializerMethodField(help_text="Null until ready.")
    summary = serializers.JSONField(
        help_text="Label distribution, outcomes, override rate, agreement, slice coverage, "
        "split sizes (docs/datasets.md)."
    )

    # The `dataset.ready` webhook carries the same files, so the service builds them once.
    @extend_schema_field(DatasetFilesOutSerializer(allow_null=True))
    def get_files(self, dataset: Dataset) -> dict[str, dict[str, Any]] | None:
        return dataset_files_json(dataset)


def _exportable_queue(request: AuthenticatedApiRequest, slug: str) -> Queue:
    """The queue if the caller may export it; 404 if they cannot see it, 403 if they can
    but may not export."""
    queue = queue_or_404(request, slug, perms=(*QUEUE_VISIBLE_PERMS, QueuePerm.EXPORT))
    if not queues_for(user=request.user, perms=[QueuePerm.EXPORT]).filter(pk=queue.pk).exists():
        raise ApiError(
            code="permission_denied",
            message=f"You may not export datasets of queue {slug!r}.",
            status_code=status.HTTP_403_FORBIDDEN,
        )
    return queue


def _dataset_or_404(request: AuthenticatedApiRequest, pk: int) -> Dataset:
    dataset = datasets_visible_to(user=request.user).filter(pk=pk).first()
    if dataset is None:
        raise ApiError(
            code="dataset_not_found",
            message=f"Dataset {pk} does not exist or you may not export it.",
            status_code=status.HTTP_404_NOT_FOUND,
        )
    return dataset


class QueueDatasetsView(ListAPIView):
    request: AuthenticatedApiRequest
    serializer_class = DatasetOutSerializer

    def get_queryset(self) -> Any:
        queue = _exportable_queue(self.request, self.kwargs["slug"])
        return Dataset.objects.filter(queue=queue).select_related("queue", "requested_by")

    @extend_schema(
        responses={200: DatasetOutSerializer(many=True), 403: ERROR, 404: ERROR},
        summary="The queue's dataset snapshots, newest first (export permission)",
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset().order_by("-number"))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        request=DatasetInSerializer,
        responses={202: DatasetOutSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
        summary="Request a snapshot of decided items; it builds in the background",
    )
    def post(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = _exportable_queue(request, slug)
        serializer = DatasetInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            dataset = dataset_request(
                queue=queue,
                actor=Actor.for_user(request.user),
                user=request.user,
                filter=serializer.validated_data.get("filter"),
                raw=serializer.validated_data["raw"],
            )
        except DatasetFilterInvalid as exc:
            fields = {
                "filter" if name == "non_field_errors" else f"filter.{name}": messages
                for name, messages in exc.fields.items()
            }
            raise ApiError(
                code="invalid", message="The filter has invalid fields.", fields=fields
            ) from None
        except RawExportRefused as exc:
            raise ApiError(
                code="raw_export_refused",
                message=str(exc),
                status_code=status.HTTP_403_FORBIDDEN,
                fields={"raw": ["Needs both the view-raw-PII and the export permission."]},
            ) from None
        except ExportRefused as exc:
            raise ApiError(
                code="permission_denied", message=str(exc), status_code=status.HTTP_403_FORBIDDEN
            ) from None
        response = Response(DatasetOutSerializer(dataset).data, status=status.HTTP_202_ACCEPTED)
        response["Location"] = reverse("api-dataset-detail", kwargs={"pk": dataset.pk})
        return response


class DatasetDetailView(APIView):
    @extend_schema(
        responses={200: DatasetOutSerializer, 404: ERROR},
        summary="One snapshot: status, progress, filter, files with SHA-256, summary",
    )
    def get(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        return Response(DatasetOutSerializer(_dataset_or_404(request, pk)).data)


class _FormatIsNotARenderer(DefaultContentNegotiation):
    """?format= names the file to download, not a renderer (DRF's URL_FORMAT_OVERRIDE
    would answer 404 for "jsonl"); errors still render as JSON."""

    def select_renderer(
        self, request: Any, renderers: Any, format_suffix: str | None = None
    ) -> Any:
        return renderers[0], renderers[0].media_type


class DatasetDownloadView(APIView):
    content_negotiation_class = _FormatIsNotARenderer

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "format", str, enum=list(FORMATS), required=True, description="Which file."
            )
        ],
        responses={
            (200, CONTENT_TYPES["jsonl"]): OpenApiTypes.BINARY,
            (200, CONTENT_TYPES["parquet"]): OpenApiTypes.BINARY,
            400: ERROR,
            404: ERROR,
            409: ERROR,
            410: ERROR,
        },
        summary="Download a ready snapshot's file (ETag and X-Checksum-SHA256: its SHA-256)",
    )
    def get(self, request: AuthenticatedApiRequest, pk: int) -> FileResponse:
        dataset = _dataset_or_404(request, pk)
        fmt = request.query_params.get("format", "")
        if fmt not in FORMATS:
            raise ApiError(
                code="invalid",
                message="Say which file: ?format=jsonl or ?format=parquet.",
                fields={"format": [f"Must be one of: {', '.join(FORMATS)}."]},
            )
        if dataset.status != Dataset.Status.READY:
            raise ApiError(
                code="dataset_not_ready",
                message=f"Dataset {pk} is {dataset.status}; files exist once it is ready.",
                status_code=status.HTTP_409_CONFLICT,
            )
        if not dataset_file(dataset, fmt).is_file():
            raise ApiError(
                code="dataset_file_missing",
                message=f"The {fmt} file of dataset {pk} is no longer on the server.",
                status_code=status.HTTP_410_GONE,
            )
        path = dataset_download(dataset=dataset, fmt=fmt, actor=Actor.for_user(request.user))
        sha256 = dataset.jsonl_sha256 if fmt == "jsonl" else dataset.parquet_sha256
        response = FileResponse(
            path.open("rb"),
            as_attachment=True,
            filename=f"{dataset.queue.slug}-{dataset.number}.{fmt}",
            content_type=CONTENT_TYPES[fmt],
        )
        response["ETag"] = f'"{sha256}"'
        response["X-Checksum-SHA256"] = sha256
        response["Digest"] = "sha-256=" + base64.b64encode(bytes.fromhex(sha256)).decode()
        add_never_cache_headers(response)  # may hold personal data: no shared cache
        return response
