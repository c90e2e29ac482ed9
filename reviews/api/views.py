"""The review API: thin views that validate, call one service, and render."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from audit.services import Actor
from hitl.api.errors import ApiError, error_body
from hitl.api.schema import ERROR
from reviews.api.serializers import (
    AssignmentOutSerializer,
    BulkPredictionsInSerializer,
    ClaimInSerializer,
    ClaimOutSerializer,
    ContainmentInSerializer,
    ContainmentLiftInSerializer,
    ContainmentOutSerializer,
    DecisionInSerializer,
    DecisionOutSerializer,
    GoldInSerializer,
    GoldOutSerializer,
    ItemOutSerializer,
    PolicyInSerializer,
    PredictionInSerializer,
    QualificationOutSerializer,
    QualificationSettingsSerializer,
    QueueInSerializer,
    QueueOutSerializer,
    assignment_json,
    claim_json,
    decision_json,
    gold_json,
    item_json,
    qualification_json,
    qualification_settings_json,
)
from reviews.models import Containment, Qualification, Queue
from reviews.permissions import QueuePerm
from reviews.selectors import (
    QueueNotFound,
    items_visible_to,
    queue_access,
    queue_for,
    queues_for,
    queues_for_submit,
)
from reviews.services.claims import (
    TIER_PERMS,
    AssignmentError,
    AssignmentNotFound,
    NotQualified,
    TierNotAllowed,
    assignment_claim,
    assignment_release,
)
from reviews.services.decisions import DecisionInvalid, assignment_decide
from reviews.services.ingest import (
    IngestStatus,
    Prediction,
    prediction_errors_for_queue,
    predictions_ingest,
)
from reviews.services.qualification import (
    GoldExists,
    NotDisqualified,
    gold_create,
    qualification_requalify,
    qualification_settings_set,
)
from reviews.services.queues import (
    ContainmentExists,
    containment_lift,
    containment_set,
    policy_create,
    queue_create,
)
from reviews.validation import PredictionInvalid, validate_prediction

_CONFLICT_MESSAGE = "external_id was already used with a different body."


def _queue_not_found(slug: str) -> ApiError:
    return ApiError(
        code="queue_not_found",
        message=f"Queue {slug!r} does not exist or you may not use it.",
        status_code=status.HTTP_404_NOT_FOUND,
        fields={"queue": ["No such queue."]},
    )


def _error_of(exc: ApiError) -> dict[str, Any]:
    return error_body(exc.error_code, str(exc.detail), exc.fields)


def queue_or_404(request: Request, slug: str, perms: Any = None) -> Queue:
    """The queue the caller may use with `perms`, or the API's 404 (queue_not_found)."""
    try:
        if perms is None:
            return queue_for(user=request.user, slug=slug)
        return queue_for(user=request.user, slug=slug, perms=perms)
    except QueueNotFound:
        raise _queue_not_found(slug) from None


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


def _ingest(request: Request, raws: list[Any]) -> list[tuple[int, dict[str, Any]]]:
    """Validate, group by queue, ingest each group; (status, body) per item, in order."""
    entries = [_Entry(raw) for raw in raws]
    queues = queues_for_submit(
        user=request.user, slugs={e.queue_slug for e in entries if e.prediction}
    )
    actor = Actor.for_user(request.user)
    by_queue: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        if entry.prediction is None:
            continue
        queue = queues.get(entry.queue_slug)
        if queue is None:
            entry.fail(404, _error_of(_queue_not_found(entry.queue_slug)))
            continue
        errors = prediction_errors_for_queue(prediction=entry.prediction, queue=queue)
        if errors:
            entry.fail(400, error_body("invalid", "The prediction has invalid fields.", errors))
            continue
        by_queue.setdefault(entry.queue_slug, []).append(index)
    bodies: dict[int, tuple[int, dict[str, Any]]] = {}
    for slug, indexes in by_queue.items():
        predictions = [entries[i].prediction for i in indexes]
        results = predictions_ingest(queue=queues[slug], predictions=predictions, actor=actor)  # type: ignore[arg-type]
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
    return data["items"]  # type: ignore[no-any-return]


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
    def post(self, request: Request) -> Response:
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
    def post(self, request: Request) -> Response:
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
    def get(self, request: Request, pk: int) -> Response:
        item = get_object_or_404(items_visible_to(user=request.user), pk=pk)
        return Response(item_json(item))


