"""The escalation and incident API (SPEC §7): tickets, incidents and their actions.

Thin views: an input serializer validates, one service acts, a `*_json` builder answers
(the `*OutSerializer`s describe the same shapes for the OpenAPI schema). Who sees what is
the selectors' business (escalations_visible_to, incidents_visible_to): a ticket or an
incident outside the caller's reach is 404, the same answer as one that does not exist.
Bad input is a 400 before any service runs; a service's refusal is a 409 with its code.
"""

from __future__ import annotations

import json
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from audit.evidence import bundle_verify
from audit.models import EvidenceBundle
from audit.services import Actor
from hitl.api.errors import ApiError
from hitl.api.fields import NoUnknownFieldsMixin, StrictCharField
from reviews.api.serializers import (
    ClaimOutSerializer,
    ContainmentInSerializer,
    ContainmentLiftInSerializer,
    ContainmentOutSerializer,
    DecisionInSerializer,
    DecisionOutSerializer,
    _iso,
    claim_json,
    decision_json,
)
from reviews.api.views import ERROR, decision_invalid, verdict_fields
from reviews.choices import Tier
from reviews.models import Containment, Escalation, Incident, IncidentEvent, Item
from reviews.selectors import (
    QueueNotFound,
    escalations_visible_to,
    incident_owner_candidate,
    incidents_visible_to,
    queue_access,
)
from reviews.services.claims import (
    TIER_PERMS,
    AssignmentError,
    AssignmentNotFound,
    ClaimError,
    assignment_claim_item,
)
from reviews.services.decisions import DecisionInvalid
from reviews.services.escalations import (
    EscalationError,
    escalation_acknowledge,
    escalation_resolve,
)
from reviews.services.incidents import (
    IncidentError,
    incident_contain,
    incident_item_decide,
    incident_lift,
    incident_note,
    incident_transition,
    incident_update,
)
from reviews.services.queues import ContainmentExists

MAX_TEXT = 10_000
MAX_POSTMORTEM = 100_000


def _conflict(code: str, message: str) -> ApiError:
    return ApiError(code=code, message=message, status_code=status.HTTP_409_CONFLICT)


# --- Shapes ------------------------------------------------------------------------


def _values(choices: Any) -> str:
    return ", ".join(choices.values)


class BundleOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sha256 = serializers.CharField(help_text="SHA-256 of the stored canonical JSON.")
    verified = serializers.BooleanField(help_text="Whether the content still hashes to sha256.")
    built_at = serializers.DateTimeField()
    content = serializers.JSONField(help_text="The bundle (SPEC §2), parsed.")


class EscalationOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    queue = serializers.CharField()
    item = serializers.IntegerField()
    external_id = serializers.CharField()
    # Plain strings on output: the choice sets share names with other components'.
    from_tier = serializers.CharField(help_text="tier1 or sme")
    to_tier = serializers.CharField(help_text="sme or incident")
    reason = serializers.CharField(help_text=_values(Escalation.Reason))
    state = serializers.CharField(help_text=_values(Escalation.State))
    owner_group = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField(allow_null=True)
    incident = serializers.IntegerField(allow_null=True)
    has_bundle = serializers.BooleanField()


class EscalationDetailOutSerializer(EscalationOutSerializer):
    note = serializers.CharField()
    data = serializers.JSONField(help_text='{"verdicts": [...], ...} as the ticket was opened.')
    acknowledged_at = serializers.DateTimeField(allow_null=True)
    acknowledged_by = serializers.CharField()
    resolved_at = serializers.DateTimeField(allow_null=True)
    resolved_by = serializers.CharField()
    resolution = serializers.CharField()
    bundle = BundleOutSerializer(allow_null=True, help_text="Null until the worker built it.")


