"""Reading and verifying the audit trail over the API, and the audit_verify command."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from reviews.queues.models import Queue
from tests.factories import ingest

pytestmark = pytest.mark.django_db

EVENTS = "/api/v1/audit/events/"
VERIFY = "/api/v1/audit/verify/"


@pytest.fixture
def admin_api(admin_user: User, api_as: Any) -> APIClient:
    return api_as(admin_user)


def test_admin_lists_events_newest_first_with_their_chain_fields(
    admin_api: APIClient, queue: Queue
) -> None:
    item = ingest(queue)

    response = admin_api.get(EVENTS, {"limit": 3})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == AuditEvent.objects.count()
    seqs = [e["seq"] for e in body["results"]]
    assert seqs == sorted(seqs, reverse=True)
    assert seqs[0] == AuditEvent.objects.order_by("-seq").first().seq  # type: ignore[union-attr]
    routed = next(e for e in body["results"] if e["action"] == AuditAction.ITEM_RECEIVED)
    stored = AuditEvent.objects.get(seq=routed["seq"])
    assert routed["action_name"] == "item received and routed"
    assert routed["target_type"] == "reviews.item"
    assert routed["target_id"] == str(item.pk)
    assert routed["data"] == stored.data
    assert routed["data"]["route"] == item.route
    assert (routed["prev_hash"], routed["hash"]) == (stored.prev_hash, stored.hash)
    assert routed["actor_kind"] == "system"


def test_events_filter_by_action(admin_api: APIClient, queue: Queue) -> None:
    items = [ingest(queue) for _ in range(3)]

    body = admin_api.get(EVENTS, {"action": int(AuditAction.ITEM_RECEIVED)}).json()

    assert body["count"] == 3
    assert {e["action"] for e in body["results"]} == {int(AuditAction.ITEM_RECEIVED)}
    assert {e["target_id"] for e in body["results"]} == {str(i.pk) for i in items}


def test_events_filter_by_target_gives_one_objects_history(
    admin_api: APIClient, queue: Queue
) -> None:
    item, _other = ingest(queue), ingest(queue)

    body = admin_api.get(EVENTS, {"target_type": "reviews.item", "target_id": item.pk}).json()

    assert [e["action"] for e in body["results"]] == [AuditAction.ITEM_RECEIVED]
    assert {e["target_id"] for e in body["results"]} == {str(item.pk)}


def test_events_filter_by_seq_range_and_actor_kind(admin_api: APIClient, queue: Queue) -> None:
    ingest(queue)
    head = AuditEvent.objects.order_by("-seq").first().seq  # type: ignore[union-attr]

    body = admin_api.get(
        EVENTS, {"after_seq": head - 3, "before_seq": head, "actor_kind": "system"}
    ).json()

    assert [e["seq"] for e in body["results"]] == [head - 1, head - 2]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"action": "routed"}, "action", "Must be an integer."),
        ({"after_seq": "1.5"}, "after_seq", "Must be an integer."),
        ({"since": "yesterday"}, "since", "Use an ISO 8601 time with a zone"),
        ({"until": "2026-01-31T12:00:00"}, "until", "Use an ISO 8601 time with a zone"),
    ],
)
def test_a_bad_filter_is_a_400_naming_the_field(
    admin_api: APIClient, params: dict[str, str], field: str, message: str
) -> None:
    response = admin_api.get(EVENTS, params)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert list(error["fields"]) == [field]
    assert error["fields"][field][0].startswith(message)


def test_a_time_filter_with_a_zone_is_accepted(admin_api: APIClient, queue: Queue) -> None:
    ingest(queue)

    assert admin_api.get(EVENTS, {"until": "2000-01-01T00:00:00Z"}).json()["count"] == 0
    assert admin_api.get(EVENTS, {"since": "2000-01-01T00:00:00+02:00"}).json()["count"] > 0


@pytest.mark.parametrize("path", [EVENTS, VERIFY])
def test_reviewers_and_client_systems_may_not_read_the_trail(
    path: str, annotator: User, sme: User, api_as: Any, api: APIClient
) -> None:
    for client in (api_as(annotator), api_as(sme), api):
        response = client.get(path)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "permission_denied"


@pytest.mark.parametrize("path", [EVENTS, VERIFY])
def test_anonymous_callers_are_401(path: str) -> None:
    response = APIClient().get(path)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("path", [EVENTS, VERIFY])
def test_a_wrong_token_is_401(path: str) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")

    response = client.get(path)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


def test_verify_endpoint_says_ok_with_the_count(admin_api: APIClient, queue: Queue) -> None:
    for _ in range(3):
        ingest(queue)
    head = AuditEvent.objects.order_by("-seq").first().seq  # type: ignore[union-attr]

    response = admin_api.get(VERIFY)

    assert response.status_code == 200
    assert response.json() == {
        "ok": True,
        "checked": head,
        "last_seq": head,
        "broken_seq": None,
        "reason": "",
    }


def test_audit_verify_command_exits_0_with_a_count_when_intact(queue: Queue) -> None:
    ingest(queue)
    head = AuditEvent.objects.order_by("-seq").first().seq  # type: ignore[union-attr]
    out = StringIO()

    call_command("audit_verify", stdout=out)  # raises CommandError (exit 1) when broken

    assert out.getvalue().strip() == f"audit chain OK: {head} events verified, head #{head}"
