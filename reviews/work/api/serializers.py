"""API shapes of review work: claims, decisions, releases, gold items and reviewers' standing."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from hitl.api.fields import (
    BoundedJSONField,
    NoUnknownFieldsMixin,
    StrictCharField,
    StrictFloatField,
    StrictIntegerField,
    iso_z,
)
from reviews.choices import (
    Tier,
)
from reviews.intake.api.serializers import ItemOutSerializer, OutputInSerializer, item_json
from reviews.intake.models import Item
from reviews.intake.services.validation import (
    MAX_EXTERNAL_ID,
    MAX_LABEL,
    MAX_MODEL_VERSION,
)
from reviews.queues.api.serializers import SliceTagsField
from reviews.queues.models import Queue
from reviews.work.models import Assignment, Decision, Qualification

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
    input = serializers.JSONField(help_text="The item's input, redacted per the queue's policy.")
    slice = serializers.DictField(child=serializers.CharField())
    received_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField(allow_null=True)


class SuggestionOutSerializer(serializers.Serializer):
    # DRF's metaclass takes declared fields off the class: it does not hide Field.label.
    label = serializers.CharField()  # type: ignore[assignment]
    confidence = serializers.FloatField()
    calibrated_confidence = serializers.FloatField()
    scores = serializers.DictField(child=serializers.FloatField(), allow_null=True)


class ClaimOutSerializer(serializers.Serializer):
    """A lease, with what the reviewer needs and nothing of other reviewers' verdicts."""

    id = serializers.IntegerField(help_text="The assignment id.")
    queue = serializers.CharField()
    tier = serializers.ChoiceField(choices=Tier.choices)
    leased_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    item = ClaimItemOutSerializer()
    suggestion = SuggestionOutSerializer()
    labels = serializers.ListField(child=serializers.DictField())
    reason_codes = serializers.ListField(child=serializers.DictField())


class DecisionOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    assignment = serializers.IntegerField()
    item = serializers.IntegerField()
    tier = serializers.ChoiceField(choices=Tier.choices)
    verdict = serializers.ChoiceField(choices=Decision.Verdict.choices)
    # DRF's metaclass takes declared fields off the class: it does not hide Field.label.
    label = serializers.CharField()  # type: ignore[assignment]
    reason_code = serializers.CharField()
    handling_seconds = serializers.FloatField()
    decided_at = serializers.DateTimeField()


class AssignmentOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    item = serializers.IntegerField()
    tier = serializers.ChoiceField(choices=Tier.choices)
    state = serializers.ChoiceField(choices=Assignment.State.choices)
    leased_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    ended_at = serializers.DateTimeField(allow_null=True)


def claim_json(assignment: Assignment) -> dict[str, Any]:
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


def assignment_json(assignment: Assignment) -> dict[str, Any]:
    return {
        "id": assignment.pk,
        "item": assignment.item_id,
        "tier": assignment.tier,
        "state": assignment.state,
        "leased_at": iso_z(assignment.leased_at),
        "expires_at": iso_z(assignment.expires_at),
        "ended_at": iso_z(assignment.ended_at),
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


def gold_json(item: Item) -> dict[str, Any]:
    return {**item_json(item), "is_gold": item.is_gold, "gold_label": item.gold_label}


class QualificationOutSerializer(serializers.Serializer):
    queue = serializers.CharField()
    reviewer = serializers.CharField()
    state = serializers.CharField()
    gold_seen = serializers.IntegerField()
    gold_correct = serializers.IntegerField()
    accuracy = serializers.FloatField(allow_null=True)
    changed_at = serializers.DateTimeField()
    changed_by = serializers.CharField()


def qualification_json(row: Qualification) -> dict[str, Any]:
    return {
        "queue": row.queue.slug,
        "reviewer": row.reviewer.username,
        "state": row.state,
        "gold_seen": row.gold_seen,
        "gold_correct": row.gold_correct,
        "accuracy": row.accuracy,
        "changed_at": iso_z(row.changed_at),
        "changed_by": row.changed_by,
    }


class QualificationSettingsSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    """A queue's qualification settings; every field optional on input."""

    gold_rate = StrictFloatField(min_value=0.0, max_value=1.0, required=False)
    qualification_bar = StrictFloatField(min_value=0.0, max_value=1.0, required=False)
    qualification_min_gold = StrictIntegerField(min_value=0, max_value=1_000_000, required=False)


def qualification_settings_json(queue: Queue) -> dict[str, Any]:
    return {
        "gold_rate": queue.gold_rate,
        "qualification_bar": queue.qualification_bar,
        "qualification_min_gold": queue.qualification_min_gold,
    }