def bundle_json(bundle: EvidenceBundle | None) -> dict[str, Any] | None:
    if bundle is None:
        return None
    return {
        "id": bundle.pk,
        "sha256": bundle.sha256,
        "verified": bundle_verify(bundle),
        "built_at": _iso(bundle.built_at),
        "content": json.loads(bundle.content),
    }


def escalation_json(ticket: Escalation) -> dict[str, Any]:
    return {
        "id": ticket.pk,
        "queue": ticket.queue.slug,
        "item": ticket.item_id,
        "external_id": ticket.item.external_id,
        "from_tier": ticket.from_tier,
        "to_tier": ticket.to_tier,
        "reason": ticket.reason,
        "state": ticket.state,
        "owner_group": ticket.owner_group.name if ticket.owner_group else None,
        "created_at": _iso(ticket.created_at),
        "due_at": _iso(ticket.due_at),
        "incident": ticket.incident_id,
        "has_bundle": ticket.bundle_id is not None,
    }


def escalation_detail_json(ticket: Escalation) -> dict[str, Any]:
    return {
        **escalation_json(ticket),
        "note": ticket.note,
        "data": ticket.data,
        "acknowledged_at": _iso(ticket.acknowledged_at),
        "acknowledged_by": ticket.acknowledged_by,
        "resolved_at": _iso(ticket.resolved_at),
        "resolved_by": ticket.resolved_by,
        "resolution": ticket.resolution,
        "bundle": bundle_json(ticket.bundle),
    }


class IncidentOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    queue = serializers.CharField()
    title = serializers.CharField()
    severity = serializers.CharField(help_text=_values(Incident.Severity))
    state = serializers.CharField(help_text=_values(Incident.State))
    owner = serializers.CharField(allow_null=True, help_text="Username of the owner.")
    owner_group = serializers.CharField(allow_null=True)
    opened_at = serializers.DateTimeField()
    opened_by = serializers.CharField()
    acknowledged_at = serializers.DateTimeField(allow_null=True)
    contained_at = serializers.DateTimeField(allow_null=True)
    resolved_at = serializers.DateTimeField(allow_null=True)


class IncidentEventOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    at = serializers.DateTimeField()
    actor = serializers.CharField()
    kind = serializers.CharField(help_text=_values(IncidentEvent.Kind))
    text = serializers.CharField()
    data = serializers.DictField()


class IncidentItemOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    external_id = serializers.CharField()
    state = serializers.CharField()
    tier = serializers.CharField()
    label = serializers.CharField(help_text="The model's label.")
    confidence = serializers.FloatField()
    final_label = serializers.CharField()
    outcome = serializers.CharField()
    waiting = serializers.BooleanField(help_text="Waiting for a responder's decision.")


class IncidentDetailOutSerializer(IncidentOutSerializer):
    resolution = serializers.CharField()
    postmortem = serializers.CharField()
    timeline = IncidentEventOutSerializer(many=True)
    escalations = EscalationOutSerializer(many=True)
    items = IncidentItemOutSerializer(many=True)
    containments = ContainmentOutSerializer(many=True)
    bundle = BundleOutSerializer(allow_null=True, help_text="Null until the worker built it.")


def incident_json(incident: Incident) -> dict[str, Any]:
    return {
        "id": incident.pk,
        "queue": incident.queue.slug,
        "title": incident.title,
        "severity": incident.severity,
        "state": incident.state,
        "owner": incident.owner.username if incident.owner else None,
        "owner_group": incident.owner_group.name if incident.owner_group else None,
        "opened_at": _iso(incident.opened_at),
        "opened_by": incident.opened_by,
        "acknowledged_at": _iso(incident.acknowledged_at),
        "contained_at": _iso(incident.contained_at),
        "resolved_at": _iso(incident.resolved_at),
    }


def incident_event_json(event: IncidentEvent) -> dict[str, Any]:
    return {
        "id": event.pk,
        "at": _iso(event.at),
        "actor": event.actor,
        "kind": event.kind,
        "text": event.text,
        "data": event.data,
    }


