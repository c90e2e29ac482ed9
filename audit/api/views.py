from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from audit.api.serializers import AuditEventOutSerializer, VerifyOutSerializer
from audit.filters import AuditEventFilter
from audit.models import AuditEvent
from audit.selectors import audit_events
from audit.services import audit_verify
from hitl.api.filters import FilterBackend
from hitl.api.schema import ERROR


class CanReadAudit(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(request.user and request.user.has_perm("audit.view_auditevent"))


class AuditEventListView(ListAPIView):
    permission_classes = [CanReadAudit]
    serializer_class = AuditEventOutSerializer
    filter_backends = [FilterBackend]
    filterset_class = AuditEventFilter
    invalid_filter_message = "Invalid filter."

    # The model, for the schema's filter parameters without a request (drf-spectacular
    # would otherwise call get_queryset, which needs the caller and the database).
    queryset = AuditEvent.objects.none()

    def get_queryset(self) -> QuerySet[AuditEvent]:
        return audit_events()

    @extend_schema(
        responses={200: AuditEventOutSerializer(many=True), 400: ERROR},
        summary="The audit trail, newest first",
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class AuditVerifyView(APIView):
    permission_classes = [CanReadAudit]

    @extend_schema(responses={200: VerifyOutSerializer}, summary="Verify the whole hash chain")
    def get(self, request: Request) -> Response:
        return Response(VerifyOutSerializer(audit_verify()).data)
