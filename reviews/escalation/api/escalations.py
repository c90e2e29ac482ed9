"""The escalation API: SMEs' tickets (list, detail, acknowledge, take, resolve)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from accounts.request_types import AuthenticatedApiRequest
from audit.services import Actor
from hitl.api.fields import NoUnknownFieldsMixin, StrictCharField
from hitl.api.filters import FilterBackend
from hitl.api.schema import ERROR
from reviews.escalation.api.serializers import (
    MAX_TEXT,
    EscalationDetailOutSerializer,
    EscalationOutSerializer,
    conflict,
)
from reviews.escalation.filters import EscalationFilter
from reviews.escalation.models import Escalation
from reviews.escalation.selectors import escalations_visible_to
from reviews.escalation.services.escalations import (
    escalation_acknowledge,
    escalation_resolve,
)
from reviews.queues.selectors import QueueNotFound, queue_access
from reviews.work.api.serializers import ClaimOutSerializer
from reviews.work.models import Assignment
from reviews.work.services.claims import (
    TIER_PERMS,
    ClaimError,
    assignment_claim_item,
)

# --- Escalations -------------------------------------------------------------------


class EscalationResolveInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    resolution = StrictCharField(max_length=MAX_TEXT)


def _escalation_or_404(request: AuthenticatedApiRequest, pk: int) -> Escalation:
    return get_object_or_404(
        escalations_visible_to(user=request.user).select_related("bundle"), pk=pk
    )


class EscalationListView(ListAPIView):
    request: AuthenticatedApiRequest
    serializer_class = EscalationOutSerializer
    filter_backends = [FilterBackend]
    filterset_class = EscalationFilter

    # The model, for the schema's filter parameters without a request (drf-spectacular
    # would otherwise call get_queryset, which needs the caller and the database).
    queryset = Escalation.objects.none()

    def get_queryset(self) -> QuerySet[Escalation]:
        return escalations_visible_to(user=self.request.user).order_by("-created_at", "-id")

    @extend_schema(
        responses={200: EscalationOutSerializer(many=True), 400: ERROR},
        summary="Escalation tickets you may see, newest first",
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class EscalationDetailView(APIView):
    @extend_schema(
        responses={200: EscalationDetailOutSerializer, 404: ERROR},
        summary="One ticket, with its evidence bundle parsed and verified",
    )
    def get(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        return Response(EscalationDetailOutSerializer(_escalation_or_404(request, pk)).data)


class EscalationAcknowledgeView(APIView):
    @extend_schema(
        request=None,
        responses={200: EscalationDetailOutSerializer, 404: ERROR, 409: ERROR},
        summary="Acknowledge a ticket: someone is on it",
    )
    def post(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        ticket = _escalation_or_404(request, pk)
        escalation_acknowledge(escalation=ticket, actor=Actor.for_user(request.user))
        return Response(EscalationDetailOutSerializer(_escalation_or_404(request, pk)).data)


class EscalationResolveView(APIView):
    @extend_schema(
        request=EscalationResolveInSerializer,
        responses={200: EscalationDetailOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Resolve a ticket by hand, saying how",
    )
    def post(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        ticket = _escalation_or_404(request, pk)
        serializer = EscalationResolveInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        escalation_resolve(
            escalation=ticket,
            actor=Actor.for_user(request.user),
            resolution=serializer.validated_data["resolution"],
        )
        return Response(EscalationDetailOutSerializer(_escalation_or_404(request, pk)).data)


class EscalationTakeView(APIView):
    @extend_schema(
        request=None,
        responses={200: ClaimOutSerializer, 404: ERROR, 409: ERROR},
        summary="Lease the ticket's item to yourself, at the tier it waits at",
    )
    def post(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        ticket = _escalation_or_404(request, pk)
        assignment = _take(user=request.user, ticket=ticket)
        return Response(ClaimOutSerializer(assignment).data)


def _take(*, user: User, ticket: Escalation) -> Assignment:
    """The lease of the ticket's item to `user`. Not being able to claim it is a conflict
    with the ticket (409); the assignment's own refusals answer as anywhere else."""
    try:
        access = queue_access(user=user, slug=ticket.queue.slug, perms=TIER_PERMS.values())
        return assignment_claim_item(access=access, item_id=ticket.item_id)
    except QueueNotFound:
        raise conflict(
            "tier_not_allowed", f"You may not review queue {ticket.queue.slug!r}."
        ) from None
    except ClaimError as exc:  # here a refusal to claim is a conflict with the ticket
        raise conflict(exc.code, exc.message) from None
