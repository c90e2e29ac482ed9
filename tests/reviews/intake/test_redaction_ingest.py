"""Redaction once at ingest (SPEC §6): what is stored, shown, hashed and audited."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.queues.services.queues import RedactionPolicyInvalid, queue_create, redaction_entities
from tests.factories import DEFAULT_POLICY, SYSTEM, ingest, make_queue, prediction_body
from tests.reviews.reviewing import claim

EMAIL = "jane.doe@example.com"
PHONE = "+44 20 7946 0958"
CARD = "4111 1111 1111 1111"
IP = "203.0.113.7"
PII_INPUT: dict[str, Any] = {
    "text": f"Mail {EMAIL} or call {PHONE}; card {CARD}.",
    "meta": {"client": [{"ip": IP}], "amount": 1200},
}
REDACTED_INPUT: dict[str, Any] = {
    "text": "Mail [EMAIL] or call [PHONE]; card [CARD].",
    "meta": {"client": [{"ip": "[IP]"}], "amount": 1200},
}
PII_VALUES = (EMAIL, PHONE, CARD, IP)


def queue_with(slug: str, **fields: Any) -> Queue:
    return queue_create(
        slug=slug,
        name=slug,
        labels=[{"value": "approve"}, {"value": "deny"}],
        policy=DEFAULT_POLICY,
        actor=SYSTEM,
        **fields,
    )


def received_event(item: Item) -> AuditEvent:
    return AuditEvent.objects.get(
        action=AuditAction.ITEM_RECEIVED, target_type="reviews.item", target_id=str(item.pk)
    )


def test_single_ingest_stores_the_redacted_input_and_keeps_the_raw(
    api: APIClient, queue: Queue
) -> None:
    response = api.post(
        "/api/v1/predictions/", prediction_body(queue, input=PII_INPUT), format="json"
    )

    assert response.status_code == 201, response.json()
    item = Item.objects.get()
    assert item.input == REDACTED_INPUT
    assert item.raw_input == PII_INPUT
    assert item.raw_purged_at is None
    assert not any(value in response.content.decode() for value in PII_VALUES)


def test_the_audit_event_carries_counts_per_type_never_values(queue: Queue) -> None:
    item = ingest(queue, input=PII_INPUT)

    event = received_event(item)
    assert event.data["redacted"] == {"EMAIL": 1, "PHONE": 1, "CARD": 1, "IP": 1}
    assert not any(value in event.data_json for value in PII_VALUES)


def test_bulk_ingest_redacts_every_item(api: APIClient, queue: Queue) -> None:
    bodies = [
        prediction_body(queue, input=PII_INPUT),
        prediction_body(queue, input=f"Reach me at {EMAIL}"),
        prediction_body(queue, input={"text": "Nothing personal here."}),
    ]

    response = api.post("/api/v1/predictions/bulk/", {"items": bodies}, format="json")

    assert response.status_code == 200
    assert response.json()["summary"]["created"] == 3
    stored = {i.external_id: (i.input, i.raw_input) for i in Item.objects.all()}
    assert stored[bodies[0]["external_id"]] == (REDACTED_INPUT, PII_INPUT)
    assert stored[bodies[1]["external_id"]] == ("Reach me at [EMAIL]", f"Reach me at {EMAIL}")
    assert stored[bodies[2]["external_id"]] == (
        {"text": "Nothing personal here."},
        {"text": "Nothing personal here."},
    )
    counts = [received_event(i).data["redacted"] for i in Item.objects.order_by("external_id")]
    assert sorted(map(len, counts)) == [0, 1, 4]


def test_the_idempotency_hash_is_over_the_submitted_body(api: APIClient, queue: Queue) -> None:
    body = prediction_body(queue, input=PII_INPUT)
    assert api.post("/api/v1/predictions/", body, format="json").status_code == 201

    repeat = api.post("/api/v1/predictions/", body, format="json")
    redacted_body = {**body, "input": REDACTED_INPUT}
    conflict = api.post("/api/v1/predictions/", redacted_body, format="json")

    assert repeat.status_code == 200
    # The redacted form is a different body from the client's point of view.
    assert conflict.status_code == 409
    assert Item.objects.count() == 1


def test_a_policy_naming_types_masks_only_those(db: None) -> None:
    only_email = queue_with("emails-only", redaction={"entities": ["email"]})

    item = ingest(only_email, input=f"Mail {EMAIL} or call {PHONE}")

    assert only_email.redaction == {"entities": ["EMAIL"]}
    assert item.input == f"Mail [EMAIL] or call {PHONE}"
    assert received_event(item).data["redacted"] == {"EMAIL": 1}


@pytest.mark.parametrize("redaction", [None, {}, {"entities": []}])
def test_an_empty_or_absent_policy_masks_every_type(db: None, redaction: Any) -> None:
    queue = queue_with("all-types", redaction=redaction)

    assert queue.redaction == {}
    assert redaction_entities(queue.redaction) == redaction_entities(None)
    assert ingest(queue, input=PII_INPUT).input == REDACTED_INPUT


def test_a_claim_shows_the_reviewer_the_redacted_input(
    queue: Queue, annotator: User, api_as: Any
) -> None:
    ingest(queue, input=PII_INPUT, output={"label": "approve", "confidence": 0.7})

    response = claim(api_as(annotator), queue)

    assert response.status_code == 200
    assert response.json()["item"]["input"] == REDACTED_INPUT
    assert not any(value in response.content.decode() for value in PII_VALUES)


def test_gold_items_are_redacted_too(queue: Queue, admin_user: User, api_as: Any) -> None:
    body = {
        "external_id": "gold-1",
        "model_version": "m1",
        "input": PII_INPUT,
        "output": {"label": "approve", "confidence": 0.8},
        "gold_label": "deny",
    }

    response = api_as(admin_user).post(f"/api/v1/queues/{queue.slug}/gold/", body, format="json")

    assert response.status_code == 201, response.json()
    gold = Item.objects.get(is_gold=True)
    assert (gold.input, gold.raw_input) == (REDACTED_INPUT, PII_INPUT)
    event = AuditEvent.objects.get(action=AuditAction.GOLD_ITEM_CREATED)
    assert event.data["redacted"] == {"EMAIL": 1, "PHONE": 1, "CARD": 1, "IP": 1}


# --- The policy is checked when the queue is made -------------------------------------


def queue_body(redaction: Any) -> dict[str, Any]:
    return {
        "slug": "new-queue",
        "name": "New",
        "labels": ["approve", "deny"],
        "redaction": redaction,
        "policy": {"auto_approve_at": 0.9, "sme_below": 0.5},
    }


@pytest.mark.parametrize(
    ("redaction", "message"),
    [
        ({"entities": ["EMAIL", "EMIAL"]}, "'EMIAL'"),
        ({"entities": ["SSN"]}, "'SSN'"),
        ({"entities": "EMAIL"}, "entities"),
        ({"entities": [1]}, "strings"),
        ({"types": ["EMAIL"]}, "entities"),
    ],
)
def test_queue_create_refuses_unknown_entity_types_with_a_field_error(
    admin_user: User, api_as: Any, redaction: Any, message: str
) -> None:
    response = api_as(admin_user).post("/api/v1/queues/", queue_body(redaction), format="json")

    assert response.status_code == 400
    fields = response.json()["error"]["fields"]
    assert list(fields) == ["redaction"]
    assert message in fields["redaction"][0]
    assert not Queue.objects.filter(slug="new-queue").exists()


def test_queue_create_stores_a_valid_policy_normalised(admin_user: User, api_as: Any) -> None:
    body = {**queue_body({"entities": ["phone", "EMAIL", "email"]}), "raw_retention_days": 30}

    response = api_as(admin_user).post("/api/v1/queues/", body, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["redaction"] == {"entities": ["EMAIL", "PHONE"]}
    assert response.json()["raw_retention_days"] == 30
    queue = Queue.objects.get(slug="new-queue")
    assert (queue.redaction, queue.raw_retention_days) == ({"entities": ["EMAIL", "PHONE"]}, 30)


def test_the_service_refuses_unknown_entity_types(db: None) -> None:
    with pytest.raises(RedactionPolicyInvalid, match="'NAME'"):
        queue_with("bad", redaction={"entities": ["NAME"]})
    assert not Queue.objects.filter(slug="bad").exists()


def test_factories_queue_still_redacts_by_default(db: None) -> None:
    assert ingest(make_queue(), input=f"mail {EMAIL}").input == "mail [EMAIL]"
