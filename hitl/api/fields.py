"""Serializer fields that refuse the wrong JSON type instead of coercing it.

DRF's defaults turn `true` into 1.0 and `"0.5"` into 0.5; a client that sends a
string for a confidence has a bug we should tell it about.
"""

from __future__ import annotations

import json
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


def _contains_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_contains_nul(k) or _contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_contains_nul(v) for v in value)
    return False


class BoundedJSONField(serializers.JSONField):
    """Any JSON value, within HITL_MAX_ITEM_BYTES and storable in PostgreSQL's jsonb."""

    def to_internal_value(self, data: Any) -> Any:
        try:
            size = len(json.dumps(data, ensure_ascii=False).encode())
        except (TypeError, ValueError, RecursionError):
            raise serializers.ValidationError("Must be JSON.") from None
        if size > settings.HITL_MAX_ITEM_BYTES:
            raise serializers.ValidationError(
                f"Is {size} bytes as JSON; the limit is {settings.HITL_MAX_ITEM_BYTES}."
            )
        if _contains_nul(data):
            raise serializers.ValidationError("Must not contain NUL characters (\\u0000).")
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
