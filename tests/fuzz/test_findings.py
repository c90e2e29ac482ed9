"""What the fuzzer found, pinned as explicit cases (docs/fuzzing.md, "What it found").

Each case goes through the same conformance checks as the fuzzer, so a finding that
comes back fails here by name, whatever the fuzzer's cases happen to be that day.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from hitl.api.pagination import MAX_LIMIT
from reviews.intake.models import Item
from reviews.queues.models import TierPolicy
from tests.fuzz.conftest import World
from tests.fuzz.schema import CONFORMANCE, OPENAPI, SCHEMA, token_header

pytestmark = pytest.mark.django_db

# Every paginated list, found in the schema: a new list is checked too.
LISTS = sorted(
    path
    for path, operations in OPENAPI["paths"].items()
    if any(p["name"] == "limit" for p in operations.get("get", {}).get("parameters", []))
)


def call(world: World, path: str, method: str, **case: Any) -> Any:
    """One explicit case, answered by the app and checked like a fuzzed one."""
    slug = world.objects["queues"]
    path_parameters = {"slug": slug} if "{slug}" in path else {}
    prepared = SCHEMA[path][method].Case(path_parameters=path_parameters, **case)
    return prepared.call_and_validate(headers=token_header(world.token), checks=CONFORMANCE)


def prediction(**overrides: Any) -> dict[str, Any]:
    body = {
        "queue": "fuzz",
        "external_id": "null-input",
        "model_version": "0",
        "input": {"text": "hello"},
        "output": {"label": "approve", "confidence": 0.0},
    }
    return {**body, **overrides}


def test_null_input_is_a_400_naming_input_and_stores_nothing(fuzz_world: World) -> None:
    # Was a 500: validation let null through to a NOT NULL column.
    before = Item.objects.count()
    gold_body = prediction(input=None, gold_label="approve")
    del gold_body["queue"]  # a gold item goes to the queue in its path

    single = call(fuzz_world, "/api/v1/predictions/", "POST", body=prediction(input=None))
    bulk = call(
        fuzz_world, "/api/v1/predictions/bulk/", "POST", body={"items": [prediction(input=None)]}
    )
    gold = call(fuzz_world, "/api/v1/queues/{slug}/gold/", "POST", body=gold_body)

    assert single.status_code == 400
    assert "input" in single.json()["error"]["fields"]
    (result,) = bulk.json()["results"]
    assert result["status"] == 400 and "input" in result["error"]["fields"]
    assert gold.status_code == 400
    assert Item.objects.count() == before


@pytest.mark.parametrize("path", LISTS)
def test_huge_limit_and_offset_give_a_page_not_a_500(fuzz_world: World, path: str) -> None:
    # Was a 500: ?limit=10**21 overflowed SQLite's and PostgreSQL's 64-bit integers.
    huge = str(10**21)

    capped = call(fuzz_world, path, "GET", query={"limit": huge})
    past_the_end = call(fuzz_world, path, "GET", query={"offset": huge, "limit": "5"})

    assert capped.status_code == 200
    assert len(capped.json()["results"]) <= MAX_LIMIT
    assert past_the_end.status_code == 200
    assert past_the_end.json()["results"] == []


def test_a_new_policy_version_answers_with_the_policy(fuzz_world: World) -> None:
    # Was documented as the queue (slug, name, labels…) while the answer is the policy.
    response = call(
        fuzz_world,
        "/api/v1/queues/{slug}/policies/",
        "POST",
        body={"auto_approve_at": 0.0, "sme_below": 0.0},
    )

    assert response.status_code == 201
    body = response.json()
    stored = TierPolicy.objects.get(queue__slug="fuzz", version=body["version"])
    assert (body["auto_approve_at"], body["active"]) == (stored.auto_approve_at, True)


def test_alert_rules_are_documented_as_the_list_they_are(fuzz_world: World) -> None:
    # Was documented as one object.
    response = call(fuzz_world, "/api/v1/queues/{slug}/alerts/", "GET")

    assert response.status_code == 200
    assert [rule["id"] for rule in response.json()] == [fuzz_world.objects["alerts"]]


def test_an_oversize_body_is_a_documented_413(fuzz_world: World, settings: Any) -> None:
    # Was undocumented: hitl.middleware's refusal of a body over HITL_MAX_BODY_BYTES.
    settings.HITL_MAX_BODY_BYTES = 1024
    before = Item.objects.count()

    response = call(
        fuzz_world, "/api/v1/predictions/", "POST", body=prediction(input={"text": "x" * 2048})
    )

    assert response.status_code == 413
    assert Item.objects.count() == before


def test_a_body_that_is_not_json_is_a_documented_415(fuzz_world: World) -> None:
    # Was undocumented: DRF's refusal of a Content-Type it has no parser for.
    response = call(
        fuzz_world,
        "/api/v1/predictions/",
        "POST",
        body=json.dumps(prediction()),
        media_type="text/plain",
    )

    assert response.status_code == 415
