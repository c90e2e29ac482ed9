"""Queues, their tier policies, the items that flow through them, and containment."""

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
    Outcome,
    Release,
    RiskTier,
    Route,
    SampleReason,
    Tier,
)


class InvalidTransition(Exception):
    """An item was asked to move to a state its current state does not lead to."""


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
        }


class Item(models.Model):
    """One prediction, from receipt through routing, review and decision."""

    class State(models.TextChoices):
        RECEIVED = "received", "Received"
        AUTO_APPROVED = "auto_approved", "Auto-approved"
        QUEUED = "queued", "Queued"
        IN_REVIEW = "in_review", "In review"
        DECIDED = "decided", "Decided"
        ESCALATED = "escalated", "Escalated"
        INCIDENT = "incident", "Incident"

    # Every legal move; anything else raises InvalidTransition (SPEC §2 diagram).
    TRANSITIONS: dict[str, frozenset[str]] = {
        State.RECEIVED: frozenset({State.AUTO_APPROVED, State.QUEUED}),
        # An auto-approved item sampled for audit is reviewed post hoc.
        State.AUTO_APPROVED: frozenset({State.QUEUED}),
        State.QUEUED: frozenset({State.IN_REVIEW, State.ESCALATED, State.INCIDENT}),
        # Back to QUEUED when a lease expires or is given back.
        State.IN_REVIEW: frozenset({State.QUEUED, State.DECIDED, State.ESCALATED, State.INCIDENT}),
        State.ESCALATED: frozenset({State.QUEUED, State.INCIDENT}),
        State.INCIDENT: frozenset({State.DECIDED}),
        State.DECIDED: frozenset(),
    }

    # No index of its own: item_external_id_unique and item_queue_received_idx both lead
    # with queue, and every index is one more write per ingested item.
    queue = models.ForeignKey(Queue, on_delete=models.PROTECT, related_name="items", db_index=False)
    external_id = models.CharField(max_length=200)
    # SHA-256 of the canonical JSON of the submitted body: a repeat with the same
    # external_id must match it (200) or it is a conflict (409).
    body_hash = models.CharField(max_length=64)
    model_version = models.CharField(max_length=100)
    input = models.JSONField()
    output_label = models.CharField(max_length=100)
    confidence = models.FloatField()
    calibrated_confidence = models.FloatField()
    scores = models.JSONField(null=True, blank=True)
    slice = models.JSONField(default=dict, blank=True)

    # Unindexed for the same reason; versions are never deleted, so PROTECT never scans.
    policy = models.ForeignKey(
        TierPolicy, on_delete=models.PROTECT, related_name="items", db_index=False
    )
    route = models.CharField(max_length=16, choices=Route.choices)
    release = models.CharField(max_length=8, choices=Release.choices)
    state = models.CharField(max_length=16, choices=State.choices, default=State.RECEIVED)
    tier = models.CharField(max_length=8, choices=Tier.choices, blank=True)
    sample_reason = models.CharField(
        max_length=16, choices=SampleReason.choices, blank=True, default=SampleReason.NONE
    )
    required_skill = models.CharField(max_length=64, blank=True)
    trace = models.JSONField(default=list)

    final_label = models.CharField(max_length=100, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)

    received_at = models.DateTimeField()
    enqueued_at = models.DateTimeField(null=True, blank=True)
    released_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # Idempotency: never two items for one client key in one queue.
            models.UniqueConstraint(
                fields=["queue", "external_id"], name="item_external_id_unique"
            ),
        ]
        indexes = [
            # Queue pages and metrics windows: a queue's items by arrival.
            models.Index(fields=["queue", "received_at"], name="item_queue_received_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.queue_id}:{self.external_id}"

    def transition(self, *, to: str) -> None:
        """Move to `to` in memory; the caller saves it in the transaction that audits it."""
        if to not in self.TRANSITIONS[self.state]:
            raise InvalidTransition(f"item {self.pk}: {self.state} → {to} is not allowed")
        self.state = to


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

    class Meta:
        ordering = ["-set_at"]
        indexes = [
            # Routing reads the active switches of one queue on every ingest.
            models.Index(fields=["queue"], condition=Q(active=True), name="containment_active_idx"),
        ]

    def __str__(self) -> str:
        scope = ", ".join(f"{k}={v}" for k, v in sorted(self.slice.items())) or "whole queue"
        return f"{self.queue.slug}: {scope}"
