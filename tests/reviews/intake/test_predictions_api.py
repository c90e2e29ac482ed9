"""POST /api/v1/predictions/ and GET /api/v1/predictions/{id}/."""

from __future__ import annotations

from typing import Any

from rest_framework.test import APIClient

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import audit_verify
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.queues.services.access import client_create
from reviews.queues.services.queues import policy_create
from tests.conftest import token_client
from tests.factories import DEFAULT_POLICY, SYSTEM, make_queue, prediction_body

URL = "/api/v1/predictions/"


def post(api: APIClient, body: Any) -> Any:
    return api.post(URL, body, format="json")


def item_events(item_id: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(target_type="reviews.item", target_id=str(item_id)))


def test_ingest_returns_201_with_route_release_state_and_trace(
    api: APIClient, queue: Queue
) -> None:
    body = prediction_body(queue, output={"label": "approve", "confidence": 0.7})

    response = post(api, body)

    assert response.status_code == 201, response.json()
    data = response.json()
    item = Item.objects.get()
    assert data["id"] == item.pk
    assert data["external_id"] == body["external_id"]
    assert data["queue"] == "loans"
    assert data["route"] == "tier1"
    assert data["release"] == "held"
    assert data["state"] == "queued"
    assert data["tier"] == "tier1"
    assert data["policy_version"] == 1
    assert data["label"] == "approve"
    assert data["confidence"] == 0.7
    assert [step["step"] for step in data["trace"]] == ["calibrate", "thresholds", "release"]
    assert all(step["why"] for step in data["trace"])
    assert "input" not in data  # the output never echoes the input
    assert (item.route, item.release, item.state) == ("tier1", "held", "queued")
    assert item.trace == data["trace"]
    assert item.enqueued_at is not None
    assert item.released_at is None


def test_confident_prediction_is_auto_approved_and_released(api: APIClient, queue: Queue) -> None:
    response = post(api, prediction_body(queue, output={"label": "deny", "confidence": 0.95}))

    assert response.status_code == 201
    data = response.json()
    assert (data["route"], data["release"], data["state"], data["tier"]) == (
        "auto_approved",
        "released",
        "auto_approved",
        "",
    )
    assert data["released_at"] is not None


def test_unsure_prediction_goes_straight_to_smes(api: APIClient, queue: Queue) -> None:
    response = post(api, prediction_body(queue, output={"label": "deny", "confidence": 0.2}))

    assert response.status_code == 201
    data = response.json()
    assert (data["route"], data["state"], data["tier"], data["release"]) == (
        "sme",
        "queued",
        "sme",
        "held",
    )


def test_slice_scores_and_model_version_are_stored(api: APIClient, queue: Queue) -> None:
    body = prediction_body(
        queue,
        model_version="credit-7",
        slice={"region": "EU", "product": "mortgage"},
        input={"applicant": {"income": 52000, "notes": ["a", "b"]}, "flag": None},
        output={"label": "approve", "confidence": 0.8, "scores": {"approve": 0.8, "deny": 0.2}},
    )

    assert post(api, body).status_code == 201

    item = Item.objects.get()
    assert item.model_version == "credit-7"
    assert item.slice == {"region": "EU", "product": "mortgage"}
    assert item.input == body["input"]
    assert item.scores == {"approve": 0.8, "deny": 0.2}
    assert item.confidence == item.calibrated_confidence == 0.8


def test_idempotent_repeat_is_200_with_the_same_item(api: APIClient, queue: Queue) -> None:
    body = prediction_body(queue)
    first = post(api, body)
    events_after_first = AuditEvent.objects.count()

    again = post(api, body)

    assert first.status_code == 201
    assert again.status_code == 200, again.json()
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["route"] == first.json()["route"]
    assert Item.objects.count() == 1
    assert AuditEvent.objects.count() == events_after_first  # a repeat records nothing


def test_repeat_with_keys_in_another_order_is_the_same_body(api: APIClient, queue: Queue) -> None:
    body = prediction_body(queue, input={"a": 1, "b": [1, 2]})
    first = post(api, body)
    reordered = {key: body[key] for key in reversed(list(body))}
    reordered["input"] = {"b": [1, 2], "a": 1}

    again = api.post(URL, reordered, format="json")

    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]


def test_same_external_id_with_another_body_is_409_and_changes_nothing(
    api: APIClient, queue: Queue
) -> None:
    body = prediction_body(queue, output={"label": "approve", "confidence": 0.7})
    first = post(api, body).json()
    events = AuditEvent.objects.count()

    conflict = post(api, {**body, "output": {"label": "deny", "confidence": 0.99}})

    assert conflict.status_code == 409
    error = conflict.json()["error"]
    assert error["code"] == "idempotency_conflict"
    assert "external_id" in error["fields"]
    item = Item.objects.get()
    assert item.pk == first["id"]
    assert (item.output_label, item.confidence, item.route) == ("approve", 0.7, "tier1")
    assert AuditEvent.objects.count() == events


