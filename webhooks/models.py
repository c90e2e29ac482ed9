"""Where client systems want events sent, and every delivery of an event to one of them."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q


class EventType(models.TextChoices):
    """What a webhook can announce (docs/webhooks.md has each one's `data`)."""

    OUTPUT_RELEASED = "output.released", "Output released"
    ITEM_DECIDED = "item.decided", "Item decided"
    ESCALATION_OPENED = "escalation.opened", "Escalation opened"
    INCIDENT_OPENED = "incident.opened", "Incident opened"
    INCIDENT_CHANGED = "incident.changed", "Incident changed"
    DATASET_READY = "dataset.ready", "Dataset ready"


class WebhookEndpoint(models.Model):
    """A URL of a client system that receives the events of the queues it may submit to."""

    client = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="webhook_endpoints",
        limit_choices_to={"kind": "client"},
    )
    url = models.URLField(max_length=2000)
    # Stored as it is: hitl must sign with it, so a hash would not do. Shown once, when
    # it is made; the admin shows only its first characters.
    secret = models.CharField(max_length=100)
    # After a rotation the old secret signs too, beside the new one, until this time, so
    # a receiver can switch without refusing deliveries in between.
    previous_secret = models.CharField(max_length=100, blank=True)
    previous_secret_until = models.DateTimeField(null=True, blank=True)
    # EventType values; empty means every event type.
    event_types = models.JSONField(default=list, blank=True)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]
        indexes = [
            # Serves webhook_emit, on every change that announces an event (services.py):
            #   SELECT … FROM webhooks_webhookendpoint WHERE active
            # Partial: inactive endpoints cost nothing, and with none active the query
            # reads an empty index.
            models.Index(
                fields=["client"], condition=Q(active=True), name="webhook_endpoint_live_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.client_id} → {self.url}"

    def wants(self, event: str) -> bool:
        return not self.event_types or event in self.event_types

    def signing_secrets(self, *, now: datetime) -> list[str]:
        """The secrets that sign a delivery now: the current one, then the old one in its grace."""
        live = [self.secret]
        if self.previous_secret and self.previous_secret_until and now < self.previous_secret_until:
            live.append(self.previous_secret)
        return live

    @property
    def masked_secret(self) -> str:
        return f"{self.secret[:10]}…" if self.secret else ""


class WebhookDelivery(models.Model):
    """One event sent to one endpoint: the exact signed body, its attempts and its outcome.

    A row is the timer as well as the log: while pending, next_attempt_at is when it is
    next due (or, while a worker is sending it, when that worker's lease runs out).
    """

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event_type = models.CharField(max_length=32, choices=EventType.choices)
    # The event's id: the same on every attempt and every redelivery (X-Hitl-Delivery),
    # so receivers can drop repeats.
    event_id = models.UUIDField(default=uuid.uuid4)
    queue_slug = models.CharField(max_length=64, blank=True)
    # The JSON text exactly as signed and sent; never re-serialized.
    body = models.TextField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # Set by the worker that claimed the current attempt; only it may record the result.
    lease = models.UUIDField(null=True, blank=True)
    last_status = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"
        constraints = [
            models.UniqueConstraint(fields=["endpoint", "event_id"], name="webhook_event_once"),
            models.CheckConstraint(
                condition=Q(state="pending", next_attempt_at__isnull=False)
                | (~Q(state="pending") & Q(next_attempt_at__isnull=True)),
                name="webhook_due_iff_pending",
            ),
        ]
        indexes = [
            # Serves the reconciler (services.py, webhook_deliveries_due):
            #   SELECT id FROM webhooks_webhookdelivery
            #   WHERE state = 'pending' AND next_attempt_at <= %s
            #   ORDER BY next_attempt_at LIMIT %s
            # Partial: only pending rows are in it, so it stays as small as the backlog
            # while delivered rows pile up in the table.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(state="pending"),
                name="webhook_delivery_due_idx",
            ),
            # The delivery log, newest first (admin).
            models.Index(fields=["created_at"], name="webhook_delivery_created_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.event_type} {self.event_id} → endpoint {self.endpoint_id} ({self.state})"
