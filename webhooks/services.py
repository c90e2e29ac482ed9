"""Writes: endpoints and their secrets, emitting events, delivering them, redelivery.

Delivery, and why it is safe with many workers (SPEC §10):
  1. `webhook_emit` writes one pending row per receiving endpoint inside the caller's
     transaction and enqueues `deliver` only on commit: a rolled-back change sends nothing.
  2. `webhook_deliver` claims the attempt with one compare-and-swap UPDATE: the row must
     be pending and due; the winner counts the attempt, stamps its own lease id and moves
     next_attempt_at to the end of its lease. A second worker (a duplicate message, the
     reconciler) matches no row and steps aside, so one attempt is sent once.
  3. The POST runs outside any transaction; its result is written only if the row still
     carries the winner's lease (an admin's redelivery meanwhile takes it away).
  4. A failure sets next_attempt_at to the backoff; nothing is enqueued for it. The
     reconciler (beat, every ~15 s) enqueues every due pending row, so retries, lost
     broker messages and workers killed mid-POST (their lease runs out) are re-driven.
Delivery is therefore at least once: a worker killed after the receiver answered but
before the result was written sends again. Receivers drop repeats by X-Hitl-Delivery.
"""

from __future__ import annotations

import json
import random
import secrets
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import URLValidator
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from audit.actions import AuditAction
from audit.services import Actor, Entry, audit_record, audit_record_many
from hitl.celery import task_named
from hitl.sql.bulk import bulk_insert, new_instance
from reviews.queues.models import Queue
from webhooks import signing, transport
from webhooks.models import EventType, WebhookDelivery, WebhookEndpoint
from webhooks.selectors import deliveries_due, endpoint_ids_for_event

# Attempts before a delivery is marked failed, and the backoff between them:
# BACKOFF_BASE_S * 2**(attempt-1), capped, stretched by up to JITTER so a receiver
# that comes back is not hit by every retry in the same second.
MAX_ATTEMPTS = 10
BACKOFF_BASE_S = 10.0
BACKOFF_CAP_S = 3600.0
JITTER = 0.25
TIMEOUT_S = 10.0
# How long a claimed attempt belongs to its worker: longer than any POST can take
# (TIMEOUT_S applies per socket operation). After it, the reconciler sends again.
LEASE_S = 120.0
ROTATION_GRACE = timedelta(hours=24)
# Above this many deliveries in one transaction, one fan-out task is enqueued instead of
# one task each, so a bulk ingest does not wait on a thousand broker round trips.
FANOUT_OVER = 10
# Keys that would carry the raw input into a webhook body; refused (docs/webhooks.md).
FORBIDDEN_DATA_KEYS = frozenset({"input", "raw_input", "redacted_input", "rationale"})


class WebhookError(ValueError):
    """A webhook request that cannot be made: a bad URL, event type or client."""


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, f"HITL_WEBHOOK_{name}", default)


def max_attempts() -> int:
    return int(_setting("MAX_ATTEMPTS", MAX_ATTEMPTS))


def backoff_s(attempt: int, *, rand: float | None = None) -> float:
    """Seconds to wait after failed attempt number `attempt` (1-based)."""
    base = float(_setting("BACKOFF_BASE_S", BACKOFF_BASE_S))
    delay: float = min(base * 2 ** (attempt - 1), float(_setting("BACKOFF_CAP_S", BACKOFF_CAP_S)))
    r = random.random() if rand is None else rand  # noqa: S311 - jitter, not cryptography
    return delay * (1 + JITTER * r)


# --- Endpoints ------------------------------------------------------------------------


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


_url_validator = URLValidator(schemes=["http", "https"])


def _clean_url(url: str) -> str:
    try:
        _url_validator(url)
    except ValidationError:
        raise WebhookError(f"not an http(s) URL: {url!r}") from None
    return url


def _clean_events(event_types: Iterable[str]) -> list[str]:
    events = sorted(set(event_types))
    unknown = [e for e in events if e not in EventType.values]
    if unknown:
        raise WebhookError(f"unknown event type: {', '.join(unknown)}")
    return events


