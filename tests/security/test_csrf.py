"""CSRF on every state-changing browser URL (SPEC §6), and on the API when it rides a
browser session (DRF's SessionAuthentication enforces Django's check; a token does not
need it, since a forged cross-site request cannot set an Authorization header).

Each line of the tables is posted twice by a signed-in browser that enforces CSRF as a
real one does: without the token it must be 403 and change nothing; with the token (the
control) it must not be 403, so the refusal is CSRF's and not the view's. Both sends run
in a savepoint rolled back afterwards, so every line meets the same world.
`test_every_page_url_is_classified` walks the URL configuration: a new page URL must be
added to POSTS or to GET_ONLY.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from rest_framework.test import APIClient

from accounts.models import User
from tests.factories import prediction_body
from tests.security.test_idor import CALLS
from tests.security.two_queues import World, build_world, db_state


@dataclass(frozen=True)
class Post:
    path: str
    body: dict[str, Any] = field(default_factory=dict)
    who: str = "insider"  # insider (every permission on A), root (superuser), anonymous


DECISION = {"verdict": "approve"}

POSTS: list[Post] = [
    Post("/accounts/login/", {"username": "insider", "password": "pw-for-tests-only"},
         who="anonymous"),
    Post("/accounts/logout/"),
    Post("/audit/verify/", who="root"),
    Post("/queues/{q}/review/{assignment}/decide/", DECISION),
    Post("/queues/{q}/review/{assignment}/release/"),
    Post("/queues/{q}/items/{item}/raw/", {"reason": "Customer dispute 88."}),
    Post("/escalations/{ticket}/acknowledge/"),
    Post("/escalations/{ticket}/resolve/", {"resolution": "Settled."}),
    Post("/escalations/{ticket}/take/"),
    Post("/incidents/{incident}/transition/", {"to": "acknowledged"}),
    Post("/incidents/{incident}/update/", {"severity": "sev1"}),
    Post("/incidents/{incident}/notes/", {"text": "Looking."}),
    Post("/incidents/{incident}/contain/", {"reason": "Stop.", "slice": "region=US"}),
    Post("/incidents/{incident}/containments/{containment}/lift/", {"note": "Fixed."}),
    Post("/incidents/{incident}/items/{incident_item}/decide/", DECISION),
    Post("/queues/{q}/datasets/", {"window": "30d"}),
    Post("/queues/{q}/datasets/trigger/", {"every_corrected": "10", "active": "on"}),
    Post("/admin/login/", {"username": "root", "password": "pw-for-tests-only"},
         who="anonymous"),
    Post("/admin/logout/", who="root"),
    Post("/admin/reviews/alertrule/{rule}/change/", {"name": "renamed"}, who="root"),
]  # fmt: skip

# Page URLs that change nothing on a POST (they ignore the method or refuse it).
GET_ONLY = {
    "my-queues", "review", "dashboard", "escalations", "escalation", "incidents", "incident",
    "audit-browser", "datasets-row", "healthz", "readyz", "api-schema", "api-docs",
}  # fmt: skip


@pytest.fixture
def world(db: None, settings: Any, tmp_path: Path) -> World:
    settings.HITL_DATASETS_DIR = tmp_path / "datasets"
    world = build_world()
    User.objects.create_superuser("root", "root@example.com", "pw-for-tests-only")
    return world


def browser(who: str, *, api: bool = False) -> Any:
    """A browser that enforces CSRF, signed in as `who` (before any picture is taken)."""
    client = APIClient(enforce_csrf_checks=True) if api else Client(enforce_csrf_checks=True)
    if who != "anonymous":
        client.force_login(User.objects.get(username=who))
    return client


def csrf_token(client: Any) -> str:
    """The token a page's forms carry: the CSRF cookie, set by any page with a form."""
    client.get("/accounts/login/")
    return client.cookies["csrftoken"].value  # type: ignore[no-any-return]


def undone(send: Any) -> tuple[Any, dict[str, Any]]:
    with transaction.atomic():
        response = send()
        after = db_state()
        transaction.set_rollback(True)
    return response, after


