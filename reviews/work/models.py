"""Review work: leases (assignments), verdicts (decisions) and reviewers' standing on gold items."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from reviews.choices import (
    Tier,
)
from reviews.intake.models import Item
from reviews.queues.models import Queue


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
