"""The review API: claim the next item, decide it, release it."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.request_types import AuthenticatedApiRequest
from hitl.api.schema import ERROR
from reviews.queues.api.queues import queue_not_found
from reviews.queues.selectors import QueueNotFound, queue_access
from reviews.work.api.serializers import (
    AssignmentOutSerializer,
    ClaimInSerializer,
    ClaimOutSerializer,
    DecisionInSerializer,
    DecisionOutSerializer,
    claim_json,
    decision_json,
)
from reviews.work.services.claims import (
    TIER_PERMS,
    assignment_claim,
    assignment_release,
)
from reviews.work.services.decisions import VerdictFields, assignment_decide

# --- Review: claims, decisions, releases ------------------------------------------


def verdict_fields(data: dict[str, Any]) -> VerdictFields:
    """A validated DecisionInSerializer's data as assignment_decide's keywords."""
    return {
        "verdict": data["verdict"],
        "label": data.get("label", ""),
        "rationale": data.get("rationale", ""),
        "reason_code": data.get("reason_code", ""),
    }


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
    def post(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        try:
            access = queue_access(user=request.user, slug=slug, perms=TIER_PERMS.values())
        except QueueNotFound:
            raise queue_not_found(slug) from None
        serializer = ClaimInSerializer(data=request.data or {})
        serializer.is_valid(raise_exception=True)
        assignment = assignment_claim(
            queue=access.queue,
            reviewer=request.user,
            tier=serializer.validated_data.get("tier"),
            access=access,
        )
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
    def post(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        serializer = DecisionInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        decision = assignment_decide(
            assignment_id=pk, reviewer=request.user, **verdict_fields(data)
        )
        answered = status.HTTP_200_OK if decision.replayed else status.HTTP_201_CREATED
        return Response(decision_json(decision), status=answered)


class AssignmentReleaseView(APIView):
    @extend_schema(
        request=None,
        responses={200: AssignmentOutSerializer, 404: ERROR, 409: ERROR},
        summary="Give a leased item back to the queue",
    )
    def post(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        assignment = assignment_release(assignment_id=pk, reviewer=request.user)
        return Response(AssignmentOutSerializer(assignment).data)
