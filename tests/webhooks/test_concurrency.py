"""Two workers racing on the same delivery send it once, against PostgreSQL.

Real threads, each with its own database connection, released together on a barrier,
call the delivery service for the same row; the receiver is slow, so the loser's
attempt overlaps the winner's POST. Then: the receiver saw each event once.
"""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import transaction
from django.utils import timezone

from reviews.queues.models import Queue
from tests.concurrency import run_together
from tests.webhooks.conftest import Receiver
from webhooks.models import EventType, WebhookDelivery, WebhookEndpoint
from webhooks.selectors import deliveries_due
from webhooks.services import webhook_deliver, webhook_emit_many

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

EVENTS = 10
WORKERS = 4


def emit(queue: Queue, count: int) -> list[WebhookDelivery]:
    with transaction.atomic():
        return webhook_emit_many(
            event=EventType.ITEM_DECIDED,
            queue=queue,
            data=[{"item": n, "external_id": f"ext-{n}"} for n in range(count)],
        )


def test_workers_racing_on_one_delivery_send_it_once(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    receiver.delay = 0.05
    deliveries = emit(queue, EVENTS)
    for delivery in deliveries:
        outcomes = run_together(WORKERS, lambda _, pk=delivery.pk: webhook_deliver(delivery_id=pk))
        assert sorted(outcomes) == ["delivered"] + ["skipped"] * (WORKERS - 1)

    sent = Counter(r.event_id for r in receiver.received)
    assert sent == Counter({str(d.event_id): 1 for d in deliveries})
    assert all(r.verified for r in receiver.received)
    states = set(WebhookDelivery.objects.values_list("state", "attempts"))
    assert states == {("delivered", 1)}


def test_workers_racing_through_the_reconcilers_rows_send_each_event_once(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    """Every thread reads the due rows as the reconciler does and delivers each of them,
    as if every message had been enqueued once per thread."""
    deliveries = emit(queue, EVENTS)

    def reconcile_and_deliver(_: int) -> list[str]:
        due = deliveries_due(now=timezone.now(), limit=500)
        return [webhook_deliver(delivery_id=pk) for pk, _ in due]

    per_thread = run_together(WORKERS, reconcile_and_deliver)

    outcomes = Counter(outcome for outcomes in per_thread for outcome in outcomes)
    assert outcomes["delivered"] == EVENTS
    assert Counter(r.event_id for r in receiver.received) == Counter(
        {str(d.event_id): 1 for d in deliveries}
    )
