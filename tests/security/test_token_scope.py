"""API tokens stay inside their scope (SPEC §6, §7): a client system's token reaches the
queues it may submit to and nothing else; it never reviews; a revoked token is dead; a
token in the query string is not a token; a reviewer's token does not manage queues."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import ApiToken, User
from accounts.services import token_issue, token_revoke
from reviews.intake.models import Item
from reviews.queues.models import Queue
from tests.conftest import token_client
from tests.factories import SYSTEM, prediction_body
from tests.security.two_queues import World, build_world, db_state

DECISION = {"verdict": "approve"}


@pytest.fixture
def world(db: None, settings: Any, tmp_path: Any) -> World:
    settings.HITL_DATASETS_DIR = tmp_path / "datasets"
    return build_world()


@pytest.fixture
def scoped(world: World) -> APIClient:
    """The client system of queue A."""
    return token_client(world.client_key)


def _error_code(response: Any) -> str:
    return response.json()["error"]["code"]  # type: ignore[no-any-return]


# --- A client token scoped to queue A ------------------------------------------------------


def test_submitting_to_another_queue_is_404_queue_not_found(
    world: World, scoped: APIClient
) -> None:
    before = db_state()

    response = scoped.post("/api/v1/predictions/", prediction_body(world.b.queue), format="json")

    assert response.status_code == 404
    assert _error_code(response) == "queue_not_found"
    assert response.json()["error"]["fields"] == {"queue": ["No such queue."]}
    assert db_state() == before
    # The control: the same body for its own queue is stored.
    own = scoped.post("/api/v1/predictions/", prediction_body(world.a.queue), format="json")
    assert own.status_code == 201


def test_a_bulk_call_stores_its_own_queue_and_refuses_the_other(
    world: World, scoped: APIClient
) -> None:
    mine, theirs = prediction_body(world.a.queue), prediction_body(world.b.queue)

    response = scoped.post("/api/v1/predictions/bulk/", {"items": [mine, theirs]}, format="json")

    results = response.json()["results"]
    assert [r["status"] for r in results] == [201, 404]
    assert results[1]["error"]["code"] == "queue_not_found"
    assert not Item.objects.filter(queue=world.b.queue, external_id=theirs["external_id"]).exists()


READS = [
    "/api/v1/predictions/{item}/",
    "/api/v1/queues/{q}/",
    "/api/v1/queues/{q}/metrics/",
    "/api/v1/queues/{q}/containment/",
    "/api/v1/escalations/{ticket}/",
    "/api/v1/incidents/{incident}/",
    "/api/v1/datasets/{dataset}/",
]


def test_reading_the_other_queue_is_404(world: World, scoped: APIClient) -> None:
    answers = {path: scoped.get(path.format(**world.b.ids)).status_code for path in READS}

    assert answers == dict.fromkeys(READS, 404)


def test_lists_show_the_client_only_its_own_queue(world: World, scoped: APIClient) -> None:
    queues = scoped.get("/api/v1/queues/").json()["results"]
    tickets = scoped.get("/api/v1/escalations/", {"queue": world.b.queue.slug}).json()

    assert [q["slug"] for q in queues] == [world.a.queue.slug]
    assert tickets["count"] == 0
    # It reads back what it submitted (submit makes the queue visible), and nothing more.
    assert scoped.get(f"/api/v1/predictions/{world.a.item.pk}/").status_code == 200


REVIEW_CALLS = [
    ("post", "/api/v1/queues/{q}/claim/", {}),
    ("post", "/api/v1/assignments/{assignment}/decision/", DECISION),
    ("post", "/api/v1/assignments/{assignment}/release/", {}),
    ("post", "/api/v1/escalations/{ticket}/take/", {}),
    ("post", "/api/v1/escalations/{ticket}/acknowledge/", {}),
    ("post", "/api/v1/incidents/{incident}/items/{incident_item}/decision/", DECISION),
    ("post", "/api/v1/predictions/{item}/raw/", {"reason": "Curious."}),
    ("get", "/api/v1/queues/{q}/metrics/", {}),
    ("post", "/api/v1/queues/{q}/datasets/", {}),
]


def test_a_client_token_cannot_review_its_own_queue(world: World, scoped: APIClient) -> None:
    """Submitting is not reviewing: on its own queue A, every review, escalation, raw,
    metrics and export call is refused, and nothing changes."""
    before = db_state()

    answers = {
        path: getattr(scoped, method)(path.format(**world.a.ids), body, format="json").status_code
        for method, path, body in REVIEW_CALLS
    }

    assert {path: code in (403, 404) for path, code in answers.items()} == {
        path: True for _, path, _ in REVIEW_CALLS
    }, answers
    assert db_state() == before


def test_a_client_system_cannot_sign_in_to_the_browser(world: World) -> None:
    client_user = User.objects.get(username="client-a")

    browser = Client()

    response = browser.post("/accounts/login/", {"username": "client-a", "password": "guess"})

    assert not client_user.has_usable_password()  # no password can ever match
    assert response.status_code == 200  # the form again
    assert "_auth_user_id" not in browser.session


# --- Token lifecycle and transport ---------------------------------------------------------


def test_a_revoked_token_is_401(world: World, scoped: APIClient) -> None:
    assert scoped.get("/api/v1/queues/").status_code == 200
    token = ApiToken.objects.get(user__username="client-a")

    token_revoke(token=token, actor=SYSTEM)
    response = scoped.get("/api/v1/queues/")

    assert response.status_code == 401
    assert _error_code(response) == "invalid_token"
    assert (
        scoped.post("/api/v1/predictions/", prediction_body(world.a.queue), format="json")
    ).status_code == 401


def test_a_deactivated_users_token_is_401(world: World) -> None:
    api = token_client(world.insider_key)
    assert api.get("/api/v1/queues/").status_code == 200
    User.objects.filter(pk=world.insider.pk).update(is_active=False)

    assert api.get("/api/v1/queues/").status_code == 401


@pytest.mark.parametrize("name", ["token", "auth_token", "access_token", "key", "api_key"])
def test_a_token_in_the_query_string_is_ignored(client_key: str, name: str) -> None:
    """Query strings end up in proxy and server logs; the header is the only way in."""
    response = APIClient().get("/api/v1/queues/", {name: client_key})

    assert response.status_code == 401
    assert _error_code(response) == "not_authenticated"


@pytest.mark.parametrize(
    "header",
    ["Bearer {key}", "Token", "Token {key} extra", "Token {key}x", "Basic {key}"],
)
def test_anything_but_the_exact_header_is_refused(client_key: str, header: str) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header.format(key=client_key))

    assert client.get("/api/v1/queues/").status_code == 401


def test_a_token_in_the_body_is_ignored(client_key: str, queue: Queue) -> None:
    response = APIClient().post(
        "/api/v1/predictions/", {**prediction_body(queue), "token": client_key}, format="json"
    )

    assert response.status_code == 401


# --- A reviewer's token does not manage ------------------------------------------------------


@pytest.fixture
def annotator_api(world: World) -> APIClient:
    """The annotator of queue A (review permission only), with their own token."""
    user = User.objects.get(username=f"{world.a.queue.slug}-annotator")
    return token_client(token_issue(user=user, actor=SYSTEM))


def test_a_reviewer_cannot_create_a_queue(world: World, annotator_api: APIClient) -> None:
    body = {
        "slug": "sneaky",
        "name": "Sneaky",
        "labels": [{"value": "yes"}],
        "policy": {"auto_approve_at": 0.9, "sme_below": 0.5},
    }

    response = annotator_api.post("/api/v1/queues/", body, format="json")

    assert response.status_code == 403
    assert _error_code(response) == "permission_denied"
    assert not Queue.objects.filter(slug="sneaky").exists()


MANAGE_CALLS = [
    ("/api/v1/queues/{q}/policies/", {"auto_approve_at": 0.1, "sme_below": 0.0}),
    ("/api/v1/queues/{q}/alerts/", {"name": "x", "metric": "ece", "comparison": "above",
                                   "threshold": 0.1}),
    ("/api/v1/queues/{q}/qualification/", {"gold_rate": 1.0}),
    ("/api/v1/queues/{q}/simulator/draft/", {"auto_approve_at": 0.1}),
    ("/api/v1/queues/{q}/gold/", {"external_id": "g", "model_version": "m", "input": {},
                                 "output": {"label": "approve", "confidence": 0.5},
                                 "gold_label": "deny"}),
    ("/api/v1/queues/{q}/containment/", {"reason": "Because."}),
    ("/api/v1/queues/{q}/calibration/", {"method": "platt"}),
]  # fmt: skip


def test_a_reviewer_cannot_manage_their_own_queue(world: World, annotator_api: APIClient) -> None:
    before = db_state()

    answers = {
        path: _error_code(annotator_api.post(path.format(**world.a.ids), body, format="json"))
        for path, body in MANAGE_CALLS
    }

    assert answers == {path: "queue_not_found" for path, _ in MANAGE_CALLS}
    assert db_state() == before


def test_the_insider_token_manages_its_queue(world: World) -> None:
    """The control for the two tests above: the manage permission is what they lacked."""
    api = token_client(world.insider_key)

    response = api.post(
        f"/api/v1/queues/{world.a.queue.slug}/policies/",
        {"auto_approve_at": 0.95, "sme_below": 0.4},
        format="json",
    )

    assert response.status_code == 201
