"""API shapes of predictions and items: inputs validate, outputs render."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework import serializers

from hitl.api.fields import (
    BoundedJSONField,
    NoUnknownFieldsMixin,
    StrictCharField,
    StrictFloatField,
    iso_z,
)
from reviews.intake.models import Item
from reviews.intake.services.validation import (
    MAX_EXTERNAL_ID,
    MAX_LABEL,
    MAX_MODEL_VERSION,
    MAX_QUEUE,
    PredictionInvalid,
    validate_prediction,
)
from reviews.queues.api.serializers import SliceTagsField


class OutputInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    # DRF's metaclass takes declared fields off the class: it does not hide Field.label.
    label = StrictCharField(max_length=MAX_LABEL)  # type: ignore[assignment]
    confidence = StrictFloatField(min_value=0.0, max_value=1.0)
    scores = serializers.DictField(
        child=StrictFloatField(min_value=0.0, max_value=1.0), required=False, allow_empty=False
    )


class PredictionInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    """The shape of one prediction, for the schema; the rules live in validate_prediction."""

    queue = StrictCharField(max_length=MAX_QUEUE)
    external_id = StrictCharField(max_length=MAX_EXTERNAL_ID)
    model_version = StrictCharField(max_length=MAX_MODEL_VERSION)
    input = BoundedJSONField()
    output = OutputInSerializer()
    slice = SliceTagsField(required=False)

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        try:
            queue, prediction = validate_prediction(data)
        except PredictionInvalid as exc:
            raise serializers.ValidationError(exc.fields) from None
        return {"queue": queue, "prediction": prediction}


class BulkPredictionsInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    # Items are validated one by one in the view so one bad item fails alone (a null
    # one too: it gets its own 400 instead of failing the whole call).
    items = serializers.ListField(
        child=serializers.JSONField(allow_null=True),
        max_length=settings.HITL_BULK_MAX_ITEMS,
        min_length=1,  # what allow_empty says, in a form the OpenAPI schema shows (minItems)
        allow_empty=False,
    )


class ItemOutSerializer(serializers.Serializer):
    """An item as clients and reviewers see it (never the raw input)."""

    id = serializers.IntegerField()
    external_id = serializers.CharField()
    queue = serializers.CharField(source="queue.slug")
    model_version = serializers.CharField()
    route = serializers.CharField()
    release = serializers.CharField()
    state = serializers.CharField()
    tier = serializers.CharField()
    policy_version = serializers.IntegerField(source="policy.version")
    # DRF's metaclass takes declared fields off the class: it does not hide Field.label.
    label = serializers.CharField(source="output_label")  # type: ignore[assignment]
    confidence = serializers.FloatField()
    calibrated_confidence = serializers.FloatField()
    sample_reason = serializers.CharField()
    final_label = serializers.CharField()
    outcome = serializers.CharField()
    received_at = serializers.DateTimeField()
    released_at = serializers.DateTimeField(allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)
    trace = serializers.ListField(child=serializers.DictField())


def item_json(item: Item) -> dict[str, Any]:
    """An item as ItemOutSerializer describes it, built by hand: a bulk answer renders a
    thousand of these, and the serializer costs ~0.4 ms each (tests keep the two equal)."""
    return {
        "id": item.pk,
        "external_id": item.external_id,
        "queue": item.queue.slug,
        "model_version": item.model_version,
        "route": item.route,
        "release": item.release,
        "state": item.state,
        "tier": item.tier,
        "policy_version": item.policy.version,
        "label": item.output_label,
        "confidence": item.confidence,
        "calibrated_confidence": item.calibrated_confidence,
        "sample_reason": item.sample_reason,
        "final_label": item.final_label,
        "outcome": item.outcome,
        "received_at": iso_z(item.received_at),
        "released_at": iso_z(item.released_at),
        "decided_at": iso_z(item.decided_at),
        "trace": item.trace,
    }
