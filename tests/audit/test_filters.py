"""The audit trail's one FilterSet (audit/filters.py): the API and the audit browser refuse
the same values with the same messages, the API with a 400 naming each field, the page
above an empty table."""

from __future__ import annotations

import html
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from audit.models import AuditEvent
from audit.views import PAGE_SIZE
from hitl.filters import MAX_INTEGER
from tests.audit.test_browser_page import as_user, record, seqs
from tests.factories import SYSTEM

pytestmark = pytest.mark.django_db

EVENTS = "/api/v1/audit/events/"
OUT_OF_RANGE = f"Must be between -{MAX_INTEGER} and {MAX_INTEGER}."
NOT_IN_UTC = "Must be a time between the years 1 and 9999, in UTC."
NO_ZONE = "Use an ISO 8601 time with a zone, e.g. 2026-01-31T12:00:00Z."


@pytest.fixture
def admin_api(admin_user: User, api_as: Any) -> APIClient:
    return api_as(admin_user)


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"action": "lots"}, "action", "Must be an integer."),
        ({"action": str(2**63)}, "action", OUT_OF_RANGE),
        ({"actor": "a\x00b"}, "actor", "Must not contain NUL characters."),
        ({"target_id": "\x00"}, "target_id", "Must not contain NUL characters."),
        ({"since": "0001-01-01T00:00:00+14:00"}, "since", NOT_IN_UTC),
        ({"until": "9999-12-31T23:59:59-14:00"}, "until", NOT_IN_UTC),
        ({"until": "yesterday"}, "until", NO_ZONE),
    ],
)
def test_the_api_and_the_page_refuse_a_value_naming_its_field(
    admin_user: User, admin_api: APIClient, params: dict[str, str], field: str, message: str
) -> None:
    record(3)

    api = admin_api.get(EVENTS, params)
    page = as_user(admin_user).get("/audit/", params)

    assert api.status_code == 400
    assert api.json()["error"] == {
        "code": "invalid",
        "message": "Invalid filter.",
        "fields": {field: [message]},
    }
    assert page.status_code == 200
    assert html.escape(f"{field}: {message}") in page.content.decode()
    assert seqs(page) == []


def test_every_refused_filter_is_named_at_once(admin_user: User, admin_api: APIClient) -> None:
    params = {"action": "lots", "since": "yesterday"}

    fields = admin_api.get(EVENTS, params).json()["error"]["fields"]
    page = as_user(admin_user).get("/audit/", params).content.decode()

    assert fields == {"action": ["Must be an integer."], "since": [NO_ZONE]}
    assert "action: Must be an integer." in page
    assert "since: Use an ISO 8601 time" in page


@pytest.mark.parametrize("cursor", ["before_seq", "after_seq"])
@pytest.mark.parametrize("value", ["W", str(2**64)])
def test_a_cursor_the_page_cannot_use_is_its_first_page_and_a_400_on_the_api(
    admin_user: User, admin_api: APIClient, cursor: str, value: str
) -> None:
    record(PAGE_SIZE + 5)
    newest = list(AuditEvent.objects.order_by("-seq").values_list("seq", flat=True))

    page = as_user(admin_user).get("/audit/", {cursor: value})

    assert page.status_code == 200
    assert 'role="alert"' not in page.content.decode()
    assert seqs(page) == newest[:PAGE_SIZE]
    assert list(admin_api.get(EVENTS, {cursor: value}).json()["error"]["fields"]) == [cursor]


def test_the_page_filters_by_actor_kind_and_keeps_it_across_pages(admin_user: User) -> None:
    record(PAGE_SIZE + 1, actor=SYSTEM)
    kinds = set(AuditEvent.objects.values_list("actor_kind", flat=True))

    page = as_user(admin_user).get("/audit/", {"actor_kind": "client"})
    system = as_user(admin_user).get("/audit/", {"actor_kind": "system"})

    assert "client" not in kinds
    assert seqs(page) == []
    assert len(seqs(system)) == PAGE_SIZE
    assert "actor_kind=system&amp;before_seq=" in system.content.decode()