def url_for_audit(url: str) -> str:
    """The URL without credentials, query or fragment: those may hold tokens, and the
    audit trail is kept for ever."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


@transaction.atomic
def webhook_endpoint_create(
    *, client: User, url: str, event_types: Iterable[str] = (), actor: Actor
) -> tuple[WebhookEndpoint, str]:
    """A new endpoint for a client system; returns it and its secret (shown once)."""
    if not client.is_client:
        raise WebhookError(f"{client.username!r} is a person's account, not a client system")
    now = timezone.now()
    endpoint = WebhookEndpoint.objects.create(
        client=client,
        url=_clean_url(url),
        secret=new_secret(),
        event_types=_clean_events(event_types),
        created_at=now,
        updated_at=now,
    )
    audit_record(
        action=AuditAction.WEBHOOK_ENDPOINT_CREATED,
        actor=actor,
        target=endpoint,
        data={
            "client": client.username,
            "url": url_for_audit(endpoint.url),
            "events": endpoint.event_types,
        },
    )
    return endpoint, endpoint.secret


@transaction.atomic
def webhook_endpoint_update(
    *,
    endpoint: WebhookEndpoint,
    actor: Actor,
    url: str | None = None,
    event_types: Iterable[str] | None = None,
    active: bool | None = None,
) -> WebhookEndpoint:
    """Change an endpoint's URL, subscriptions or on/off switch; None leaves a field."""
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
    changes: dict[str, Any] = {}
    if url is not None and url != endpoint.url:
        endpoint.url = _clean_url(url)
        changes["url"] = url_for_audit(endpoint.url)
    if event_types is not None:
        events = _clean_events(event_types)
        if events != endpoint.event_types:
            endpoint.event_types = changes["events"] = events
    if active is not None and active != endpoint.active:
        endpoint.active = changes["active"] = active
    if not changes:
        return endpoint
    endpoint.updated_at = timezone.now()
    endpoint.save()
    audit_record(
        action=AuditAction.WEBHOOK_ENDPOINT_UPDATED, actor=actor, target=endpoint, data=changes
    )
    return endpoint


@transaction.atomic
def webhook_secret_rotate(
    *, endpoint: WebhookEndpoint, actor: Actor, grace: timedelta = ROTATION_GRACE
) -> str:
    """Give the endpoint a new secret and return it (shown once).

    For `grace` the old secret keeps signing beside the new one (two v1= values), so
    the receiver can switch in its own time; a grace of zero drops it at once (a leak).
    """
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
    now = timezone.now()
    keep_old = grace > timedelta(0)
    endpoint.previous_secret = endpoint.secret if keep_old else ""
    until = now + grace if keep_old else None
    endpoint.previous_secret_until = until
    endpoint.secret = new_secret()
    endpoint.updated_at = now
    endpoint.save()
    audit_record(
        action=AuditAction.WEBHOOK_SECRET_ROTATED,
        actor=actor,
        target=endpoint,
        data={"old_secret_valid_until": _format_time(until) if until is not None else None},
    )
    return endpoint.secret


# --- Emitting -------------------------------------------------------------------------


def _format_time(at: datetime) -> str:
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def event_body(
    *, event_id: uuid.UUID, event: str, queue: Queue, data: Mapping[str, Any], at: datetime
) -> str:
    """The JSON text a receiver gets, exactly as it is signed."""
    envelope = {
        "id": str(event_id),
        "type": event,
        "created_at": _format_time(at),
        "queue": queue.slug,
        "data": data,
    }
    return json.dumps(envelope, cls=DjangoJSONEncoder, separators=(",", ":"), ensure_ascii=False)


def _check_data(data: Mapping[str, Any]) -> None:
    leaked = FORBIDDEN_DATA_KEYS.intersection(data)
    if leaked:
        raise WebhookError(f"webhook data must not carry {', '.join(sorted(leaked))}")


