"""Dataset snapshots for retraining, and the triggers that make them (SPEC §5).

A snapshot is a numbered, immutable export of a queue's human-decided items chosen by a
filter. Its files (JSONL always, Parquet too) are written once under HITL_DATASETS_DIR by
a Celery task (services/build.py); the row keeps their SHA-256, size and row count, the
filter and a summary. The same filter always gives byte-identical files: the filter holds
an absolute window, rows come in a fixed order, and nothing in a file depends on when or
by whom it was built.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q


def _empty_dict() -> dict[str, Any]:
    return {}


class Dataset(models.Model):
    """One snapshot. Pending and building rows change; a ready row never does."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        BUILDING = "building", "Building"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    class Trigger(models.TextChoices):
        MANUAL = "manual", "Requested by a person or a client"
        LABELS = "labels", "New corrected labels reached the trigger's count"
        ALERT = "alert", "An alert rule fired"

    queue = models.ForeignKey("reviews.Queue", on_delete=models.PROTECT, related_name="datasets")
    # 1, 2, 3 … per queue, in the order they were requested.
    number = models.PositiveIntegerField()
    # The canonical filter (services/filters.py): absolute window and the other criteria.
    filter = models.JSONField()
    # Raw inputs instead of redacted ones: only when the requester held both the queue's
    # raw-PII and export permissions; the request is audited.
    raw = models.BooleanField(default=False)
    trigger = models.CharField(max_length=8, choices=Trigger.choices, default=Trigger.MANUAL)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField()

    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    # Progress while building: rows written so far out of the rows the filter selects.
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    rows_done = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    # While building: the builder's last sign of life (taking the row, each chunk written).
    # A building row silent for longer than services/build.py STALE_BUILD lost its worker
    # and is taken over; requested_at cannot tell a slow queue from a dead builder.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)

    row_count = models.PositiveIntegerField(null=True, blank=True)
    jsonl_sha256 = models.CharField(max_length=64, blank=True)
    jsonl_bytes = models.PositiveBigIntegerField(null=True, blank=True)
    parquet_sha256 = models.CharField(max_length=64, blank=True)
    parquet_bytes = models.PositiveBigIntegerField(null=True, blank=True)
    # Label distribution, override rate, agreement, slice coverage, split sizes.
    summary = models.JSONField(default=_empty_dict, blank=True)

    class Meta:
        ordering = ["queue", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["queue", "number"], name="dataset_number_unique"),
            models.CheckConstraint(
                condition=~Q(status="ready") | (Q(row_count__isnull=False) & ~Q(jsonl_sha256="")),
                name="dataset_ready_has_files",
            ),
        ]
        indexes = [
            # The reconciler re-drives builds whose task was lost.
            models.Index(
                fields=["requested_at"],
                condition=Q(status__in=["pending", "building"]),
                name="dataset_unfinished_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.queue_id} #{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Integrity guard: a snapshot that was handed out as ready never changes.
        if self.pk is not None and not self._state.adding:
            stored = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored == self.Status.READY:
                raise ValueError("A ready dataset snapshot is immutable.")
        super().save(*args, **kwargs)

    @property
    def folder(self) -> str:
        """Where its files live, relative to HITL_DATASETS_DIR."""
        return f"{self.queue_id}/{self.number}"


class RetrainTrigger(models.Model):
    """When a queue makes a snapshot on its own and announces it (`dataset.ready`)."""

    queue = models.OneToOneField(
        "reviews.Queue", on_delete=models.CASCADE, related_name="retrain_trigger"
    )
    # A snapshot once this many items have been decided `corrected` since the last
    # automatic one; 0 turns the count off.
    every_corrected = models.PositiveIntegerField(
        default=0, validators=[MaxValueValidator(1_000_000_000)]
    )
    # A snapshot whenever one of the queue's alert rules starts firing.
    on_alert = models.BooleanField(default=False)
    # Corrected items decided up to here, and firings started up to here, are accounted for.
    counted_through = models.DateTimeField(null=True, blank=True)
    active = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"retrain trigger of {self.queue_id}"
