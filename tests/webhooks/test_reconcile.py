"""The reconciler: retries, lost messages and workers that died mid-send are re-driven."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine

from reviews.queues.models import Queue
from tests.webhooks.conftest import Receiver, Sent, emit_one
from webhooks import services
from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.services import webhook_deliver, webhook_redeliver, webhook_redrive
from webhooks.tasks import deliver, redrive_deliveries

pytestmark = pytest.mark.django_db

T0 = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)


def test_a_delivery_whose_message_was_lost_is_sent_by_the_reconciler(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver, sent: Sent
) -> None:
    # The test's transaction never commits, so the on-commit send never happens: as if
    # the broker lost the message.
    delivery = emit_one(queue)
    assert sent.calls == []

    assert redrive_deliveries.run() == 1
    assert sent.of(deliver.name) == [(delivery.pk,)]
    assert sent.run_deliveries() == ["delivered"]
    assert [r.event_id for r in receiver.received] == [str(delivery.event_id)]


def test_retries_are_re_driven_only_once_due(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver, sent: Sent
) -> None:
    receiver.answer(500)
    with time_machine.travel(T0, tick=False) as clock:
        delivery = emit_one(queue)
        assert webhook_deliver(delivery_id=delivery.pk) == "retrying"
        delivery.refresh_from_db()

        assert webhook_redrive() == 0
        clock.move_to(delivery.next_attempt_at - timedelta(milliseconds=1))
        assert webhook_redrive() == 0
        clock.move_to(delivery.next_attempt_at)
        assert webhook_redrive() == 1
        assert sent.run_deliveries() == ["delivered"]
    assert len(receiver.received) == 2


def test_a_worker_killed_mid_send_only_delays_the_delivery(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver, sent: Sent, settings: Any
) -> None:
    settings.HITL_WEBHOOK_LEASE_S = 60
    with time_machine.travel(T0, tick=False) as clock:
        delivery = emit_one(queue)
        # A worker claims the attempt, then dies before it sends or records anything.
        assert services._claim(delivery_id=delivery.pk, now=T0) is not None
        # Its message comes back (acks_late) at once: the attempt is still leased.
        assert webhook_deliver(delivery_id=delivery.pk) == "skipped"
        clock.shift(timedelta(seconds=59))
        assert webhook_redrive() == 0
        clock.shift(timedelta(seconds=1))
        assert webhook_redrive() == 1
        assert sent.run_deliveries() == ["delivered"]
    delivery.refresh_from_db()
    assert delivery.state == WebhookDelivery.State.DELIVERED
    assert delivery.attempts == 2  # the lost attempt counts
    assert len(receiver.received) == 1


def test_a_result_recorded_after_a_redelivery_is_dropped(
    queue: Queue, endpoint: WebhookEndpoint
) -> None:
    from audit.services import Actor
    from webhooks.transport import SendResult

    delivery = emit_one(queue)
    lease = services._claim(delivery_id=delivery.pk, now=delivery.next_attempt_at)
    assert lease is not None
    claimed = WebhookDelivery.objects.get(pk=delivery.pk)
    webhook_redeliver(deliveries=[claimed], actor=Actor.system("tests"))

    outcome = services._record(delivery=claimed, lease=lease, result=SendResult(200))

    assert outcome == "superseded"
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.delivered_at) == ("pending", 0, None)


def test_the_reconciler_pages_through_due_rows_once_each_up_to_its_limit(
    queue: Queue, endpoint: WebhookEndpoint, sent: Sent
) -> None:
    with time_machine.travel(T0, tick=False):
        ids = [emit_one(queue).pk for _ in range(4)]
    with time_machine.travel(T0 + timedelta(seconds=1), tick=False):
        ids += [emit_one(queue).pk for _ in range(3)]  # same due time: the id breaks the tie
        not_due = emit_one(queue)
        WebhookDelivery.objects.filter(pk=not_due.pk).update(
            next_attempt_at=T0 + timedelta(hours=1)
        )
        delivered = emit_one(queue)
        WebhookDelivery.objects.filter(pk=delivered.pk).update(
            state="delivered", next_attempt_at=None
        )

        assert webhook_redrive(batch=3) == 7
        assert sorted(args[0] for args in sent.of(deliver.name)) == sorted(ids)
        sent.calls.clear()
        assert webhook_redrive(batch=3, limit=5) == 5
        assert [args[0] for args in sent.of(deliver.name)] == ids[:5]


@pytest.mark.postgres
@pytest.mark.parametrize("after", [None, (T0, 10)])
def test_reconciler_reads_due_rows_through_the_partial_index(
    after: tuple[datetime, int] | None,
) -> None:
    from django.db import connection

    from webhooks.selectors import deliveries_due_query

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # an empty table would be scanned
    plan = deliveries_due_query(now=T0, after=after)[:500].explain()
    assert "webhook_delivery_due_idx" in plan, plan