def webhook_emit(*, event: str, queue: Queue, data: dict[str, Any]) -> list[WebhookDelivery]:
    """Announce `event` on `queue` to every endpoint that should hear it.

    Call inside the transaction of the change it announces: rows are written in it and
    the sends are enqueued on commit. `data` carries ids, external_id, labels,
    outcomes and times, never the input (docs/webhooks.md lists each event's data).
    """
    return webhook_emit_many(event=event, queue=queue, data=[data])


def webhook_emit_many(
    *, event: str, queue: Queue, data: Sequence[dict[str, Any]]
) -> list[WebhookDelivery]:
    """`webhook_emit` for many events of one type and queue (a bulk ingest): one endpoint
    query for all of them, one insert, and at most one fan-out task."""
    if event not in EventType.values:
        raise WebhookError(f"unknown event type: {event!r}")
    if not connection.in_atomic_block:
        raise RuntimeError("webhook_emit must run inside the transaction of the change")
    if not data:
        return []
    endpoint_ids = endpoint_ids_for_event(event=event, queue=queue)
    if not endpoint_ids:
        return []
    now = timezone.now()
    deliveries = []
    for payload in data:
        _check_data(payload)
        event_id = uuid.uuid4()
        body = event_body(event_id=event_id, event=event, queue=queue, data=payload, at=now)
        deliveries += [
            _new_delivery(endpoint_id=endpoint_id, event=event, event_id=event_id,
                          queue=queue, body=body, now=now)
            for endpoint_id in endpoint_ids
        ]  # fmt: skip
    bulk_insert(deliveries)
    _enqueue_on_commit([d.pk for d in deliveries])
    return deliveries


def _new_delivery(
    *,
    endpoint_id: int,
    event: str,
    event_id: uuid.UUID,
    queue: Queue,
    body: str,
    now: datetime,
) -> WebhookDelivery:
    return new_instance(
        WebhookDelivery,
        {
            "id": None,
            "endpoint_id": endpoint_id,
            "event_type": event,
            "event_id": event_id,
            "queue_slug": queue.slug,
            "body": body,
            "state": WebhookDelivery.State.PENDING,
            "attempts": 0,
            "next_attempt_at": now,
            "lease": None,
            "last_status": None,
            "last_error": "",
            "last_attempt_at": None,
            "created_at": now,
            "delivered_at": None,
        },
    )


def _enqueue_on_commit(ids: list[int]) -> None:

    if len(ids) > FANOUT_OVER:
        task_named("webhooks.tasks.deliver_many").delay_on_commit(ids)
        return
    for pk in ids:
        task_named("webhooks.tasks.deliver").delay_on_commit(pk)


# --- Delivering -----------------------------------------------------------------------


def _claim(*, delivery_id: int, now: datetime) -> uuid.UUID | None:
    """Take the due attempt of a pending delivery, or None if another worker has it,
    it is not due, or it is no longer pending. One UPDATE, committed at once."""
    lease = uuid.uuid4()
    claimed = WebhookDelivery.objects.filter(
        pk=delivery_id, state=WebhookDelivery.State.PENDING, next_attempt_at__lte=now
    ).update(
        lease=lease,
        attempts=F("attempts") + 1,
        next_attempt_at=now + timedelta(seconds=float(_setting("LEASE_S", LEASE_S))),
        last_attempt_at=now,
    )
    return lease if claimed == 1 else None


def delivery_headers(
    *, delivery: WebhookDelivery, endpoint: WebhookEndpoint, now: datetime
) -> dict[str, str]:
    signature = signing.signature_header(
        secrets=endpoint.signing_secrets(now=now), body=delivery.body, timestamp=int(time.time())
    )
    return {
        signing.SIGNATURE_HEADER: signature,
        signing.EVENT_HEADER: delivery.event_type,
        signing.DELIVERY_HEADER: str(delivery.event_id),
    }


