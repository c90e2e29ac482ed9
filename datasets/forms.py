"""The datasets page's two forms, read from a POST: "Build snapshot" and the trigger.

Plain functions like the other pages' forms (reviews/escalation/pages/incidents.py): the build form
only turns what the browser sends into the filter `dataset_request` takes; the filter's
own rules (which keys, which values, the window) are services/filters.py's, so the page
and the API refuse the same things with the same messages.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from django.http import QueryDict
from django.utils.dateparse import parse_datetime

from reviews.escalation.pages.incidents import FormErrors, parse_slice

# The window presets, beside "all" (no lower bound) and "custom" (from / to).
PRESETS = ("24h", "7d", "30d")
WINDOWS = (*PRESETS, "all", "custom")
DEFAULT_WINDOW = "all"
TEXT_FIELDS = ("window", "decided_from", "decided_to", "model_version", "tier", "reason_code")


def build_form(post: QueryDict) -> dict[str, Any]:
    """The build form's values as sent, to read and to show again beside its errors."""
    form: dict[str, Any] = {name: post.get(name, "").strip() for name in TEXT_FIELDS}
    form["slice"] = post.get("slice", "").strip()
    form["outcome"] = sorted(set(post.getlist("outcome")))
    form["raw"] = post.get("raw") == "on"
    return form


def blank_build_form() -> dict[str, Any]:
    return {**dict.fromkeys(TEXT_FIELDS, ""), "window": DEFAULT_WINDOW, "slice": "",
            "outcome": [], "raw": False}  # fmt: skip


def _utc_iso(value: str) -> str:
    """A browser's datetime-local value ("2026-03-02T10:00", no offset) read as UTC, the
    time zone the page shows; a value with an offset, or one that is not a time at all,
    goes on as typed for the filter's own check to judge."""
    try:
        parsed = parse_datetime(value)
    except ValueError:
        return value
    if parsed is None or parsed.tzinfo is not None:
        return value
    return parsed.replace(tzinfo=UTC).isoformat()


def snapshot_filter(form: dict[str, Any]) -> dict[str, Any]:
    """The raw filter for dataset_request; raises FormErrors for what only the page can
    get wrong (an unknown window choice, slice tags not written as key=value)."""
    flt: dict[str, Any] = {}
    window = form["window"] or DEFAULT_WINDOW
    if window not in WINDOWS:
        raise FormErrors({"window": ["Choose a window."]})
    if window in PRESETS:
        flt["window"] = window
    elif window == "custom":
        for name in ("decided_from", "decided_to"):
            if form[name]:
                flt[name] = _utc_iso(form[name])
    for name in ("model_version", "tier", "reason_code"):
        if form[name]:
            flt[name] = form[name]
    if form["outcome"]:
        flt["outcome"] = list(form["outcome"])
    tags = parse_slice(form["slice"])
    if tags:
        flt["slice"] = tags
    return flt


def trigger_form(post: QueryDict) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The trigger form's values and its errors (the count must be a whole number ≥ 0)."""
    text = post.get("every_corrected", "").strip() or "0"
    form: dict[str, Any] = {
        "every_corrected": text,
        "on_alert": post.get("on_alert") == "on",
        "active": post.get("active") == "on",
    }
    try:
        count = int(text)
    except ValueError:
        count = -1
    if count < 0 or not text.isascii():
        return form, {"every_corrected": ["Enter 0 (off) or a positive whole number."]}
    # Larger counts are the service's to refuse (services/triggers.py).
    form["every_corrected"] = count
    return form, {}
