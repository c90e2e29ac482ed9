"""What every app's page forms share: the base form, slice tags, and service refusals.

A page form (django.forms) checks only the shape of what the browser sent: text, a choice
among the page's own options, slice tags typed as key=value, a time from a datetime-local
input (hitl/filters.py's ZonedDateTimeField with naive_is_utc, which the list filters
use too). What a value may be is the service's to judge, so a page and the API refuse the
same things with the same messages; `add_service_errors` puts a service's field messages
beside the form's fields. The templates write their own markup and read each field's
`.value` and `.errors`, so the pages look as they did before the forms.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.core.validators import ProhibitNullCharactersValidator

MAX_TAG_NAME = 64
MAX_TAG_VALUE = 128


class PageForm(forms.Form):
    """A form a browser page posts.

    A NUL character in a text field is a 400 (BadRequest), not a message beside the field:
    no browser sends one from a text box, and PostgreSQL's text columns cannot store it.
    Django's CharField finds it (ProhibitNullCharactersValidator); this only turns its
    finding into the answer a forged request gets.
    """

    def full_clean(self) -> None:
        super().full_clean()
        for errors in self.errors.as_data().values():
            if any(error.code == ProhibitNullCharactersValidator.code for error in errors):
                raise BadRequest("A form field holds a NUL character.")

    def error_text(self) -> str:
        """Every message in one line: what a plain POST's redirect shows."""
        return "; ".join(str(message) for messages in self.errors.values() for message in messages)


def add_service_errors(form: forms.Form, fields: Mapping[str, list[str]]) -> None:
    """Put a service's field messages beside the form's fields (after `is_valid()`).

    A nested key joins its field ("slice.region" → "slice", as "region: …"); a key the
    form has no field for goes above the form, as "key: …".
    """
    for key, messages in fields.items():
        name, _, part = key.partition(".")
        if name in form.fields:
            form.add_error(name, [f"{part}: {m}" if part else m for m in messages])
        else:
            form.add_error(None, [f"{key}: {m}" for m in messages])


class SliceTagsField(forms.CharField):
    """Slice tags typed as `region=EU, product=mortgage` (commas or new lines) → a dict."""

    def clean(self, value: Any) -> dict[str, str]:
        text = super().clean(value)  # stripped, NUL refused
        tags: dict[str, str] = {}
        for part in text.replace("\n", ",").split(","):
            if not part.strip():
                continue
            key, sep, tag = (s.strip() for s in part.partition("="))
            if not sep or not key or len(key) > MAX_TAG_NAME or len(tag) > MAX_TAG_VALUE:
                raise ValidationError(
                    f"Write tags as key=value, not {part.strip()!r}.", code="invalid"
                )
            tags[key] = tag
        return tags
