"""The list filters' building blocks (hitl/filters.py) and the schema of every FilterSet."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from drf_spectacular.generators import EndpointEnumerator

from hitl.filters import (
    MAX_INTEGER,
    NUL,
    BoundedIntegerField,
    ChoiceFilter,
    StrictChoiceField,
    TextField,
    ZonedDateTimeField,
)
from tests.fuzz.schema import openapi_schema


def refusal(field: Any, raw: Any) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        field.clean(raw)
    return caught.value.messages


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("1.0", "Must be an integer."),
        ("1e3", "Must be an integer."),
        ("9" * 5000, "Must be an integer."),  # past Python's 4,300 digits
        (str(MAX_INTEGER + 1), f"Must be between -{MAX_INTEGER} and {MAX_INTEGER}."),
        (str(-MAX_INTEGER - 1), f"Must be between -{MAX_INTEGER} and {MAX_INTEGER}."),
    ],
)
def test_an_integer_is_one_python_reads_within_64_bits(raw: str, message: str) -> None:
    assert refusal(BoundedIntegerField(required=False), raw) == [message]


def test_an_integer_at_the_64_bit_edge_and_an_empty_one_pass() -> None:
    field = BoundedIntegerField(required=False)

    assert field.clean(str(MAX_INTEGER)) == MAX_INTEGER
    assert field.clean(" -5 ") == -5
    assert field.clean("") is None


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("yesterday", "invalid"),
        ("2026-01-31T12:00:00", "invalid"),  # no zone
        ("2026-13-45T99:99:99Z", "out_of_range"),
        ("0001-01-01T00:00:00+14:00", "out_of_range"),  # year 0 in UTC
        ("9999-12-31T23:59:59-14:00", "out_of_range"),  # year 10000 in UTC
        ("a\x00b", "invalid"),
    ],
)
def test_a_time_needs_its_zone_and_must_exist_in_utc(raw: str, code: str) -> None:
    field = ZonedDateTimeField(required=False)

    assert refusal(field, raw) == [field.error_messages[code]]


def test_a_time_without_a_zone_is_utc_only_where_the_field_says_so() -> None:
    browser = ZonedDateTimeField(required=False, naive_is_utc=True)

    assert browser.clean("2026-05-04T11:00") == datetime(2026, 5, 4, 11, 0, tzinfo=UTC)
    assert browser.clean("2026-05-04T13:00+02:00").utcoffset() == timedelta(hours=2)
    assert refusal(browser, "0001-01-01T00:00:00+14:00") == [browser.error_messages["out_of_range"]]


def test_text_refuses_nul_and_overlong_values_and_blank_where_it_must_not_be() -> None:
    slug = TextField(required=False, max_length=4, allow_blank=False)
    free = TextField(required=False)

    assert refusal(slug, "a\x00b") == [NUL]
    assert refusal(slug, "abcde") == ["Ensure this field has no more than 4 characters."]
    assert refusal(slug, "  ") == ["This field may not be blank."]
    assert slug.clean(" ab ") == "ab"
    assert slug.clean(None) == ""  # absent: no filter
    assert free.clean("") == ""


def test_a_choice_is_one_of_the_choices_as_sent() -> None:
    field = StrictChoiceField(choices=[("open", "Open")], required=False, allow_blank=False)

    assert refusal(field, "closed") == ['"closed" is not a valid choice.']
    assert refusal(field, "") == ['"" is not a valid choice.']
    assert refusal(field, " open ") == ['" open " is not a valid choice.']
    assert field.clean("open") == "open"
    assert field.clean(None) == ""  # absent: no filter


@pytest.mark.django_db
def test_the_schema_documents_every_filter_of_every_filtered_list() -> None:
    """Each API view with a FilterSet documents each of its filters as a query parameter,
    a choice with its choices: found from the URLs, so a new filtered list is checked too."""
    paths = openapi_schema()["paths"]
    lists = [
        (path, view.cls.filterset_class)
        for path, _, method, view in EndpointEnumerator().get_api_endpoints()
        if method == "GET" and getattr(view.cls, "filterset_class", None)
    ]

    assert {path for path, _ in lists} >= {
        "/api/v1/audit/events/",
        "/api/v1/escalations/",
        "/api/v1/incidents/",
    }
    for path, filterset in lists:
        documented = {p["name"]: p for p in paths[path]["get"]["parameters"] if p["in"] == "query"}
        assert set(filterset.base_filters) <= set(documented), path
        for name, declared in filterset.base_filters.items():
            if isinstance(declared, ChoiceFilter):
                choices = sorted(value for value, _ in declared.extra["choices"])
                assert sorted(documented[name]["schema"]["enum"]) == choices, (path, name)
