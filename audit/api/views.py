from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from audit.api.filters import audit_params_checked
from audit.api.serializers import AuditEventOutSerializer, VerifyOutSerializer
from audit.selectors import BadFilter, audit_events
from audit.services import audit_verify
from hitl.api.errors import ApiError
from hitl.api.schema import ERROR


class CanReadAudit(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(request.user and request.user.has_perm("audit.view_auditevent"))


_FILTERS = [
    OpenApiParameter("action", OpenApiTypes.INT, description="Event type number"),
    OpenApiParameter("actor", OpenApiTypes.STR, description="Actor's username or label"),
    OpenApiParameter("actor_kind", OpenApiTypes.STR, enum=["user", "client", "system"]),
    OpenApiParameter("target_type", OpenApiTypes.STR, description="e.g. reviews.item"),
    OpenApiParameter("target_id", OpenApiTypes.STR),
    OpenApiParameter("after_seq", OpenApiTypes.INT),
    OpenApiParameter("before_seq", OpenApiTypes.INT),
    OpenApiParameter("since", OpenApiTypes.DATETIME),
    OpenApiParameter("until", OpenApiTypes.DATETIME),
]


class AuditEventListView(ListAPIView):
    permission_classes = [CanReadAudit]
    serializer_class = AuditEventOutSerializer

    def get_queryset(self) -> Any:
        try:
            return audit_events(params=audit_params_checked(self.request.query_params))
        except BadFilter as exc:
            raise ApiError(
                code="invalid", message="Invalid filter.", fields={exc.field: [str(exc)]}
            ) from None

    @extend_schema(
        parameters=_FILTERS,
        responses={200: AuditEventOutSerializer(many=True), 400: ERROR},
        summary="The audit trail, newest first",
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class AuditVerifyView(APIView):
    permission_classes = [CanReadAudit]

    @extend_schema(responses={200: VerifyOutSerializer}, summary="Verify the whole hash chain")
    def get(self, request: Request) -> Response:
        return Response(audit_verify().as_dict())
