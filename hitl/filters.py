"""The filters every app's list filters (django-filter FilterSets) are made of.

A FilterSet's form checks each query parameter. Each filter here refuses, with a message
naming its field, what the database would refuse although it parses, which would answer
a 500 instead of a 400: a NUL character (PostgreSQL's text cannot hold one), an integer
past 64 bits (SQLite's driver and PostgreSQL's bigint both refuse it), a time that exists
with its offset but not in UTC (0001-01-01T00:00+14:00, which Django converts before the
query). The API answers a refused value with a 400 naming the field
(hitl/api/filters.py); a page shows the message or leaves that filter out.

The messages are the API's as they were before FilterSets (DRF's for the escalation
lists, the audit trail's own), so clients see the same error bodies.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from django_filters.fields import ChoiceField as FilterChoiceField
from drf_spectacular.utils import extend_schema_field

NUL = "Must not contain NUL characters."
# The widest integer both databases compare against a bigint column.
MAX_INTEGER = 2**63 - 1


class TextField(forms.CharField):
    """Text, stripped, without NUL characters. With `allow_blank=False` a parameter that
    is sent empty is refused (an absent one is no filter), as DRF's CharField does."""

    default_error_messages = {
        "blank": "This field may not be blank.",
        "max_length": "Ensure this field has no more than %(limit_value)d characters.",
        "null_characters_not_allowed": NUL,
    }

    def __init__(self, *, allow_blank: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.allow_blank = allow_blank

    def to_python(self, value: Any) -> str:
        if value is not None and not self.allow_blank and not str(value).strip():
            raise ValidationError(self.error_messages["blank"], code="blank")
        return str(super().to_python(value))


class StrictChoiceField(FilterChoiceField):
    """One of the choices, as sent (not stripped); `allow_blank=False` as for TextField."""

    default_error_messages = {"invalid_choice": '"%(value)s" is not a valid choice.'}

    def __init__(self, *, allow_blank: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.allow_blank = allow_blank

    def to_python(self, value: Any) -> str:
        if value == "" and not self.allow_blank:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": ""}
            )
        return str(super().to_python(value))


class BoundedIntegerField(forms.IntegerField):
    """An integer as Python reads it ("1.0" is not one), within 64 bits."""

    default_error_messages = {
        "invalid": "Must be an integer.",
        "min_value": f"Must be between -{MAX_INTEGER} and {MAX_INTEGER}.",
        "max_value": f"Must be between -{MAX_INTEGER} and {MAX_INTEGER}.",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=-MAX_INTEGER, max_value=MAX_INTEGER, **kwargs)

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        try:
            return int(value)
        except (TypeError, ValueError):  # a ValueError too past 4,300 digits
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class ZonedDateTimeField(forms.Field):
    """An ISO 8601 time with its zone, which must exist in UTC too. With
    `naive_is_utc`, a time without a zone (a browser's datetime-local input) is UTC."""

    default_error_messages = {
        "invalid": "Use an ISO 8601 time with a zone, e.g. 2026-01-31T12:00:00Z.",
        "out_of_range": "Must be a time between the years 1 and 9999, in UTC.",
    }

    def __init__(self, *, naive_is_utc: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.naive_is_utc = naive_is_utc

    def to_python(self, value: Any) -> datetime | None:
        if value in self.empty_values:
            return None
        try:
            when = parse_datetime(str(value).strip())
            if when is not None and when.tzinfo is None and self.naive_is_utc:
                when = when.replace(tzinfo=UTC)
            if when is not None and when.tzinfo is not None:
                when.astimezone(UTC)  # what Django does before the query
        except (ValueError, OverflowError):  # 2026-13-45, or past the calendar in UTC
            raise ValidationError(
                self.error_messages["out_of_range"], code="out_of_range"
            ) from None
        if when is None or when.tzinfo is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return when


class TextFilter(django_filters.CharFilter):
    """Text (TextField); the schema tells its limits, as it does a serializer field's."""

    field_class = TextField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        schema: dict[str, Any] = {"type": "string"}
        if not kwargs.get("allow_blank", True):
            schema["minLength"] = 1
        if kwargs.get("max_length") is not None:
            schema["maxLength"] = kwargs["max_length"]
        if kwargs.get("help_text"):
            schema["description"] = kwargs["help_text"]
        extend_schema_field(schema)(self)


class ChoiceFilter(django_filters.ChoiceFilter):
    field_class = StrictChoiceField


class IntegerFilter(django_filters.NumberFilter):
    """A NumberFilter (so the schema reads the model field's integer type) of integers."""

    field_class = BoundedIntegerField

    def get_max_validator(self) -> None:
        return None  # the field's own bounds are the 64-bit ones


class ZonedDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = ZonedDateTimeField