class QueueListView(ListAPIView):
    serializer_class = QueueOutSerializer

    def get_queryset(self) -> Any:
        return queues_for(user=self.request.user).order_by("slug")

    @extend_schema(
        request=QueueInSerializer,
        responses={201: QueueOutSerializer, 400: ERROR},
        summary="Create a queue with its first policy (admins)",
    )
    def post(self, request: Request) -> Response:
        if not request.user.has_perm("reviews.add_queue"):
            raise ApiError(
                code="permission_denied",
                message="Only admins may create queues.",
                status_code=status.HTTP_403_FORBIDDEN,
            )
        serializer = QueueInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        taken = ApiError(
            code="queue_exists",
            message="A queue with this slug exists.",
            status_code=409,
            fields={"slug": ["Already taken."]},
        )
        if Queue.objects.filter(slug=data["slug"]).exists():
            raise taken
        policy = dict(data.pop("policy"))
        policy.pop("activate", None)
        policy.pop("note", None)
        try:
            queue = queue_create(
                actor=Actor.for_user(request.user), created_by=request.user, policy=policy, **data
            )
        except IntegrityError:
            # Another request created the slug between our check and our insert; the
            # input was validated, so the unique slug is the constraint that refused it.
            raise taken from None
        return Response(QueueOutSerializer(queue).data, status=status.HTTP_201_CREATED)


class QueueDetailView(APIView):
    @extend_schema(responses={200: QueueOutSerializer, 404: ERROR}, summary="One queue")
    def get(self, request: Request, slug: str) -> Response:
        return Response(QueueOutSerializer(queue_or_404(request, slug)).data)


class PolicyOutSerializer(serializers.Serializer):
    """A policy version as TierPolicy.as_json renders it, and whether it routes new items."""

    version = serializers.IntegerField()
    auto_approve_at = serializers.FloatField()
    sme_below = serializers.FloatField()
    risk_tier = serializers.CharField(help_text="low, medium or high")
    mode = serializers.CharField(help_text="in_path or post_hoc")
    shadow = serializers.BooleanField()
    audit_sample_rate = serializers.FloatField()
    consensus = serializers.DictField(help_text='{"reviewers", "rule", "on_disagreement"}')
    slice_rules = serializers.ListField(child=serializers.DictField())
    sla = serializers.DictField(
        help_text='{"tier1": {"time_to_human_s", "time_to_decision_s"}, "sme": {…}}'
    )
    active = serializers.BooleanField(help_text="Whether this version routes new items now.")
    note = serializers.CharField(required=False)


class QueuePolicyCreateView(APIView):
    @extend_schema(
        request=PolicyInSerializer,
        responses={201: PolicyOutSerializer, 400: ERROR, 404: ERROR},
        summary="Add a policy version (active at once unless activate is false)",
    )
    def post(self, request: Request, slug: str) -> Response:
        queue = queue_or_404(request, slug, perms=[QueuePerm.MANAGE])
        serializer = PolicyInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        created = policy_create(
            queue=queue,
            policy=data,
            actor=Actor.for_user(request.user),
            created_by=request.user,
            activate=data["activate"],
            note=data.get("note", ""),
        )
        queue.refresh_from_db()
        return Response(
            {**created.as_json(), "active": queue.active_policy_id == created.pk},
            status=status.HTTP_201_CREATED,
        )


