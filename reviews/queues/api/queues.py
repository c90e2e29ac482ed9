"""The queue API: create and list queues, version their policies, set and lift containment."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.request_types import AuthenticatedApiRequest
from audit.services import Actor
from hitl.api.errors import ApiError
from hitl.api.schema import ERROR
from reviews.queues.api.serializers import (
    ContainmentInSerializer,
    ContainmentLiftInSerializer,
    ContainmentOutSerializer,
    PolicyInSerializer,
    PolicyVersionOutSerializer,
    QueueInSerializer,
    QueueOutSerializer,
)
from reviews.queues.models import Containment, Queue
from reviews.queues.permissions import QueuePerm
from reviews.queues.selectors import QueueNotFound, queue_for, queues_for
from reviews.queues.services.queues import (
    containment_lift,
    containment_set,
    policy_create,
    queue_create,
)


def queue_not_found(slug: str) -> ApiError:
    return ApiError(
        code="queue_not_found",
        message=f"Queue {slug!r} does not exist or you may not use it.",
        status_code=status.HTTP_404_NOT_FOUND,
        fields={"queue": ["No such queue."]},
    )


def queue_or_404(
    request: AuthenticatedApiRequest, slug: str, perms: Iterable[str] | None = None
) -> Queue:
    """The queue the caller may use with `perms`, or the API's 404 (queue_not_found)."""
    try:
        if perms is None:
            return queue_for(user=request.user, slug=slug)
        return queue_for(user=request.user, slug=slug, perms=perms)
    except QueueNotFound:
        raise queue_not_found(slug) from None


class QueueListView(ListAPIView):
    request: AuthenticatedApiRequest
    serializer_class = QueueOutSerializer

    def get_queryset(self) -> Any:
        return queues_for(user=self.request.user).order_by("slug")

    @extend_schema(
        request=QueueInSerializer,
        responses={201: QueueOutSerializer, 400: ERROR},
        summary="Create a queue with its first policy (admins)",
    )
    def post(self, request: AuthenticatedApiRequest) -> Response:
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
    def get(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        return Response(QueueOutSerializer(queue_or_404(request, slug)).data)


class QueuePolicyCreateView(APIView):
    @extend_schema(
        request=PolicyInSerializer,
        responses={201: PolicyVersionOutSerializer, 400: ERROR, 404: ERROR},
        summary="Add a policy version (active at once unless activate is false)",
    )
    def post(self, request: AuthenticatedApiRequest, slug: str) -> Response:
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
        return Response(PolicyVersionOutSerializer(created).data, status=status.HTTP_201_CREATED)


class QueueContainmentView(APIView):
    @extend_schema(
        responses={200: ContainmentOutSerializer(many=True), 404: ERROR},
        summary="The queue's containment switches",
    )
    def get(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = queue_or_404(request, slug)
        return Response(ContainmentOutSerializer(queue.containments.all(), many=True).data)

    @extend_schema(
        request=ContainmentInSerializer,
        responses={201: ContainmentOutSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
        summary="Contain the queue or one slice: no auto-approval, everything held",
    )
    def post(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = queue_or_404(request, slug, perms=[QueuePerm.MANAGE, QueuePerm.INCIDENTS])
        serializer = ContainmentInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        containment = containment_set(
            queue=queue,
            slice_tags=serializer.validated_data.get("slice", {}),
            reason=serializer.validated_data["reason"],
            actor=Actor.for_user(request.user),
        )
        return Response(ContainmentOutSerializer(containment).data, status=status.HTTP_201_CREATED)


class ContainmentLiftView(APIView):
    @extend_schema(
        request=ContainmentLiftInSerializer,
        responses={200: ContainmentOutSerializer, 404: ERROR, 409: ERROR},
        summary="Lift a containment switch",
    )
    def post(self, request: AuthenticatedApiRequest, slug: str, pk: int) -> Response:
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
