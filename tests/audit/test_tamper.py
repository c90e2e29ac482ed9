"""Tampering with the audit trail: refused by PostgreSQL, and found by verification.

The detection tests run on both databases. On PostgreSQL they first switch the
append-only trigger off inside the test's own transaction (rolled back after the
test, so the trigger is back for every other test); on SQLite there is none.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from rest_framework.test import APIClient

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditChainHead, AuditCheckpoint, AuditEvent
from audit.services import (
    Actor,
    Entry,
    audit_checkpoint,
    audit_record_many,
    audit_verify,
    canonical_json,
    event_hash,
)

pytestmark = pytest.mark.django_db

TRIGGERS = {
    "audit_auditevent": "audit_event_no_update_delete",
    "audit_auditchainhead": "audit_head_forward_only",
}
ACTOR = Actor.system("tamper-tests")


def _record(count: int) -> list[AuditEvent]:
    entries = [
        Entry(AuditAction.ITEM_ROUTED, "reviews.item", str(n), {"route": "tier1", "n": n})
        for n in range(count)
    ]
    with transaction.atomic():
        return audit_record_many(actor=ACTOR, entries=entries)


@contextmanager
def behind_the_orms_back() -> Iterator[Any]:
    """A raw cursor with PostgreSQL's audit triggers switched off meanwhile."""
    on_postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if on_postgres:
            for table, trigger in TRIGGERS.items():
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
        yield cursor
        if on_postgres:
            for table, trigger in TRIGGERS.items():
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")


def tamper_update(seq: int, column: str, value: Any) -> None:
    assert column in {f.column for f in AuditEvent._meta.fields}
    with behind_the_orms_back() as cursor:
        cursor.execute(f"UPDATE audit_auditevent SET {column} = %s WHERE seq = %s", [value, seq])  # noqa: S608 - column checked above
        assert cursor.rowcount == 1


def tamper_delete(seq: int) -> None:
    with behind_the_orms_back() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE seq = %s", [seq])
        assert cursor.rowcount == 1


# --- The database refuses ---------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("sql", "operation"),
    [
        ("UPDATE audit_auditevent SET data_json = '{}' WHERE seq = %s", "UPDATE"),
        ("DELETE FROM audit_auditevent WHERE seq = %s", "DELETE"),
    ],
)
def test_postgres_refuses_raw_update_and_delete_of_an_event(sql: str, operation: str) -> None:
    event = _record(3)[1]

    with pytest.raises(DatabaseError) as raised, transaction.atomic(), connection.cursor() as c:
        c.execute(sql, [event.seq])

    assert f"audit events are append-only: {operation} refused" in str(raised.value)
    assert getattr(raised.value.__cause__, "sqlstate", None) == "42501"  # insufficient_privilege
    assert AuditEvent.objects.get(seq=event.seq).data_json == event.data_json
    assert audit_verify().ok


@pytest.mark.postgres
def test_postgres_refuses_orm_updates_and_deletes_too() -> None:
    events = _record(3)

    with pytest.raises(DatabaseError, match="append-only: UPDATE"), transaction.atomic():
        AuditEvent.objects.filter(seq=events[0].seq).update(actor_label="mallory")
    with pytest.raises(DatabaseError, match="append-only: DELETE"), transaction.atomic():
        AuditEvent.objects.filter(seq__gte=events[0].seq).delete()

    assert AuditEvent.objects.filter(seq__gte=events[0].seq).count() == 3
    assert audit_verify().ok


@pytest.mark.postgres
def test_the_trigger_is_back_after_a_tamper_helper_ran() -> None:
    event = _record(2)[0]
    tamper_update(event.seq, "actor_label", "mallory")

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(seq=event.seq).update(actor_label="again")


# --- Verification finds it ----------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("data_json", '{"n":2,"route":"auto_approve"}'),
        ("actor_label", "mallory"),
        ("action", int(AuditAction.ITEM_RECEIVED)),
        ("target_id", "999"),
        ("request_id", "forged"),
    ],
)
def test_a_changed_field_is_named_by_its_seq(column: str, value: Any) -> None:
    events = _record(5)
    victim = events[2]

    tamper_update(victim.seq, column, value)

    result = audit_verify()
    assert not result.ok
    assert result.broken_seq == victim.seq
    assert result.reason == f"event #{victim.seq} was altered after it was recorded"
    assert result.last_seq == victim.seq - 1
    assert result.checked == victim.seq - 1  # every event before it verified


def test_a_changed_time_is_named_by_its_seq() -> None:
    victim = _record(3)[1]

    later = victim.at + timedelta(microseconds=1)
    with behind_the_orms_back() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET at = %s WHERE seq = %s",
            [connection.ops.adapt_datetimefield_value(later), victim.seq],
        )

    assert AuditEvent.objects.get(seq=victim.seq).at == later

    assert audit_verify().broken_seq == victim.seq


def _rewrite(event: AuditEvent, data: dict[str, Any]) -> None:
    """Replace an event's data and recompute its own hash, as a careful forger would."""
    forged_data = canonical_json(data)
    forged_hash = event_hash(
        prev_hash=event.prev_hash,
        seq=event.seq,
        at=event.at,
        actor_kind=event.actor_kind,
        actor_id=event.actor_id,
        actor_label=event.actor_label,
        action=event.action,
        target_type=event.target_type,
        target_id=event.target_id,
        data_json=forged_data,
        request_id=event.request_id,
    )
    with behind_the_orms_back() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET data_json = %s, hash = %s WHERE seq = %s",
            [forged_data, forged_hash, event.seq],
        )


