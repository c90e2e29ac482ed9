"""Schemathesis against hitl's own OpenAPI schema, in process, with a fixed seed.

Every operation the schema describes is fuzzed three ways (SPEC §10: bad input of every
kind gets a clear 4xx): with the token of a user holding every permission on a seeded
queue, with no token, and with a wrong token. Operations come from the schema that
drf-spectacular generates from the code, so a new endpoint is fuzzed without touching
this file. How to run it and what it found: docs/fuzzing.md.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st

from tests.fuzz.conftest import World
from tests.fuzz.schema import (
    CONFORMANCE,
    SCHEMA,
    WRONG_TOKEN,
    path_parameter_type,
    token_header,
)

# Without a valid token every answer is the same 401, so fewer cases say as much.
EXAMPLES_UNAUTHENTICATED = 10

pytestmark = pytest.mark.django_db
PATH_PARAMETER = re.compile(r"\{(\w+)\}")


def real_path_parameters(case: Any, world: World, *, placeholders: bool = False) -> None:
    """Name real objects in the path: each parameter takes the seeded object of the
    collection it follows (`/incidents/{id}/` → the seeded incident), where there is one.

    With `placeholders`, a parameter with no seeded object takes a value of its type
    (1 for an integer), so the URL resolves and reaches the view's authentication.
    """
    segments = case.operation.path.strip("/").split("/")
    for before, segment in zip(segments, segments[1:], strict=False):
        match = PATH_PARAMETER.fullmatch(segment)
        if not match:
            continue
        if before in world.objects:
            case.path_parameters[match[1]] = world.objects[before]
        elif placeholders:
            kind = path_parameter_type(case.operation.path, case.operation.method, match[1])
            case.path_parameters[match[1]] = 1 if kind == "integer" else "fuzz"


def real_names_in_body(case: Any, world: World) -> None:
    """Point every string "queue" of a JSON body (a prediction, each bulk item) at the
    seeded queue and every string label at one of its labels, so a well-formed body gets
    past queue_not_found and unknown_label to the code behind them."""
    names = {"queue": world.objects["queues"], "label": "approve", "gold_label": "approve"}
    stack = [case.body]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in names.items():
                if isinstance(node.get(key), str):
                    node[key] = value
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def refused_without_credentials(ctx: Any, response: Any, case: Any) -> bool:
    """No valid token: the answer is 401 or 403, whatever else the request holds."""
    if response.status_code not in (401, 403):
        raise AssertionError(f"Expected 401 or 403 without credentials, got {response.status_code}")
    return True


@SCHEMA.given(data=st.data())
@SCHEMA.parametrize()
def test_with_a_token_holding_every_permission(case: Any, data: Any, fuzz_world: World) -> None:
    # Three times in four, name seeded objects: past the 404 is where the code is.
    if data.draw(st.integers(min_value=0, max_value=3), label="name seeded objects"):
        real_path_parameters(case, fuzz_world)
        real_names_in_body(case, fuzz_world)
    case.call_and_validate(headers=token_header(fuzz_world.token), checks=CONFORMANCE)


@SCHEMA.parametrize()
@settings(max_examples=EXAMPLES_UNAUTHENTICATED)
def test_without_a_token_is_refused(case: Any, fuzz_world: World) -> None:
    real_path_parameters(case, fuzz_world, placeholders=True)  # authentication must answer
    case.headers.pop("Authorization", None)
    case.call_and_validate(checks=[*CONFORMANCE, refused_without_credentials])


@SCHEMA.parametrize()
@settings(max_examples=EXAMPLES_UNAUTHENTICATED)
def test_with_a_wrong_token_is_refused(case: Any, fuzz_world: World) -> None:
    real_path_parameters(case, fuzz_world, placeholders=True)
    case.call_and_validate(
        headers={"Authorization": WRONG_TOKEN},
        checks=[*CONFORMANCE, refused_without_credentials],
    )
