"""Reads: which endpoints receive an event, and which deliveries are due."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from typing import Any, cast

from django.db import connection
from django.db.models import Q, QuerySet

from accounts.models import User
from reviews.queues.models import Queue
from reviews.queues.permissions import QueuePerm
from reviews.queues.selectors import permitted_queue_ids_sql
from webhooks.models import WebhookDelivery, WebhookEndpoint


@cache
def _live_endpoints_sql() -> str:
    endpoint, user = WebhookEndpoint._meta.db_table, User._meta.db_table
    # Only our own table names are formatted in; the one value is a parameter.
    return (
        f"SELECT e.id, e.client_id, e.event_types, u.is_superuser FROM {endpoint} e "  # noqa: S608
        f"JOIN {user} u ON u.id = e.client_id "
        "WHERE e.active AND u.is_active AND u.kind = %s ORDER BY e.id"
    )


def _submitters(*, client_ids: list[int], queue: Queue) -> set[int]:
    """Which of these clients may submit to `queue`: one query for all of them, through
    the same permission SQL as ingest's (reviews.queues.selectors), so a client hears about
    exactly the queues it could have sent to."""
    # Cast: with server-side binding an untyped parameter would come back as text.
    one = f"SELECT CAST(%s AS BIGINT) WHERE CAST(%s AS BIGINT) IN ({permitted_queue_ids_sql(1)})"
    sql = " UNION ALL ".join([one] * len(client_ids))
    params: list[Any] = []
    for client_id in client_ids:
        params += [client_id, queue.pk, *[QueuePerm.SUBMIT.value, client_id] * 4]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


def endpoint_ids_for_event(*, event: str, queue: Queue) -> list[int]:
    """Ids of active endpoints that subscribe to `event` and whose client may submit to
    `queue`.

    It sits on the ingest path (output.released), so it is written out like ingest's own
    reads: one query (webhook_endpoint_live_idx) when no endpoint is active, the common
    case; one more for the permissions of all the endpoints' clients together.
    """
    with connection.cursor() as cursor:
        cursor.execute(_live_endpoints_sql(), [User.Kind.CLIENT.value])
        rows = cursor.fetchall()
    if not rows:
        return []
    live = []
    for endpoint_id, client_id, event_types, is_superuser in rows:
        events = json.loads(event_types) if isinstance(event_types, str) else event_types
        if not events or event in events:
            live.append((endpoint_id, client_id, is_superuser))
    clients = sorted({client_id for _, client_id, superuser in live if not superuser})
    allowed = _submitters(client_ids=clients, queue=queue) if clients else set()
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
