"""hitl's OpenAPI schema loaded into schemathesis once, and the checks every answer gets.

The schema is generated from the code (drf-spectacular, as /api/schema/ serves it), so
every operation that exists is fuzzed, a new one included, and requests go straight into
Django's WSGI application: no server, no network.
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any

import schemathesis
from django.core.wsgi import get_wsgi_application
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

# Fixed, so CI runs the same cases every time; set HITL_FUZZ_SEED / HITL_FUZZ_EXAMPLES
# to explore further by hand (docs/fuzzing.md).
SEED = int(os.environ.get("HITL_FUZZ_SEED", "20260801"))
# Generated cases per operation, with a valid token; the schema's own examples and
# schemathesis' boundary cases (its "coverage" phase) come on top.
EXAMPLES = int(os.environ.get("HITL_FUZZ_EXAMPLES", "50"))
WRONG_TOKEN = "Token hitl_not-a-real-key-0000000000000000000000000"


def openapi_schema() -> dict[str, Any]:
    """The schema /api/schema/ serves, generated from the code as it is now."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))  # type: ignore[no-any-return]


CONFIG = schemathesis.Config.from_dict(
    {
        "seed": SEED,
        "generation": {
            "max-examples": EXAMPLES,
            "deterministic": True,  # Hypothesis' derandomize: the same cases every run
            "database": "none",  # nor replay of cases an earlier run saved
            # The Authorization header is set by each test, never generated.
            "with-security-parameters": False,
        },
        "phases": {"stateful": {"enabled": False}},
    }
)
OPENAPI = openapi_schema()
SCHEMA = schemathesis.openapi.from_dict(copy.deepcopy(OPENAPI), config=CONFIG)
SCHEMA.app = get_wsgi_application()

# Not a 5xx; a documented status, content type, headers and body.
CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def token_header(key: str) -> dict[str, str]:
    return {"Authorization": f"Token {key}"}


def path_parameter_type(path: str, method: str, name: str) -> str | None:
    """The JSON type the schema gives a path parameter ("integer", "string")."""
    for parameter in OPENAPI["paths"][path][method.lower()].get("parameters", []):
        if parameter["name"] == name and parameter["in"] == "path":
            return parameter.get("schema", {}).get("type")  # type: ignore[no-any-return]
    return None
