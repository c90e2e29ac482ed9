"""Which items a snapshot holds: the filter as requested, made canonical, and its query.

A snapshot must be reproducible from its stored filter alone, so the stored form is
absolute and canonical: a relative `window` ("7d") becomes its two end points, `decided_to`
defaults to the request time and may not lie in the future (decisions not yet made would
join a later build), times are UTC with a "Z", lists are sorted, and every key is present
(None: no restriction). The same request then stores the same filter, and the same filter
selects the same items however often it is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.fields.json import KeyTransform
from django.utils.dateparse import parse_datetime

from datasets.services.rows import iso_utc
from hitl.windows import parse_window
from reviews.choices import Outcome, Tier
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.work.models import Decision

# The stored filter's keys; `window` is accepted on input only (it becomes decided_from).
STORED_KEYS = ("decided_from", "decided_to", "model_version", "outcome", "reason_code",
               "slice", "tier")  # fmt: skip
INPUT_KEYS = frozenset({*STORED_KEYS, "window"})
MAX_MODEL_VERSION = 100  # Item.model_version
MAX_SLICE_TAGS = 20  # as at ingest (reviews/intake/services/validation.py)
MAX_TAG_NAME = 64
MAX_TAG_VALUE = 128
_TIME_HELP = "An ISO 8601 time with its offset, such as 2026-11-01T00:00:00Z."


class DatasetFilterInvalid(Exception):
    """Field-level errors, keyed like "decided_from" or "slice.region"."""

    def __init__(self, fields: dict[str, list[str]]) -> None:
        super().__init__(fields)
        self.fields = fields


def _time(value: Any, name: str, errors: dict[str, list[str]]) -> datetime | None:
    if isinstance(value, datetime):
        parsed: datetime | None = value
    elif isinstance(value, str):
        try:
            parsed = parse_datetime(value.strip())
        except ValueError:
            parsed = None
    else:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        errors[name] = [_TIME_HELP]
        return None
    try:
        return parsed.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+14:00: before the first instant there is
        errors[name] = ["Out of range."]
        return None


def _bounds(
    raw: Mapping[str, Any], now: datetime, errors: dict[str, list[str]]
) -> tuple[datetime | None, datetime]:
    """[decided_from, decided_to): from `window` (ending now) or the two times."""
    if raw.get("window") is not None:
        if raw.get("decided_from") is not None or raw.get("decided_to") is not None:
            errors["window"] = ["Give a window or decided_from/decided_to, not both."]
            return None, now
        if not isinstance(raw["window"], str):
            errors["window"] = ["Must be a string such as 24h, 7d or 30d."]
            return None, now
        try:
            return now - parse_window(raw["window"]), now
        except ValueError as exc:
            errors["window"] = [str(exc)]
            return None, now
    start = _time(raw["decided_from"], "decided_from", errors) if raw.get("decided_from") else None
    end = _time(raw["decided_to"], "decided_to", errors) if raw.get("decided_to") else now
    if end is None:
        return start, now
    if end > now:
        errors["decided_to"] = [
            "Must not be later than now: a snapshot never includes decisions not made yet."
        ]
    elif start is not None and start >= end:
        errors["decided_to"] = ["Must come after decided_from."]
    return start, end


def _text(value: Any, max_length: int) -> str | None:
    """The error for a bad string value, or None."""
    if not isinstance(value, str):
        return "Must be a string."
    if len(value) > max_length:
        return f"Ensure this field has no more than {max_length} characters."
    if "\x00" in value:
        return "Must not contain NUL characters."
    return None


def _slice(value: Any, errors: dict[str, list[str]]) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        errors["slice"] = ['Must be an object of tag: value, such as {"region": "EU"}.']
        return None
    if len(value) > MAX_SLICE_TAGS:
        errors["slice"] = [f"At most {MAX_SLICE_TAGS} slice tags."]
        return None
    for name, tag in value.items():
        if problem := _text(name, MAX_TAG_NAME) or ("" if name else "Tag names may not be blank."):
            errors["slice"] = [f"Tag names: {problem}"]
        elif tag_problem := _text(tag, MAX_TAG_VALUE):
            errors[f"slice.{name}"] = [tag_problem]
    return dict(sorted(value.items())) or None


def _outcome(value: Any, errors: dict[str, list[str]]) -> list[str] | None:
    if value is None:
        return None
    allowed = ", ".join(Outcome.values)
    if not isinstance(value, list) or not value:
        errors["outcome"] = [f"Must be a non-empty list of: {allowed}."]
        return None
    if any(not isinstance(v, str) or v not in Outcome.values for v in value):
        errors["outcome"] = [f"Each outcome must be one of: {allowed}."]
        return None
    return sorted(set(value))


def _choice(
    raw: Mapping[str, Any],
    name: str,
    allowed: frozenset[str] | list[str],
    errors: dict[str, list[str]],
) -> str | None:
    value = raw.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or value not in allowed:
        errors[name] = [f"Must be one of: {', '.join(sorted(allowed)) or 'none'}."]
        return None
    return value


def dataset_filter_clean(
    raw: Mapping[str, Any] | None, *, queue: Queue, now: datetime
) -> dict[str, Any]:
    """The canonical filter for `raw` (see the module docstring), or DatasetFilterInvalid
    with every field's error."""
    raw = {} if raw is None else raw
    if not isinstance(raw, Mapping):
        raise DatasetFilterInvalid(
            {"non_field_errors": [f"Expected an object, got {type(raw).__name__}."]}
        )
    errors: dict[str, list[str]] = {
        str(name): ["Unknown field."] for name in sorted(set(raw) - INPUT_KEYS, key=str)
    }
    start, end = _bounds(raw, now.astimezone(UTC), errors)
    model_version = raw.get("model_version")
    if model_version is not None and (
        problem := _text(model_version, MAX_MODEL_VERSION)
        or ("" if model_version.strip() else "This field may not be blank.")
    ):
        errors["model_version"] = [problem]
    flt = {
        "decided_from": iso_utc(start) if start else None,
        "decided_to": iso_utc(end),
        "model_version": model_version,
        "outcome": _outcome(raw.get("outcome"), errors),
        "reason_code": _choice(raw, "reason_code", queue.reason_code_values, errors),
        "slice": _slice(raw.get("slice"), errors),
        "tier": _choice(raw, "tier", Tier.values, errors),
    }
    if errors:
        raise DatasetFilterInvalid(errors)
    return flt


