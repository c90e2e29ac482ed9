"""Idempotency under concurrency: never two items for one external_id (SPEC §3 step 2).

Real threads, each with its own API client and database connection, lined up on a
barrier so their requests overlap, against PostgreSQL in committed transactions.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from typing import Any

import pytest
from rest_framework.test import APIClient

from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import audit_verify
from reviews.intake.models import Item
from reviews.queues.models import Queue
from tests.concurrency import run_together
from tests.factories import prediction_body

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 16


def clients(key: str, count: int) -> list[APIClient]:
    made = []
    for _ in range(count):
        client = APIClient(raise_request_exception=False)
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        made.append(client)
    return made


def _post(client: APIClient, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    response = client.post("/api/v1/predictions/", body, format="json")
    return response.status_code, response.json()


def _assert_chain_ok() -> None:
    result = audit_verify()
    assert result.ok, result.reason


def test_concurrent_identical_posts_make_one_item_and_one_201(
    queue: Queue, client_key: str
) -> None:
    body = prediction_body(queue, external_id="loan-42")
    per_thread = clients(client_key, THREADS)

    answers = run_together(THREADS, lambda i: _post(per_thread[i], body))

    statuses = Counter(status for status, _ in answers)
    assert statuses[201] == 1, answers
    assert statuses[200] == THREADS - 1, answers
    assert len({answer["id"] for _, answer in answers}) == 1
    item = Item.objects.get(queue=queue, external_id="loan-42")
    assert answers[0][1]["id"] == item.pk
    assert Item.objects.filter(external_id="loan-42").count() == 1
    # The item was received and routed once, in the trail too.
    events = AuditEvent.objects.filter(target_type="reviews.item", target_id=str(item.pk))
    assert list(events.values_list("action", flat=True)) == [AuditAction.ITEM_RECEIVED]
    _assert_chain_ok()


def test_concurrent_different_bodies_for_one_external_id_make_one_item_and_409s(
    queue: Queue, client_key: str
) -> None:
    bodies = [
        prediction_body(queue, external_id="loan-7", input={"text": f"version {i}"})
        for i in range(THREADS)
    ]
    per_thread = clients(client_key, THREADS)

    answers = run_together(THREADS, lambda i: _post(per_thread[i], bodies[i]))

    statuses = Counter(status for status, _ in answers)
    assert statuses == {201: 1, 409: THREADS - 1}, answers
    winner = next(i for i, (status, _) in enumerate(answers) if status == 201)
    item = Item.objects.get(queue=queue, external_id="loan-7")
    assert answers[winner][1]["id"] == item.pk
    assert item.input == bodies[winner]["input"]
    for status, answer in answers:
        if status == 409:
            assert answer["error"]["code"] == "idempotency_conflict"
            assert "external_id" in answer["error"]["fields"]
    _assert_chain_ok()


def test_concurrent_bulk_calls_with_overlapping_ids_never_make_two_items(
    queue: Queue, client_key: str
) -> None:
    """Each call sends 40 of 60 shared ids, in its own order; every id is one item."""
    pool = {
        f"bulk-{n}": prediction_body(queue, external_id=f"bulk-{n}", input={"n": n})
        for n in range(60)
    }
    calls = []
    for i in range(THREADS):
        ids = random.Random(i).sample(sorted(pool), 40)
        calls.append([pool[external_id] for external_id in ids])
    per_thread = clients(client_key, THREADS)

    def bulk(i: int) -> tuple[int, dict[str, Any]]:
        response = per_thread[i].post(
            "/api/v1/predictions/bulk/", {"items": calls[i]}, format="json"
        )
        return response.status_code, response.json()

    answers = run_together(THREADS, bulk)

    assert [status for status, _ in answers] == [200] * THREADS, [s for s, _ in answers]
    created: Counter[str] = Counter()
    ids_seen: dict[str, set[int]] = defaultdict(set)
    for call, (_, answer) in zip(calls, answers, strict=True):
        for sent, result in zip(call, answer["results"], strict=True):
            assert result["status"] in (200, 201), result
            assert result["item"]["external_id"] == sent["external_id"]
            ids_seen[sent["external_id"]].add(result["item"]["id"])
            if result["status"] == 201:
                created[sent["external_id"]] += 1
    stored = dict(Item.objects.filter(queue=queue).values_list("external_id", "pk"))
    assert Item.objects.filter(queue=queue).count() == len(stored)  # never two items
    assert {external_id: {pk} for external_id, pk in stored.items()} == ids_seen
    assert set(created) == set(stored)
    assert set(created.values()) == {1}  # exactly one 201 per external_id
    received = AuditEvent.objects.filter(action=AuditAction.ITEM_RECEIVED).count()
    assert received == len(stored)
    _assert_chain_ok()
