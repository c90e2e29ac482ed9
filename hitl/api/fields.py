"""Serializer fields that refuse the wrong JSON type instead of coercing it.

DRF's defaults turn `true` into 1.0 and `"0.5"` into 0.5; a client that sends a
string for a confidence has a bug we should tell it about.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from rest_framework import serializers


class StrictCharField(serializers.CharField):
    default_error_messages = {"invalid": "Must be a string."}

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        if "\x00" in data:
            raise serializers.ValidationError("Must not contain NUL characters.")
        return super().to_internal_value(data)


class StrictFloatField(serializers.FloatField):
    default_error_messages = {"invalid": "Must be a number."}

    def to_internal_value(self, data: Any) -> float:
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    default_error_messages = {"invalid": "Must be an integer."}

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    default_error_messages = {"invalid": "Must be true or false."}

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class StoredNumberField(serializers.FloatField):
    """A number from a JSON column, rendered as stored: a client's integer score stays 1
    (FloatField would render 1.0)."""

    def to_representation(self, value: Any) -> Any:
        return value


# Deeper JSON than this is refused: every consumer after the parser (hashing, the
# database driver, SQLite's JSON functions) recurses and would fail with a 500.
MAX_JSON_DEPTH = 100


def _json_problem(value: Any) -> str | None:
    """Why `value` cannot be stored (too deep, a NUL character), or None.

    Walks with an explicit stack, not recursion: the input is hostile until checked.
    """
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, str):
            if "\x00" in node:
                return "Must not contain NUL characters (\\u0000)."
        elif isinstance(node, dict | list):
            if depth > MAX_JSON_DEPTH:
                return f"Must not nest deeper than {MAX_JSON_DEPTH} levels."
            if isinstance(node, dict):
                for key, child in node.items():
                    stack.append((key, depth))
                    stack.append((child, depth + 1))
            else:
                stack.extend((child, depth + 1) for child in node)
    return None


def json_value_error(value: Any) -> str | None:
    """Why `value` cannot be stored as one item's JSON, or None when it can."""
    problem = _json_problem(value)
    if problem:
        return problem
    try:
        # allow_nan=False: a number like 1e999 parses as inf, which JSON (and so
        # PostgreSQL's jsonb and SQLite's JSON_VALID check) cannot hold.
        size = len(json.dumps(value, ensure_ascii=False, allow_nan=False).encode())
    except (TypeError, ValueError, RecursionError):
        return "Must be JSON (finite numbers, valid Unicode)."
    if size > settings.HITL_MAX_ITEM_BYTES:
        return f"Is {size} bytes as JSON; the limit is {settings.HITL_MAX_ITEM_BYTES}."
    return None


class BoundedJSONField(serializers.JSONField):
    """Any JSON value, within HITL_MAX_ITEM_BYTES and storable in PostgreSQL's jsonb."""

    def to_internal_value(self, data: Any) -> Any:
        if problem := json_value_error(data):
            raise serializers.ValidationError(problem)
        return data


class NoUnknownFieldsMixin:
    """Refuse keys the serializer does not know: a misspelt `slices` should not vanish."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            unknown = set(data) - set(self.fields)  # type: ignore[attr-defined]
            if unknown:
                raise serializers.ValidationError(
                    {name: ["Unknown field."] for name in sorted(map(str, unknown))}
                )
        return super().to_internal_value(data)  # type: ignore[misc]


def iso_z(value: datetime | None) -> str | None:
    """As DRF renders a datetime (UTC, with a Z); None stays None."""
    if value is None:
        return None
    text = value.astimezone(UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
