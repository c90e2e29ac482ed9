"""The page forms' shared pieces (hitl/forms.py): slice tags typed as key=value, a NUL
answered with a 400, and a service's field messages put beside the form's fields."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import BadRequest

from hitl.forms import PageForm, SliceTagsField, add_service_errors


class Sample(PageForm):
    text = forms.CharField(required=False)
    kept = forms.CharField(required=False, strip=False)
    slice = SliceTagsField(required=False)


def test_slice_tags_are_read_from_key_value_text() -> None:
    form = Sample({"slice": " region = EU,\nproduct=mortgage,, "})

    assert form.is_valid()
    assert form.cleaned_data["slice"] == {"region": "EU", "product": "mortgage"}
    assert Sample({"slice": ""}).is_valid()


@pytest.mark.parametrize("typed", ["region", "=EU", f"{'k' * 65}=EU", f"region={'v' * 129}"])
def test_slice_tags_not_written_as_key_value_are_a_field_error(typed: str) -> None:
    form = Sample({"slice": typed})

    assert not form.is_valid()
    assert form.errors["slice"] == [f"Write tags as key=value, not {typed!r}."]


@pytest.mark.parametrize("field", ["text", "kept", "slice"])
def test_a_nul_in_a_text_field_is_a_400(field: str) -> None:
    """No browser sends one from a text box and PostgreSQL cannot store it."""
    with pytest.raises(BadRequest):
        Sample({field: "region=a\x00b"}).is_valid()


def test_text_is_stripped_unless_the_field_says_not() -> None:
    form = Sample({"text": "  a  ", "kept": "  laid out\n"})

    assert form.is_valid()
    assert (form.cleaned_data["text"], form.cleaned_data["kept"]) == ("a", "  laid out\n")


def test_a_services_messages_go_beside_their_fields() -> None:
    form = Sample({"text": "x"})
    assert form.is_valid()

    add_service_errors(
        form, {"text": ["Too short."], "slice.region": ["Too long."], "window": ["No."]}
    )

    assert form.errors["text"] == ["Too short."]
    assert form.errors["slice"] == ["region: Too long."]  # a nested key joins its field
    assert form.non_field_errors() == ["window: No."]  # a key the form has no field for
    assert "text" not in form.cleaned_data
    assert form.error_text() == "Too short.; region: Too long.; window: No."
