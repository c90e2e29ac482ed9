"""API shapes: inputs validate, outputs render. No business logic here."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from rest_framework import serializers

from hitl.api.fields import (
    BoundedJSONField,
    NoUnknownFieldsMixin,
    StrictBooleanField,
    StrictCharField,
    StrictFloatField,
    StrictIntegerField,
)
from reviews.choices import (
    ConsensusRule,
    Mode,
    OnDisagreement,
    RiskTier,
    Route,
    Tier,
    UncertaintyMeasure,
)
from reviews.models import Assignment, Containment, Decision, Item, Qualification, Queue
from reviews.services.queues import RedactionPolicyInvalid, redaction_policy_clean
from reviews.validation import (
    MAX_EXTERNAL_ID,
    MAX_LABEL,
    MAX_MODEL_VERSION,
    MAX_QUEUE,
    PredictionInvalid,
    validate_prediction,
)

_SLICE_KEY = StrictCharField(max_length=64)


class SliceTagsField(serializers.DictField):
    """Slice tags: up to 20 string keys with string values, e.g. {"region": "EU"}."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(child=StrictCharField(max_length=128, allow_blank=True), **kwargs)

    def to_internal_value(self, data: Any) -> dict[str, str]:
        value = super().to_internal_value(data)
        if len(value) > 20:
            raise serializers.ValidationError("At most 20 slice tags.")
        for key in value:
            if not key or len(key) > 64:
                raise serializers.ValidationError("Tag names are 1 to 64 characters.")
            if "\x00" in key:  # PostgreSQL's jsonb cannot store it: a 500, not a 400
                raise serializers.ValidationError("Tag names must not contain NUL characters.")
        return value


class OutputInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    label = StrictCharField(max_length=MAX_LABEL)
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


class LabelInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    value = StrictCharField(max_length=100)
    description = StrictCharField(max_length=500, required=False, allow_blank=True)
    hotkey = StrictCharField(max_length=1, required=False, allow_blank=True)


class ReasonCodeInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    code = StrictCharField(max_length=64)
    description = StrictCharField(max_length=500, required=False, allow_blank=True)


class ConsensusInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    reviewers = StrictIntegerField(min_value=1, max_value=9, default=1)
    rule = serializers.ChoiceField(choices=ConsensusRule.choices, default=ConsensusRule.MAJORITY)
    on_disagreement = serializers.ChoiceField(
        choices=OnDisagreement.choices, default=OnDisagreement.ESCALATE
    )


class TierSlaInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    time_to_human_s = StrictIntegerField(min_value=1, max_value=30 * 86400)
    time_to_decision_s = StrictIntegerField(min_value=1, max_value=30 * 86400)


class SlaInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    tier1 = TierSlaInSerializer(required=False)
    sme = TierSlaInSerializer(required=False)


class SliceRuleInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    when = serializers.DictField(allow_empty=False)
    route = serializers.ChoiceField(choices=[Route.TIER1, Route.SME], required=False)
    skill = StrictCharField(max_length=64, required=False)

    def validate_when(self, value: dict[str, Any]) -> dict[str, Any]:
        for key, expected in value.items():
            values = expected if isinstance(expected, list) else [expected]
            if not values or not all(isinstance(v, str) for v in values):
                raise serializers.ValidationError(
                    f"{key!r} must be a string or a non-empty list of strings."
                )
            if any("\x00" in text for text in (key, *values)):
                raise serializers.ValidationError("Must not contain NUL characters.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "route" not in attrs and "skill" not in attrs:
            raise serializers.ValidationError("A slice rule needs a route, a skill, or both.")
        return attrs


class ActiveLearningInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    """The active-learning sampler's share of a policy (services/sampling.py)."""

    budget_per_day = StrictIntegerField(
        min_value=0,
        max_value=1_000_000,
        default=0,
        help_text="Auto-approved items pulled into Tier 1 per UTC day; 0 is off.",
    )
    uncertainty = serializers.ChoiceField(
        choices=UncertaintyMeasure.choices, default=UncertaintyMeasure.MARGIN
    )
    diversity = StrictFloatField(
        min_value=0.0,
        max_value=1.0,
        default=0.5,
        help_text="Share of the budget spread round-robin across slices; the rest goes to "
        "the most uncertain overall.",
    )


class PolicyInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    auto_approve_at = StrictFloatField(min_value=0.0, max_value=1.0)
    sme_below = StrictFloatField(min_value=0.0, max_value=1.0)
    risk_tier = serializers.ChoiceField(choices=RiskTier.choices, default=RiskTier.MEDIUM)
    mode = serializers.ChoiceField(choices=Mode.choices, default=Mode.POST_HOC)
    shadow = StrictBooleanField(default=False)
    audit_sample_rate = StrictFloatField(min_value=0.0, max_value=1.0, default=0.0)
    consensus = ConsensusInSerializer(required=False)
    slice_rules = SliceRuleInSerializer(many=True, required=False)
    sla = SlaInSerializer(required=False)
    active_learning = ActiveLearningInSerializer(required=False)
    note = StrictCharField(max_length=500, required=False, allow_blank=True)
    activate = StrictBooleanField(default=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["sme_below"] > attrs["auto_approve_at"]:
            raise serializers.ValidationError({"sme_below": ["Must not be above auto_approve_at."]})
        return attrs


class QueueInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    slug = serializers.SlugField(max_length=64)
    name = StrictCharField(max_length=200)
    description = StrictCharField(required=False, allow_blank=True)
    labels = serializers.ListField(child=serializers.JSONField(), allow_empty=False, max_length=100)
    reason_codes = serializers.ListField(
        child=serializers.JSONField(), required=False, max_length=100
    )
    redaction = serializers.DictField(
        required=False,
        help_text='{"entities": ["EMAIL", "PHONE", …]}: the types masked at ingest; '
        "empty or absent masks every type.",
    )
    raw_retention_days = StrictIntegerField(
        min_value=1,
        max_value=36500,
        required=False,
        allow_null=True,
        help_text="Days raw inputs are kept before they are purged; null keeps them.",
    )
    policy = PolicyInSerializer()

    def _objects(
        self, values: list[Any], key: str, serializer: type[serializers.Serializer]
    ) -> list[dict[str, Any]]:
        out, errors = [], {}
        for index, value in enumerate(values):
            item = serializer(data={key: value} if isinstance(value, str) else value)
            if item.is_valid():
                out.append(dict(item.validated_data))
            else:
                errors[str(index)] = item.errors
        if errors:
            raise serializers.ValidationError(errors)
        names = [v[key] for v in out]
        if len(set(names)) != len(names):
            raise serializers.ValidationError(f"Each {key} must appear once.")
        return out

    def validate_labels(self, value: list[Any]) -> list[dict[str, Any]]:
        labels = self._objects(value, "value", LabelInSerializer)
        hotkeys = [label["hotkey"] for label in labels if label.get("hotkey")]
        if len(set(hotkeys)) != len(hotkeys):
            raise serializers.ValidationError("Each hotkey must be used by one label only.")
        return labels

    def validate_reason_codes(self, value: list[Any]) -> list[dict[str, Any]]:
        return self._objects(value, "code", ReasonCodeInSerializer)

    def validate_redaction(self, value: dict[str, Any]) -> dict[str, Any]:
        try:
            return redaction_policy_clean(value)
        except RedactionPolicyInvalid as exc:
            raise serializers.ValidationError(str(exc)) from None


class ContainmentInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    slice = SliceTagsField(required=False)
    reason = StrictCharField(max_length=2000)


class ContainmentLiftInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    note = StrictCharField(max_length=2000)


# --- Outputs --------------------------------------------------------------------


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
    label = serializers.CharField(source="output_label")
    confidence = serializers.FloatField()
    calibrated_confidence = serializers.FloatField()
    sample_reason = serializers.CharField()
    final_label = serializers.CharField()
    outcome = serializers.CharField()
    received_at = serializers.DateTimeField()
    released_at = serializers.DateTimeField(allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)
    trace = serializers.ListField(child=serializers.DictField())


class ContainmentOutSerializer(serializers.ModelSerializer):
    class Meta:
        model = Containment
        fields = [
            "id",
            "slice",
            "reason",
            "active",
            "set_by",
            "set_at",
            "lifted_by",
            "lifted_at",
            "lift_note",
        ]


class QueueOutSerializer(serializers.ModelSerializer):
    policy = serializers.SerializerMethodField()

    class Meta:
        model = Queue
        fields = [
            "slug",
            "name",
            "description",
            "labels",
            "reason_codes",
            "redaction",
            "raw_retention_days",
            "policy",
        ]

    def get_policy(self, queue: Queue) -> dict[str, Any] | None:
        return queue.active_policy.as_json() if queue.active_policy else None


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
        "received_at": _iso(item.received_at),
        "released_at": _iso(item.released_at),
        "decided_at": _iso(item.decided_at),
        "trace": item.trace,
    }


def _iso(value: datetime | None) -> str | None:
    """As DRF renders a datetime (UTC, with a Z)."""
    if value is None:
        return None
    text = value.astimezone(UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


# --- Review: claims, decisions, releases ------------------------------------------

MAX_RATIONALE = 10_000


class ClaimInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    """Optional: which tier to work; without it, the highest tier the caller may work."""

    tier = serializers.ChoiceField(choices=Tier.choices, required=False)


class DecisionInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    verdict = serializers.ChoiceField(choices=Decision.Verdict.choices)
    label = StrictCharField(max_length=MAX_LABEL, required=False, allow_blank=True)
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
    label = serializers.CharField()
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
    label = serializers.CharField()
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
        "leased_at": _iso(assignment.leased_at),
        "expires_at": _iso(assignment.expires_at),
        "item": {
            "id": item.pk,
            "external_id": item.external_id,
            "model_version": item.model_version,
            # Redacted once at ingest (services/ingest.py); the raw input is never sent here.
            "input": item.input,
            "slice": item.slice,
            "received_at": _iso(item.received_at),
            "due_at": _iso(item.due_at),
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
        "decided_at": _iso(decision.decided_at),
    }


def assignment_json(assignment: Assignment) -> dict[str, Any]:
    return {
        "id": assignment.pk,
        "item": assignment.item_id,
        "tier": assignment.tier,
        "state": assignment.state,
        "leased_at": _iso(assignment.leased_at),
        "expires_at": _iso(assignment.expires_at),
        "ended_at": _iso(assignment.ended_at),
    }


# --- Qualification: gold items and reviewers' standing ---------------------------


class GoldInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    """The shape of a gold item, for the schema; the rules live in
    reviews.services.qualification.gold_errors (validate_prediction plus gold_label)."""

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
        "changed_at": _iso(row.changed_at),
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
