"""The item: one prediction as it travels from ingest to its final release."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q

from reviews.choices import (
    Outcome,
    Release,
    Route,
    SampleReason,
    Tier,
)
from reviews.queues.models import Queue, TierPolicy


class InvalidTransition(Exception):
    """An item was asked to move to a state its current state does not lead to."""


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

    @property
    def waits_for_responder(self) -> bool:
        """Escalated into an incident and not yet decided there: a responder decides it."""
        return self.state == self.State.INCIDENT and self.tier == Tier.INCIDENT

    def start_clock(self, *, tier: str, now: datetime) -> None:
        """Queue the item at `tier` from `now` (SPEC §2): its deadlines there, no claim yet.

        The SLA clocks are columns: time-to-human (enqueue → first claim) and time-to-decision
        (enqueue → decision), both from the policy version that routed it. `breach_at` is the
        one deadline the sweep (escalation/services/sla.py) acts on next:

            queued at a tier          breach_at = human_due_at
            first claim at the tier   breach_at = due_at          (work/services/claims.py)
            decided / in an incident  breach_at = None            (stop_clock)
        """
        policy = self.policy
        self.tier = tier
        self.enqueued_at = now
        self.due_at = now + timedelta(seconds=policy.time_to_decision_s(tier))
        self.human_due_at = now + timedelta(seconds=policy.time_to_human_s(tier))
        self.claimed_at = None
        self.breach_at = self.human_due_at

    def stop_clock(self) -> None:
        """No deadline is pending any more: the item is decided or has left the tiers."""
        self.breach_at = None

    def transition(self, *, to: str) -> None:
        """Move to `to` in memory; the caller saves it in the transaction that audits it."""
        if to not in self.TRANSITIONS[self.state]:
            raise InvalidTransition(f"item {self.pk}: {self.state} → {to} is not allowed")
        self.state = to
