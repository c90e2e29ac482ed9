"""A real Celery worker process delivers webhooks to a receiver in this test process.

The send is enqueued on commit exactly as services enqueue it; the worker
(tests/worker_process.py) claims, signs and POSTs; a failed attempt comes back through
the reconciler. Run with a broker server: CELERY_BROKER_URL=redis://…
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from reviews.queues.models import Queue
from tests.webhooks.conftest import Receiver
from tests.worker_process import (
    WorkerProcess,
    celery_worker,
    on_filesystem_broker,
    routed_to,
    shareable_database_url,
    wait_for,
)
from webhooks.models import EventType, WebhookDelivery, WebhookEndpoint
from webhooks.services import webhook_emit, webhook_redrive
from webhooks.tasks import deliver, deliver_many

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(on_filesystem_broker(), reason="needs CELERY_BROKER_URL=redis://…"),
]

TIMEOUT = 30.0


@pytest.fixture(scope="module")
def worker(django_db_setup: None, django_db_blocker: Any) -> Iterator[WorkerProcess]:
    with django_db_blocker.unblock():
        if shareable_database_url() is None:
            pytest.skip("the test database is in memory; a worker process cannot share it")
        with celery_worker() as started:
            yield started


@pytest.fixture
def enqueue(worker: WorkerProcess) -> Iterator[WorkerProcess]:
    with ExitStack() as stack:
        for task in (deliver, deliver_many):
            stack.enter_context(routed_to(task, worker.queue))
        yield worker


def settled(delivery: WebhookDelivery, state: str) -> bool:
    """The row is in `state` with an attempt made and no attempt in flight."""
    delivery.refresh_from_db()
    return delivery.state == state and delivery.attempts > 0 and delivery.lease is None


def test_worker_delivers_a_signed_event_after_commit_and_retries_through_the_reconciler(
    enqueue: WorkerProcess, queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    receiver.answer(500)
    with transaction.atomic():
        (delivery,) = webhook_emit(event=EventType.ITEM_DECIDED, queue=queue, data={"item": 1})

    assert wait_for(lambda: settled(delivery, "pending"), timeout=TIMEOUT), enqueue.log_tail()
    assert (delivery.attempts, delivery.last_status) == (1, 500)
    # Due now instead of in ~10 s; the reconciler (here, as beat would run it) re-drives it.
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    assert webhook_redrive() == 1

    assert wait_for(lambda: settled(delivery, "delivered"), timeout=TIMEOUT), enqueue.log_tail()
    assert delivery.attempts == 2
    assert [r.event_id for r in receiver.received] == [str(delivery.event_id)] * 2
    assert all(r.verified for r in receiver.received)
