"""The append-only, hash-chained audit trail."""

from __future__ import annotations

import json
from typing import Any

from django.db import models

from audit.actions import AuditAction

GENESIS_HASH = "0" * 64


class AuditEvent(models.Model):
    """One recorded step; hash = SHA-256(prev_hash ‖ canonical JSON of the event).

    UPDATE and DELETE are refused by database triggers (see migration 0002).
    """

    class ActorKind(models.TextChoices):
        USER = "user", "User"
        CLIENT = "client", "Client system"
        SYSTEM = "system", "System"

    seq = models.BigIntegerField(primary_key=True)
    at = models.DateTimeField()
    actor_kind = models.CharField(max_length=8, choices=ActorKind.choices)
    actor_id = models.CharField(max_length=64, blank=True)
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.PositiveSmallIntegerField(choices=AuditAction.choices)
    target_type = models.CharField(max_length=64)
    target_id = models.CharField(max_length=64)
    # The exact canonical JSON that was hashed: a JSON column would re-encode numbers
    # (PostgreSQL's jsonb turns 1e20 into 100000000000000000000) and break the chain.
    data_json = models.TextField(default="{}")
    request_id = models.CharField(max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        indexes = [
            # The audit browser's "history of this object".
            models.Index(fields=["target_type", "target_id", "seq"], name="audit_target_idx"),
            # Filters by action over time.
            models.Index(fields=["action", "seq"], name="audit_action_idx"),
            models.Index(fields=["at"], name="audit_at_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.get_action_display()} {self.target_type}:{self.target_id}"

    @property
    def data(self) -> dict[str, Any]:
        return json.loads(self.data_json)


class AuditChainHead(models.Model):
    """The single row that serializes appends: its lock orders writers, it holds the tip."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS_HASH)

    def __str__(self) -> str:
        return f"audit head #{self.seq}"


class AuditCheckpoint(models.Model):
    """How far the chain was last verified, so the periodic check reads only new events."""

    verified_at = models.DateTimeField()
    seq = models.BigIntegerField()
    hash = models.CharField(max_length=64)
    ok = models.BooleanField()
    broken_seq = models.BigIntegerField(null=True, blank=True)
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        get_latest_by = "verified_at"

    def __str__(self) -> str:
        return f"checkpoint #{self.seq} ok={self.ok}"


class EvidenceBundle(models.Model):
    """An immutable JSON snapshot of what a person needs to judge an escalation or an
    incident (SPEC §2): the redacted input, the model output and versions, the routing
    trace, every verdict, recent KPIs and similar items. Built by audit/evidence.py.

    `content` is the canonical JSON that `sha256` is taken over; UPDATE and DELETE are
    refused by a trigger on PostgreSQL, as for audit events.
    """

    target_type = models.CharField(max_length=64)
    target_id = models.CharField(max_length=64)
    content = models.TextField()
    sha256 = models.CharField(max_length=64)
    built_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["target_type", "target_id"], name="evidence_bundle_once_per_target"
            )
        ]

    def __str__(self) -> str:
        return f"bundle for {self.target_type} {self.target_id}"
