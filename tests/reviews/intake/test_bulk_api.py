"""POST /api/v1/predictions/bulk/: one result per item, in order; valid items stored."""

from __future__ import annotations

from typing import Any

from rest_framework.test import APIClient

from audit.actions import AuditAction
from audit.models import AuditEvent
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.queues.services.access import client_create
from tests.conftest import token_client
from tests.factories import SYSTEM, prediction_body

URL = "/api/v1/predictions/bulk/"


def bulk(api: APIClient, items: Any) -> Any:
    return api.post(URL, {"items": items}, format="json")


def counts() -> tuple[int, int]:
    return Item.objects.count(), AuditEvent.objects.count()


def test_mixed_batch_answers_each_item_in_order_and_stores_the_valid_ones(
    api: APIClient, queue: Queue, other_queue: Queue
) -> None:
    stored = prediction_body(queue)
    assert api.post("/api/v1/predictions/", stored, format="json").status_code == 201
    valid_a = prediction_body(queue, output={"label": "approve", "confidence": 0.95})
    valid_b = prediction_body(queue, output={"label": "deny", "confidence": 0.3})
    items = [
        valid_a,
        prediction_body(queue, output={"label": "approve", "confidence": "0.7"}),  # wrong type
        prediction_body("no-such-queue"),
        {**stored, "model_version": "model-2"},  # same external_id, different body
        prediction_body(queue, output={"label": "maybe", "confidence": 0.7}),  # unknown label
        prediction_body(other_queue),  # a queue this client may not submit to
        stored,  # idempotent repeat
        valid_b,
    ]
    events_before = AuditEvent.objects.count()

    response = bulk(api, items)

    assert response.status_code == 200, response.json()
    results = response.json()["results"]
    assert [r["index"] for r in results] == list(range(len(items)))
    assert [r["status"] for r in results] == [201, 400, 404, 409, 400, 404, 200, 201]
    assert response.json()["summary"] == {"created": 2, "existing": 1, "failed": 5}

    assert results[0]["item"]["external_id"] == valid_a["external_id"]
    assert results[0]["item"]["route"] == "auto_approved"
    assert results[7]["item"]["route"] == "sme"
    assert results[1]["error"]["code"] == "invalid"
    assert "output.confidence" in results[1]["error"]["fields"]
    assert results[2]["error"]["code"] == "queue_not_found"
    assert results[3]["error"]["code"] == "idempotency_conflict"
    assert "output.label" in results[4]["error"]["fields"]
    assert results[5]["error"]["code"] == "queue_not_found"
    assert results[6]["item"]["external_id"] == stored["external_id"]

    assert set(Item.objects.values_list("external_id", flat=True)) == {
        stored["external_id"],
        valid_a["external_id"],
        valid_b["external_id"],
    }
    assert Item.objects.get(external_id=stored["external_id"]).model_version == "model-1"
    # One event per created item, none for the failures or the repeat.
    assert AuditEvent.objects.count() == events_before + 2
    new_events = AuditEvent.objects.filter(seq__gt=events_before)
    assert sorted(new_events.values_list("action", "target_id")) == sorted(
        (AuditAction.ITEM_RECEIVED, str(r["item"]["id"])) for r in (results[0], results[7])
    )


def test_bulk_spanning_two_queues_keeps_the_order(queue: Queue, other_queue: Queue) -> None:
    api = token_client(client_create(name="both", queues=[queue, other_queue], actor=SYSTEM)[1])
    items = [prediction_body(q) for q in (queue, other_queue, queue, other_queue)]

    response = bulk(api, items)

    results = response.json()["results"]
    assert [r["status"] for r in results] == [201] * 4
    assert [r["item"]["queue"] for r in results] == ["loans", "other", "loans", "other"]
    assert [r["item"]["external_id"] for r in results] == [i["external_id"] for i in items]
    assert Item.objects.filter(queue=queue).count() == 2
    assert Item.objects.filter(queue=other_queue).count() == 2


def test_more_than_1000_items_is_400_for_the_whole_call(api: APIClient, queue: Queue) -> None:
    items = [prediction_body(queue) for _ in range(1001)]
    before = counts()

    response = bulk(api, items)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert "items" in error["fields"]
    assert counts() == before


def test_exactly_1000_items_are_accepted(api: APIClient, queue: Queue) -> None:
    items = [prediction_body(queue) for _ in range(1000)]

    response = bulk(api, items)

    assert response.status_code == 200
    assert response.json()["summary"] == {"created": 1000, "existing": 0, "failed": 0}
    assert Item.objects.count() == 1000


def test_empty_item_list_is_400(api: APIClient, queue: Queue) -> None:
    before = counts()

    response = bulk(api, [])

    assert response.status_code == 400
    assert "items" in response.json()["error"]["fields"]
    assert counts() == before


def test_items_must_be_a_list(api: APIClient, queue: Queue) -> None:
    for payload in (
        {"items": prediction_body(queue)},
        {"items": "x"},
        {},
        [prediction_body(queue)],
    ):
        response = api.post(URL, payload, format="json")
        assert response.status_code == 400, payload
        assert response.json()["error"]["code"] == "invalid"
    assert Item.objects.count() == 0


def test_unknown_top_level_field_in_bulk_is_400(api: APIClient, queue: Queue) -> None:
    response = api.post(URL, {"items": [prediction_body(queue)], "dry_run": True}, format="json")

    assert response.status_code == 400
    assert "dry_run" in response.json()["error"]["fields"]
    assert Item.objects.count() == 0


def test_duplicate_in_one_batch_with_the_same_body_is_200_the_same_item(
    api: APIClient, queue: Queue
) -> None:
    body = prediction_body(queue)

    response = bulk(api, [body, body])

    first, second = response.json()["results"]
    assert (first["status"], second["status"]) == (201, 200)
    assert first["item"]["id"] == second["item"]["id"]
    assert first["item"]["id"] is not None
    assert Item.objects.count() == 1
    assert Item.objects.get().pk == first["item"]["id"]


def test_duplicate_in_one_batch_with_another_body_is_409(api: APIClient, queue: Queue) -> None:
    body = prediction_body(queue, output={"label": "approve", "confidence": 0.7})
    events_before = AuditEvent.objects.count()

    response = bulk(api, [body, {**body, "output": {"label": "deny", "confidence": 0.7}}])

    first, second = response.json()["results"]
    assert (first["status"], second["status"]) == (201, 409)
    assert second["error"]["code"] == "idempotency_conflict"
    item = Item.objects.get()
    assert item.pk == first["item"]["id"]
    assert item.output_label == "approve"
    assert AuditEvent.objects.count() == events_before + 1


def test_all_invalid_batch_stores_nothing(api: APIClient, queue: Queue) -> None:
    before = counts()

    response = bulk(
        api,
        [
            prediction_body(queue, output={"label": "approve", "confidence": 1.5}),
            {"queue": queue.slug},
            "not an object",
            None,
        ],
    )

    assert response.status_code == 200
    assert [r["status"] for r in response.json()["results"]] == [400, 400, 400, 400]
    fields = response.json()["results"][1]["error"]["fields"]
    assert {"external_id", "model_version", "input", "output"} <= set(fields)
    assert counts() == before
