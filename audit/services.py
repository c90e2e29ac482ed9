"""Recording and verifying the audit trail.

Every state change in hitl calls `audit_record` (or `audit_record_many`) inside
its own transaction, so the event commits or rolls back with the change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from django.db import connection, models, transaction
from django.utils import timezone

from audit.actions import AuditAction
from audit.models import GENESIS_HASH, AuditChainHead, AuditCheckpoint, AuditEvent
from hitl.request_context import current_request_id
from hitl.sql.audit import head_locked, head_move
from hitl.sql.bulk import bulk_insert, new_instance


class _UserLike(Protocol):
    pk: Any
    username: str

    @property
    def is_client(self) -> bool: ...


@dataclass(frozen=True)
class Actor:
    """Who did it: a person, a client system, or hitl itself (beat, a worker)."""

    kind: str
    id: str
    label: str

    @classmethod
    def for_user(cls, user: _UserLike) -> Actor:
        kind = AuditEvent.ActorKind.CLIENT if user.is_client else AuditEvent.ActorKind.USER
        return cls(kind=kind, id=str(user.pk), label=user.username)

    @classmethod
    def system(cls, label: str = "hitl") -> Actor:
        return cls(kind=AuditEvent.ActorKind.SYSTEM, id="", label=label)


@dataclass(frozen=True)
class Entry:
    """One event waiting to be appended."""

    action: AuditAction
    target_type: str
    target_id: str
    data: dict[str, Any] = field(default_factory=dict)


def target_of(obj: models.Model) -> tuple[str, str]:
    return obj._meta.label_lower, str(obj.pk)


def canonical_json(value: Any) -> str:
    """One text per JSON value: sorted keys, no spaces, UTF-8, no NaN or infinity."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def _format_time(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_hash(
    *,
    prev_hash: str,
    seq: int,
    at: datetime,
    actor_kind: str,
    actor_id: str,
    actor_label: str,
    action: int,
    target_type: str,
    target_id: str,
    data_json: str,
    request_id: str,
) -> str:
    body = canonical_json(
        {
            "seq": seq,
            "at": _format_time(at),
            "actor": [actor_kind, actor_id, actor_label],
            "action": int(action),
            "target": [target_type, target_id],
            "data": data_json,
            "request_id": request_id,
        }
    )
    return hashlib.sha256((prev_hash + body).encode()).hexdigest()


def _lock_head() -> tuple[int, str]:
    """(seq, hash) of the chain's tip, with its row locked until commit.

    The head row is the one lock every appender takes, which orders the chain.
    Callers take it last in their transaction so it is held only until commit.
    SQLite has no FOR UPDATE; its immediate transactions already serialize writers.
    """
    head = head_locked()
    if head is None:  # a flushed test database: the first appenders race to create it
        AuditChainHead.objects.get_or_create(pk=1)
        head = head_locked()
    assert head is not None  # noqa: S101 - created just above
    return head


def audit_record_many(*, actor: Actor, entries: Sequence[Entry]) -> list[AuditEvent]:
    """Append events to the chain. Must run inside the transaction of the change."""
    if not entries:
        return []
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record must run inside the transaction of the change it records")
    seq, prev = _lock_head()
    at = timezone.now()
    request_id = current_request_id()
    events = []
    for entry in entries:
        seq += 1
        fields: dict[str, Any] = {
            "seq": seq,
            "at": at,
            "actor_kind": actor.kind,
            "actor_id": actor.id,
            "actor_label": actor.label,
            "action": entry.action,
            "target_type": entry.target_type,
            "target_id": entry.target_id,
            "data_json": canonical_json(entry.data),
            "request_id": request_id,
        }
        digest = event_hash(prev_hash=prev, **fields)
        events.append(new_instance(AuditEvent, {**fields, "prev_hash": prev, "hash": digest}))
        prev = digest
    bulk_insert(events)
    head_move(seq=seq, digest=prev)
    return events


def audit_record(
    *, action: AuditAction, actor: Actor, target: models.Model, data: dict[str, Any] | None = None
) -> AuditEvent:
    target_type, target_id = target_of(target)
    entry = Entry(action=action, target_type=target_type, target_id=target_id, data=data or {})
    return audit_record_many(actor=actor, entries=[entry])[0]


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    last_seq: int
    last_hash: str
    broken_seq: int | None = None
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "last_seq": self.last_seq,
            "broken_seq": self.broken_seq,
            "reason": self.reason,
        }


_VERIFY_FIELDS = (
    "seq",
    "at",
    "actor_kind",
    "actor_id",
    "actor_label",
    "action",
    "target_type",
    "target_id",
    "data_json",
    "request_id",
    "prev_hash",
    "hash",
)


def _events_between(seq: int, until: int, chunk: int) -> Iterable[tuple[Any, ...]]:
    # Keyset pages: constant memory, and no transaction held open over the whole chain.
    while True:
        page = AuditEvent.objects.filter(seq__gt=seq, seq__lte=until).order_by("seq")
        rows = list(page.values_list(*_VERIFY_FIELDS)[:chunk])
        if not rows:
            return
        yield from rows
        seq = rows[-1][0]


