"""The qualification API: gold items, a reviewer's standing, re-qualification."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.request_types import AuthenticatedApiRequest
from audit.services import Actor
from hitl.api.errors import ApiError
from hitl.api.schema import ERROR
from reviews.intake.services.validation import PredictionInvalid
from reviews.queues.api.queues import queue_or_404
from reviews.queues.permissions import QueuePerm
from reviews.work.api.serializers import (
    GoldInSerializer,
    GoldOutSerializer,
    QualificationOutSerializer,
    QualificationSettingsSerializer,
    QueueQualificationOutSerializer,
)
from reviews.work.models import Qualification
from reviews.work.services.qualification import (
    gold_create,
    qualification_requalify,
    qualification_settings_set,
)

# --- Qualification: gold items, re-qualification ----------------------------------


class QueueGoldCreateView(APIView):
    @extend_schema(
        request=GoldInSerializer,
        responses={201: GoldOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Add a gold item (known label) to the queue (queue managers)",
    )
    def post(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = queue_or_404(request, slug, perms=[QueuePerm.MANAGE])
        try:
            item = gold_create(queue=queue, raw=request.data, actor=Actor.for_user(request.user))
        except PredictionInvalid as exc:
            raise ApiError(
                code="invalid", message="The gold item has invalid fields.", fields=exc.fields
            ) from None
        return Response(GoldOutSerializer(item).data, status=status.HTTP_201_CREATED)


class QualificationRequalifyView(APIView):
    @extend_schema(
        request=None,
        responses={200: QualificationOutSerializer, 404: ERROR, 409: ERROR},
        summary="Re-qualify a reviewer disqualified on the queue (queue managers)",
    )
    def post(self, request: AuthenticatedApiRequest, slug: str, username: str) -> Response:
        queue = queue_or_404(request, slug, perms=[QueuePerm.MANAGE])
        row = (
            Qualification.objects.select_related("reviewer")
            .filter(queue=queue, reviewer__username=username)
            .first()
        )
        if row is None:
            raise ApiError(
                code="qualification_not_found",
                message=f"{username!r} has no qualification record on queue {slug!r}.",
                status_code=status.HTTP_404_NOT_FOUND,
            )
        row = qualification_requalify(
            queue=queue, reviewer=row.reviewer, actor=Actor.for_user(request.user)
        )
        return Response(QualificationOutSerializer(row).data)


class QueueQualificationView(APIView):
    @extend_schema(
        responses={200: QueueQualificationOutSerializer, 404: ERROR},
        summary="The queue's qualification settings and every reviewer's standing (managers)",
    )
    def get(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = queue_or_404(request, slug, perms=[QueuePerm.MANAGE])
        rows = Qualification.objects.filter(queue=queue).select_related("queue", "reviewer")
        return Response(QueueQualificationOutSerializer({"queue": queue, "reviewers": rows}).data)

    @extend_schema(
        request=QualificationSettingsSerializer,
        responses={200: QualificationSettingsSerializer, 400: ERROR, 404: ERROR},
        summary="Change the gold rate, the bar and the minimum gold count (managers; audited)",
    )
    def post(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = queue_or_404(request, slug, perms=[QueuePerm.MANAGE])
        serializer = QualificationSettingsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        queue = qualification_settings_set(
            queue=queue, changes=serializer.validated_data, actor=Actor.for_user(request.user)
        )
        return Response(QualificationSettingsSerializer(queue).data)
