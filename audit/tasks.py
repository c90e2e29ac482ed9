"""Periodic verification of the audit chain."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from audit.services import Actor, audit_checkpoint


@shared_task(
    acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, retry_jitter=True
)
def verify_recent_events() -> int:
    """Verify events since the last good checkpoint; idempotent (a re-run re-checks)."""
    checkpoint = audit_checkpoint(actor=Actor.system("audit-verifier"))
    return checkpoint.seq