def audit_verify(
    *, from_seq: int = 0, from_hash: str = GENESIS_HASH, chunk: int = 5000
) -> VerifyResult:
    """Recompute the chain from (from_seq, from_hash) to its head; name the first broken link.

    1. Sequence numbers must follow each other with no gap (a missing event).
    2. Each event's prev_hash must be the hash of the event before it.
    3. Each event's hash must be recomputed from its own fields (an altered event).
    4. The chain must reach the head as it was when verification began (events cut
       off the end); events appended meanwhile are left for the next run.
    5. No event may lie past the head (the head moved back over events).
    """
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is None and AuditEvent.objects.exists():
        return VerifyResult(False, 0, from_seq, from_hash, from_seq + 1, "the chain head is gone")
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS_HASH)
    walked = _walk_links(from_seq, from_hash, head_seq, chunk)
    if isinstance(walked, VerifyResult):
        return walked
    return _check_the_end(walked, head_seq, head_hash)


@dataclass
class _Walked:
    """How far steps 1-3 got: the events checked, the last one's seq and hash, and the hash
    of the one before it."""

    checked: int
    seq: int
    hash: str
    before_last: str


def _walk_links(from_seq: int, from_hash: str, head_seq: int, chunk: int) -> _Walked | VerifyResult:
    """Steps 1-3 over every event up to `head_seq`: the walk, or the first broken link."""
    expected_seq, prev, checked = from_seq, from_hash, 0
    before_last = prev
    for row in _events_between(from_seq, head_seq, chunk):
        (seq, at, kind, actor_id, label, action, ttype, tid, data_json, rid, prev_hash, digest) = (
            row
        )
        expected_seq += 1
        if seq != expected_seq:
            return VerifyResult(
                False,
                checked,
                expected_seq - 1,
                prev,
                expected_seq,
                f"event #{expected_seq} is missing",
            )
        if prev_hash != prev:
            return VerifyResult(
                False,
                checked,
                seq - 1,
                prev,
                seq,
                f"event #{seq} does not link to event #{seq - 1}",
            )
        recomputed = event_hash(
            prev_hash=prev_hash,
            seq=seq,
            at=at,
            actor_kind=kind,
            actor_id=actor_id,
            actor_label=label,
            action=action,
            target_type=ttype,
            target_id=tid,
            data_json=data_json,
            request_id=rid,
        )
        if recomputed != digest:
            return VerifyResult(
                False,
                checked,
                seq - 1,
                prev,
                seq,
                f"event #{seq} was altered after it was recorded",
            )
        before_last, prev = prev, digest
        checked += 1
    return _Walked(checked, expected_seq, prev, before_last)


def _check_the_end(walked: _Walked, head_seq: int, head_hash: str) -> VerifyResult:
    """Steps 4 and 5: the walk ended at the head, on the head's hash, with nothing past it."""
    checked, seq, prev = walked.checked, walked.seq, walked.hash
    if head_seq < seq:
        # Only when starting from a checkpoint: events it verified are gone and the
        # head was moved back over them.
        return VerifyResult(
            False,
            checked,
            seq,
            prev,
            head_seq + 1,
            f"events verified before, up to #{seq}, are gone (head is #{head_seq})",
        )
    if head_seq > seq:
        return VerifyResult(
            False,
            checked,
            seq,
            prev,
            seq + 1,
            f"events after #{seq} are missing (head is #{head_seq})",
        )
    if head_hash != prev:
        # The last event was replaced with its own hash recomputed, or the head rewritten.
        if checked:
            checked, seq, prev = checked - 1, seq - 1, walked.before_last
        return VerifyResult(
            False, checked, seq, prev, head_seq, f"event #{head_seq} does not match the chain head"
        )
    if _events_past_the_head():
        return VerifyResult(
            False,
            checked,
            seq,
            prev,
            head_seq + 1,
            f"events after #{head_seq} exist but the chain head was moved back over them",
        )
    return VerifyResult(True, checked, seq, prev)


def _events_past_the_head() -> bool:
    # Every append moves the head in its own transaction, so an event committed before
    # this read is at or below the head read after it; appends meanwhile are no alarm.
    last = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()
    head_seq = AuditChainHead.objects.filter(pk=1).values_list("seq", flat=True).first()
    return last is not None and (head_seq is None or last > head_seq)


@transaction.atomic
def audit_checkpoint(*, actor: Actor) -> AuditCheckpoint:
    """Verify the events recorded since the last good checkpoint, and record the result."""
    last = AuditCheckpoint.objects.filter(ok=True).order_by("-seq").first()
    result = audit_verify(from_seq=last.seq, from_hash=last.hash) if last else audit_verify()
    checkpoint = AuditCheckpoint.objects.create(
        verified_at=timezone.now(),
        seq=result.last_seq,
        hash=result.last_hash,
        ok=result.ok,
        broken_seq=result.broken_seq,
        reason=result.reason,
    )
    if not result.ok:
        audit_record(
            action=AuditAction.CHAIN_VERIFIED, actor=actor, target=checkpoint, data=result.as_dict()
        )
    return checkpoint
