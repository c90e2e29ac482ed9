"""API shapes of queues, their policies and containment: inputs validate, outputs render."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from hitl.api.fields import (
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
    UncertaintyMeasure,
)
from reviews.queues.models import Containment, Queue, TierPolicy
from reviews.queues.services.queues import RedactionPolicyInvalid, redaction_policy_clean

_SLICE_KEY = StrictCharField(max_length=64)


def _values(choices: Any) -> str:
    return ", ".join(choices.values)


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


class PolicyConsensusOutSerializer(serializers.Serializer):
    reviewers = serializers.IntegerField(source="consensus_reviewers")
    rule = serializers.CharField(source="consensus_rule", help_text=_values(ConsensusRule))
    on_disagreement = serializers.CharField(
        source="consensus_on_disagreement", help_text=_values(OnDisagreement)
    )


class Tier1SlaOutSerializer(serializers.Serializer):
    time_to_human_s = serializers.IntegerField(source="tier1_time_to_human_s")
    time_to_decision_s = serializers.IntegerField(source="tier1_time_to_decision_s")


class SmeSlaOutSerializer(serializers.Serializer):
    time_to_human_s = serializers.IntegerField(source="sme_time_to_human_s")
    time_to_decision_s = serializers.IntegerField(source="sme_time_to_decision_s")


class PolicySlaOutSerializer(serializers.Serializer):
    tier1 = Tier1SlaOutSerializer(source="*")
    sme = SmeSlaOutSerializer(source="*")


class ActiveLearningOutSerializer(serializers.Serializer):
    budget_per_day = serializers.IntegerField(source="al_budget_per_day")
    uncertainty = serializers.CharField(
        source="al_uncertainty", help_text=_values(UncertaintyMeasure)
    )
    diversity = serializers.FloatField(source="al_diversity")


class PolicyOutSerializer(serializers.Serializer):
    """A policy version in the shape TierPolicy.as_json gives audit events and evidence
    bundles (a test keeps the two equal)."""

    version = serializers.IntegerField()
    auto_approve_at = serializers.FloatField()
    sme_below = serializers.FloatField()
    risk_tier = serializers.CharField(help_text=_values(RiskTier))
    mode = serializers.CharField(help_text=_values(Mode))
    shadow = serializers.BooleanField()
    audit_sample_rate = serializers.FloatField()
    consensus = PolicyConsensusOutSerializer(source="*")
    slice_rules = serializers.ListField(child=serializers.DictField())
    sla = PolicySlaOutSerializer(source="*")
    active_learning = ActiveLearningOutSerializer(source="*")


class PolicyVersionOutSerializer(PolicyOutSerializer):
    """A policy version and whether it routes new items."""

    active = serializers.SerializerMethodField(
        help_text="Whether this version routes new items now."
    )

    def get_active(self, policy: TierPolicy) -> bool:
        return policy.queue.active_policy_id == policy.pk


class PolicyDraftOutSerializer(PolicyVersionOutSerializer):
    """A version drafted by the threshold simulator, with the note saying from what."""

    note = serializers.CharField()


class QueueOutSerializer(serializers.ModelSerializer):
    policy = PolicyOutSerializer(source="active_policy", allow_null=True)

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
