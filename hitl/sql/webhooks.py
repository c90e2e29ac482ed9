"""Which webhook endpoints hear an event (webhooks.selectors). On the ingest path
(output.released): one query, served by webhook_endpoint_live_idx, when no endpoint is
active (the common case), and one more for the permissions of all the endpoints' clients
together. Composing the first through the ORM (a join, four columns) took 0.7-0.8 ms of
CPU on a 2-core VM, which ingest would pay on every released output.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from django.db import connection

from accounts.models import User
from hitl.sql.queues import permitted_queue_ids_sql
from webhooks.models import WebhookEndpoint


@cache
def _live_endpoints_sql() -> str:
    endpoint, user = WebhookEndpoint._meta.db_table, User._meta.db_table
    return (
        f"SELECT e.id, e.client_id, e.event_types, u.is_superuser FROM {endpoint} e "  # noqa: S608
        f"JOIN {user} u ON u.id = e.client_id "
        "WHERE e.active AND u.is_active AND u.kind = %s ORDER BY e.id"
    )


def live_endpoints() -> list[tuple[int, int, list[str], bool]]:
    """(endpoint id, client id, event types, client is superuser) of every active
    endpoint whose client is an active client system, by id."""
    with connection.cursor() as cursor:
        cursor.execute(_live_endpoints_sql(), [User.Kind.CLIENT.value])
        rows = cursor.fetchall()
    # SQLite hands JSON columns back as text.
    return [
        (pk, client_id, json.loads(types) if isinstance(types, str) else types, bool(superuser))
        for pk, client_id, types, superuser in rows
    ]


def clients_holding(*, client_ids: list[int], queue_id: int, codename: str) -> set[int]:
    """Which of these clients hold `codename` on the queue: one query for all of them,
    through the same permission SQL as ingest's (hitl/sql/queues.py)."""
    if not client_ids:
        return set()
    # Cast: with server-side binding an untyped parameter would come back as text.
    one = f"SELECT CAST(%s AS BIGINT) WHERE CAST(%s AS BIGINT) IN ({permitted_queue_ids_sql(1)})"
    sql = " UNION ALL ".join([one] * len(client_ids))
    params: list[Any] = []
    for client_id in client_ids:
        params += [client_id, queue_id, *[codename, client_id] * 4]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}
