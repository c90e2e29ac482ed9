"""Bad input of every kind: a clear 4xx in the one error format, and nothing stored."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from accounts.models import ApiToken
from accounts.services import token_revoke
from audit.models import AuditEvent
from reviews.intake.models import Item
from reviews.queues.models import Queue
from tests.conftest import token_client
from tests.factories import SYSTEM, prediction_body

URL = "/api/v1/predictions/"
BULK_URL = "/api/v1/predictions/bulk/"


@pytest.fixture
def unchanged(queue: Queue, other_queue: Queue, api: APIClient) -> Iterator[None]:
    """Asserts after the test that no item and no audit event was written during it."""
    before = (Item.objects.count(), AuditEvent.objects.count())
    yield
    assert (Item.objects.count(), AuditEvent.objects.count()) == before


def assert_error(response: Any, status: int, code: str, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"code", "message", "fields"}
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]
    assert isinstance(error["fields"], dict)
    if field is not None:
        assert field in error["fields"], error["fields"]
        assert all(isinstance(m, str) and m for m in error["fields"][field])
    return error


def with_output(**output: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def change(body: dict[str, Any]) -> dict[str, Any]:
        return {**body, "output": {**body["output"], **output}}

    return change


def without(key: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def change(body: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in body.items() if k != key}

    return change


def replacing(**fields: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def change(body: dict[str, Any]) -> dict[str, Any]:
        return {**body, **fields}

    return change


# (change to a valid body, status, error code, field key)
BAD_BODIES: dict[str, tuple[Callable[[dict[str, Any]], dict[str, Any]], int, str, str]] = {
    "string_confidence": (with_output(confidence="0.7"), 400, "invalid", "output.confidence"),
    "bool_confidence": (with_output(confidence=True), 400, "invalid", "output.confidence"),
    "null_confidence": (with_output(confidence=None), 400, "invalid", "output.confidence"),
    "confidence_below_0": (with_output(confidence=-0.1), 400, "invalid", "output.confidence"),
    "confidence_above_1": (with_output(confidence=1.5), 400, "invalid", "output.confidence"),
    "int_external_id": (replacing(external_id=123), 400, "invalid", "external_id"),
    "empty_external_id": (replacing(external_id=""), 400, "invalid", "external_id"),
    "long_external_id": (replacing(external_id="x" * 201), 400, "invalid", "external_id"),
    "int_label": (with_output(label=1), 400, "invalid", "output.label"),
    "input_missing": (without("input"), 400, "invalid", "input"),
    "output_missing": (without("output"), 400, "invalid", "output"),
    "queue_missing": (without("queue"), 400, "invalid", "queue"),
    "output_not_an_object": (replacing(output="approve"), 400, "invalid", "output"),
    "int_queue": (replacing(queue=7), 400, "invalid", "queue"),
    "unknown_label": (with_output(label="maybe"), 400, "invalid", "output.label"),
    "label_of_wrong_case": (with_output(label="Approve"), 400, "invalid", "output.label"),
    "scores_with_unknown_label": (
        with_output(scores={"approve": 0.6, "maybe": 0.4}),
        400,
        "invalid",
        "output.scores",
    ),
    "score_above_1": (with_output(scores={"approve": 2}), 400, "invalid", "output.scores.approve"),
    "string_score": (with_output(scores={"approve": "x"}), 400, "invalid", "output.scores.approve"),
    "nul_in_input": (replacing(input={"text": "a\x00b"}), 400, "invalid", "input"),
    "nul_in_input_key": (replacing(input={"a\x00": 1}), 400, "invalid", "input"),
    "nul_in_external_id": (replacing(external_id="e\x00"), 400, "invalid", "external_id"),
    "nul_in_label": (with_output(label="approve\x00"), 400, "invalid", "output.label"),
    "nul_in_slice_key": (replacing(slice={"re\x00gion": "EU"}), 400, "invalid", "slice"),
    "nul_in_slice_value": (replacing(slice={"region": "E\x00U"}), 400, "invalid", "slice.region"),
    "non_string_slice_value": (replacing(slice={"region": 1}), 400, "invalid", "slice.region"),
    "slice_not_an_object": (replacing(slice=["EU"]), 400, "invalid", "slice"),
    "unknown_top_level_field": (replacing(slices={"region": "EU"}), 400, "invalid", "slices"),
    "unknown_output_field": (with_output(probability=0.7), 400, "invalid", "output.probability"),
    "unknown_queue": (replacing(queue="no-such-queue"), 404, "queue_not_found", "queue"),
    "queue_not_in_scope": (replacing(queue="other"), 404, "queue_not_found", "queue"),
}


@pytest.mark.parametrize("case", sorted(BAD_BODIES))
def test_bad_body_is_4xx_with_field_error_and_stores_nothing(
    api: APIClient, queue: Queue, unchanged: None, case: str
) -> None:
    change, status, code, field = BAD_BODIES[case]

    response = api.post(URL, change(prediction_body(queue)), format="json")

    assert_error(response, status, code, field)


def test_each_bad_item_in_one_bulk_call_gets_its_own_error_and_nothing_is_stored(
    api: APIClient, queue: Queue, unchanged: None
) -> None:
    cases = sorted(BAD_BODIES)
    items = [BAD_BODIES[case][0](prediction_body(queue)) for case in cases]

    response = api.post(BULK_URL, {"items": items}, format="json")

    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == len(cases)
    for case, result in zip(cases, results, strict=True):
        _, status, code, field = BAD_BODIES[case]
        assert result["status"] == status, case
        assert result["error"]["code"] == code, case
        assert field in result["error"]["fields"], (case, result["error"]["fields"])
    assert response.json()["summary"] == {"created": 0, "existing": 0, "failed": len(cases)}


def test_unknown_queue_and_unreachable_queue_answer_alike(
    api: APIClient, queue: Queue, unchanged: None
) -> None:
    missing = api.post(URL, prediction_body("no-such-queue"), format="json").json()["error"]
    hidden = api.post(URL, prediction_body("other"), format="json").json()["error"]

    assert missing["code"] == hidden["code"] == "queue_not_found"
    assert missing["fields"] == hidden["fields"]
    assert missing["message"].replace("no-such-queue", "other") == hidden["message"]


# --- Bodies that are not a prediction at all -----------------------------------------


def raw_post(api: APIClient, raw: str | bytes, content_type: str = "application/json") -> Any:
    return api.post(URL, data=raw, content_type=content_type)


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_literals_are_400(
    api: APIClient, queue: Queue, unchanged: None, literal: str
) -> None:
    body = json.dumps(prediction_body(queue)).replace(
        '"confidence": 0.7', f'"confidence": {literal}'
    )
    assert literal in body

    assert_error(raw_post(api, body), 400, "invalid_json")


def test_nan_inside_input_is_400(api: APIClient, queue: Queue, unchanged: None) -> None:
    body = json.dumps(prediction_body(queue, input={"x": 1})).replace('"x": 1', '"x": NaN')

    assert_error(raw_post(api, body), 400, "invalid_json")


def test_number_too_big_for_a_float_in_input_is_400(
    api: APIClient, queue: Queue, unchanged: None
) -> None:
    # Python reads 1e999 as inf, which no JSON column can store.
    body = json.dumps(prediction_body(queue, input={"x": 1})).replace('"x": 1', '"x": 1e999')

    assert_error(raw_post(api, body), 400, "invalid", "input")


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        '{"queue": "loans",',
        "",
        b"\xff\xfe{}",
        "[1, 2",
    ],
    ids=["text", "truncated", "empty", "not_utf8", "unclosed_list"],
)
def test_non_json_body_is_400(api: APIClient, queue: Queue, unchanged: None, raw: Any) -> None:
    response = raw_post(api, raw)

    assert response.status_code == 400
    assert set(response.json()["error"]) == {"code", "message", "fields"}


@pytest.mark.parametrize("raw", ["[]", "null", "42", '"a string"', "true"])
def test_json_that_is_not_an_object_is_400(
    api: APIClient, queue: Queue, unchanged: None, raw: str
) -> None:
    assert_error(raw_post(api, raw), 400, "invalid")


def nested_input_body(queue: Queue, depth: int) -> str:
    nested = "[" * depth + "]" * depth
    body = json.dumps(prediction_body(queue, input=["here"])).replace('["here"]', nested)
    assert nested in body
    return body


@pytest.mark.parametrize("depth", [100_000, 5_000])
def test_body_nested_deeper_than_the_parser_goes_is_400_not_500(
    api: APIClient, queue: Queue, unchanged: None, depth: int
) -> None:
    assert_error(raw_post(api, nested_input_body(queue, depth)), 400, "invalid_json")


@pytest.mark.parametrize("depth", [101, 400, 800])
def test_input_nested_deeper_than_100_levels_is_400_not_500(
    api: APIClient, queue: Queue, unchanged: None, depth: int
) -> None:
    error = assert_error(raw_post(api, nested_input_body(queue, depth)), 400, "invalid", "input")
    assert "100 levels" in error["fields"]["input"][0]

    bulk = json.dumps({"items": [json.loads("{}")]}).replace("{}", nested_input_body(queue, depth))
    response = api.post(BULK_URL, data=bulk, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["results"][0]["status"] == 400


def test_input_nested_100_levels_is_accepted(api: APIClient, queue: Queue) -> None:
    response = raw_post(api, nested_input_body(queue, 100))

    assert response.status_code == 201, response.json()


def test_lone_surrogate_in_a_string_is_400_not_500(
    api: APIClient, queue: Queue, unchanged: None
) -> None:
    for field, key in (("external_id", "external_id"), ("model_version", "model_version")):
        body = json.dumps(prediction_body(queue, **{field: "PLACEHOLDER"}))
        response = raw_post(api, body.replace("PLACEHOLDER", "\\ud800"))
        assert_error(response, 400, "invalid", key)

    body = json.dumps(prediction_body(queue, input={"t": "PLACEHOLDER"}))
    assert_error(raw_post(api, body.replace("PLACEHOLDER", "\\udfff")), 400, "invalid", "input")


# --- Size limits ---------------------------------------------------------------------


@override_settings(HITL_MAX_BODY_BYTES=2048)
def test_oversize_body_is_413(api: APIClient, queue: Queue, unchanged: None) -> None:
    body = prediction_body(queue, input={"text": "x" * 4096})

    assert_error(api.post(URL, body, format="json"), 413, "payload_too_large")
    assert_error(api.post(BULK_URL, {"items": [body]}, format="json"), 413, "payload_too_large")


@override_settings(HITL_MAX_BODY_BYTES=2048)
def test_body_just_under_the_limit_is_accepted(api: APIClient, queue: Queue) -> None:
    body = prediction_body(queue, input={"text": "x" * 1500})
    assert len(json.dumps(body)) < 2048

    assert api.post(URL, body, format="json").status_code == 201


@override_settings(HITL_MAX_ITEM_BYTES=1024)
def test_item_input_over_the_item_limit_is_400(
    api: APIClient, queue: Queue, unchanged: None
) -> None:
    body = prediction_body(queue, input={"text": "x" * 2000})

    error = assert_error(api.post(URL, body, format="json"), 400, "invalid", "input")
    assert "1024" in error["fields"]["input"][0]

    response = api.post(BULK_URL, {"items": [body]}, format="json")
    assert response.json()["results"][0]["status"] == 400


@override_settings(HITL_MAX_ITEM_BYTES=1024)
def test_prediction_within_the_item_limit_is_accepted(api: APIClient, queue: Queue) -> None:
    """The limit is on the whole prediction's canonical JSON, input included."""
    body = prediction_body(queue, input={"text": "x" * 800})
    assert 900 < len(json.dumps(body)) < 1024

    assert api.post(URL, body, format="json").status_code == 201


