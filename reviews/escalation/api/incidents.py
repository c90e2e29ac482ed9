"""The incident API: responders' incidents (list, detail, transitions, updates, notes,
containment, and decisions on the incident's items)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from accounts.request_types import AuthenticatedApiRequest
from audit.services import Actor
from hitl.api.errors import ApiError
from hitl.api.fields import NoUnknownFieldsMixin, StrictCharField
from hitl.api.filters import FilterBackend
from hitl.api.schema import ERROR
from reviews.escalation.api.serializers import (
    MAX_POSTMORTEM,
    MAX_TEXT,
    IncidentDetailOutSerializer,
    IncidentEventOutSerializer,
    IncidentOutSerializer,
    conflict,
)
from reviews.escalation.filters import IncidentFilter
from reviews.escalation.models import Incident
from reviews.escalation.selectors import incident_owner_candidate, incidents_visible_to
from reviews.escalation.services.incidents import (
    incident_contain,
    incident_lift,
    incident_note,
    incident_transition,
    incident_update,
)
from reviews.queues.api.serializers import (
    ContainmentInSerializer,
    ContainmentLiftInSerializer,
    ContainmentOutSerializer,
)
from reviews.queues.models import Containment
from reviews.work.api.review import verdict_fields
from reviews.work.api.serializers import DecisionInSerializer, DecisionOutSerializer
from reviews.work.services.decisions import incident_item_decide

# --- Incidents ---------------------------------------------------------------------


class IncidentTransitionInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    to = serializers.ChoiceField(choices=Incident.State.choices)
    note = StrictCharField(max_length=MAX_TEXT, required=False, allow_blank=True)


class IncidentUpdateInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    severity = serializers.ChoiceField(choices=Incident.Severity.choices, required=False)
    owner = StrictCharField(max_length=150, required=False, help_text="A responder's username.")
    postmortem = StrictCharField(
        max_length=MAX_POSTMORTEM, required=False, allow_blank=True, trim_whitespace=False
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs:
            raise serializers.ValidationError("Send severity, owner or postmortem.")
        return attrs


class IncidentNoteInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    text = StrictCharField(max_length=MAX_TEXT)


def _incident_or_404(request: AuthenticatedApiRequest, pk: int) -> Incident:
    return get_object_or_404(
        incidents_visible_to(user=request.user).select_related("bundle"), pk=pk
    )


def incident_owner(incident: Incident, username: str) -> User:
    """The new owner, or a 400 naming the field: only someone who may respond on the
    incident's queue can own it."""
    owner = incident_owner_candidate(incident=incident, username=username)
    if owner is None:
        raise ApiError(
            code="invalid",
            message="The request has invalid fields.",
            fields={"owner": [f"{username!r} is not a responder on this incident's queue."]},
        )
    return owner


class IncidentListView(ListAPIView):
    request: AuthenticatedApiRequest
    serializer_class = IncidentOutSerializer
    filter_backends = [FilterBackend]
    filterset_class = IncidentFilter

    # The model, for the schema's filter parameters without a request (drf-spectacular
    # would otherwise call get_queryset, which needs the caller and the database).
    queryset = Incident.objects.none()

    def get_queryset(self) -> QuerySet[Incident]:
        return incidents_visible_to(user=self.request.user).order_by("-opened_at", "-id")

    @extend_schema(
        responses={200: IncidentOutSerializer(many=True), 400: ERROR},
        summary="Incidents you may see, newest first",
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class IncidentDetailView(APIView):
    @extend_schema(
        responses={200: IncidentDetailOutSerializer, 404: ERROR},
        summary="One incident: timeline, tickets, items, containment, bundle",
    )
    def get(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        return Response(IncidentDetailOutSerializer(_incident_or_404(request, pk)).data)


class IncidentTransitionView(APIView):
    @extend_schema(
        request=IncidentTransitionInSerializer,
        responses={200: IncidentDetailOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Move the incident forward (resolving needs a note)",
    )
    def post(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        incident = _incident_or_404(request, pk)
        serializer = IncidentTransitionInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        incident_transition(
            incident=incident,
            to=serializer.validated_data["to"],
            note=serializer.validated_data.get("note", ""),
            actor=Actor.for_user(request.user),
        )
        return Response(IncidentDetailOutSerializer(_incident_or_404(request, pk)).data)


class IncidentUpdateView(APIView):
    @extend_schema(
        request=IncidentUpdateInSerializer,
        responses={200: IncidentDetailOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Change severity, owner or the postmortem notes",
    )
    def post(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        incident = _incident_or_404(request, pk)
        serializer = IncidentUpdateInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        owner = incident_owner(incident, data["owner"]) if "owner" in data else None
        incident_update(
            incident=incident,
            actor=Actor.for_user(request.user),
            severity=data.get("severity"),
            owner=owner,
            postmortem=data.get("postmortem"),
        )
        return Response(IncidentDetailOutSerializer(_incident_or_404(request, pk)).data)


class IncidentNoteView(APIView):
    @extend_schema(
        request=IncidentNoteInSerializer,
        responses={201: IncidentEventOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Add a note to the incident's timeline",
    )
    def post(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        incident = _incident_or_404(request, pk)
        serializer = IncidentNoteInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        event = incident_note(
            incident=incident,
            actor=Actor.for_user(request.user),
            text=serializer.validated_data["text"],
        )
        return Response(IncidentEventOutSerializer(event).data, status=status.HTTP_201_CREATED)


class IncidentContainView(APIView):
    @extend_schema(
        request=ContainmentInSerializer,
        responses={201: ContainmentOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Contain the incident's queue or one slice of it (the incident becomes contained)",
    )
    def post(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        incident = _incident_or_404(request, pk)
        serializer = ContainmentInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        containment = incident_contain(
            incident=incident,
            actor=Actor.for_user(request.user),
            slice_tags=serializer.validated_data.get("slice", {}),
            reason=serializer.validated_data["reason"],
        )
        return Response(ContainmentOutSerializer(containment).data, status=status.HTTP_201_CREATED)


class IncidentLiftView(APIView):
    @extend_schema(
        request=ContainmentLiftInSerializer,
        responses={200: ContainmentOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Lift one of the incident's containment switches",
    )
    def post(self, request: AuthenticatedApiRequest, pk: int, cid: int) -> Response:
        incident = _incident_or_404(request, pk)
        containment = get_object_or_404(Containment, pk=cid, queue_id=incident.queue_id)
        serializer = ContainmentLiftInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        lifted = incident_lift(
            incident=incident,
            containment=containment,
            actor=Actor.for_user(request.user),
            note=serializer.validated_data["note"],
        )
        if not lifted:
            raise conflict("not_active", "This containment is not active.")
        containment.refresh_from_db()
        return Response(ContainmentOutSerializer(containment).data)


class IncidentItemDecisionView(APIView):
    @extend_schema(
        request=DecisionInSerializer,
        responses={201: DecisionOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Decide an item of the incident (a responder's verdict)",
    )
    def post(self, request: AuthenticatedApiRequest, pk: int, item_id: int) -> Response:
        incident = _incident_or_404(request, pk)
        serializer = DecisionInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        decision = incident_item_decide(
            incident=incident, item_id=item_id, reviewer=request.user, **verdict_fields(data)
        )
        return Response(DecisionOutSerializer(decision).data, status=status.HTTP_201_CREATED)
