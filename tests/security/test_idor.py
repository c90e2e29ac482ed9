"""IDOR across queues (SPEC §6): every endpoint that takes an id or a slug, asked by the
insider of queue A (every per-queue permission on A, nothing global) about an object of
queue B, answers 404 (not 403, not 200) and changes nothing: no row, no audit event.

The table is the test: one line per endpoint and method. Each line is sent twice, each
time in a savepoint rolled back afterwards, so every line meets the same world: about
B's object it must be 404 with nothing changed; about A's twin (the control) it must not
be, which proves the insider really may do it and the 404 is the tenancy check, not a bad
body or a missing permission. The failures are listed together, by line.
`test_every_endpoint_with_an_id_is_in_the_table` walks the URL configuration, so a new
endpoint without its line fails.

Path templates: {q} {item} {assignment} {ticket} {incident} {incident_item} {containment}
{rule} {gold} {dataset} {reviewer} are the tenant's (B, or A for the control); {A_q} {A_incident}
are always A's, for the mixed requests (A's incident, B's containment).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from tests.conftest import token_client
from tests.security.two_queues import World, build_world, db_state, gold_body


@dataclass(frozen=True)
class Call:
    """One request: `api` calls carry the insider's token, pages their browser session."""

    method: str
    path: str
    body: dict[str, Any] = field(default_factory=dict)
    api: bool = True
    control: bool = True  # False: A's twin is not a fair control (said why on the line)

    @property
    def id(self) -> str:
        return f"{self.method} {self.path}"


RULE = {"name": "ece above 0.2", "metric": "ece", "comparison": "above", "threshold": 0.2}
POLICY = {"auto_approve_at": 0.95, "sme_below": 0.4}
DECISION = {"verdict": "approve"}
LIFT = {"note": "The drift is fixed."}
CONTAIN = {"reason": "Stop auto-approval.", "slice": {"region": "US"}}
CONTAIN_FORM = {"reason": "Stop auto-approval.", "slice": "region=US"}

