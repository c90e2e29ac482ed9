"""API tokens: issued once, stored hashed, revocable, and the `Token` header that carries them."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import ApiToken, User
from accounts.services import token_issue, token_revoke
from audit.actions import AuditAction
from audit.models import AuditEvent
from reviews.queues.models import Queue
from tests.conftest import token_client
from tests.factories import SYSTEM

PROBE = "/api/v1/queues/"


@pytest.fixture
def person(db: None) -> User:
    return User.objects.create(username="carol", kind=User.Kind.PERSON)


def test_token_issue_stores_only_the_hash(person: User) -> None:
    key = token_issue(user=person, name="laptop", actor=SYSTEM)

    token = ApiToken.objects.get(user=person)
    assert key.startswith("hitl_")
    assert len(key) > 40
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert token.prefix == key[:12]
    assert token.name == "laptop"
    assert token.revoked_at is None
    for row in ApiToken.objects.values():
        assert all(key not in str(value) for value in row.values())


def test_each_issue_gives_a_new_key(person: User) -> None:
    keys = {token_issue(user=person, actor=SYSTEM) for _ in range(5)}

    assert len(keys) == 5
    assert ApiToken.objects.filter(user=person).count() == 5


def test_token_issue_is_audited_without_the_key(person: User) -> None:
    key = token_issue(user=person, actor=SYSTEM)

    event = AuditEvent.objects.filter(action=AuditAction.TOKEN_ISSUED).latest("seq")
    assert event.data["user"] == "carol"
    assert event.data["prefix"] == key[:12]
    assert key not in event.data_json


def test_token_authenticates_the_user(person: User, queue: Queue) -> None:
    key = token_issue(user=person, actor=SYSTEM)

    response = token_client(key).get(PROBE)

    assert response.status_code == 200
    assert response.wsgi_request.user == person


def test_keyword_is_case_insensitive(person: User, queue: Queue) -> None:
    key = token_issue(user=person, actor=SYSTEM)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"token {key}")

    assert client.get(PROBE).status_code == 200


def test_revoked_token_is_refused(person: User, queue: Queue) -> None:
    key = token_issue(user=person, actor=SYSTEM)
    other_key = token_issue(user=person, actor=SYSTEM)
    token = ApiToken.objects.get(prefix=key[:12])

    token_revoke(token=token, actor=SYSTEM)

    response = token_client(key).get(PROBE)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"
    # The user's other token still works.
    assert token_client(other_key).get(PROBE).status_code == 200


def test_revoking_twice_is_audited_once(person: User) -> None:
    token_issue(user=person, actor=SYSTEM)
    token = ApiToken.objects.get(user=person)

    token_revoke(token=token, actor=SYSTEM)
    first_revoked_at = ApiToken.objects.get(pk=token.pk).revoked_at
    token_revoke(token=token, actor=SYSTEM)

    assert ApiToken.objects.get(pk=token.pk).revoked_at == first_revoked_at
    assert AuditEvent.objects.filter(action=AuditAction.TOKEN_REVOKED).count() == 1


def test_token_of_a_deactivated_user_is_refused(person: User, queue: Queue) -> None:
    key = token_issue(user=person, actor=SYSTEM)
    User.objects.filter(pk=person.pk).update(is_active=False)

    response = token_client(key).get(PROBE)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("Token", "invalid_token"),
        ("Token a b", "invalid_token"),
        ("Token not-a-key", "invalid_token"),
        ("Token hitl_" + "x" * 43, "invalid_token"),
        ("Token \xff\xfe", "invalid_token"),
        ("Bearer abc", "not_authenticated"),
        ("", "not_authenticated"),
    ],
    ids=["no_key", "two_keys", "unknown", "unknown_hitl_shaped", "not_utf8", "bearer", "empty"],
)
def test_bad_authorization_header_is_401(db: None, header: str, code: str) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)

    response = client.get(PROBE)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == code
    assert response["WWW-Authenticate"] == "Token"


def test_hash_of_a_key_is_not_a_key(person: User, queue: Queue) -> None:
    """Sending what the database stores must not authenticate (a leaked row is no key)."""
    token_issue(user=person, actor=SYSTEM)
    token = ApiToken.objects.get(user=person)

    assert token_client(token.key_hash).get(PROBE).status_code == 401
    assert token_client(token.prefix).get(PROBE).status_code == 401


def test_client_token_reaches_only_its_queues(
    api: APIClient, queue: Queue, other_queue: Any
) -> None:
    slugs = [q["slug"] for q in api.get(PROBE).json()["results"]]

    assert slugs == ["loans"]
