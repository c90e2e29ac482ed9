"""webhook_emit: who receives an event, what it carries, and that it waits for commit."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import transaction

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from reviews.queues.models import Queue
from reviews.queues.permissions import QueuePerm
from reviews.queues.services.access import client_create, queue_grant, reviewer_create
from tests.factories import SYSTEM, ingest
from tests.webhooks.conftest import Sent
from webhooks.models import EventType, WebhookDelivery, WebhookEndpoint
from webhooks.services import (
    FANOUT_OVER,
    WebhookError,
    webhook_emit,
    webhook_emit_many,
    webhook_endpoint_create,
    webhook_endpoint_update,
)
from webhooks.tasks import deliver, deliver_many

pytestmark = pytest.mark.django_db

DATA: dict[str, Any] = {"item": 7, "external_id": "ext-7", "label": "approve"}


def endpoint_for(
    client: User, *events: str, url: str = "https://hooks.example.com/in"
) -> WebhookEndpoint:
    return webhook_endpoint_create(client=client, url=url, event_types=events, actor=SYSTEM)[0]


def emit(queue: Queue, event: str = EventType.ITEM_DECIDED, **data: Any) -> list[WebhookDelivery]:
    with transaction.atomic():
        return webhook_emit(event=event, queue=queue, data={**DATA, **data})


def test_only_endpoints_of_clients_that_may_submit_to_the_queue_get_a_delivery(
    queue: Queue, scoring: User, stranger: User, sent: Sent, django_capture_on_commit_callbacks: Any
) -> None:
    mine = endpoint_for(scoring)
    endpoint_for(stranger)
    with django_capture_on_commit_callbacks(execute=True):
        (delivery,) = emit(queue)
    assert delivery.endpoint_id == mine.pk
    assert WebhookDelivery.objects.get().endpoint_id == mine.pk
    assert sent.of(deliver.name) == [(delivery.pk,)]


def test_a_client_granted_through_a_group_or_globally_receives_too(
    queue: Queue, other_queue: Queue
) -> None:
    from django.contrib.auth.models import Group
    from guardian.shortcuts import assign_perm

    grouped = client_create(name="grouped", queues=[], actor=SYSTEM)[0]
    group = Group.objects.create(name="submitters")
    assign_perm(QueuePerm.SUBMIT.full, group, queue)
    grouped.groups.add(group)
    everywhere = client_create(name="everywhere", queues=[], actor=SYSTEM)[0]
    assign_perm(QueuePerm.SUBMIT.full, everywhere)  # global: every queue
    by_group, by_global = endpoint_for(grouped), endpoint_for(everywhere)

    assert {d.endpoint_id for d in emit(queue)} == {by_group.pk, by_global.pk}
    assert {d.endpoint_id for d in emit(other_queue)} == {by_global.pk}


def test_review_permissions_are_not_submit_permissions(queue: Queue, scoring: User) -> None:
    """A client that may only view or review the queue did not send to it: no events."""
    watcher = client_create(name="watcher", queues=[], actor=SYSTEM)[0]
    queue_grant(user=watcher, queue=queue, perms=[QueuePerm.REVIEW], actor=SYSTEM)
    endpoint_for(watcher)
    assert emit(queue) == []


def test_inactive_endpoints_inactive_clients_and_unsubscribed_events_get_nothing(
    queue: Queue, scoring: User
) -> None:
    decided_only = endpoint_for(scoring, EventType.ITEM_DECIDED)
    switched_off = endpoint_for(scoring)
    webhook_endpoint_update(endpoint=switched_off, active=False, actor=SYSTEM)

    assert [d.endpoint_id for d in emit(queue, EventType.ITEM_DECIDED)] == [decided_only.pk]
    assert emit(queue, EventType.OUTPUT_RELEASED) == []

    scoring.is_active = False
    scoring.save(update_fields=["is_active"])
    assert emit(queue, EventType.ITEM_DECIDED) == []


def test_a_persons_account_cannot_have_an_endpoint(queue: Queue) -> None:
    person = reviewer_create(
        username="ann", role="annotator", queues=[queue], password="x-pw-1234", actor=SYSTEM
    )[0]
    with pytest.raises(WebhookError, match="person"):
        endpoint_for(person)


def test_rolled_back_change_leaves_no_row_and_nothing_enqueued(
    queue: Queue, scoring: User, sent: Sent, django_capture_on_commit_callbacks: Any
) -> None:
    endpoint_for(scoring)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError, match="rolled back"),
        transaction.atomic(),
    ):
        assert len(webhook_emit(event=EventType.ITEM_DECIDED, queue=queue, data=DATA)) == 1
        raise RuntimeError("rolled back")
    assert callbacks == []
    assert sent.calls == []
    assert not WebhookDelivery.objects.exists()


def test_send_is_enqueued_only_when_the_transaction_commits(
    queue: Queue, scoring: User, sent: Sent, django_capture_on_commit_callbacks: Any
) -> None:
    endpoint_for(scoring)
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            (delivery,) = webhook_emit(event=EventType.ITEM_DECIDED, queue=queue, data=DATA)
            assert sent.calls == []
        # Still inside the test's own transaction: django_capture runs them at its exit.
        assert sent.calls == []
    assert sent.of(deliver.name) == [(delivery.pk,)]


@pytest.mark.django_db(transaction=True)
def test_emit_outside_a_transaction_is_a_programming_error(queue: Queue) -> None:
    with pytest.raises(RuntimeError, match="inside the transaction"):
        webhook_emit(event=EventType.ITEM_DECIDED, queue=queue, data=DATA)


def test_unknown_event_and_raw_input_in_data_are_refused(queue: Queue, scoring: User) -> None:
    endpoint_for(scoring)
    with pytest.raises(WebhookError, match="unknown event"), transaction.atomic():
        webhook_emit(event="item.eaten", queue=queue, data=DATA)
    with pytest.raises(WebhookError, match="input"), transaction.atomic():
        webhook_emit(event=EventType.ITEM_DECIDED, queue=queue, data={**DATA, "input": {"x": 1}})


def test_body_is_the_signed_envelope_with_ids_and_no_input(queue: Queue, scoring: User) -> None:
    endpoint_for(scoring)
    item = ingest(queue, input={"text": "Call me on +44 20 7946 0958, jane@example.com"})
    data = {"item": item.pk, "external_id": item.external_id, "label": item.output_label}
    (delivery,) = emit(queue, EventType.OUTPUT_RELEASED, **data)
    body = json.loads(delivery.body)
    assert body == {
        "id": str(delivery.event_id),
        "type": "output.released",
        "created_at": body["created_at"],
        "queue": "loans",
        "data": {**DATA, **data},
    }
    assert body["created_at"].endswith("Z")
    assert "jane@example.com" not in delivery.body
    assert "7946" not in delivery.body
    assert delivery.state == WebhookDelivery.State.PENDING
    assert delivery.next_attempt_at == delivery.created_at


def test_one_event_to_two_endpoints_shares_its_id_and_body(queue: Queue, scoring: User) -> None:
    endpoint_for(scoring, url="https://a.example.com/")
    endpoint_for(scoring, url="https://b.example.com/")
    first, second = emit(queue)
    assert first.event_id == second.event_id
    assert first.body == second.body
    assert first.endpoint_id != second.endpoint_id


def test_many_events_fan_out_through_one_task(
    queue: Queue, scoring: User, sent: Sent, django_capture_on_commit_callbacks: Any
) -> None:
    endpoint_for(scoring)
    batch = [{"item": n, "external_id": f"ext-{n}"} for n in range(FANOUT_OVER + 1)]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        deliveries = webhook_emit_many(event=EventType.OUTPUT_RELEASED, queue=queue, data=batch)
    assert len({d.event_id for d in deliveries}) == len(batch)
    assert sent.of(deliver_many.name) == [([d.pk for d in deliveries],)]
    assert sent.of(deliver.name) == []


def test_emit_with_no_endpoint_is_one_query(queue: Queue, django_assert_num_queries: Any) -> None:
    with transaction.atomic(), django_assert_num_queries(1):
        assert webhook_emit(event=EventType.OUTPUT_RELEASED, queue=queue, data=DATA) == []


def test_emit_with_one_endpoint_is_three_queries(
    queue: Queue, scoring: User, django_assert_num_queries: Any
) -> None:
    """Endpoints, the client's submit permission, the insert."""
    endpoint_for(scoring)
    with transaction.atomic(), django_assert_num_queries(3):
        assert len(webhook_emit(event=EventType.OUTPUT_RELEASED, queue=queue, data=DATA)) == 1


def test_endpoint_creation_is_audited_without_secret_or_url_credentials(scoring: User) -> None:
    endpoint, secret = webhook_endpoint_create(
        client=scoring,
        url="https://user:pw@hooks.example.com:8443/in?token=abc",
        event_types=[EventType.ITEM_DECIDED],
        actor=SYSTEM,
    )
    event = AuditEvent.objects.get(action=AuditAction.WEBHOOK_ENDPOINT_CREATED)
    assert event.target_id == str(endpoint.pk)
    assert event.data == {
        "client": "scoring-service",
        "url": "https://hooks.example.com:8443/in",
        "events": ["item.decided"],
    }
    assert secret not in event.data_json
    assert "abc" not in event.data_json and "pw" not in event.data_json


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "not a url"])
def test_only_http_urls_are_accepted(scoring: User, url: str) -> None:
    with pytest.raises(WebhookError, match="URL"):
        endpoint_for(scoring, url=url)