class QueueContainmentView(APIView):
    @extend_schema(
        responses={200: ContainmentOutSerializer(many=True), 404: ERROR},
        summary="The queue's containment switches",
    )
    def get(self, request: Request, slug: str) -> Response:
        queue = queue_or_404(request, slug)
        return Response(ContainmentOutSerializer(queue.containments.all(), many=True).data)

    @extend_schema(
        request=ContainmentInSerializer,
        responses={201: ContainmentOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Contain the queue or one slice: no auto-approval, everything held",
    )
    def post(self, request: Request, slug: str) -> Response:
        queue = queue_or_404(request, slug, perms=[QueuePerm.MANAGE, QueuePerm.INCIDENTS])
        serializer = ContainmentInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            containment = containment_set(
                queue=queue,
                slice_tags=serializer.validated_data.get("slice", {}),
                reason=serializer.validated_data["reason"],
                actor=Actor.for_user(request.user),
            )
        except ContainmentExists:
            raise ApiError(
                code="already_contained",
                message="That scope is already contained.",
                status_code=409,
                fields={"slice": ["Already contained."]},
            ) from None
        return Response(ContainmentOutSerializer(containment).data, status=status.HTTP_201_CREATED)


class ContainmentLiftView(APIView):
    @extend_schema(
        request=ContainmentLiftInSerializer,
        responses={200: ContainmentOutSerializer, 404: ERROR, 409: ERROR},
        summary="Lift a containment switch",
    )
    def post(self, request: Request, slug: str, pk: int) -> Response:
        queue = queue_or_404(request, slug, perms=[QueuePerm.MANAGE, QueuePerm.INCIDENTS])
        containment = get_object_or_404(Containment, queue=queue, pk=pk)
        serializer = ContainmentLiftInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            lifted = containment_lift(
                containment=containment,
                note=serializer.validated_data["note"],
                actor=Actor.for_user(request.user),
            )
        if not lifted:
            raise ApiError(
                code="not_active", message="This containment is not active.", status_code=409
            )
        containment.refresh_from_db()
        return Response(ContainmentOutSerializer(containment).data)


# --- Review: claims, decisions, releases ------------------------------------------


def verdict_fields(data: dict[str, Any]) -> dict[str, str]:
    """A validated DecisionInSerializer's data as assignment_decide's keywords."""
    return {
        "verdict": data["verdict"],
        "label": data.get("label", ""),
        "rationale": data.get("rationale", ""),
        "reason_code": data.get("reason_code", ""),
    }


def decision_invalid(exc: DecisionInvalid) -> ApiError:
    return ApiError(code="invalid", message="The decision has invalid fields.", fields=exc.fields)


def _assignment_error(exc: AssignmentError) -> ApiError:
    if isinstance(exc, AssignmentNotFound):
        return ApiError(code=exc.code, message=exc.message, status_code=404)
    return ApiError(code=exc.code, message=exc.message, status_code=status.HTTP_409_CONFLICT)


class QueueClaimView(APIView):
    @extend_schema(
        request=ClaimInSerializer,
        responses={
            200: ClaimOutSerializer,
            204: OpenApiResponse(description="Nothing is waiting at this tier"),
            400: ERROR,
            403: ERROR,
            404: ERROR,
        },
        summary="Lease the next item of your tier (SLA deadline, then risk, then age)",
    )
    def post(self, request: Request, slug: str) -> Response:
        try:
            access = queue_access(user=request.user, slug=slug, perms=TIER_PERMS.values())
        except QueueNotFound:
            raise _queue_not_found(slug) from None
        serializer = ClaimInSerializer(data=request.data or {})
        serializer.is_valid(raise_exception=True)
        try:
            assignment = assignment_claim(
                queue=access.queue,
                reviewer=request.user,
                tier=serializer.validated_data.get("tier"),
                access=access,
            )
        except TierNotAllowed as exc:
            raise ApiError(
                code=exc.code, message=str(exc), status_code=403, fields={"tier": [str(exc)]}
            ) from None
        except NotQualified as exc:
            raise ApiError(code=exc.code, message=str(exc), status_code=403) from None
        if assignment is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(claim_json(assignment))


class AssignmentDecisionView(APIView):
    @extend_schema(
        request=DecisionInSerializer,
        responses={
            201: DecisionOutSerializer,
            200: OpenApiResponse(
                DecisionOutSerializer,
                description="The same verdict sent again: the decision already recorded.",
            ),
            400: ERROR,
            404: ERROR,
            409: ERROR,
        },
        summary="Record your verdict on your lease",
    )
    def post(self, request: Request, pk: int) -> Response:
        serializer = DecisionInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            decision = assignment_decide(
                assignment_id=pk, reviewer=request.user, **verdict_fields(data)
            )
        except AssignmentError as exc:
            raise _assignment_error(exc) from None
        except DecisionInvalid as exc:
            raise decision_invalid(exc) from None
        answered = status.HTTP_200_OK if decision.replayed else status.HTTP_201_CREATED
        return Response(decision_json(decision), status=answered)


class AssignmentReleaseView(APIView):
    @extend_schema(
        request=None,
        responses={200: AssignmentOutSerializer, 404: ERROR, 409: ERROR},
        summary="Give a leased item back to the queue",
    )
    def post(self, request: Request, pk: int) -> Response:
        try:
            assignment = assignment_release(assignment_id=pk, reviewer=request.user)
        except AssignmentError as exc:
            raise _assignment_error(exc) from None
        return Response(assignment_json(assignment))


# --- Qualification: gold items, re-qualification ----------------------------------


class QueueGoldCreateView(APIView):
    @extend_schema(
        request=GoldInSerializer,
        responses={201: GoldOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Add a gold item (known label) to the queue (queue managers)",
    )
    def post(self, request: Request, slug: str) -> Response:
        queue = queue_or_404(request, slug, perms=[QueuePerm.MANAGE])
        try:
            item = gold_create(queue=queue, raw=request.data, actor=Actor.for_user(request.user))
        except PredictionInvalid as exc:
            raise ApiError(
                code="invalid", message="The gold item has invalid fields.", fields=exc.fields
            ) from None
        except GoldExists:
            raise ApiError(
                code="external_id_taken",
                message="The queue already has an item with this external_id.",
                status_code=status.HTTP_409_CONFLICT,
                fields={"external_id": ["Already used in this queue."]},
            ) from None
        return Response(gold_json(item), status=status.HTTP_201_CREATED)


class QualificationRequalifyView(APIView):
    @extend_schema(
        request=None,
        responses={200: QualificationOutSerializer, 404: ERROR, 409: ERROR},
        summary="Re-qualify a reviewer disqualified on the queue (queue managers)",
    )
    def post(self, request: Request, slug: str, username: str) -> Response:
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
        try:
            row = qualification_requalify(
                queue=queue, reviewer=row.reviewer, actor=Actor.for_user(request.user)
            )
        except NotDisqualified as exc:
            raise ApiError(
                code="not_disqualified", message=str(exc), status_code=status.HTTP_409_CONFLICT
            ) from None
        return Response(qualification_json(row))


class QueueQualificationView(APIView):
    @extend_schema(
        responses={
            200: inline_serializer(
                "QueueQualification",
                {
                    "settings": QualificationSettingsSerializer(),
                    "reviewers": QualificationOutSerializer(many=True),
                },
            ),
            404: ERROR,
        },
        summary="The queue's qualification settings and every reviewer's standing (managers)",
    )
    def get(self, request: Request, slug: str) -> Response:
        queue = queue_or_404(request, slug, perms=[QueuePerm.MANAGE])
        rows = Qualification.objects.filter(queue=queue).select_related("queue", "reviewer")
        return Response(
            {
                "settings": qualification_settings_json(queue),
                "reviewers": [qualification_json(row) for row in rows],
            }
        )

    @extend_schema(
        request=QualificationSettingsSerializer,
        responses={200: QualificationSettingsSerializer, 400: ERROR, 404: ERROR},
        summary="Change the gold rate, the bar and the minimum gold count (managers; audited)",
    )
    def post(self, request: Request, slug: str) -> Response:
        queue = queue_or_404(request, slug, perms=[QueuePerm.MANAGE])
        serializer = QualificationSettingsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        queue = qualification_settings_set(
            queue=queue, changes=serializer.validated_data, actor=Actor.for_user(request.user)
        )
        return Response(qualification_settings_json(queue))
