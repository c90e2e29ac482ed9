"""Delivery to a real HTTP receiver in the test: signature, retries, backoff, failure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine

from reviews.queues.models import Queue
from tests.factories import SYSTEM
from tests.webhooks.conftest import Receiver, emit_one
from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.services import (
    backoff_s,
    webhook_deliver,
    webhook_endpoint_create,
    webhook_endpoint_update,
    webhook_secret_rotate,
)

pytestmark = pytest.mark.django_db

T0 = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)


def deliver(delivery: WebhookDelivery) -> str:
    outcome = webhook_deliver(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    return outcome


def test_receiver_gets_the_body_signed_with_its_secret(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    delivery = emit_one(queue, external_id="ext-1")

    assert deliver(delivery) == "delivered"

    (got,) = receiver.received
    assert got.verified, got.error
    assert got.body == delivery.body.encode()
    assert got.event == "item.decided"
    assert got.event_id == str(delivery.event_id)
    assert got.json["data"] == {"item": 1, "external_id": "ext-1"}
    assert got.headers["Content-Type"] == "application/json"
    assert delivery.state == WebhookDelivery.State.DELIVERED
    assert (delivery.attempts, delivery.last_status, delivery.last_error) == (1, 200, "")
    assert delivery.delivered_at is not None
    assert delivery.next_attempt_at is None and delivery.lease is None


def test_a_receiver_with_the_wrong_secret_refuses_and_the_delivery_is_retried(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    receiver.secret = "whsec_not-the-one"
    delivery = emit_one(queue)
    assert deliver(delivery) == "retrying"
    assert not receiver.received[0].verified
    assert delivery.last_status == 400


def test_a_delivered_event_is_not_sent_again(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    delivery = emit_one(queue)
    assert deliver(delivery) == "delivered"
    assert deliver(delivery) == "skipped"
    assert len(receiver.received) == 1


def test_server_error_retries_with_exponential_backoff_and_the_same_event_id(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    receiver.answer(500, 503)
    with time_machine.travel(T0, tick=False) as clock:
        delivery = emit_one(queue)
        assert deliver(delivery) == "retrying"
        assert (delivery.attempts, delivery.last_status, delivery.last_error) == (
            1,
            500,
            "HTTP 500",
        )
        first_wait = (delivery.next_attempt_at - T0).total_seconds()
        assert 10 <= first_wait <= 12.5
        # Not due yet: a duplicate message or an eager reconciler sends nothing.
        assert deliver(delivery) == "skipped"
        assert len(receiver.received) == 1

        clock.move_to(delivery.next_attempt_at)
        assert deliver(delivery) == "retrying"
        second_wait = (delivery.next_attempt_at - delivery.last_attempt_at).total_seconds()
        assert 20 <= second_wait <= 25
        assert delivery.last_status == 503

        clock.move_to(delivery.next_attempt_at)
        assert deliver(delivery) == "delivered"
    assert delivery.attempts == 3
    assert [r.event_id for r in receiver.received] == [str(delivery.event_id)] * 3
    assert {r.body for r in receiver.received} == {delivery.body.encode()}
    assert all(r.verified for r in receiver.received)


@pytest.mark.parametrize(
    ("attempt", "low", "high"),
    [(1, 10, 12.5), (2, 20, 25), (3, 40, 50), (6, 320, 400), (9, 2560, 3200), (12, 3600, 4500)],
)
def test_backoff_doubles_from_ten_seconds_with_up_to_a_quarter_of_jitter_and_a_cap(
    attempt: int, low: float, high: float
) -> None:
    assert backoff_s(attempt, rand=0.0) == low
    assert backoff_s(attempt, rand=1.0) == high
    assert low <= backoff_s(attempt) <= high


def test_connection_refused_is_retried(queue: Queue, scoring: Any, refused_url: str) -> None:
    webhook_endpoint_create(client=scoring, url=refused_url, actor=SYSTEM)
    delivery = emit_one(queue)
    assert deliver(delivery) == "retrying"
    assert delivery.last_status is None
    assert "ConnectionRefused" in delivery.last_error
    assert delivery.state == WebhookDelivery.State.PENDING


def test_failed_after_max_attempts(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver, settings: Any
) -> None:
    settings.HITL_WEBHOOK_MAX_ATTEMPTS = 3
    receiver.answer(500, 500, 500, 200)
    outcomes = []
    with time_machine.travel(T0, tick=False) as clock:
        delivery = emit_one(queue)
        for _ in range(4):
            outcomes.append(deliver(delivery))
            clock.shift(timedelta(hours=2))
    assert outcomes == ["retrying", "retrying", "failed", "skipped"]
    assert delivery.state == WebhookDelivery.State.FAILED
    assert delivery.next_attempt_at is None
    assert (delivery.attempts, delivery.last_status) == (3, 500)
    assert len(receiver.received) == 3


def test_redirects_are_not_followed(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    receiver.answer(302)
    delivery = emit_one(queue)
    assert deliver(delivery) == "retrying"
    assert delivery.last_status == 302
    assert len(receiver.received) == 1  # the Location was not fetched


def test_a_slow_receiver_times_out_and_is_retried(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver, settings: Any
) -> None:
    settings.HITL_WEBHOOK_TIMEOUT_S = 0.2
    receiver.delay = 1.0
    delivery = emit_one(queue)
    assert deliver(delivery) == "retrying"
    assert "timed out" in delivery.last_error
    assert delivery.last_status is None


def test_an_endpoint_switched_off_fails_its_pending_deliveries_without_sending(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    delivery = emit_one(queue)
    webhook_endpoint_update(endpoint=endpoint, active=False, actor=SYSTEM)
    assert deliver(delivery) == "failed"
    assert delivery.last_error == "endpoint is inactive"
    assert receiver.received == []


def test_after_rotation_old_and_new_secrets_sign_until_the_grace_ends(
    queue: Queue, endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    old = receiver.secret
    with time_machine.travel(T0, tick=False) as clock:
        new = webhook_secret_rotate(endpoint=endpoint, actor=SYSTEM, grace=timedelta(hours=24))
        assert new != old
        # The receiver has not switched yet: the old secret still verifies.
        assert deliver(emit_one(queue)) == "delivered"
        assert receiver.received[-1].headers["X-Hitl-Signature"].count("v1=") == 2

        clock.shift(timedelta(hours=25))
        late = emit_one(queue)
        assert deliver(late) == "retrying"  # old secret no longer signs: the receiver refuses
        assert receiver.received[-1].headers["X-Hitl-Signature"].count("v1=") == 1
        receiver.secret = new
        clock.move_to(late.next_attempt_at)
        assert deliver(late) == "delivered"