def webhook_deliver(*, delivery_id: int, now: datetime | None = None) -> str:
    """Send one due attempt of a delivery and record its result; what happened, in a word.

    Idempotent: a delivered, failed, not-yet-due or already-claimed delivery is left
    alone ("skipped"), so a duplicate message or a racing worker sends nothing.
    """
    now = now or timezone.now()
    lease = _claim(delivery_id=delivery_id, now=now)
    if lease is None:
        return "skipped"
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    if not endpoint.active:
        result = transport.SendResult(None, "endpoint is inactive")
        return _record(delivery=delivery, lease=lease, result=result, final=True)
    result = transport.post(
        url=endpoint.url,
        body=delivery.body.encode(),
        headers=delivery_headers(delivery=delivery, endpoint=endpoint, now=now),
        timeout=float(_setting("TIMEOUT_S", TIMEOUT_S)),
    )
    return _record(delivery=delivery, lease=lease, result=result)


def _record(
    *,
    delivery: WebhookDelivery,
    lease: uuid.UUID,
    result: transport.SendResult,
    final: bool = False,
) -> str:
    """Write an attempt's result, if the attempt is still this worker's."""
    done = timezone.now()
    fields: dict[str, Any] = {
        "lease": None,
        "last_status": result.status,
        "last_error": result.error,
    }
    if result.ok:
        outcome = WebhookDelivery.State.DELIVERED
        fields.update(next_attempt_at=None, delivered_at=done)
    elif final or delivery.attempts >= max_attempts():
        outcome = WebhookDelivery.State.FAILED
        fields.update(next_attempt_at=None)
    else:
        outcome = WebhookDelivery.State.PENDING
        fields.update(next_attempt_at=done + timedelta(seconds=backoff_s(delivery.attempts)))
    written = WebhookDelivery.objects.filter(
        pk=delivery.pk, lease=lease, state=WebhookDelivery.State.PENDING
    ).update(state=outcome, **fields)
    if written != 1:
        return "superseded"  # redelivered meanwhile: the new attempt's result counts
    return "retrying" if outcome == WebhookDelivery.State.PENDING else str(outcome)


def webhook_redrive(*, now: datetime | None = None, batch: int = 500, limit: int = 5000) -> int:
    """Enqueue a send for every due pending delivery (up to `limit`); how many.

    The reconciler: retries are due rows, and so are rows whose message was lost or
    whose worker died mid-send (its lease ran out). Enqueuing a row twice is harmless:
    the second `deliver` finds it claimed and skips.
    """

    now = now or timezone.now()
    sent = 0
    after: tuple[datetime, int] | None = None
    while sent < limit:
        rows = deliveries_due(now=now, limit=min(batch, limit - sent), after=after)
        for pk, _ in rows:
            task_named("webhooks.tasks.deliver").delay(pk)
        sent += len(rows)
        if len(rows) < batch:
            return sent
        pk, at = rows[-1]
        after = (at, pk)
    return sent


@transaction.atomic
def webhook_redeliver(
    *, deliveries: Iterable[WebhookDelivery], actor: Actor, now: datetime | None = None
) -> int:
    """Send deliveries again, now, with a fresh set of attempts; how many (audited).

    Any delivery may be sent again: a failed one after its receiver is fixed, a
    delivered one the receiver lost, a pending one now rather than at its backoff.
    The event id stays, so a receiver that already has it can drop it.
    """
    now = now or timezone.now()
    ids = sorted(d.pk for d in deliveries)
    rows = list(WebhookDelivery.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    entries = []
    for delivery in rows:
        entries.append(
            Entry(
                AuditAction.WEBHOOK_REDELIVERED,
                "webhooks.webhookdelivery",
                str(delivery.pk),
                {
                    "endpoint": delivery.endpoint_id,
                    "event": delivery.event_type,
                    "event_id": str(delivery.event_id),
                    "state_was": delivery.state,
                    "attempts_was": delivery.attempts,
                },
            )
        )
    WebhookDelivery.objects.filter(pk__in=[d.pk for d in rows]).update(
        state=WebhookDelivery.State.PENDING,
        attempts=0,
        next_attempt_at=now,
        lease=None,
        delivered_at=None,
        last_error="",
    )
    audit_record_many(actor=actor, entries=entries)
    _enqueue_on_commit([d.pk for d in rows])
    return len(rows)
