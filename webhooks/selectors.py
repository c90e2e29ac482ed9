"""Reads: which endpoints receive an event, and which deliveries are due."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from django.db.models import Q, QuerySet

from hitl.sql.webhooks import clients_holding, live_endpoints
from reviews.queues.models import Queue
from reviews.queues.permissions import QueuePerm
from webhooks.models import WebhookDelivery


def endpoint_ids_for_event(*, event: str, queue: Queue) -> list[int]:
    """Ids of active endpoints that subscribe to `event` (an endpoint with no event types
    hears every event) and whose client may submit to `queue`, so a client hears about
    exactly the queues it could have sent to. Written out: hitl/sql/webhooks.py.
    """
    live = [
        (pk, client_id, superuser)
        for pk, client_id, events, superuser in live_endpoints()
        if not events or event in events
    ]
    clients = sorted({client_id for _, client_id, superuser in live if not superuser})
    allowed = clients_holding(
        client_ids=clients, queue_id=queue.pk, codename=QueuePerm.SUBMIT.value
    )
    return [pk for pk, client_id, superuser in live if superuser or client_id in allowed]


def deliveries_due_query(
    *, now: datetime, after: tuple[datetime, int] | None = None
) -> QuerySet[WebhookDelivery, tuple[int, datetime]]:
    """(id, next_attempt_at) of pending deliveries due by `now`, oldest first, after a key.

    Served by webhook_delivery_due_idx; keyset pages so the reconciler never re-reads
    a row within one run.
    """
    due = WebhookDelivery.objects.filter(
        state=WebhookDelivery.State.PENDING, next_attempt_at__lte=now
    )
    if after is not None:
        at, pk = after
        due = due.filter(Q(next_attempt_at__gt=at) | Q(next_attempt_at=at, pk__gt=pk))
    rows = due.order_by("next_attempt_at", "pk").values_list("pk", "next_attempt_at")
    # next_attempt_at__lte matches no NULL: every row's time is set.
    return cast("QuerySet[WebhookDelivery, tuple[int, datetime]]", rows)


def deliveries_due(
    *, now: datetime, limit: int, after: tuple[datetime, int] | None = None
) -> list[tuple[int, datetime]]:
    return list(deliveries_due_query(now=now, after=after)[:limit])
