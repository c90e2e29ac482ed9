"""Size limits and hostile query parameters (SPEC §3, §6, §10).

Limits: a body over HITL_MAX_BODY_BYTES is a 413 in the house error shape before anything
reads it; one prediction over HITL_MAX_ITEM_BYTES is a 400 naming `input`; a bulk call of
more than 1,000 items is a 400 for the whole call. Nothing is stored in any of them.

Injection: SQL fragments, LIKE wildcards, a NUL byte, 64-bit overflows, dates that exist
only in some time zones and very long strings go through every filter and query parameter
of every list endpoint and page ("start+end": both at once). The answer is a 400 in the
error shape, or a normal result: empty, or the same as without the parameter. Never a
500; and afterwards every table is still there with every row, and the audit chain
verifies. These tests run on both databases (SQLite with no DATABASE_URL, PostgreSQL with
it): they refuse different things (PostgreSQL a NUL in text, SQLite an integer past 64
bits, or a time that only overflows once converted to UTC).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_verify
from datasets.services.build import dataset_build, dataset_request
from reviews.intake.models import Item
from reviews.queues.models import Queue
from tests.factories import SYSTEM, ingest, prediction_body
from tests.reviews.escalating import opened_incident, sme_ticket

HOSTILE = [
    "' OR 1=1 --",
    "'; DROP TABLE reviews_item; --",
    '"; DROP TABLE reviews_item; --',
    "1; SELECT pg_sleep(5)",
    "%",
    "_",
    "%' OR '1'='1",
    "a\x00b",
    "\x00",
    "x" * 10_000,
    "99999999999999999999",
    "-99999999999999999999",
    "-1",
    "1e999",
    "NaN",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "2026-13-45T99:99:99Z",
    "region:EU,product:' OR 1=1 --",
    "é😀\u202e",
    "[]",
]

# (path, its parameters); {q} is the queue, {dataset} a ready snapshot of it.
LISTS: list[tuple[str, tuple[str, ...]]] = [
    ("/api/v1/audit/events/", ("action", "actor", "actor_kind", "target_type", "target_id",
                               "after_seq", "before_seq", "since", "until", "limit", "offset")),
    ("/api/v1/queues/", ("limit", "offset")),
    ("/api/v1/escalations/", ("queue", "reason", "state", "to_tier", "limit", "offset")),
    ("/api/v1/incidents/", ("queue", "state", "severity", "limit", "offset")),
    ("/api/v1/queues/{q}/metrics/", ("window", "start", "end", "start+end", "slice",
                                     "model_version", "series")),
    ("/api/v1/queues/{q}/simulator/", ("window",)),
    ("/api/v1/queues/{q}/datasets/", ("limit", "offset")),
    ("/api/v1/datasets/{dataset}/download/", ("format",)),
    ("/audit/", ("action", "actor", "target_type", "target_id", "since", "until",
                 "before_seq", "after_seq")),
    ("/escalations/", ("queue", "reason", "age", "page")),
    ("/incidents/", ("queue", "severity")),
    ("/queues/{q}/dashboard/", ("window", "slice", "model_version")),
]  # fmt: skip


@pytest.fixture
def scene(db: None, settings: Any, tmp_path: Path, queue: Queue, annotator: User, sme: User) -> Any:
    """Something in every list: tickets, an incident, decided work, a snapshot, events."""
    settings.HITL_DATASETS_DIR = tmp_path / "datasets"
    sme_ticket(queue, annotator, slice={"region": "EU"})
    opened_incident(queue, sme)
    ingest(queue, model_version="model-2")
    dataset = dataset_request(queue=queue, actor=SYSTEM, user=None, filter=None, enqueue=False)
    dataset_build(dataset_id=dataset.pk)
    return {"q": queue.slug, "dataset": dataset.pk}


@pytest.fixture
def auditor(db: None) -> User:
    return User.objects.create_superuser("root", "root@example.com", "pw-for-tests-only")


def _results(response: Any) -> list[Any] | None:
    """The ids (or whole rows) a list answered, or None for a non-list answer."""
    if response.get("Content-Type", "").startswith("application/json"):
        body = response.json()
        if isinstance(body, dict) and isinstance(body.get("results"), list):
            return [row.get("id", row.get("seq", row.get("slug"))) for row in body["results"]]
    return None


def _problem(response: Any, baseline: list[Any] | None, api: bool) -> str | None:
    """What is wrong with the answer to a hostile value, or None."""
    status = response.status_code
    if status >= 500:
        return f"{status}"
    if api and status == 400:
        error = response.json().get("error", {})
        return None if set(error) == {"code", "message", "fields"} else f"400 shape {error}"
    if status not in (200, 400):
        return f"{status}"
    rows = _results(response)
    if rows is not None and baseline is not None and rows not in ([], baseline):
        return f"{len(rows)} rows, neither none nor the unfiltered {len(baseline)}"
    return None


def _intact(items: int, events: int) -> None:
    """Every table still there, every row in it, the audit chain whole."""
    tables = set(connection.introspection.table_names())
    assert {Item._meta.db_table, AuditEvent._meta.db_table} <= tables
    assert Item.objects.count() == items
    assert AuditEvent.objects.count() >= events  # reads never write, but a 400 may be logged
    assert audit_verify().ok


@pytest.mark.parametrize(("path", "params"), LISTS, ids=[path for path, _ in LISTS])
def test_hostile_values_in_every_parameter_are_a_400_or_a_normal_answer(
    scene: dict[str, Any], auditor: User, path: str, params: tuple[str, ...]
) -> None:
    api = path.startswith("/api/")
    client: Any = (
        APIClient(raise_request_exception=False) if api else Client(raise_request_exception=False)
    )
    client.force_login(auditor)
    url = path.format(**scene)
    baseline = _results(client.get(url))
    items, events = Item.objects.count(), AuditEvent.objects.count()
    problems = []

    for param in params:
        for value in HOSTILE:
            query = dict.fromkeys(param.split("+"), value)
            problem = _problem(client.get(url, query), baseline, api)
            if problem:
                problems.append(f"?{param}={value[:40]!r}: {problem}")

    assert problems == []
    _intact(items, events)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("0001-01-01T00:00:00+14:00", "0001-01-02T00:00:00+14:00"),
        ("9999-12-30T00:00:00-14:00", "9999-12-31T23:00:00-14:00"),
    ],
)
def test_a_metrics_window_at_the_edge_of_the_calendar_is_400(
    scene: dict[str, Any], auditor: User, start: str, end: str
) -> None:
    """Times that exist with their offset but overflow in UTC (a 500 until this review)."""
    client = APIClient(raise_request_exception=False)
    client.force_login(auditor)

    response = client.get(f"/api/v1/queues/{scene['q']}/metrics/", {"start": start, "end": end})

    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) <= {"start", "end"}


# --- Size limits ------------------------------------------------------------------------


def _stored() -> tuple[int, int]:
    return Item.objects.count(), AuditEvent.objects.count()


def test_a_body_over_the_limit_is_413_and_nothing_is_stored(
    api: APIClient, queue: Queue, settings: Any
) -> None:
    settings.HITL_MAX_BODY_BYTES = 4096
    big = prediction_body(queue, input={"text": "x" * 5000})
    small = prediction_body(queue, input={"text": "x" * 100})
    before = _stored()

    refused = api.post("/api/v1/predictions/", big, format="json")
    bulk = api.post("/api/v1/predictions/bulk/", {"items": [small] * 40}, format="json")

    for response in (refused, bulk):
        assert response.status_code == 413
        error = response.json()["error"]
        assert (error["code"], error["fields"]) == ("payload_too_large", {})
        assert "4096" in error["message"]
    assert _stored() == before
    assert api.post("/api/v1/predictions/", small, format="json").status_code == 201  # control


def test_the_body_limit_holds_for_pages_and_anonymous_callers(
    queue: Queue, sme: User, settings: Any
) -> None:
    incident, _ = opened_incident(queue, sme)
    settings.HITL_MAX_BODY_BYTES = 4096
    browser = Client()
    browser.force_login(sme)
    before = _stored()

    page = browser.post(f"/incidents/{incident.pk}/notes/", {"text": "x" * 5000})
    anonymous = APIClient().post("/api/v1/predictions/", {"pad": "x" * 5000}, format="json")

    assert page.status_code == anonymous.status_code == 413
    assert _stored() == before


def test_one_prediction_over_the_item_limit_is_400(
    api: APIClient, queue: Queue, settings: Any
) -> None:
    settings.HITL_MAX_ITEM_BYTES = 2048
    big = prediction_body(queue, input={"text": "x" * 3000})
    before = _stored()

    response = api.post("/api/v1/predictions/", big, format="json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert list(error["fields"]) == ["input"]
    assert "2048" in error["fields"]["input"][0]
    assert _stored() == before


def test_in_a_bulk_call_the_oversize_prediction_fails_alone(
    api: APIClient, queue: Queue, settings: Any
) -> None:
    settings.HITL_MAX_ITEM_BYTES = 2048
    items = [prediction_body(queue), prediction_body(queue, input={"text": "x" * 3000})]

    results = api.post("/api/v1/predictions/bulk/", {"items": items}, format="json").json()

    assert [r["status"] for r in results["results"]] == [201, 400]
    assert list(results["results"][1]["error"]["fields"]) == ["input"]
    assert not Item.objects.filter(external_id=items[1]["external_id"]).exists()


def test_more_than_a_thousand_items_is_400_for_the_whole_call(api: APIClient, queue: Queue) -> None:
    items = [prediction_body(queue) for _ in range(1001)]
    before = _stored()

    response = api.post("/api/v1/predictions/bulk/", {"items": items}, format="json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], list(error["fields"])) == ("invalid", ["items"])
    assert _stored() == before
    # The control: a thousand is allowed.
    allowed = api.post("/api/v1/predictions/bulk/", {"items": items[:1000]}, format="json")
    assert allowed.json()["summary"] == {"created": 1000, "existing": 0, "failed": 0}


# --- NUL bytes in page forms --------------------------------------------------------------

NUL_FORMS = [
    ("/incidents/{incident}/notes/", {"text": "a\x00b"}),
    ("/incidents/{incident}/transition/", {"to": "acknowledged", "note": "a\x00b"}),
    ("/incidents/{incident}/update/", {"postmortem": "a\x00b"}),
    ("/incidents/{incident}/update/", {"owner": "a\x00b"}),
    ("/incidents/{incident}/contain/", {"reason": "a\x00b", "slice": "region=EU"}),
    ("/incidents/{incident}/contain/", {"reason": "Stop.", "slice": "region=a\x00b"}),
    ("/incidents/{incident}/items/{item}/decide/", {"verdict": "override", "label": "deny",
                                                   "rationale": "a\x00b",
                                                   "reason_code": "wrong_label"}),
    ("/escalations/{ticket}/resolve/", {"resolution": "a\x00b"}),
    ("/queues/{q}/review/{assignment}/decide/", {"verdict": "override", "label": "deny",
                                                "rationale": "a\x00b",
                                                "reason_code": "wrong_label"}),
]  # fmt: skip


def test_a_nul_byte_in_a_page_form_is_400_and_changes_nothing(
    queue: Queue, annotator: User, sme: User, responder: User
) -> None:
    """No browser sends a NUL from a text box and PostgreSQL's text cannot store one: the
    pages refuse it (hitl/forms.PageForm) instead of failing on the database's refusal."""
    from reviews.work.services.claims import assignment_claim

    ticket = sme_ticket(queue, annotator)
    incident, item = opened_incident(queue, sme)
    ingest(queue, output={"label": "approve", "confidence": 0.7})
    assignment = assignment_claim(queue=queue, reviewer=responder, tier="tier1")
    assert assignment is not None
    ids = {"q": queue.slug, "incident": incident.pk, "item": item.pk, "ticket": ticket.pk,
           "assignment": assignment.pk}  # fmt: skip
    browser = Client()
    browser.force_login(responder)
    before = _stored()

    answers = {
        f"{path} {sorted(body)}": browser.post(path.format(**ids), body).status_code
        for path, body in NUL_FORMS
    }

    assert answers == dict.fromkeys(answers, 400)
    assert _stored() == before
