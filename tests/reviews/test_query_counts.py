"""The SQL each hot request runs, counted: ingest (single and bulk), claim, decision, and the
review page with the next item after a verdict.

Each figure is pinned per database: a change that adds a round trip to a hot path fails
here and must say why (SPEC §9; bench/README.md has the CPU each statement costs). The
counts are every statement Django sends, transaction control included, which is why a
few differ between SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import User
from reviews.queues.models import Queue
from tests.factories import prediction_body
from tests.reviews.reviewing import RATIONALE, claim, decide

pytestmark = pytest.mark.django_db(transaction=True)


def queries_of(call: Any) -> tuple[Any, int]:
    """The response of `call()` and the number of SQL statements it sent."""
    with CaptureQueriesContext(connection) as captured:
        response = call()
    return response, len(captured.captured_queries)


# Statements per request, by database vendor. Measured at the renovation of issue 14.
EXPECTED: dict[str, dict[str, int]] = {
    "ingest single": {"sqlite": 11, "postgresql": 11},
    "ingest bulk of 50": {"sqlite": 12, "postgresql": 10},
    "claim": {"sqlite": 10, "postgresql": 10},
    "decision": {"sqlite": 15, "postgresql": 15},
    "review page": {"sqlite": 8, "postgresql": 8},
    "verdict, then the next item": {"sqlite": 26, "postgresql": 26},
}


def expected(path: str) -> int:
    return EXPECTED[path][connection.vendor]


def ingest(api: APIClient, queue: Queue, count: int, confidence: float = 0.6) -> None:
    for _ in range(count):
        body = prediction_body(queue, output={"label": "approve", "confidence": confidence})
        assert api.post("/api/v1/predictions/", body, format="json").status_code == 201


def test_ingest_single_and_bulk(api: APIClient, queue: Queue) -> None:
    ingest(api, queue, 1)  # the first request warms the process's caches
    body = prediction_body(queue, output={"label": "approve", "confidence": 0.6})
    response, count = queries_of(lambda: api.post("/api/v1/predictions/", body, format="json"))
    assert response.status_code == 201
    assert count == expected("ingest single"), count

    bodies = [
        prediction_body(queue, output={"label": "approve", "confidence": 0.6}) for _ in range(50)
    ]
    response, count = queries_of(
        lambda: api.post("/api/v1/predictions/bulk/", {"items": bodies}, format="json")
    )
    assert response.status_code == 200, response.json()
    # Statements per call, not per item: fifty predictions take about what one takes.
    assert count == expected("ingest bulk of 50"), count


def test_claim_and_decision(api: APIClient, queue: Queue, annotator: User, api_as: Any) -> None:
    ingest(api, queue, 3)
    reviewer_api = api_as(annotator)
    warm = claim(reviewer_api, queue).json()
    assert decide(reviewer_api, warm["id"], {"verdict": "approve"}).status_code == 201

    response, count = queries_of(lambda: claim(reviewer_api, queue))
    assert response.status_code == 200
    assert count == expected("claim"), count

    assignment = response.json()["id"]
    response, count = queries_of(
        lambda: decide(
            reviewer_api, assignment, {"verdict": "override", "label": "deny", **RATIONALE}
        )
    )
    assert response.status_code == 201, response.json()
    assert count == expected("decision"), count


def test_review_page_and_the_next_item(api: APIClient, queue: Queue, annotator: User) -> None:
    ingest(api, queue, 3)
    browser = Client()
    browser.force_login(annotator)
    page = f"/queues/{queue.slug}/review/"
    assert browser.get(page).status_code == 200  # warms the session and template caches

    response, count = queries_of(lambda: browser.get(page))
    assert response.status_code == 200
    assert count == expected("review page"), count

    assignment = response.context["assignment"].pk
    response, count = queries_of(
        lambda: browser.post(
            f"/queues/{queue.slug}/review/{assignment}/decide/",
            {"verdict": "approve"},
            HTTP_HX_REQUEST="true",
        )
    )
    assert response.status_code == 200
    assert response.context["assignment"].pk != assignment  # the next item came with it
    assert count == expected("verdict, then the next item"), count