def test_item_input_over_the_default_limit_is_400(
    api: APIClient, queue: Queue, unchanged: None
) -> None:
    from django.conf import settings

    body = prediction_body(queue, input={"text": "x" * (settings.HITL_MAX_ITEM_BYTES + 1)})

    assert_error(api.post(URL, body, format="json"), 400, "invalid", "input")


# --- Tokens and content type ---------------------------------------------------------


def test_missing_token_is_401(queue: Queue, unchanged: None) -> None:
    response = APIClient().post(URL, prediction_body(queue), format="json")

    assert_error(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize(
    "header",
    ["Token wrong", "Token hitl_notarealkey", "Token", "Token a b", "Bearer x"],
)
def test_wrong_token_is_401(queue: Queue, unchanged: None, header: str) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)

    response = client.post(URL, prediction_body(queue), format="json")

    assert response.status_code == 401
    assert response.json()["error"]["code"] in {"invalid_token", "not_authenticated"}


def test_revoked_token_is_401(client_key: str, queue: Queue) -> None:
    token = ApiToken.objects.get(prefix=client_key[:12])
    token_revoke(token=token, actor=SYSTEM)
    before = (Item.objects.count(), AuditEvent.objects.count())

    response = token_client(client_key).post(URL, prediction_body(queue), format="json")

    assert_error(response, 401, "invalid_token")
    assert (Item.objects.count(), AuditEvent.objects.count()) == before


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/xml"],
)
def test_wrong_content_type_is_415(
    api: APIClient, queue: Queue, unchanged: None, content_type: str
) -> None:
    response = raw_post(api, json.dumps(prediction_body(queue)), content_type=content_type)

    assert_error(response, 415, "unsupported_media_type")


def test_multipart_body_is_415(api: APIClient, queue: Queue, unchanged: None) -> None:
    response = api.post(URL, {"queue": queue.slug, "external_id": "x"}, format="multipart")

    assert_error(response, 415, "unsupported_media_type")


def test_get_on_the_ingest_endpoint_is_405(api: APIClient, queue: Queue, unchanged: None) -> None:
    assert_error(api.get(URL), 405, "method_not_allowed")