CALLS: list[Call] = [
    # --- API: items and their raw input ---------------------------------------------------
    Call("GET", "/api/v1/predictions/{item}/"),
    Call("POST", "/api/v1/predictions/{item}/raw/", {"reason": "Customer dispute 88."}),
    # Gold items are nobody's to read back, A's included (selectors.items_visible_to).
    Call("GET", "/api/v1/predictions/{gold}/", control=False),
    Call("POST", "/api/v1/predictions/{gold}/raw/", {"reason": "Curious."}, control=False),
    # --- API: queues and what hangs off them ----------------------------------------------
    Call("GET", "/api/v1/queues/{q}/"),
    Call("POST", "/api/v1/queues/{q}/policies/", POLICY),
    Call("GET", "/api/v1/queues/{q}/containment/"),
    Call("POST", "/api/v1/queues/{q}/containment/", CONTAIN),
    Call("POST", "/api/v1/queues/{q}/containment/{containment}/lift/", LIFT),
    Call("POST", "/api/v1/queues/{A_q}/containment/{containment}/lift/", LIFT),
    Call("POST", "/api/v1/queues/{q}/gold/", gold_body("gold-new")),
    Call("GET", "/api/v1/queues/{q}/qualification/"),
    Call("POST", "/api/v1/queues/{q}/qualification/", {"gold_rate": 0.5}),
    # A's twin has no disqualified reviewer to re-qualify: its answer would be a 404 too.
    Call("POST", "/api/v1/queues/{q}/qualifications/{reviewer}/requalify/", control=False),
    Call("POST", "/api/v1/queues/{q}/claim/", {"tier": "sme"}),
    Call("GET", "/api/v1/queues/{q}/metrics/"),
    Call("GET", "/api/v1/queues/{q}/calibration/"),
    Call("POST", "/api/v1/queues/{q}/calibration/", {"method": "platt"}),
    Call("GET", "/api/v1/queues/{q}/simulator/"),
    Call("POST", "/api/v1/queues/{q}/simulator/draft/", {"auto_approve_at": 0.8}),
    Call("GET", "/api/v1/queues/{q}/alerts/"),
    Call("POST", "/api/v1/queues/{q}/alerts/", RULE),
    Call("PATCH", "/api/v1/queues/{q}/alerts/{rule}/", {"threshold": 0.5}),
    Call("PATCH", "/api/v1/queues/{A_q}/alerts/{rule}/", {"threshold": 0.5}),
    # --- API: assignments (B's is B's annotator's lease; A's is the insider's own) --------
    Call("POST", "/api/v1/assignments/{assignment}/decision/", DECISION),
    Call("POST", "/api/v1/assignments/{assignment}/release/"),
    # --- API: escalations, their bundles, incidents ---------------------------------------
    Call("GET", "/api/v1/escalations/{ticket}/"),
    Call("POST", "/api/v1/escalations/{ticket}/acknowledge/"),
    Call("POST", "/api/v1/escalations/{ticket}/resolve/", {"resolution": "Settled."}),
    Call("POST", "/api/v1/escalations/{ticket}/take/"),
    Call("GET", "/api/v1/incidents/{incident}/"),
    Call("POST", "/api/v1/incidents/{incident}/transition/", {"to": "acknowledged"}),
    Call("POST", "/api/v1/incidents/{incident}/update/", {"severity": "sev1"}),
    Call("POST", "/api/v1/incidents/{incident}/notes/", {"text": "Looking."}),
    Call("POST", "/api/v1/incidents/{incident}/contain/", CONTAIN),
    Call("POST", "/api/v1/incidents/{incident}/containments/{containment}/lift/", LIFT),
    Call("POST", "/api/v1/incidents/{A_incident}/containments/{containment}/lift/", LIFT),
    Call("POST", "/api/v1/incidents/{incident}/items/{incident_item}/decision/", DECISION),
    Call("POST", "/api/v1/incidents/{A_incident}/items/{incident_item}/decision/", DECISION),
    # --- API: dataset snapshots (export permission) ----------------------------------------
    Call("GET", "/api/v1/queues/{q}/datasets/"),
    Call("POST", "/api/v1/queues/{q}/datasets/", {"raw": False}),
    Call("GET", "/api/v1/datasets/{dataset}/"),
    Call("GET", "/api/v1/datasets/{dataset}/download/?format=jsonl"),
    # --- Browser pages ----------------------------------------------------------------------
    Call("GET", "/queues/{q}/review/", api=False),
    Call("POST", "/queues/{q}/review/{assignment}/decide/", DECISION, api=False),
    Call("POST", "/queues/{A_q}/review/{assignment}/decide/", DECISION, api=False),
    Call("POST", "/queues/{q}/review/{assignment}/release/", api=False),
    Call("POST", "/queues/{A_q}/review/{assignment}/release/", api=False),
    Call("POST", "/queues/{q}/items/{item}/raw/", {"reason": "Dispute 88."}, api=False),
    Call("POST", "/queues/{A_q}/items/{item}/raw/", {"reason": "Dispute 88."}, api=False),
    Call("GET", "/queues/{q}/dashboard/", api=False),
    Call("GET", "/escalations/{ticket}/", api=False),
    Call("POST", "/escalations/{ticket}/acknowledge/", api=False),
    Call("POST", "/escalations/{ticket}/resolve/", {"resolution": "Settled."}, api=False),
    Call("POST", "/escalations/{ticket}/take/", api=False),
    Call("GET", "/incidents/{incident}/", api=False),
    Call("POST", "/incidents/{incident}/transition/", {"to": "acknowledged"}, api=False),
    Call("POST", "/incidents/{incident}/update/", {"severity": "sev1"}, api=False),
    Call("POST", "/incidents/{incident}/notes/", {"text": "Looking."}, api=False),
    Call("POST", "/incidents/{incident}/contain/", CONTAIN_FORM, api=False),
    Call("POST", "/incidents/{incident}/containments/{containment}/lift/", LIFT, api=False),
    Call("POST", "/incidents/{A_incident}/containments/{containment}/lift/", LIFT, api=False),
    Call("POST", "/incidents/{incident}/items/{incident_item}/decide/", DECISION, api=False),
    Call("POST", "/incidents/{A_incident}/items/{incident_item}/decide/", DECISION, api=False),
    Call("GET", "/queues/{q}/datasets/", api=False),
    Call("POST", "/queues/{q}/datasets/", {"window": "30d"}, api=False),
    Call("GET", "/queues/{q}/datasets/{dataset}/row/", api=False),
    Call("GET", "/queues/{A_q}/datasets/{dataset}/row/", api=False),
    Call("POST", "/queues/{q}/datasets/trigger/", {"every_corrected": "10"}, api=False),
]  # fmt: skip

# URL names with an id or slug that are not per-queue objects, and why.
NOT_QUEUE_OBJECTS = {
    "admin": "Django admin: staff only, tested in test_admin_hides_raw_input.py",
}


@pytest.fixture
def world(db: None, settings: Any, tmp_path: Path) -> World:
    settings.HITL_DATASETS_DIR = tmp_path / "datasets"  # the snapshots' files
    return build_world()


def caller(world: World, *, api: bool) -> Any:
    """The insider with their token, or signed in to a browser (before any "before"
    picture is taken: a login writes last_login)."""
    if api:
        return token_client(world.insider_key)
    page = Client()
    page.force_login(world.insider)
    return page


def send(world: World, client: Any, call: Call, ids: dict[str, Any]) -> Any:
    path = call.path.format(**ids, A_q=world.a.queue.slug, A_incident=world.a.incident.pk)
    if call.api:
        return client.generic(call.method, path, json.dumps(call.body), "application/json")
    form = urlencode(call.body)
    return client.generic(call.method, path, form, "application/x-www-form-urlencoded")