def item_waits_for_responder(item: Item) -> bool:
    return item.state == Item.State.INCIDENT and item.tier == Tier.INCIDENT


def incident_item_json(item: Item) -> dict[str, Any]:
    return {
        "id": item.pk,
        "external_id": item.external_id,
        "state": item.state,
        "tier": item.tier,
        "label": item.output_label,
        "confidence": item.confidence,
        "final_label": item.final_label,
        "outcome": item.outcome,
        "waiting": item_waits_for_responder(item),
    }


def incident_detail_json(incident: Incident) -> dict[str, Any]:
    escalations = incident.escalations.select_related("queue", "item", "owner_group")
    return {
        **incident_json(incident),
        "resolution": incident.resolution,
        "postmortem": incident.postmortem,
        "timeline": [incident_event_json(e) for e in incident.events.all()],
        "escalations": [escalation_json(t) for t in escalations.order_by("created_at", "id")],
        "items": [incident_item_json(i) for i in incident.items.order_by("pk")],
        "containments": ContainmentOutSerializer(
            incident.containments.order_by("set_at", "pk"), many=True
        ).data,
        "bundle": bundle_json(incident.bundle),
    }


# --- Escalations -------------------------------------------------------------------


class EscalationFilterSerializer(serializers.Serializer):
    queue = StrictCharField(required=False, max_length=64, help_text="A queue's slug.")
    reason = serializers.ChoiceField(choices=Escalation.Reason.choices, required=False)
    state = serializers.ChoiceField(choices=Escalation.State.choices, required=False)
    to_tier = serializers.ChoiceField(choices=Escalation.Target.choices, required=False)


class EscalationResolveInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    resolution = StrictCharField(max_length=MAX_TEXT)


def _filtered(
    queryset: QuerySet[Any], params: Any, serializer: type[serializers.Serializer]
) -> Any:
    """The queryset narrowed by validated query parameters (a bad one is a 400)."""
    checked = serializer(data={k: params[k] for k in serializer().fields if k in params})
    checked.is_valid(raise_exception=True)
    filters = dict(checked.validated_data)
    if "queue" in filters:
        filters["queue__slug"] = filters.pop("queue")
    return queryset.filter(**filters)


def _escalation_or_404(request: Request, pk: int) -> Escalation:
    return get_object_or_404(  # type: ignore[no-any-return]
        escalations_visible_to(user=request.user).select_related("bundle"), pk=pk
    )


