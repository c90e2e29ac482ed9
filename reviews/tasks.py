"""Periodic review chores, run by beat."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from reviews.services.claims import assignments_expire


@shared_task(
    acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, retry_jitter=True
)
def expire_leases() -> int:
    """Return expired leases' items to their queues; idempotent (a re-run finds none)."""
    return assignments_expire()
