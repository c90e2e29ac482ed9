"""POST /api/v1/predictions/{id}/raw/: an audited reveal of one item's raw input (SPEC §6).

404 for anyone who cannot see the item or lacks the queue's view_raw_pii permission (the
same answer as for an item that does not exist, and given before the body is read, so a
bad body tells an outsider nothing either); 410 once retention purged the raw input.
"""

from __future__ import annotations

from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.request_types import AuthenticatedApiRequest
from audit.services import Actor
from hitl.api.errors import ApiError
from hitl.api.fields import NoUnknownFieldsMixin, StrictCharField
from hitl.api.schema import ERROR
from reviews.intake.services.raw_access import (
    MAX_REASON,
    RawInputPurged,
    RevealReasonInvalid,
    item_raw_reveal,
    raw_revealable_item,
)


class RawRevealInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    reason = StrictCharField(
        max_length=MAX_REASON, help_text="Why you need the raw input; kept in the audit trail."
    )


class RawRevealOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    queue = serializers.CharField()
    external_id = serializers.CharField()
    raw_input = serializers.JSONField(help_text="The input exactly as the client submitted it.")
    revealed_at = serializers.DateTimeField()
    audit_seq = serializers.IntegerField(help_text="The audit event that records this reveal.")


class PredictionRawView(APIView):
    @extend_schema(
        request=RawRevealInSerializer,
        responses={200: RawRevealOutSerializer, 400: ERROR, 404: ERROR, 410: ERROR},
        summary="Reveal one prediction's raw input, with a reason (view_raw_pii; audited)",
    )
    def post(self, request: AuthenticatedApiRequest, pk: int) -> Response:
        item = raw_revealable_item(user=request.user, pk=pk)
        if item is None:
            raise ApiError(
                code="not_found",
                message="No such prediction, or you may not see its raw input.",
                status_code=status.HTTP_404_NOT_FOUND,
            )
        serializer = RawRevealInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            reveal = item_raw_reveal(
                item=item,
                actor=Actor.for_user(request.user),
                reason=serializer.validated_data["reason"],
            )
        except RevealReasonInvalid as exc:
            raise ApiError(
                code="invalid",
                message="The request has invalid fields.",
                fields={"reason": [str(exc)]},
            ) from None
        except RawInputPurged as exc:
            when = exc.purged_at.isoformat() if exc.purged_at else "earlier"
            raise ApiError(
                code="raw_input_purged",
                message=(
                    f"The raw input of prediction {pk} was purged ({when}) under its queue's "
                    "retention period; only the redacted input remains."
                ),
                status_code=status.HTTP_410_GONE,
            ) from None
        response = Response(
            RawRevealOutSerializer(
                {
                    "id": item.pk,
                    "queue": item.queue.slug,
                    "external_id": item.external_id,
                    "raw_input": reveal.raw_input,
                    "revealed_at": reveal.revealed_at,
                    "audit_seq": reveal.audit_seq,
                }
            ).data
        )
        add_never_cache_headers(response)  # personal data: no shared or browser cache
        return response
