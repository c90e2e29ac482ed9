"""Queues, their versioned tier policies, who may do what on them, and containment."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from reviews.choices import (
    ConsensusRule,
    Mode,
    OnDisagreement,
    RiskTier,
    Tier,
    UncertaintyMeasure,
)

# TierPolicy.risk_rank: lower is claimed first.
RISK_RANKS: dict[str, int] = {RiskTier.HIGH: 0, RiskTier.MEDIUM: 1, RiskTier.LOW: 2}


class Queue(models.Model):
    """One use case of one model: a label schema, reviewers per tier, one active policy."""

    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    # [{"value": "approve", "description": "…", "hotkey": "a"}, …]
    labels = models.JSONField(default=list)
    # [{"code": "policy_violation", "description": "…"}, …]
    reason_codes = models.JSONField(default=list)
    # {"entities": ["EMAIL", "PHONE", …]}; empty means every entity type hitl detects.
    redaction = models.JSONField(default=dict, blank=True)
    tier1_hourly_cost = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    sme_hourly_cost = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    raw_retention_days = models.PositiveIntegerField(null=True, blank=True)
    # Reviewer qualification (services/qualification.py). On the queue, not the policy:
    # they govern reviewers, not how an item is routed, so they need no pinned version.
    # gold_rate: the chance a Tier 1 claim is served a gold item the reviewer has not seen.
    gold_rate = models.FloatField(default=0.0)
    # Accuracy on gold below the bar disqualifies, once qualification_min_gold are scored.
    # A bar of 0 never disqualifies.
    qualification_bar = models.FloatField(default=0.0)
    qualification_min_gold = models.PositiveIntegerField(default=10)
    active_policy = models.ForeignKey(
        "reviews.TierPolicy", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]
        permissions = [
            ("submit_predictions", "Submit predictions to the queue"),
            ("review_queue", "Review the queue's items"),
            ("handle_escalations", "Handle the queue's escalations"),
            ("respond_incidents", "Respond to the queue's incidents"),
            ("view_raw_pii", "View the queue's raw, unredacted inputs"),
            ("export_queue", "Export the queue's datasets"),
            ("manage_queue", "Manage the queue, its policies and containment"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(gold_rate__gte=0, gold_rate__lte=1), name="queue_gold_rate_fraction"
            ),
            models.CheckConstraint(
                condition=Q(qualification_bar__gte=0, qualification_bar__lte=1),
                name="queue_qualification_bar_fraction",
            ),
        ]

    def __str__(self) -> str:
        return self.slug

    @cached_property
    def label_values(self) -> frozenset[str]:
        return frozenset(label["value"] for label in self.labels)

    @cached_property
    def reason_code_values(self) -> frozenset[str]:
        return frozenset(code["code"] for code in self.reason_codes)


class QueueUserPermission(UserObjectPermissionBase):
    """A user's permission on one queue (a direct foreign key: fast joins, real integrity)."""

    content_object = models.ForeignKey(Queue, on_delete=models.CASCADE)


class QueueGroupPermission(GroupObjectPermissionBase):
    """A group's permission on one queue."""

    content_object = models.ForeignKey(Queue, on_delete=models.CASCADE)


