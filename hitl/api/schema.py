"""The OpenAPI schema tells every answer a call can give, errors included.

drf-spectacular documents what each view declares; the errors that come from the
framework rather than the view (a missing token, a body that is not JSON or too big, a
path that names nothing) would be left out, and a client generated from the schema
would not expect them. AutoSchema adds them to every operation where they can happen,
in the one error shape of hitl/api/errors.py, and marks the inputs that refuse unknown
keys (NoUnknownFieldsMixin) with additionalProperties: false. The API fuzzer
(tests/fuzz/) holds the schema to it: an answer whose status is not documented fails.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny, IsAuthenticated

from hitl.api.fields import NoUnknownFieldsMixin

ERROR = inline_serializer(
    "Error",
    {
        "error": inline_serializer(
            "ErrorBody",
            {
                "code": serializers.CharField(),
                "message": serializers.CharField(),
                "fields": serializers.DictField(
                    child=serializers.ListField(child=serializers.CharField()),
                    help_text='Messages per field, e.g. {"output.label": ["…"]}.',
                ),
            },
        )
    },
)

BAD_REQUEST = "The body is not JSON, or has invalid fields (error.fields names each one)."
UNAUTHENTICATED = "No credentials, or a token that is not valid."
FORBIDDEN = (
    "Not allowed: a browser session without its CSRF token, or a caller without the "
    "permission this call needs."
)
TOO_LARGE = "The body is over HITL_MAX_BODY_BYTES; nothing was read."
NOT_JSON = "The body is not sent as application/json."
NOT_FOUND = "No such object, or one outside your reach: the same answer for both."
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class AutoSchema(SpectacularAutoSchema):
    """drf-spectacular's AutoSchema, plus the framework's own errors on each operation."""

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses = operation["responses"]
        for status_code, description in self._framework_errors(operation):
            responses.setdefault(status_code, self._error_response(description))
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _map_basic_serializer(self, serializer: Any, direction: str) -> dict[str, Any]:
        schema = super()._map_basic_serializer(serializer, direction)
        if direction == "request" and isinstance(serializer, NoUnknownFieldsMixin):
            schema["additionalProperties"] = False  # a misspelt key is a 400, say so
        if schema.get("description") == NoUnknownFieldsMixin.__doc__:
            del schema["description"]  # the mixin's docstring, not the serializer's
        return schema

    def _framework_errors(self, operation: dict[str, Any]) -> list[tuple[str, str]]:
        errors = []
        if "requestBody" in operation:
            errors.append(("400", BAD_REQUEST))  # the JSON parser's and the serializer's
            errors.append(("413", TOO_LARGE))  # hitl.middleware.BodySizeLimitMiddleware
            errors.append(("415", NOT_JSON))  # DRF: no parser for the Content-Type
        security = operation.get("security", [])
        if security and {} not in security:
            errors.append(("401", UNAUTHENTICATED))
            if self._may_forbid():
                errors.append(("403", FORBIDDEN))
        if any(p.get("in") == "path" for p in operation.get("parameters", [])):
            errors.append(("404", NOT_FOUND))  # the URL resolver's, then the view's
        return errors

    def _may_forbid(self) -> bool:
        """A 403 can come from CSRF (a session caller's unsafe request) or from a
        permission class stricter than "signed in"."""
        csrf = self.method in UNSAFE_METHODS and any(
            isinstance(auth, SessionAuthentication) for auth in self.view.get_authenticators()
        )
        strict = any(
            type(perm) not in (IsAuthenticated, AllowAny) for perm in self.view.get_permissions()
        )
        return csrf or strict

    def _error_response(self, description: str) -> dict[str, Any]:
        component = self.resolve_serializer(ERROR, "response")
        return {
            "content": {"application/json": {"schema": component.ref}},
            "description": description,
        }
