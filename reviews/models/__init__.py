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
    UncertaintyMeasure,
)

# Item.risk_rank: lower is claimed first.
RISK_RANKS: dict[str, int] = {RiskTier.HIGH: 0, RiskTier.MEDIUM: 1, RiskTier.LOW: 2}


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
    # What everyone sees: the input as the queue's redaction policy masked it at ingest
    # (redaction). The submitted input is kept in raw_input only for holders of the
    # queue's view-raw-PII permission, until the queue's retention purges it.
    input = models.JSONField()
    raw_input = models.JSONField(null=True, blank=True)
    raw_purged_at = models.DateTimeField(null=True, blank=True)
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
    # When the active-learning sampler pulled the item into Tier 1 (services/sampling.py);
    # None for every other item, audit samples included.
    sampled_at = models.DateTimeField(null=True, blank=True)

    final_label = models.CharField(max_length=100, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)

    # Gold (services/qualification.py): an item whose correct label is known, added by a
    # queue manager to test reviewers. A gold item is never routed, released, decided or
    # counted as a model outcome; every metric filters is_gold=False. It is created with
    # votes_needed=0, so it is never in item_claim_idx and the normal claim never sees it.
    is_gold = models.BooleanField(default=False)
    gold_label = models.CharField(max_length=100, blank=True)

    received_at = models.DateTimeField()
    enqueued_at = models.DateTimeField(null=True, blank=True)
    released_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    # Claiming (services/claims.py). due_at: the current tier's time-to-decision deadline,
    # set whenever the item is queued at a tier. risk_rank: the policy's risk, 0 = high.
    due_at = models.DateTimeField(null=True, blank=True)
    risk_rank = models.PositiveSmallIntegerField(default=1)
    # SLA (services/sla.py): human_due_at is the current tier's time-to-human deadline;
    # claimed_at the first claim at the current tier (None until then; first_claimed_at
    # keeps the very first, for time-to-human). breach_at is the next deadline the beat
    # sweep must act on: human_due_at until the first claim, then due_at, None once the
    # item is decided or past the last tier.
    human_due_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    first_claimed_at = models.DateTimeField(null=True, blank=True)
    breach_at = models.DateTimeField(null=True, blank=True)
    # Consensus at the current tier: verdicts the policy asks for (k), verdicts in, and
    # leases out. Claimable while votes_in + leases_active < votes_needed; the check
    # constraint below makes "more leases than consensus allows" impossible in the data.
    votes_needed = models.PositiveSmallIntegerField(default=1)
    votes_in = models.PositiveSmallIntegerField(default=0)
    leases_active = models.PositiveSmallIntegerField(default=0)

    CLAIMABLE_STATES = (State.QUEUED, State.IN_REVIEW)

    class Meta:
        constraints = [
            # Idempotency: never two items for one client key in one queue.
            models.UniqueConstraint(
                fields=["queue", "external_id"], name="item_external_id_unique"
            ),
            models.CheckConstraint(
                condition=Q(votes_needed__gte=models.F("votes_in") + models.F("leases_active")),
                name="item_leases_within_consensus",
            ),
        ]
        indexes = [
            # Queue pages and metrics windows: a queue's items by arrival.
            models.Index(fields=["queue", "received_at"], name="item_queue_received_idx"),
            # Serves the claim (services/claims.py, claim_candidates):
            #   SELECT … FROM reviews_item WHERE queue_id = %s AND tier = %s
            #     AND state IN ('queued', 'in_review') AND votes_needed > votes_in + leases_active
            #     AND NOT EXISTS (this reviewer's assignment of the item at this tier)
            #   ORDER BY due_at, risk_rank, received_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
            # Partial: only claimable rows are in it, so it stays as small as the backlog
            # while decided items pile up in the table.
            models.Index(
                fields=["queue", "tier", "due_at", "risk_rank", "received_at", "id"],
                condition=Q(state__in=["queued", "in_review"])
                & Q(votes_needed__gt=models.F("votes_in") + models.F("leases_active")),
                name="item_claim_idx",
            ),
            # Serves the SLA sweep (services/sla.py, sla_escalate_breached):
            #   SELECT id FROM reviews_item WHERE breach_at <= %s
            #   ORDER BY breach_at LIMIT %s FOR UPDATE SKIP LOCKED
            # Partial: only items with a pending deadline are in it, and the range scan
            # reads only the breached ones, so a sweep costs what the breaches cost.
            models.Index(
                fields=["breach_at"], condition=Q(breach_at__isnull=False), name="item_breach_idx"
            ),
            # Serves the snapshot export (datasets/services/filters.py, dataset_items):
            #   SELECT … FROM reviews_item WHERE queue_id = %s AND decided_at < %s
            #     [AND decided_at >= %s] AND state = 'decided' AND NOT is_gold …
            #   ORDER BY decided_at, id
            # a range scan already in row order, so an export streams without a sort; the
            # retraining trigger's count of new corrected labels reads the same range.
            # Partial: items not decided yet are not in it, so ingest never writes to it.
            models.Index(
                fields=["queue", "decided_at", "id"],
                condition=Q(decided_at__isnull=False),
                name="item_decided_idx",
            ),
            # The retention purge: raw inputs still held, by arrival (services/retention.py).
            models.Index(
                fields=["queue", "received_at"],
                condition=Q(raw_input__isnull=False),
                name="item_raw_held_idx",
            ),
            # The sampler's daily budget (services/sampling.py, _sampled_today):
            #   SELECT count(*) FROM reviews_item WHERE queue_id = %s
            #     AND sampled_at >= %s AND sampled_at < %s AND sample_reason IN (…)
            # Partial: only actively sampled items are in it, a budget's worth a day.
            models.Index(
                fields=["queue", "sampled_at"],
                condition=Q(sampled_at__isnull=False),
                name="item_sampled_idx",
            ),
            # The gold claim: a queue's gold items at a tier; as small as the gold set.
            models.Index(
                fields=["queue", "tier", "id"], condition=Q(is_gold=True), name="item_gold_idx"
            ),
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


class SamplerCursor(models.Model):
    """How far the active-learning sampler has read a queue's auto-approved items."""

    queue = models.OneToOneField(Queue, on_delete=models.CASCADE, related_name="sampler_cursor")
    # Every item received before this was considered once (sampled or not); the next
    # run reads [received_through, now − settle). Locked by the run for its transaction.
    received_through = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.queue_id}: sampled through {self.received_through:%Y-%m-%d %H:%M:%S}"