def _error_shaped(response: Any) -> bool:
    return set(response.json().get("error", {})) == {"code", "message", "fields"}


def undone(world: World, client: Any, call: Call, ids: dict[str, Any]) -> tuple[Any, Any]:
    """The response to `call` and the database state it left, then rolled back (a
    savepoint): every line of the table starts from the same world, built once."""
    with transaction.atomic():
        response = send(world, client, call, ids)
        after = db_state()
        transaction.set_rollback(True)
    return response, after


def test_an_object_of_another_queue_is_404_and_nothing_changes(world: World) -> None:
    clients = {True: caller(world, api=True), False: caller(world, api=False)}
    before = db_state()
    leaks, controls = [], []

    for call in CALLS:
        client = clients[call.api]
        response, after = undone(world, client, call, world.b.ids)
        shape_ok = response.status_code != 404 or not call.api or _error_shaped(response)
        if response.status_code != 404 or after != before or not shape_ok:
            changed = [k for k in before if before[k] != after[k]]
            leaks.append(f"{call.id}: {response.status_code}, changed {changed}")
        if call.control:  # the same request on the insider's own queue is theirs to make
            allowed, _ = undone(world, client, call, world.a.ids)
            if allowed.status_code in (403, 404) or allowed.status_code >= 500:
                body = getattr(allowed, "content", b"")[:200]
                controls.append(f"{call.id}: {allowed.status_code} {body!r}")

    assert leaks == []
    assert controls == []
    assert db_state() == before


def test_the_api_404_for_a_queue_says_queue_not_found(world: World) -> None:
    """SPEC §7: a queue that does not exist and one the caller may not reach are both 404
    queue_not_found; the two answers must not differ in anything but the slug."""
    api = token_client(world.insider_key)
    hidden = api.get(f"/api/v1/queues/{world.b.queue.slug}/metrics/")
    missing = api.get("/api/v1/queues/no-such-queue/metrics/")

    def error(response: Any, slug: str) -> dict[str, Any]:
        body = response.json()["error"]
        return {**body, "message": body["message"].replace(slug, "…")}

    assert hidden.status_code == missing.status_code == 404
    assert error(hidden, world.b.queue.slug) == error(missing, "no-such-queue")
    assert hidden.json()["error"]["code"] == "queue_not_found"


def test_lists_never_show_the_other_queue(world: World) -> None:
    api = token_client(world.insider_key)
    b = world.b.queue.slug
    page = Client()
    page.force_login(world.insider)

    queues = [q["slug"] for q in api.get("/api/v1/queues/").json()["results"]]
    tickets = api.get("/api/v1/escalations/").json()["results"]
    incidents = api.get("/api/v1/incidents/").json()["results"]
    filtered = [
        api.get("/api/v1/escalations/", {"queue": b}).json()["count"],
        api.get("/api/v1/incidents/", {"queue": b}).json()["count"],
    ]
    pages = [
        page.get(path).content.decode()
        for path in ("/", "/escalations/", f"/escalations/?queue={b}", "/incidents/")
    ]

    assert queues == [world.a.queue.slug]  # the control: A is listed
    assert {t["queue"] for t in tickets} == {world.a.queue.slug}
    assert {i["queue"] for i in incidents} == {world.a.queue.slug}
    assert filtered == [0, 0]
    for html in pages:
        assert b not in html
    assert f"/escalations/{world.a.ticket.pk}/" in pages[1]


def test_the_audit_trail_is_for_global_auditors_only(world: World) -> None:
    """The trail is not per queue (one hash chain for all), so a per-queue insider reads
    none of it: the browser page answers 404 like any page out of reach, the API 403 for
    the endpoint as a whole (tests/audit/test_api_and_command.py pins that code)."""
    api = token_client(world.insider_key)
    page = Client()
    page.force_login(world.insider)
    target = {"target_type": "reviews.item", "target_id": str(world.b.item.pk)}

    assert page.get("/audit/", target).status_code == 404
    assert api.get("/api/v1/audit/events/", target).status_code == 403
    assert api.get("/api/v1/audit/verify/").status_code == 403


def _named_patterns(resolver: URLResolver, prefix: str = "") -> list[tuple[str, str]]:
    """(route, name) of every URL pattern that captures an id or a slug."""
    found = []
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += _named_patterns(pattern, route)
        elif isinstance(pattern, URLPattern) and "<" in route:
            found.append((route, pattern.name or ""))
    return found


def test_every_endpoint_with_an_id_is_in_the_table(world: World) -> None:
    covered = set()
    for call in CALLS:
        ids = {**world.b.ids, "A_q": world.a.queue.slug, "A_incident": world.a.incident.pk}
        covered.add(resolve(call.path.format(**ids).partition("?")[0]).url_name)

    missing = [
        route
        for route, name in _named_patterns(get_resolver())
        if name not in covered and not route.startswith(tuple(NOT_QUEUE_OBJECTS))
    ]

    assert missing == [], "add a line to CALLS for each of these"
