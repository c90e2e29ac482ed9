"""The quality API: calibration fits and the threshold simulator."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.request_types import AuthenticatedApiRequest
from audit.services import Actor
from hitl.api.errors import ApiError
from hitl.api.fields import (
    NoUnknownFieldsMixin,
    StrictFloatField,
)
from hitl.api.schema import ERROR
from hitl.windows import parse_window
from reviews.quality.api.metrics import METRICS_PERMS
from reviews.quality.models import CalibrationFit
from reviews.quality.services.calibration import calibration_fit
from reviews.quality.services.simulator import policy_draft, threshold_curve
from reviews.queues.api.queues import queue_or_404
from reviews.queues.api.serializers import PolicyDraftOutSerializer
from reviews.queues.permissions import QueuePerm

MANAGE = (QueuePerm.MANAGE,)
SIMULATOR_DEFAULT_WINDOW = timedelta(days=7)


# --- Calibration --------------------------------------------------------------------------


class CalibrationInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    method = serializers.ChoiceField(
        choices=CalibrationFit.Method.choices, default=CalibrationFit.Method.ISOTONIC
    )


class CalibrationFitOutSerializer(serializers.Serializer):
    """A fit with both reliability diagrams."""

    id = serializers.IntegerField()
    queue = serializers.CharField(source="queue.slug")
    method = serializers.CharField(help_text=", ".join(CalibrationFit.Method.values))
    params = serializers.JSONField(help_text="The fitted map's parameters.")
    n_items = serializers.IntegerField()
    ece_before = serializers.FloatField(allow_null=True)
    ece_after = serializers.FloatField(allow_null=True)
    reliability_before = serializers.JSONField(source="report.before", allow_null=True)
    reliability_after = serializers.JSONField(source="report.after", allow_null=True)
    fitted_at = serializers.DateTimeField()
    fitted_by = serializers.CharField()
    active = serializers.BooleanField()


@extend_schema_serializer(component_name="ActiveCalibration")
class ActiveCalibrationOutSerializer(serializers.Serializer):
    """Rendered from {"active": the queue's active fit or None}."""

    active = CalibrationFitOutSerializer(allow_null=True)


class QueueCalibrationView(APIView):
    @extend_schema(
        responses={200: ActiveCalibrationOutSerializer},
        summary="The queue's active calibration fit with reliability before and after",
    )
    def get(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = queue_or_404(request, slug, METRICS_PERMS)
        fit = CalibrationFit.objects.filter(queue=queue, active=True).first()
        return Response(ActiveCalibrationOutSerializer({"active": fit}).data)

    @extend_schema(
        request=CalibrationInSerializer,
        responses={201: CalibrationFitOutSerializer},
        summary="Fit a calibration map now from human-decided items and make it active",
    )
    def post(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = queue_or_404(request, slug, MANAGE)
        serializer = CalibrationInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fit = calibration_fit(
            queue=queue,
            method=serializer.validated_data["method"],
            actor=Actor.for_user(request.user),
        )
        return Response(CalibrationFitOutSerializer(fit).data, status=status.HTTP_201_CREATED)


# --- Threshold simulator ------------------------------------------------------------------


class DraftInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    auto_approve_at = StrictFloatField(min_value=0.0, max_value=1.0)


class QueueSimulatorView(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("window", str, description="7d (default), 24h, 30d…")],
        responses={200: OpenApiTypes.OBJECT, 400: ERROR},
        summary="What each candidate auto_approve_at would have meant over the window",
    )
    def get(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = queue_or_404(request, slug, METRICS_PERMS)
        span = SIMULATOR_DEFAULT_WINDOW
        if request.query_params.get("window"):
            try:
                span = parse_window(request.query_params["window"])
            except ValueError as exc:
                raise ApiError(
                    code="invalid",
                    message="The window is not valid.",
                    fields={"window": [str(exc)]},
                ) from None
        end = timezone.now()
        return Response(threshold_curve(queue=queue, start=end - span, end=end))


class QueueSimulatorDraftView(APIView):
    @extend_schema(
        request=DraftInSerializer,
        responses={201: PolicyDraftOutSerializer},
        summary="Draft a new, inactive policy version with the chosen auto_approve_at",
    )
    def post(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = queue_or_404(request, slug, MANAGE)
        serializer = DraftInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        draft = policy_draft(
            queue=queue,
            auto_approve_at=serializer.validated_data["auto_approve_at"],
            actor=Actor.for_user(request.user),
            created_by=request.user,
        )
        return Response(PolicyDraftOutSerializer(draft).data, status=status.HTTP_201_CREATED)