def test_same_external_id_in_another_queue_is_another_item(
    queue: Queue, other_queue: Queue
) -> None:
    api = token_client(client_create(name="both", queues=[queue, other_queue], actor=SYSTEM)[1])
    body = prediction_body(queue)

    first = post(api, body)
    second = post(api, {**body, "queue": other_queue.slug})

    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json()["id"] != second.json()["id"]
    assert Item.objects.count() == 2


def test_ingest_writes_one_event_with_receipt_and_route(api: APIClient, queue: Queue) -> None:
    body = prediction_body(queue, output={"label": "approve", "confidence": 0.7})

    item_id = post(api, body).json()["id"]

    (received,) = item_events(item_id)
    client = User.objects.get(username="scoring-service")
    item = Item.objects.get()
    assert received.action == AuditAction.ITEM_RECEIVED
    assert (received.actor_kind, received.actor_id, received.actor_label) == (
        "client",
        str(client.pk),
        "scoring-service",
    )
    assert received.data["external_id"] == body["external_id"]
    assert received.data["queue"] == "loans"
    assert received.data["label"] == "approve"
    assert received.data["confidence"] == 0.7
    assert received.data["body_sha256"] == item.body_hash
    assert received.data["route"] == item.route == "tier1"
    assert received.data["release"] == item.release
    assert received.data["policy_version"] == 1
    assert received.data["why"] == [step["why"] for step in item.trace]
    assert received.data["release"] == "held"
    assert len(received.data["why"]) == 3
    assert audit_verify().ok


def test_item_records_the_policy_version_that_routed_it(api: APIClient, queue: Queue) -> None:
    old = post(api, prediction_body(queue)).json()
    policy_create(queue=queue, policy={**DEFAULT_POLICY, "auto_approve_at": 0.6}, actor=SYSTEM)

    new = post(api, prediction_body(queue)).json()

    assert (old["policy_version"], old["route"]) == (1, "tier1")
    assert (new["policy_version"], new["route"]) == (2, "auto_approved")
    assert Item.objects.get(pk=old["id"]).policy.version == 1
    assert Item.objects.get(pk=new["id"]).policy.version == 2


def test_audit_sampled_item_is_released_and_queued_for_tier1(api: APIClient) -> None:
    sampled_queue = make_queue("sampled", audit_sample_rate=1.0)
    api = token_client(client_create(name="sampler", queues=[sampled_queue], actor=SYSTEM)[1])

    response = post(api, prediction_body(sampled_queue, output={"label": "deny", "confidence": 1}))

    assert response.status_code == 201
    data = response.json()
    assert (data["route"], data["release"], data["state"], data["tier"]) == (
        "auto_approved",
        "released",
        "queued",
        "tier1",
    )
    assert data["sample_reason"] == "audit"


# --- GET /api/v1/predictions/{id}/ -----------------------------------------------------


def test_client_reads_its_prediction(api: APIClient, queue: Queue) -> None:
    created = post(api, prediction_body(queue)).json()

    response = api.get(f"{URL}{created['id']}/")

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == created["id"]
    assert data["state"] == "queued"
    assert data["route"] == "tier1"
    assert data["release"] == "held"
    assert data["final_label"] == ""
    assert data["outcome"] == ""
    assert data["decided_at"] is None
    assert data["trace"] == created["trace"]


def test_reviewer_of_the_queue_reads_the_prediction(
    api: APIClient, api_as: Any, queue: Queue, annotator: User, sme: User
) -> None:
    created = post(api, prediction_body(queue)).json()

    for reviewer in (annotator, sme):
        response = api_as(reviewer).get(f"{URL}{created['id']}/")
        assert response.status_code == 200
        assert response.json()["external_id"] == created["external_id"]


def test_outsider_gets_404_for_the_prediction(
    api: APIClient, api_as: Any, queue: Queue, outsider: User
) -> None:
    created = post(api, prediction_body(queue)).json()

    response = api_as(outsider).get(f"{URL}{created['id']}/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_client_of_another_queue_gets_404(api: APIClient, queue: Queue, other_queue: Queue) -> None:
    created = post(api, prediction_body(queue)).json()
    other = token_client(client_create(name="other-svc", queues=[other_queue], actor=SYSTEM)[1])

    response = other.get(f"{URL}{created['id']}/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_unknown_prediction_id_is_404(api: APIClient, queue: Queue) -> None:
    response = api.get(f"{URL}999999/")

    assert response.status_code == 404
    assert set(response.json()["error"]) == {"code", "message", "fields"}


def test_reading_a_prediction_needs_a_token(api: APIClient, queue: Queue) -> None:
    created = post(api, prediction_body(queue)).json()

    response = APIClient().get(f"{URL}{created['id']}/")

    assert response.status_code == 401