def _stored_time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def dataset_items(queue: Queue, flt: Mapping[str, Any]) -> QuerySet[Item]:
    """The queue's human-decided, non-gold items that `flt` (a stored filter) selects,
    in snapshot order (decided_at, id).

    Served by item_decided_idx, (queue_id, decided_at, id) WHERE decided_at IS NOT NULL
    (datasets/migrations/0002): a range scan of the window already in row order, with
    the other criteria checked on the rows it reads.
    """
    items = Item.objects.filter(
        queue=queue,
        state=Item.State.DECIDED,
        is_gold=False,
        decided_at__lt=_stored_time(flt["decided_to"]),
    )
    if flt.get("decided_from"):
        items = items.filter(decided_at__gte=_stored_time(flt["decided_from"]))
    if flt.get("outcome"):
        items = items.filter(outcome__in=flt["outcome"])
    else:
        items = items.exclude(outcome="")
    if flt.get("model_version") is not None:
        items = items.filter(model_version=flt["model_version"])
    if flt.get("tier"):
        items = items.filter(tier=flt["tier"])
    for index, (name, value) in enumerate(sorted((flt.get("slice") or {}).items())):
        # What slice__<name>=value does, but a tag name may contain "__".
        alias = f"slice_tag_{index}"
        items = items.alias(**{alias: KeyTransform(name, "slice")}).filter(**{alias: value})
    if flt.get("reason_code"):
        items = items.filter(
            Exists(
                Decision.objects.filter(
                    item_id=OuterRef("pk"), reason_code=flt["reason_code"], is_gold=False
                )
            )
        )
    return items.order_by("decided_at", "id")
