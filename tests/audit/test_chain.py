"""The audit chain: appends inside the change's transaction, linked by SHA-256, verifiable."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
import time_machine
from django.db import transaction

from audit.actions import AuditAction
from audit.models import GENESIS_HASH, AuditChainHead, AuditEvent
from audit.services import Actor, Entry, audit_record, audit_record_many, audit_verify
from reviews.queues.models import Queue
from tests.concurrency import run_together
from tests.factories import make_queue

ACTOR = Actor(kind=AuditEvent.ActorKind.USER, id="7", label="alice")


def _head() -> tuple[int, str]:
    head = AuditChainHead.objects.filter(pk=1).first()
    return (head.seq, head.hash) if head else (0, GENESIS_HASH)


def _entries(count: int) -> list[Entry]:
    return [
        Entry(AuditAction.ITEM_RECEIVED, "reviews.item", str(n), {"n": n}) for n in range(count)
    ]


def _assert_linked(events: list[AuditEvent], *, after: tuple[int, str]) -> None:
    seq, prev = after
    for event in events:
        seq += 1
        assert event.seq == seq
        assert event.prev_hash == prev
        prev = event.hash


@pytest.mark.django_db
def test_records_in_a_transaction_get_consecutive_seqs_and_link(queue: Queue) -> None:
    start = _head()
    with transaction.atomic():
        for n in range(5):
            audit_record(action=AuditAction.QUEUE_UPDATED, actor=ACTOR, target=queue, data={"n": n})

    stored = list(AuditEvent.objects.filter(seq__gt=start[0]).order_by("seq"))
    assert [e.data for e in stored] == [{"n": n} for n in range(5)]
    assert {(e.target_type, e.target_id) for e in stored} == {("reviews.queue", str(queue.pk))}
    _assert_linked(stored, after=start)
    assert _head() == (stored[-1].seq, stored[-1].hash)
    result = audit_verify()
    assert result.ok, result.reason
    assert result.checked == result.last_seq == stored[-1].seq


@pytest.mark.django_db
def test_the_first_event_links_to_the_genesis_hash() -> None:
    make_queue("first")  # writes the chain's first events in this empty database

    first = AuditEvent.objects.get(seq=1)
    assert first.prev_hash == GENESIS_HASH == "0" * 64


@pytest.mark.django_db(transaction=True)
def test_recording_outside_a_transaction_raises_and_stores_nothing(queue: Queue) -> None:
    before = AuditEvent.objects.count()

    with pytest.raises(RuntimeError, match="inside the transaction"):
        audit_record(action=AuditAction.QUEUE_UPDATED, actor=ACTOR, target=queue)

    assert AuditEvent.objects.count() == before
    assert audit_verify().ok


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_leaves_no_event_and_the_chain_verifies(queue: Queue) -> None:
    start = _head()

    with pytest.raises(ZeroDivisionError), transaction.atomic():
        audit_record_many(actor=ACTOR, entries=_entries(3))
        Queue.objects.filter(pk=queue.pk).update(name="renamed")
        1 / 0  # noqa: B018 - the change fails after its events were written

    assert _head() == start
    assert not AuditEvent.objects.filter(seq__gt=start[0]).exists()
    assert Queue.objects.get(pk=queue.pk).name == "Test queue"
    # The next append reuses the seq the rolled-back one had: no gap.
    with transaction.atomic():
        (event,) = audit_record_many(actor=ACTOR, entries=_entries(1))
    assert event.seq == start[0] + 1
    assert event.prev_hash == start[1]
    assert audit_verify().ok


@pytest.mark.django_db
def test_a_thousand_events_in_one_call_link_and_verify() -> None:
    start = _head()
    with transaction.atomic():
        returned = audit_record_many(actor=ACTOR, entries=_entries(1000))

    stored = list(AuditEvent.objects.filter(seq__gt=start[0]).order_by("seq"))
    assert len(stored) == 1000
    assert [e.hash for e in stored] == [e.hash for e in returned]
    _assert_linked(stored, after=start)
    result = audit_verify(chunk=128)  # several keyset pages
    assert result.ok, result.reason
    assert result.last_seq == start[0] + 1000


@pytest.mark.django_db
def test_verify_can_start_from_a_verified_point() -> None:
    with transaction.atomic():
        events = audit_record_many(actor=ACTOR, entries=_entries(10))
    middle = events[4]

    result = audit_verify(from_seq=middle.seq, from_hash=middle.hash)

    assert result.ok
    assert result.checked == 5
    assert (result.last_seq, result.last_hash) == (events[-1].seq, events[-1].hash)


@pytest.mark.django_db
def test_the_hash_is_sha256_of_prev_hash_and_the_canonical_json() -> None:
    at = datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
    data = {"z": [1, 2.5, None], "big": 1e20, "name": "Zoë", "a": {"b": True}}
    with time_machine.travel(at, tick=False), transaction.atomic():
        (event,) = audit_record_many(
            actor=ACTOR,
            entries=[Entry(AuditAction.ITEM_ROUTED, "reviews.item", "42", data)],
        )

    stored = AuditEvent.objects.get(seq=event.seq)
    # The data is stored as the exact text that was hashed: sorted keys, no spaces,
    # UTF-8 as is, numbers as Python wrote them.
    data_json = '{"a":{"b":true},"big":1e+20,"name":"Zoë","z":[1,2.5,null]}'
    assert stored.data_json == data_json
    assert stored.data == data
    body = (
        '{"action":102,"actor":["user","7","alice"],"at":"2026-01-02T03:04:05.678901Z",'
        '"data":' + _json_string(data_json) + ',"request_id":"","seq":' + str(stored.seq) + ","
        '"target":["reviews.item","42"]}'
    )
    expected = hashlib.sha256((stored.prev_hash + body).encode("utf-8")).hexdigest()
    assert stored.hash == expected
    assert stored.at == at


def _json_string(text: str) -> str:
    """`text` as a JSON string literal (only quotes need escaping here)."""
    assert "\\" not in text and "\n" not in text
    return '"' + text.replace('"', '\\"') + '"'


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_contiguous_verifiable_chain() -> None:
    """16 threads x 20 transactions x 3 events, starting with no chain-head row at all."""
    threads, transactions, per_transaction = 16, 20, 3
    assert not AuditEvent.objects.exists()
    AuditChainHead.objects.all().delete()  # the first appenders race to create it

    def write(thread: int) -> None:
        for txn in range(transactions):
            entries = [
                Entry(AuditAction.ITEM_ROUTED, "reviews.item", f"{thread}-{txn}", {"i": i})
                for i in range(per_transaction)
            ]
            with transaction.atomic():
                audit_record_many(actor=Actor.system(f"writer-{thread}"), entries=entries)

    run_together(threads, write)

    total = threads * transactions * per_transaction
    rows = list(AuditEvent.objects.order_by("seq").values_list("seq", "target_id", "actor_label"))
    assert [seq for seq, _, _ in rows] == list(range(1, total + 1))
    # Each transaction's events are adjacent: appends did not interleave.
    by_transaction: dict[str, list[int]] = {}
    for seq, target_id, actor_label in rows:
        assert actor_label == f"writer-{target_id.split('-')[0]}"
        by_transaction.setdefault(target_id, []).append(seq)
    assert len(by_transaction) == threads * transactions
    for seqs in by_transaction.values():
        assert seqs == list(range(seqs[0], seqs[0] + per_transaction))
    assert _head()[0] == total
    result = audit_verify()
    assert result.ok, result.reason
    assert result.checked == total
