"""API shapes of review work: claims, decisions, releases, gold items and reviewers' standing."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from hitl.api.fields import (
    BoundedJSONField,
    NoUnknownFieldsMixin,
    StoredNumberField,
    StrictCharField,
    StrictFloatField,
    StrictIntegerField,
    iso_z,
)
from reviews.choices import (
    Tier,
)
from reviews.intake.api.serializers import ItemOutSerializer, OutputInSerializer
from reviews.intake.services.validation import (
    MAX_EXTERNAL_ID,
    MAX_LABEL,
    MAX_MODEL_VERSION,
)
from reviews.queues.api.serializers import SliceTagsField
from reviews.work.models import Assignment, Decision

# --- Review: claims, decisions, releases ------------------------------------------

MAX_RATIONALE = 10_000


class ClaimInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    """Optional: which tier to work; without it, the highest tier the caller may work."""

    tier = serializers.ChoiceField(choices=Tier.choices, required=False)


class DecisionInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    verdict = serializers.ChoiceField(choices=Decision.Verdict.choices)
    # DRF's metaclass takes declared fields off the class: it does not hide Field.label.
    label = StrictCharField(max_length=MAX_LABEL, required=False, allow_blank=True)  # type: ignore[assignment]
    rationale = StrictCharField(
        max_length=MAX_RATIONALE, required=False, allow_blank=True, trim_whitespace=False
    )
    reason_code = StrictCharField(max_length=64, required=False, allow_blank=True)


class ClaimItemOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    external_id = serializers.CharField()
    model_version = serializers.CharField()
    # Redacted once at ingest (services/ingest.py); the raw input is never sent here.
    input = serializers.JSONField(help_text="The item's input, redacted per the queue's policy.")
    slice = serializers.DictField(child=serializers.CharField())
    received_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField(allow_null=True)


class SuggestionOutSerializer(serializers.Serializer):
    """The model's output on the item."""

    # DRF's metaclass takes declared fields off the class: it does not hide Field.label.
    label = serializers.CharField(source="output_label")  # type: ignore[assignment]
    confidence = serializers.FloatField()
    calibrated_confidence = serializers.FloatField()
    scores = serializers.DictField(child=StoredNumberField(), allow_null=True)


class ClaimOutSerializer(serializers.Serializer):
    """A lease, with what the reviewer needs and nothing of other reviewers' verdicts."""

    id = serializers.IntegerField(help_text="The assignment id.")
    queue = serializers.CharField(source="item.queue.slug")
    tier = serializers.ChoiceField(choices=Tier.choices)
    leased_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    item = ClaimItemOutSerializer()
    suggestion = SuggestionOutSerializer(source="item")
    labels = serializers.ListField(child=serializers.DictField(), source="item.queue.labels")
    reason_codes = serializers.ListField(
        child=serializers.DictField(), source="item.queue.reason_codes"
    )


class DecisionOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    assignment = serializers.IntegerField(source="assignment_id")
    item = serializers.IntegerField(source="item_id")
    tier = serializers.ChoiceField(choices=Tier.choices)
    verdict = serializers.ChoiceField(choices=Decision.Verdict.choices)
    # DRF's metaclass takes declared fields off the class: it does not hide Field.label.
    label = serializers.CharField()  # type: ignore[assignment]
    reason_code = serializers.CharField()
    handling_seconds = serializers.FloatField()
    decided_at = serializers.DateTimeField()


class AssignmentOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    item = serializers.IntegerField(source="item_id")
    tier = serializers.ChoiceField(choices=Tier.choices)
    state = serializers.ChoiceField(choices=Assignment.State.choices)
    leased_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    ended_at = serializers.DateTimeField(allow_null=True)


def claim_json(assignment: Assignment) -> dict[str, Any]:
    """A lease as ClaimOutSerializer renders it, built by hand for the claim endpoint: the
    serializer takes ~1.1 ms of CPU a claim against ~25 µs for this, and a whole claim takes
    ~7–8 ms (bench/claim.py). tests/reviews/work/test_claim_json.py keeps the two equal."""
    item = assignment.item
    queue = item.queue
    return {
        "id": assignment.pk,
        "queue": queue.slug,
        "tier": assignment.tier,
        "leased_at": iso_z(assignment.leased_at),
        "expires_at": iso_z(assignment.expires_at),
        "item": {
            "id": item.pk,
            "external_id": item.external_id,
            "model_version": item.model_version,
            # Redacted once at ingest (services/ingest.py); the raw input is never sent here.
            "input": item.input,
            "slice": item.slice,
            "received_at": iso_z(item.received_at),
            "due_at": iso_z(item.due_at),
        },
        "suggestion": {
            "label": item.output_label,
            "confidence": item.confidence,
            "calibrated_confidence": item.calibrated_confidence,
            "scores": item.scores,
        },
        "labels": queue.labels,
        "reason_codes": queue.reason_codes,
    }


def decision_json(decision: Decision) -> dict[str, Any]:
    """A decision as DecisionOutSerializer renders it, built by hand for the decision
    endpoint: ~0.35 ms of CPU for the serializer against ~5 µs, of a decision's ~8–10 ms
    (bench/claim.py). tests/reviews/work/test_claim_json.py keeps the two equal."""
    return {
        "id": decision.pk,
        "assignment": decision.assignment_id,
        "item": decision.item_id,
        "tier": decision.tier,
        "verdict": decision.verdict,
        "label": decision.label,
        "reason_code": decision.reason_code,
        "handling_seconds": decision.handling_seconds,
        "decided_at": iso_z(decision.decided_at),
    }


# --- Qualification: gold items and reviewers' standing ---------------------------


class GoldInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    """The shape of a gold item, for the schema; the rules live in
    reviews.work.services.qualification.gold_errors (validate_prediction plus gold_label)."""

    external_id = StrictCharField(max_length=MAX_EXTERNAL_ID)
    model_version = StrictCharField(max_length=MAX_MODEL_VERSION)
    input = BoundedJSONField()
    output = OutputInSerializer()
    slice = SliceTagsField(required=False)
    gold_label = StrictCharField(max_length=MAX_LABEL)


class GoldOutSerializer(ItemOutSerializer):
    is_gold = serializers.BooleanField()
    gold_label = serializers.CharField()


class QualificationOutSerializer(serializers.Serializer):
    queue = serializers.CharField(source="queue.slug")
    reviewer = serializers.CharField(source="reviewer.username")
    state = serializers.CharField()
    gold_seen = serializers.IntegerField()
    gold_correct = serializers.IntegerField()
    accuracy = serializers.FloatField(allow_null=True)
    changed_at = serializers.DateTimeField()
    changed_by = serializers.CharField()


class QualificationSettingsSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    """A queue's qualification settings; every field optional on input."""

    gold_rate = StrictFloatField(min_value=0.0, max_value=1.0, required=False)
    qualification_bar = StrictFloatField(min_value=0.0, max_value=1.0, required=False)
    qualification_min_gold = StrictIntegerField(min_value=0, max_value=1_000_000, required=False)


@extend_schema_serializer(component_name="QueueQualification")
class QueueQualificationOutSerializer(serializers.Serializer):
    """A queue's qualification settings and every reviewer's standing, rendered from
    {"queue": the queue, "reviewers": its Qualification rows}."""

    settings = QualificationSettingsSerializer(source="queue")
    reviewers = QualificationOutSerializer(many=True)
