"""Personas and clients shared by every test.

Markers: `postgres` tests are skipped on SQLite; `worker` tests start a real Celery
worker process, on Redis when CELERY_BROKER_URL is set and otherwise (those that can)
on the embedded filesystem broker.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from rest_framework.test import APIClient

from accounts.models import User
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from reviews.queues.services.access import client_create, reviewer_create
from tests.factories import SYSTEM, make_queue


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    from django.conf import settings

    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://…")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Personas get passwords; PBKDF2's million rounds would dominate the suite's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def on_postgres() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture
def queue(db: None) -> Queue:
    return make_queue("loans")


@pytest.fixture
def other_queue(db: None) -> Queue:
    return make_queue("other")


def _person(role: Role, username: str, queues: list[Queue]) -> tuple[User, str]:
    return reviewer_create(
        username=username, role=role, queues=queues, password="pw-for-tests-only", actor=SYSTEM
    )


@pytest.fixture
def annotator(queue: Queue) -> User:
    return _person(Role.ANNOTATOR, "annotator", [queue])[0]


@pytest.fixture
def sme(queue: Queue) -> User:
    return _person(Role.SME, "sme", [queue])[0]


@pytest.fixture
def responder(queue: Queue) -> User:
    return _person(Role.RESPONDER, "responder", [queue])[0]


@pytest.fixture
def admin_user(queue: Queue) -> User:
    return _person(Role.ADMIN, "admin", [])[0]


@pytest.fixture
def outsider(other_queue: Queue) -> User:
    """An annotator on another queue: authenticated, but with no reach into `queue`."""
    return _person(Role.ANNOTATOR, "outsider", [other_queue])[0]


def token_client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def client_key(queue: Queue) -> str:
    """The API key of a client system that may submit to `queue` only."""
    return client_create(name="scoring-service", queues=[queue], actor=SYSTEM)[1]


@pytest.fixture
def api(client_key: str) -> APIClient:
    """An API client authenticated as the client system of `queue`."""
    return token_client(client_key)


@pytest.fixture
def api_as() -> Any:
    """api_as(user) -> an APIClient authenticated as that user (a fresh token)."""
    from accounts.services import token_issue

    def build(user: User) -> APIClient:
        return token_client(token_issue(user=user, actor=SYSTEM))

    return build