class EscalationListView(ListAPIView):
    serializer_class = EscalationOutSerializer

    def get_queryset(self) -> Any:
        tickets = escalations_visible_to(user=self.request.user).order_by("-created_at", "-id")
        return _filtered(tickets, self.request.query_params, EscalationFilterSerializer)

    @extend_schema(
        parameters=[EscalationFilterSerializer],
        responses={200: EscalationOutSerializer(many=True), 400: ERROR},
        summary="Escalation tickets you may see, newest first",
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([escalation_json(t) for t in page or []])


class EscalationDetailView(APIView):
    @extend_schema(
        responses={200: EscalationDetailOutSerializer, 404: ERROR},
        summary="One ticket, with its evidence bundle parsed and verified",
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(escalation_detail_json(_escalation_or_404(request, pk)))


class EscalationAcknowledgeView(APIView):
    @extend_schema(
        request=None,
        responses={200: EscalationDetailOutSerializer, 404: ERROR, 409: ERROR},
        summary="Acknowledge a ticket: someone is on it",
    )
    def post(self, request: Request, pk: int) -> Response:
        ticket = _escalation_or_404(request, pk)
        try:
            escalation_acknowledge(escalation=ticket, actor=Actor.for_user(request.user))
        except EscalationError as exc:
            raise _conflict(exc.code, exc.message) from None
        return Response(escalation_detail_json(_escalation_or_404(request, pk)))


class EscalationResolveView(APIView):
    @extend_schema(
        request=EscalationResolveInSerializer,
        responses={200: EscalationDetailOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Resolve a ticket by hand, saying how",
    )
    def post(self, request: Request, pk: int) -> Response:
        ticket = _escalation_or_404(request, pk)
        serializer = EscalationResolveInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            escalation_resolve(
                escalation=ticket,
                actor=Actor.for_user(request.user),
                resolution=serializer.validated_data["resolution"],
            )
        except EscalationError as exc:
            raise _conflict(exc.code, exc.message) from None
        return Response(escalation_detail_json(_escalation_or_404(request, pk)))


class EscalationTakeView(APIView):
    @extend_schema(
        request=None,
        responses={200: ClaimOutSerializer, 404: ERROR, 409: ERROR},
        summary="Lease the ticket's item to yourself, at the tier it waits at",
    )
    def post(self, request: Request, pk: int) -> Response:
        ticket = _escalation_or_404(request, pk)
        assignment = _take(user=request.user, ticket=ticket)
        return Response(claim_json(assignment))


def _take(*, user: Any, ticket: Escalation) -> Any:
    """The lease of the ticket's item to `user`; service refusals as ApiErrors (409)."""
    try:
        access = queue_access(user=user, slug=ticket.queue.slug, perms=TIER_PERMS.values())
        return assignment_claim_item(access=access, item_id=ticket.item_id)
    except QueueNotFound:
        raise _conflict(
            "tier_not_allowed", f"You may not review queue {ticket.queue.slug!r}."
        ) from None
    except AssignmentNotFound as exc:
        raise ApiError(code=exc.code, message=exc.message, status_code=404) from None
    except AssignmentError as exc:
        raise _conflict(exc.code, exc.message) from None
    except ClaimError as exc:
        raise _conflict(exc.code, str(exc)) from None


# --- Incidents ---------------------------------------------------------------------


class IncidentFilterSerializer(serializers.Serializer):
    queue = StrictCharField(required=False, max_length=64, help_text="A queue's slug.")
    state = serializers.ChoiceField(choices=Incident.State.choices, required=False)
    severity = serializers.ChoiceField(choices=Incident.Severity.choices, required=False)


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


def _incident_or_404(request: Request, pk: int) -> Incident:
    return get_object_or_404(  # type: ignore[no-any-return]
        incidents_visible_to(user=request.user).select_related("bundle"), pk=pk
    )


def _incident_error(exc: IncidentError) -> ApiError:
    if exc.code == "item_not_found":
        return ApiError(code=exc.code, message=exc.message, status_code=404)
    return _conflict(exc.code, exc.message)


def incident_owner(incident: Incident, username: str) -> Any:
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
    serializer_class = IncidentOutSerializer

    def get_queryset(self) -> Any:
        incidents = incidents_visible_to(user=self.request.user).order_by("-opened_at", "-id")
        return _filtered(incidents, self.request.query_params, IncidentFilterSerializer)

    @extend_schema(
        parameters=[IncidentFilterSerializer],
        responses={200: IncidentOutSerializer(many=True), 400: ERROR},
        summary="Incidents you may see, newest first",
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([incident_json(i) for i in page or []])


class IncidentDetailView(APIView):
    @extend_schema(
        responses={200: IncidentDetailOutSerializer, 404: ERROR},
        summary="One incident: timeline, tickets, items, containment, bundle",
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(incident_detail_json(_incident_or_404(request, pk)))


class IncidentTransitionView(APIView):
    @extend_schema(
        request=IncidentTransitionInSerializer,
        responses={200: IncidentDetailOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Move the incident forward (resolving needs a note)",
    )
    def post(self, request: Request, pk: int) -> Response:
        incident = _incident_or_404(request, pk)
        serializer = IncidentTransitionInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            incident_transition(
                incident=incident,
                to=serializer.validated_data["to"],
                note=serializer.validated_data.get("note", ""),
                actor=Actor.for_user(request.user),
            )
        except IncidentError as exc:
            raise _incident_error(exc) from None
        return Response(incident_detail_json(_incident_or_404(request, pk)))


class IncidentUpdateView(APIView):
    @extend_schema(
        request=IncidentUpdateInSerializer,
        responses={200: IncidentDetailOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Change severity, owner or the postmortem notes",
    )
    def post(self, request: Request, pk: int) -> Response:
        incident = _incident_or_404(request, pk)
        serializer = IncidentUpdateInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        owner = incident_owner(incident, data["owner"]) if "owner" in data else None
        try:
            incident_update(
                incident=incident,
                actor=Actor.for_user(request.user),
                severity=data.get("severity"),
                owner=owner,
                postmortem=data.get("postmortem"),
            )
        except IncidentError as exc:
            raise _incident_error(exc) from None
        return Response(incident_detail_json(_incident_or_404(request, pk)))


class IncidentNoteView(APIView):
    @extend_schema(
        request=IncidentNoteInSerializer,
        responses={201: IncidentEventOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Add a note to the incident's timeline",
    )
    def post(self, request: Request, pk: int) -> Response:
        incident = _incident_or_404(request, pk)
        serializer = IncidentNoteInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            event = incident_note(
                incident=incident,
                actor=Actor.for_user(request.user),
                text=serializer.validated_data["text"],
            )
        except IncidentError as exc:
            raise _incident_error(exc) from None
        return Response(incident_event_json(event), status=status.HTTP_201_CREATED)


class IncidentContainView(APIView):
    @extend_schema(
        request=ContainmentInSerializer,
        responses={201: ContainmentOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Contain the incident's queue or one slice of it (the incident becomes contained)",
    )
    def post(self, request: Request, pk: int) -> Response:
        incident = _incident_or_404(request, pk)
        serializer = ContainmentInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            containment = incident_contain(
                incident=incident,
                actor=Actor.for_user(request.user),
                slice_tags=serializer.validated_data.get("slice", {}),
                reason=serializer.validated_data["reason"],
            )
        except ContainmentExists:
            raise _conflict("already_contained", "That scope is already contained.") from None
        except IncidentError as exc:
            raise _incident_error(exc) from None
        return Response(ContainmentOutSerializer(containment).data, status=status.HTTP_201_CREATED)


class IncidentLiftView(APIView):
    @extend_schema(
        request=ContainmentLiftInSerializer,
        responses={200: ContainmentOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Lift one of the incident's containment switches",
    )
    def post(self, request: Request, pk: int, cid: int) -> Response:
        incident = _incident_or_404(request, pk)
        containment = get_object_or_404(Containment, pk=cid, queue_id=incident.queue_id)
        serializer = ContainmentLiftInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            lifted = incident_lift(
                incident=incident,
                containment=containment,
                actor=Actor.for_user(request.user),
                note=serializer.validated_data["note"],
            )
        except IncidentError as exc:
            raise _incident_error(exc) from None
        if not lifted:
            raise _conflict("not_active", "This containment is not active.")
        containment.refresh_from_db()
        return Response(ContainmentOutSerializer(containment).data)


class IncidentItemDecisionView(APIView):
    @extend_schema(
        request=DecisionInSerializer,
        responses={201: DecisionOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Decide an item of the incident (a responder's verdict)",
    )
    def post(self, request: Request, pk: int, item_id: int) -> Response:
        incident = _incident_or_404(request, pk)
        serializer = DecisionInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            decision = incident_item_decide(
                incident=incident, item_id=item_id, reviewer=request.user, **verdict_fields(data)
            )
        except IncidentError as exc:
            raise _incident_error(exc) from None
        except DecisionInvalid as exc:
            raise decision_invalid(exc) from None
        except AssignmentError as exc:
            raise _conflict(exc.code, exc.message) from None
        return Response(decision_json(decision), status=status.HTTP_201_CREATED)