class Assignment(models.Model):
    """A lease of one item to one reviewer at one tier, until expires_at."""

    class State(models.TextChoices):
        ACTIVE = "active", "Active"
        DECIDED = "decided", "Decided"
        RELEASED = "released", "Released"
        EXPIRED = "expired", "Expired"

    # No index of its own: assignment_once_per_tier leads with item.
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="assignments", db_index=False
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    tier = models.CharField(max_length=8, choices=Tier.choices)
    leased_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    state = models.CharField(max_length=8, choices=State.choices, default=State.ACTIVE)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # A reviewer never receives the same item twice at one tier (SPEC §2), even
            # after releasing it or letting the lease expire.
            models.UniqueConstraint(
                fields=["item", "reviewer", "tier"], name="assignment_once_per_tier"
            ),
        ]
        indexes = [
            # The expiry sweep: active leases by expiry; small, like the claim index.
            models.Index(
                fields=["expires_at"],
                condition=Q(state="active"),
                name="assignment_active_expiry_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"assignment {self.pk}: item {self.item_id} → {self.reviewer_id} ({self.state})"


class Decision(models.Model):
    """A reviewer's verdict on one assignment (SPEC §2)."""

    class Verdict(models.TextChoices):
        APPROVE = "approve", "Approve"
        OVERRIDE = "override", "Override"
        ESCALATE = "escalate", "Escalate"
        REJECT = "reject", "Reject"

    assignment = models.OneToOneField(Assignment, on_delete=models.PROTECT, related_name="decision")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="decisions")
    # Not a column: True on the decision assignment_decide hands back for a retried call
    # (the same verdict sent again after its answer was lost), so the API answers 200.
    replayed = False
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="decisions"
    )
    tier = models.CharField(max_length=8, choices=Tier.choices)
    verdict = models.CharField(max_length=8, choices=Verdict.choices)
    # approve: the model's label; override: the corrected label; reject/escalate: blank.
    label = models.CharField(max_length=100, blank=True)
    rationale = models.TextField(blank=True)
    reason_code = models.CharField(max_length=64, blank=True)
    handling_seconds = models.FloatField()
    decided_at = models.DateTimeField()
    # A verdict on a gold item (a copy of item.is_gold): scored for the reviewer's
    # qualification, never part of consensus; metrics over decisions filter on it
    # without a join to the item.
    is_gold = models.BooleanField(default=False)

    class Meta:
        ordering = ["decided_at", "id"]

    def __str__(self) -> str:
        return f"decision {self.pk}: {self.verdict} on item {self.item_id}"


class Qualification(models.Model):
    """One reviewer's standing on one queue, from their verdicts on gold items."""

    class State(models.TextChoices):
        QUALIFIED = "qualified", "Qualified"
        DISQUALIFIED = "disqualified", "Disqualified"

    queue = models.ForeignKey(Queue, on_delete=models.CASCADE, related_name="qualifications")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="qualifications"
    )
    # Since the last re-qualification (which starts a fresh count); the audit trail
    # keeps every earlier count.
    gold_seen = models.PositiveIntegerField(default=0)
    gold_correct = models.PositiveIntegerField(default=0)
    state = models.CharField(max_length=16, choices=State.choices, default=State.QUALIFIED)
    changed_at = models.DateTimeField()
    changed_by = models.CharField(max_length=150)

    class Meta:
        ordering = ["queue", "reviewer"]
        constraints = [
            models.UniqueConstraint(fields=["queue", "reviewer"], name="qualification_unique"),
            models.CheckConstraint(
                condition=Q(gold_correct__lte=models.F("gold_seen")),
                name="qualification_correct_within_seen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.queue_id}:{self.reviewer_id} {self.state}"

    @property
    def accuracy(self) -> float | None:
        """Correct over seen; None before any gold item is scored."""
        return self.gold_correct / self.gold_seen if self.gold_seen else None


from reviews.models.incidents import Escalation, Incident, IncidentEvent  # noqa: E402
from reviews.models.metrics import (  # noqa: E402
    AlertFiring,
    AlertRule,
    CalibrationFit,
    MetricRollup,
    ReviewerRollup,
    RollupCursor,
)

__all__ = [
    "AlertFiring",
    "AlertRule",
    "Assignment",
    "CalibrationFit",
    "MetricRollup",
    "ReviewerRollup",
    "RollupCursor",
    "SamplerCursor",
    "Containment",
    "Decision",
    "Escalation",
    "Incident",
    "IncidentEvent",
    "Item",
    "Qualification",
    "Queue",
    "QueueGroupPermission",
    "QueueUserPermission",
    "TierPolicy",
]
