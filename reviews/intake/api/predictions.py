"""The prediction API: single and bulk ingest (idempotent per external_id), one item."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.request_types import AuthenticatedApiRequest
from audit.services import Actor
from hitl.api.errors import ApiError, error_body
from hitl.api.schema import ERROR
from reviews.intake.api.serializers import (
    BulkPredictionsInSerializer,
    ItemOutSerializer,
    PredictionInSerializer,
    item_json,
)
from reviews.intake.selectors import items_visible_to
from reviews.intake.services.ingest import (
    IngestStatus,
    Prediction,
    prediction_errors_for_queue,
    predictions_ingest,
)
from reviews.intake.services.validation import PredictionInvalid, validate_prediction
from reviews.queues.api.queues import queue_not_found
from reviews.queues.selectors import queues_for_submit

_CONFLICT_MESSAGE = "external_id was already used with a different body."


def _error_of(exc: ApiError) -> dict[str, Any]:
    return error_body(exc.error_code, str(exc.detail), exc.fields)


class _Entry:
    """One submitted prediction on its way through: valid for a queue, or an error."""

    __slots__ = ("error", "prediction", "queue_slug", "status")

    def __init__(self, raw: Any) -> None:
        self.prediction: Prediction | None = None
        self.queue_slug = ""
        self.error: dict[str, Any] | None = None
        self.status = 0
        try:
            self.queue_slug, self.prediction = validate_prediction(raw)
        except PredictionInvalid as exc:
            self.fail(400, error_body("invalid", "The prediction has invalid fields.", exc.fields))

    def fail(self, status_code: int, error: dict[str, Any]) -> None:
        self.prediction, self.status, self.error = None, status_code, error


def _ingest(request: AuthenticatedApiRequest, raws: list[Any]) -> list[tuple[int, dict[str, Any]]]:
    """Validate, group by queue, ingest each group; (status, body) per item, in order."""
    entries = [_Entry(raw) for raw in raws]
    queues = queues_for_submit(
        user=request.user, slugs={e.queue_slug for e in entries if e.prediction}
    )
    actor = Actor.for_user(request.user)
    by_queue: dict[str, list[tuple[int, Prediction]]] = {}
    for index, entry in enumerate(entries):
        if entry.prediction is None:
            continue
        queue = queues.get(entry.queue_slug)
        if queue is None:
            entry.fail(404, _error_of(queue_not_found(entry.queue_slug)))
            continue
        errors = prediction_errors_for_queue(prediction=entry.prediction, queue=queue)
        if errors:
            entry.fail(400, error_body("invalid", "The prediction has invalid fields.", errors))
            continue
        by_queue.setdefault(entry.queue_slug, []).append((index, entry.prediction))
    bodies: dict[int, tuple[int, dict[str, Any]]] = {}
    for slug, valid in by_queue.items():
        indexes = [index for index, _ in valid]
        predictions = [prediction for _, prediction in valid]
        results = predictions_ingest(queue=queues[slug], predictions=predictions, actor=actor)
        for index, result in zip(indexes, results, strict=True):
            if result.status is IngestStatus.CONFLICT:
                bodies[index] = (
                    409,
                    error_body(
                        "idempotency_conflict",
                        _CONFLICT_MESSAGE,
                        {"external_id": [_CONFLICT_MESSAGE]},
                    ),
                )
            else:
                bodies[index] = (result.status.value, item_json(result.item))
    return [bodies.get(i, (entry.status, entry.error or {})) for i, entry in enumerate(entries)]


def _bulk_items(data: Any) -> list[Any]:
    """The list under "items", checked whole; each item is validated on its own later."""
    limit = settings.HITL_BULK_MAX_ITEMS
    fields: dict[str, list[str]] = {}
    if not isinstance(data, dict):
        fields["non_field_errors"] = ['Expected an object with an "items" list.']
    elif unknown := sorted(set(data) - {"items"}):
        fields.update({str(name): ["Unknown field."] for name in unknown})
    elif not isinstance(items := data.get("items"), list):
        fields["items"] = ["This field is required and must be a list."]
    elif not items:
        fields["items"] = ["This list may not be empty."]
    elif len(items) > limit:
        fields["items"] = [f"At most {limit} items per call; got {len(items)}."]
    if fields:
        raise ApiError(code="invalid", message="The request has invalid fields.", fields=fields)
    return data["items"]


class PredictionCreateView(APIView):
    @extend_schema(
        request=PredictionInSerializer,
        responses={
            201: ItemOutSerializer,
            200: OpenApiResponse(ItemOutSerializer, description="Idempotent repeat"),
            400: ERROR,
            404: ERROR,
            409: ERROR,
        },
        summary="Ingest one prediction and get its routing decision",
    )
    def post(self, request: AuthenticatedApiRequest) -> Response:
        ((code, body),) = _ingest(request, [request.data])
        return Response(body, status=code)


class PredictionBulkView(APIView):
    @extend_schema(
        request=BulkPredictionsInSerializer,
        responses={
            200: inline_serializer(
                "BulkResults",
                {
                    "results": serializers.ListField(child=serializers.DictField()),
                    "summary": serializers.DictField(child=serializers.IntegerField()),
                },
            ),
            400: ERROR,
        },
        summary="Ingest up to 1,000 predictions; one result per item, in order",
    )
    def post(self, request: AuthenticatedApiRequest) -> Response:
        results = _ingest(request, _bulk_items(request.data))
        summary = {"created": 0, "existing": 0, "failed": 0}
        out = []
        for index, (code, body) in enumerate(results):
            key = {201: "created", 200: "existing"}.get(code, "failed")
            summary[key] += 1
            out.append({"index": index, "status": code, **({"item": body} if code < 300 else body)})
        return Response({"results": out, "summary": summary})


class PredictionDetailView(APIView):
    @extend_schema(responses={200: ItemOutSerializer, 404: ERROR}, summary="One prediction")
    def get(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        item = get_object_or_404(items_visible_to(user=request.user), pk=pk)
        return Response(item_json(item))
