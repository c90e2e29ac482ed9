"""Rendering a prediction's input readably: text as paragraphs, structure as a table."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()

LONG_TEXT = 120  # characters from which a string reads better as a paragraph


def _value(value: Any) -> SafeString:
    if isinstance(value, str):
        css = "text long" if len(value) >= LONG_TEXT or "\n" in value else "text"
        return format_html('<div class="{}">{}</div>', css, value)
    if isinstance(value, dict | list):
        return format_html(
            '<pre class="json">{}</pre>', json.dumps(value, indent=2, ensure_ascii=False)
        )
    return format_html("<code>{}</code>", json.dumps(value))


@register.filter
def render_input(value: Any) -> SafeString:
    """An object as a two-column table of its keys; anything else as one value.

    Everything goes through format_html, so input can never inject markup.
    """
    if isinstance(value, dict) and value:
        rows = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td>{}</td></tr>',
            ((key, _value(item)) for key, item in value.items()),
        )
        return format_html('<table class="input">{}</table>', rows)
    return _value(value)


@register.filter
def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"
