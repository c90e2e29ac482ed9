"""Webhook delivery on Celery: thin tasks over services.py, safe to run twice."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from webhooks.services import webhook_deliver, webhook_redrive


@shared_task(
    acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, retry_jitter=True
)
def deliver(delivery_id: int) -> str:
    """Send one due attempt; a delivery that is gone, done or claimed is skipped."""
    return webhook_deliver(delivery_id=delivery_id)


@shared_task(
    acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, retry_jitter=True
)
def deliver_many(delivery_ids: list[int]) -> int:
    """Fan out one `deliver` per id, off the request that emitted them.

    Sent twice (a redelivered message), each delivery is enqueued twice; the second
    `deliver` finds its attempt claimed and skips.
    """
    for pk in delivery_ids:
        deliver.delay(pk)
    return len(delivery_ids)


@shared_task(
    acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, retry_jitter=True
)
def redrive_deliveries() -> int:
    """The reconciler (beat): enqueue every due pending delivery."""
    return webhook_redrive()
