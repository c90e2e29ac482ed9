"""Admin: endpoints with the secret shown once, the delivery log, and redelivery."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from reviews.queues.models import Queue
from tests.webhooks.conftest import Receiver, Sent, emit_one
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db

DELIVERIES = reverse("admin:webhooks_webhookdelivery_changelist")
ENDPOINTS = reverse("admin:webhooks_webhookendpoint_changelist")


@pytest.fixture
def superuser() -> User:
    return User.objects.create_superuser("root", "root@example.com", "pw-for-tests-only")


@pytest.fixture
def root(client: Client, superuser: User) -> Client:
    client.force_login(superuser)
    return client


def failed_delivery(queue: Queue) -> WebhookDelivery:
    delivery = emit_one(queue)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        state="failed", next_attempt_at=None, attempts=10, last_status=500, last_error="HTTP 500"
    )
    return delivery


def test_redeliver_action_resets_the_delivery_audits_it_and_sends_it_on_commit(
    root: Client,
    queue: Queue,
    endpoint: WebhookEndpoint,
    receiver: Receiver,
    sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    delivery = failed_delivery(queue)
    with django_capture_on_commit_callbacks(execute=True):
        response = root.post(
            DELIVERIES, {"action": "redeliver", "_selected_action": [delivery.pk]}, follow=True
        )
    assert response.status_code == 200
    assert b"1 deliveries queued" in response.content
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.last_error) == ("pending", 0, "")

    event = AuditEvent.objects.get(action=AuditAction.WEBHOOK_REDELIVERED)
    assert (event.actor_label, event.target_id) == ("root", str(delivery.pk))
    assert event.data["state_was"] == "failed"
    assert event.data["event_id"] == str(delivery.event_id)

    assert sent.run_deliveries() == ["delivered"]
    assert [r.event_id for r in receiver.received] == [str(delivery.event_id)]
    assert receiver.received[0].verified


def test_a_delivered_event_can_be_sent_again_with_the_same_id(
    root: Client,
    queue: Queue,
    endpoint: WebhookEndpoint,
    receiver: Receiver,
    sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    delivery = emit_one(queue)
    sent.calls.clear()
    from webhooks.services import webhook_deliver

    assert webhook_deliver(delivery_id=delivery.pk) == "delivered"
    with django_capture_on_commit_callbacks(execute=True):
        root.post(DELIVERIES, {"action": "redeliver", "_selected_action": [delivery.pk]})
    assert sent.run_deliveries() == ["delivered"]
    assert [r.event_id for r in receiver.received] == [str(delivery.event_id)] * 2


def test_delivery_log_filters_by_state_and_event(
    root: Client, queue: Queue, endpoint: WebhookEndpoint
) -> None:
    failed = failed_delivery(queue)
    pending = emit_one(queue, event="output.released")

    def listed(query: str) -> set[int]:
        response = root.get(DELIVERIES + query)
        assert response.status_code == 200
        return {
            int(pk)
            for pk in re.findall(rb'name="_selected_action" value="(\d+)"', response.content)
        }

    assert listed("") == {failed.pk, pending.pk}
    assert listed("?state__exact=failed") == {failed.pk}
    assert listed("?event_type__exact=output.released") == {pending.pk}
    assert listed(f"?endpoint__id__exact={endpoint.pk}") == {failed.pk, pending.pk}


def test_delivery_log_is_read_only(root: Client, queue: Queue, endpoint: WebhookEndpoint) -> None:
    delivery = emit_one(queue)
    page = root.get(reverse("admin:webhooks_webhookdelivery_change", args=[delivery.pk]))
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert root.get(reverse("admin:webhooks_webhookdelivery_add")).status_code == 403


def test_staff_without_the_webhook_permissions_see_no_log_and_cannot_redeliver(
    client: Client, admin_user: User, queue: Queue, endpoint: WebhookEndpoint
) -> None:
    delivery = failed_delivery(queue)
    client.force_login(admin_user)
    assert client.get(DELIVERIES).status_code == 403

    admin_user.user_permissions.add(Permission.objects.get(codename="view_webhookdelivery"))
    admin_user = User.objects.get(pk=admin_user.pk)  # drop the cached permissions
    client.force_login(admin_user)
    page = client.get(DELIVERIES)
    assert page.status_code == 200
    assert b'value="redeliver"' not in page.content
    client.post(DELIVERIES, {"action": "redeliver", "_selected_action": [delivery.pk]})
    delivery.refresh_from_db()
    assert delivery.state == "failed"
    assert not AuditEvent.objects.filter(action=AuditAction.WEBHOOK_REDELIVERED).exists()


def test_adding_an_endpoint_shows_its_secret_once_and_audits_it(
    root: Client, scoring: User
) -> None:
    response = root.post(
        reverse("admin:webhooks_webhookendpoint_add"),
        {
            "client": scoring.pk,
            "url": "https://hooks.example.com/in",
            "event_types": ["item.decided"],
        },
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.secret.encode() in response.content
    assert endpoint.event_types == ["item.decided"]
    event = AuditEvent.objects.get(action=AuditAction.WEBHOOK_ENDPOINT_CREATED)
    assert event.actor_label == "root"
    assert endpoint.secret not in event.data_json

    page = root.get(reverse("admin:webhooks_webhookendpoint_change", args=[endpoint.pk]))
    assert endpoint.secret.encode() not in page.content
    assert endpoint.masked_secret.encode() in page.content


def test_a_persons_account_is_not_offered_as_an_endpoints_client(
    root: Client, scoring: User, annotator: User
) -> None:
    response = root.post(
        reverse("admin:webhooks_webhookendpoint_add"),
        {"client": annotator.pk, "url": "https://hooks.example.com/in"},
    )
    assert response.status_code == 200
    assert b"Select a valid choice" in response.content
    assert not WebhookEndpoint.objects.exists()


def test_changing_an_endpoint_goes_through_the_audited_service(
    root: Client, endpoint: WebhookEndpoint
) -> None:
    response = root.post(
        reverse("admin:webhooks_webhookendpoint_change", args=[endpoint.pk]),
        {"url": "https://new.example.com/in?key=s3cret", "event_types": [], "active": ""},
    )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert (endpoint.url, endpoint.active) == ("https://new.example.com/in?key=s3cret", False)
    event = AuditEvent.objects.get(action=AuditAction.WEBHOOK_ENDPOINT_UPDATED)
    assert event.data == {"url": "https://new.example.com/in", "active": False}


def test_rotate_action_shows_the_new_secret_once_and_audits_without_it(
    root: Client, endpoint: WebhookEndpoint
) -> None:
    old = endpoint.secret
    response = root.post(ENDPOINTS, {"action": "rotate_secret", "_selected_action": [endpoint.pk]})
    assert response.status_code == 200
    endpoint.refresh_from_db()
    assert endpoint.secret != old and endpoint.previous_secret == old
    assert endpoint.secret.encode() in response.content
    assert old.encode() not in response.content
    event = AuditEvent.objects.get(action=AuditAction.WEBHOOK_SECRET_ROTATED)
    assert endpoint.secret not in event.data_json and old not in event.data_json
