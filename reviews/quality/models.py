"""What the dashboards read: hourly roll-ups and calibration maps (SPEC §4), and the
active-learning sampler's cursor.

Roll-ups are kept by a single consumer of the audit trail (services/rollups.py): the
chain's sequence numbers are handed out under the chain head's lock and committed in
order, so "every event after seq N" misses nothing and counts nothing twice. Reading a
dashboard sums a window's rows; it never rescans items or decisions.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from reviews.defaults import empty_dict, empty_list
from reviews.queues.models import Queue


class MetricRollup(models.Model):
    """Additive counts for one queue, hour, slice and model version.

    Every field is a count or a sum (histograms are lists of counts, tables are nested
    counts), so any window is the sum of its hours; stats/ turns sums into
    rates, percentiles, kappas, ECE and PSI.
    """

    class Span(models.TextChoices):
        HOUR = "h", "Hour"
        DAY = "d", "Day"

    queue = models.ForeignKey("reviews.Queue", on_delete=models.CASCADE, related_name="+")
    # Every count is kept twice: per hour, and per UTC day (hour = midnight), so a window
    # of weeks sums a few hundred day rows plus the hours at its edges.
    span = models.CharField(max_length=1, choices=Span.choices, default=Span.HOUR)
    hour = models.DateTimeField()
    # Canonical JSON of the item's slice tags ("{}" for none), and the model version.
    slice_key = models.CharField(max_length=512)
    model_version = models.CharField(max_length=100)

    # Ingest: by the hour an item was received.
    received = models.PositiveIntegerField(default=0)
    auto_approved = models.PositiveIntegerField(default=0)
    routed_tier1 = models.PositiveIntegerField(default=0)
    routed_sme = models.PositiveIntegerField(default=0)
    sampled = models.PositiveIntegerField(default=0)  # the random audit sample, at receipt
    conf_hist = models.JSONField(default=empty_list)  # 10 equal-width bins of raw confidence
    labels_predicted = models.JSONField(default=empty_dict)  # label -> count

    # Human decisions: by the hour an item was decided (gold items never count).
    decided = models.PositiveIntegerField(default=0)
    decided_routed = models.PositiveIntegerField(default=0)  # routed to people, not sampled
    approved = models.PositiveIntegerField(default=0)
    corrected = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    corrected_routed = models.PositiveIntegerField(default=0)
    # Active learning (services/sampling.py) apart from routed items and the audit sample:
    # its picks lean towards doubt, so their override rate is not the model's error rate.
    # db_default too: tools that load rows with COPY (bench/dashboard.py) may omit them.
    sampled_active = models.PositiveIntegerField(default=0, db_default=0)  # hour of sampling
    decided_active = models.PositiveIntegerField(default=0, db_default=0)
    corrected_active = models.PositiveIntegerField(default=0, db_default=0)
    tth_hist = models.JSONField(default=empty_dict)  # bucket -> count (metrics/percentiles.py)
    ttd_hist = models.JSONField(default=empty_dict)  # time-to-decision, same buckets
    ece_bins = models.JSONField(default=empty_list)  # 10 × [n, Σ raw confidence, correct]
    confusion = models.JSONField(default=empty_dict)  # model label -> final label -> count
    # Agreement over items with ≥ 2 verdicts at Tier 1 (escalated ones with what they got).
    cohen = models.JSONField(default=empty_dict)
    fleiss = models.JSONField(default=empty_dict)
    krippendorff = models.JSONField(default=empty_dict)

    # Reviewing: by the hour of the verdict.
    verdicts = models.PositiveIntegerField(default=0)
    review_seconds = models.JSONField(default=empty_dict)  # tier -> Σ handling seconds
    escalations = models.PositiveIntegerField(default=0)
    escalations_by_reason = models.JSONField(default=empty_dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["queue", "span", "hour", "slice_key", "model_version"],
                name="rollup_unique",
            )
        ]
        # rollup_unique leads with (queue, span, hour): a window's rows are range scans.

    def __str__(self) -> str:
        return f"{self.queue_id} {self.hour:%Y-%m-%d %H}:00 {self.slice_key} {self.model_version}"


class ReviewerRollup(models.Model):
    """One reviewer's verdicts on one queue in one hour (reviewer quality, SPEC §4)."""

    queue = models.ForeignKey("reviews.Queue", on_delete=models.CASCADE, related_name="+")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    hour = models.DateTimeField()
    verdicts = models.PositiveIntegerField(default=0)
    # Of the reviewer's verdicts on items since decided: how many matched the final label.
    settled = models.PositiveIntegerField(default=0)
    agreed = models.PositiveIntegerField(default=0)
    gold_seen = models.PositiveIntegerField(default=0)
    gold_correct = models.PositiveIntegerField(default=0)
    handling_hist = models.JSONField(default=empty_dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["queue", "hour", "reviewer"], name="reviewer_rollup_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.queue_id} {self.reviewer_id} {self.hour:%Y-%m-%d %H}:00"


class RollupCursor(models.Model):
    """How far the roll-up consumer has read the audit trail (one row, locked by it)."""

    seq = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"roll-ups read to audit event {self.seq}"


class CalibrationFit(models.Model):
    """A calibration map fitted for a queue from its human-decided items (SPEC §3 step 3).

    Routing uses the queue's newest active fit; each item keeps raw and calibrated
    confidence. Fits are never edited: a new fit replaces the old as the active one.
    """

    class Method(models.TextChoices):
        ISOTONIC = "isotonic", "Isotonic"
        PLATT = "platt", "Platt"

    queue = models.ForeignKey(
        "reviews.Queue", on_delete=models.CASCADE, related_name="calibrations"
    )
    method = models.CharField(max_length=16, choices=Method.choices)
    # CalibrationMap.to_json() (stats/calibration.py).
    params = models.JSONField()
    n_items = models.PositiveIntegerField()
    ece_before = models.FloatField(null=True, blank=True)
    ece_after = models.FloatField(null=True, blank=True)
    # Reliability diagrams before and after, for the dashboard.
    report = models.JSONField(default=empty_dict)
    fitted_at = models.DateTimeField()
    fitted_by = models.CharField(max_length=150)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["-fitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["queue"], condition=models.Q(active=True), name="calibration_one_active"
            )
        ]

    def __str__(self) -> str:
        return f"{self.queue_id} {self.method} fit of {self.n_items} at {self.fitted_at:%Y-%m-%d}"


class SamplerCursor(models.Model):
    """How far the active-learning sampler has read a queue's auto-approved items."""

    queue = models.OneToOneField(Queue, on_delete=models.CASCADE, related_name="sampler_cursor")
    # Every item received before this was considered once (sampled or not); the next
    # run reads [received_through, now − settle). Locked by the run for its transaction.
    received_through = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.queue_id}: sampled through {self.received_through:%Y-%m-%d %H:%M:%S}"