def test_a_rewritten_hash_breaks_the_next_link() -> None:
    """Recomputing the altered event's own hash only moves the break one event on."""
    victim = _record(4)[1]

    _rewrite(victim, {"n": 1, "route": "auto_approve"})

    result = audit_verify()
    assert result.broken_seq == victim.seq + 1
    assert result.reason == f"event #{victim.seq + 1} does not link to event #{victim.seq}"


def test_a_rewritten_last_event_is_caught_by_the_chain_head() -> None:
    events = _record(4)

    _rewrite(events[-1], {"n": 3, "route": "auto_approve"})

    result = audit_verify()
    assert not result.ok
    assert result.broken_seq == events[-1].seq
    assert result.reason == f"event #{events[-1].seq} does not match the chain head"
    assert (result.last_seq, result.last_hash) == (events[-2].seq, events[-2].hash)
    assert result.checked == events[-2].seq


def test_a_head_moved_back_over_events_is_reported() -> None:
    events = _record(4)

    with behind_the_orms_back():
        AuditChainHead.objects.filter(pk=1).update(seq=events[1].seq, hash=events[1].hash)

    result = audit_verify()
    assert not result.ok
    assert result.broken_seq == events[2].seq
    assert "moved back" in result.reason


def test_a_deleted_chain_head_is_reported() -> None:
    _record(2)

    with behind_the_orms_back():
        AuditChainHead.objects.all().delete()

    result = audit_verify()
    assert not result.ok
    assert result.reason == "the chain head is gone"


def test_a_deleted_middle_event_is_named_as_the_gap() -> None:
    events = _record(5)
    gone = events[2].seq

    tamper_delete(gone)

    result = audit_verify()
    assert not result.ok
    assert result.broken_seq == gone
    assert result.reason == f"event #{gone} is missing"
    assert result.checked == gone - 1


def test_a_deleted_last_event_is_reported_missing_at_the_end() -> None:
    events = _record(4)
    last = events[-1].seq

    tamper_delete(last)

    result = audit_verify()
    assert not result.ok
    assert result.broken_seq == last
    assert result.reason == f"events after #{last - 1} are missing (head is #{last})"
    assert result.checked == last - 1


def test_cutting_the_tail_and_rewinding_the_head_is_caught_by_the_last_checkpoint() -> None:
    """A full re-verify cannot see a clean cut; the checkpoint remembers how far it was."""
    events = _record(4)
    checkpoint = audit_checkpoint(actor=ACTOR)
    assert checkpoint.ok
    assert checkpoint.seq == events[-1].seq

    tamper_delete(events[-1].seq)
    with behind_the_orms_back():
        AuditChainHead.objects.filter(pk=1).update(seq=events[-2].seq, hash=events[-2].hash)

    assert audit_verify().ok  # the chain itself is consistent again
    later = audit_checkpoint(actor=ACTOR)
    assert not later.ok
    assert later.broken_seq == events[-1].seq
    gone = events[-1].seq
    assert later.reason == f"events verified before, up to #{gone}, are gone (head is #{gone - 1})"
    # The failed check is itself an audit event.
    recorded = AuditEvent.objects.filter(action=AuditAction.CHAIN_VERIFIED).get()
    assert recorded.data["broken_seq"] == events[-1].seq
    assert recorded.target_id == str(later.pk)


def test_a_checkpoint_after_tamper_records_the_broken_seq_and_an_event() -> None:
    events = _record(5)
    good = audit_checkpoint(actor=ACTOR)
    more = _record(3)
    tamper_update(more[1].seq, "data_json", "{}")

    bad = audit_checkpoint(actor=ACTOR)

    assert good.ok and good.seq == events[-1].seq
    assert not bad.ok
    assert bad.broken_seq == more[1].seq
    assert (bad.seq, bad.hash) == (more[0].seq, more[0].hash)  # verified up to the break
    assert AuditCheckpoint.objects.count() == 2
    event = AuditEvent.objects.get(action=AuditAction.CHAIN_VERIFIED)
    assert event.data["broken_seq"] == more[1].seq
    assert event.actor_label == "tamper-tests"


# --- The command and the API name it ------------------------------------------------


def test_audit_verify_command_exits_1_naming_the_broken_seq() -> None:
    victim = _record(6)[3]
    tamper_update(victim.seq, "data_json", '{"n":3,"route":"sme"}')

    with pytest.raises(CommandError) as raised:
        call_command("audit_verify", stdout=StringIO())

    assert raised.value.returncode == 1
    message = str(raised.value)
    assert f"BROKEN at event #{victim.seq}:" in message
    assert "altered" in message


def test_verify_endpoint_names_the_broken_seq_after_tamper(admin_user: User, api_as: Any) -> None:
    client: APIClient = api_as(admin_user)
    assert client.get("/api/v1/audit/verify/").json()["ok"] is True
    gone = _record(4)[1].seq

    tamper_delete(gone)
    response = client.get("/api/v1/audit/verify/")

    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is False
    assert body["broken_seq"] == gone
    assert body["reason"] == f"event #{gone} is missing"


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_chain_head_cannot_be_deleted_or_moved_back_on_postgres():
    _record(3)
    for statement in (
        "DELETE FROM audit_auditchainhead",
        "UPDATE audit_auditchainhead SET seq = seq - 1",
    ):
        with (
            pytest.raises(DatabaseError, match="audit chain head"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    assert AuditChainHead.objects.get(pk=1).seq == 3