def test_every_state_changing_page_refuses_a_post_without_the_token(world: World) -> None:
    ids = world.a.ids
    refused, controls = [], []

    for post in POSTS:
        client = browser(post.who)
        path = post.path.format(**ids)
        before = db_state()
        response, after = undone(lambda: client.post(path, post.body))  # noqa: B023
        if response.status_code != 403 or after != before:
            refused.append(f"{post.path}: {response.status_code}")
        body = {**post.body, "csrfmiddlewaretoken": csrf_token(client)}
        allowed, _ = undone(lambda: client.post(path, body))  # noqa: B023
        if allowed.status_code == 403 or allowed.status_code >= 500:
            controls.append(f"{post.path}: {allowed.status_code}")

    assert refused == []
    assert controls == []


def test_logout_without_the_token_leaves_the_session_signed_in(world: World) -> None:
    client = browser("insider")

    assert client.post("/accounts/logout/").status_code == 403
    assert client.get("/").status_code == 200  # still signed in


def test_the_token_from_another_origin_is_refused(world: World) -> None:
    """A token that leaked to another site is still no good from there: over HTTPS Django
    also checks the Referer, and the Origin header wherever a browser sends one."""
    client = browser("insider")
    body = {"text": "Looking.", "csrfmiddlewaretoken": csrf_token(client)}
    path = f"/incidents/{world.a.incident.pk}/notes/"
    before = db_state()

    cross_site = client.post(path, body, HTTP_ORIGIN="https://evil.example")
    no_referer = client.post(path, body, secure=True)
    bad_referer = client.post(path, body, secure=True, HTTP_REFERER="https://evil.example/x")

    assert [cross_site.status_code, no_referer.status_code, bad_referer.status_code] == [403] * 3
    assert db_state() == before


# --- The API on a browser session ----------------------------------------------------------

API_WRITES = [
    ("POST", "/api/v1/predictions/", "body"),
    ("POST", "/api/v1/predictions/bulk/", "bulk"),
    ("POST", "/api/v1/queues/", "queue"),
] + [(call.method, call.path, "") for call in CALLS if call.api and call.method != "GET"]


def _api_body(kind: str, world: World, given: dict[str, Any]) -> dict[str, Any]:
    if kind == "body":
        return prediction_body(world.a.queue)
    if kind == "bulk":
        return {"items": [prediction_body(world.a.queue)]}
    if kind == "queue":
        return {"slug": "new-queue", "name": "New", "labels": [{"value": "yes"}],
                "policy": {"auto_approve_at": 0.9, "sme_below": 0.5}}  # fmt: skip
    return given


def test_every_api_write_on_a_session_needs_the_token(world: World) -> None:
    bodies = {call.path: call.body for call in CALLS}
    ids = {**world.a.ids, "A_q": world.a.queue.slug, "A_incident": world.a.incident.pk}
    refused, controls = [], []

    for method, template, kind in API_WRITES:
        client = browser("insider", api=True)
        path, body = template.format(**ids), _api_body(kind, world, bodies.get(template, {}))
        before = db_state()
        send = getattr(client, method.lower())
        response, after = undone(lambda: send(path, body, format="json"))  # noqa: B023
        message = response.json()["error"]["message"] if response.status_code == 403 else ""
        if "CSRF" not in message or after != before:
            refused.append(f"{method} {template}: {response.status_code}")
        token = csrf_token(client)
        allowed, _ = undone(lambda: send(path, body, format="json", HTTP_X_CSRFTOKEN=token))  # noqa: B023
        if allowed.status_code == 403 and "CSRF" in allowed.json()["error"]["message"]:
            controls.append(f"{method} {template}")

    assert refused == []
    assert controls == []


def test_a_token_authenticated_api_call_needs_no_csrf_token(world: World) -> None:
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {world.client_key}")

    response = client.post("/api/v1/predictions/", prediction_body(world.a.queue), format="json")

    assert response.status_code == 201


# --- Coverage of the tables -------------------------------------------------------------


def _page_names(resolver: URLResolver, prefix: str = "") -> set[str]:
    names = set()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(("api/v1/", "admin/", "static/")):
            continue
        if isinstance(pattern, URLResolver):
            names |= _page_names(pattern, route)
        elif isinstance(pattern, URLPattern):
            names.add(pattern.name or route)
    return names


def test_every_page_url_is_classified(world: World) -> None:
    posted = {resolve(post.path.format(**world.a.ids)).url_name for post in POSTS}

    unclassified = _page_names(get_resolver()) - posted - GET_ONLY

    assert unclassified == set(), "add each to POSTS (it changes state) or to GET_ONLY"