class TierPolicy(models.Model):
    """One immutable version of a queue's routing policy; editing makes a new version."""

    queue = models.ForeignKey(Queue, on_delete=models.CASCADE, related_name="policies")
    version = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True)

    auto_approve_at = models.FloatField()
    sme_below = models.FloatField()
    risk_tier = models.CharField(max_length=8, choices=RiskTier.choices, default=RiskTier.MEDIUM)
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.POST_HOC)
    shadow = models.BooleanField(default=False)
    audit_sample_rate = models.FloatField(default=0.0)

    consensus_reviewers = models.PositiveSmallIntegerField(default=1)
    consensus_rule = models.CharField(
        max_length=10, choices=ConsensusRule.choices, default=ConsensusRule.MAJORITY
    )
    consensus_on_disagreement = models.CharField(
        max_length=10, choices=OnDisagreement.choices, default=OnDisagreement.ESCALATE
    )
    # [{"when": {"region": "EU", "product": ["mortgage", "heloc"]}, "route": "sme",
    #   "skill": "eu-lending"}, …] — first match wins; see services/routing.py.
    slice_rules = models.JSONField(default=list, blank=True)

    tier1_time_to_human_s = models.PositiveIntegerField(default=900)
    tier1_time_to_decision_s = models.PositiveIntegerField(default=3600)
    sme_time_to_human_s = models.PositiveIntegerField(default=3600)
    sme_time_to_decision_s = models.PositiveIntegerField(default=14400)

    # Active learning (services/sampling.py): up to al_budget_per_day auto-approved items a
    # UTC day pulled into Tier 1 post hoc, chosen by al_uncertainty; al_diversity is the
    # share of the budget spread round-robin across slices. A budget of 0 is off.
    al_budget_per_day = models.PositiveIntegerField(default=0)
    al_uncertainty = models.CharField(
        max_length=8, choices=UncertaintyMeasure.choices, default=UncertaintyMeasure.MARGIN
    )
    al_diversity = models.FloatField(default=0.5)

    class Meta:
        ordering = ["queue", "-version"]
        verbose_name_plural = "tier policies"
        constraints = [
            models.UniqueConstraint(fields=["queue", "version"], name="policy_version_unique"),
            models.CheckConstraint(
                condition=Q(sme_below__gte=0, sme_below__lte=models.F("auto_approve_at"))
                & Q(auto_approve_at__lte=1),
                name="policy_thresholds_ordered",
            ),
            models.CheckConstraint(
                condition=Q(audit_sample_rate__gte=0, audit_sample_rate__lte=1),
                name="policy_sample_rate_fraction",
            ),
            models.CheckConstraint(
                condition=Q(consensus_reviewers__gte=1), name="policy_k_positive"
            ),
            models.CheckConstraint(
                condition=Q(al_diversity__gte=0, al_diversity__lte=1),
                name="policy_al_diversity_fraction",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.queue.slug} v{self.version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Integrity guard, not business logic: a version that exists never changes,
        # or items would point at a policy that did not route them.
        if self.pk is not None and not self._state.adding:
            raise ValueError("A policy version is immutable; create a new version instead.")
        super().save(*args, **kwargs)

    @property
    def risk_rank(self) -> int:
        """Claim order within one deadline: high risk first (0), then medium, then low."""
        return RISK_RANKS[self.risk_tier]

    def time_to_decision_s(self, tier: str) -> int:
        """The time-to-decision SLA of `tier`, in seconds: an item's due_at at that tier."""
        if tier == Tier.SME:
            return self.sme_time_to_decision_s
        return self.tier1_time_to_decision_s

    def time_to_human_s(self, tier: str) -> int:
        """The time-to-human SLA of `tier`, in seconds: enqueue to first claim there."""
        if tier == Tier.SME:
            return self.sme_time_to_human_s
        return self.tier1_time_to_human_s

    @property
    def effective_mode(self) -> str:
        """High risk always holds outputs until a person decides."""
        return Mode.IN_PATH if self.risk_tier == RiskTier.HIGH else self.mode

    def as_json(self) -> dict[str, Any]:
        """The policy in the API's JSON shape (SPEC §2)."""
        return {
            "version": self.version,
            "auto_approve_at": self.auto_approve_at,
            "sme_below": self.sme_below,
            "risk_tier": self.risk_tier,
            "mode": self.mode,
            "shadow": self.shadow,
            "audit_sample_rate": self.audit_sample_rate,
            "consensus": {
                "reviewers": self.consensus_reviewers,
                "rule": self.consensus_rule,
                "on_disagreement": self.consensus_on_disagreement,
            },
            "slice_rules": self.slice_rules,
            "sla": {
                "tier1": {
                    "time_to_human_s": self.tier1_time_to_human_s,
                    "time_to_decision_s": self.tier1_time_to_decision_s,
                },
                "sme": {
                    "time_to_human_s": self.sme_time_to_human_s,
                    "time_to_decision_s": self.sme_time_to_decision_s,
                },
            },
            "active_learning": {
                "budget_per_day": self.al_budget_per_day,
                "uncertainty": self.al_uncertainty,
                "diversity": self.al_diversity,
            },
        }


class Containment(models.Model):
    """A switch that stops auto-approval on a queue, or on one slice of it."""

    queue = models.ForeignKey(Queue, on_delete=models.CASCADE, related_name="containments")
    # {} contains the whole queue; {"region": "EU"} the items whose slice has region=EU.
    slice = models.JSONField(default=dict, blank=True)
    reason = models.TextField()
    active = models.BooleanField(default=True)
    set_by = models.CharField(max_length=150)
    set_at = models.DateTimeField()
    lifted_by = models.CharField(max_length=150, blank=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_note = models.TextField(blank=True)
    # The incident whose responder set it, if any (services/incidents.py).
    incident = models.ForeignKey(
        "reviews.Incident",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="containments",
    )

    class Meta:
        ordering = ["-set_at"]
        indexes = [
            # Routing reads the active switches of one queue on every ingest.
            models.Index(fields=["queue"], condition=Q(active=True), name="containment_active_idx"),
        ]

    def __str__(self) -> str:
        scope = ", ".join(f"{k}={v}" for k, v in sorted(self.slice.items())) or "whole queue"
        return f"{self.queue.slug}: {scope}"
