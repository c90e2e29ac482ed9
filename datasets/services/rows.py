"""One snapshot row per decided item: pure functions, no database.

Everything in a row comes from the item and its verdicts, never from the build (no build
time, no snapshot number, no reviewer id): two builds of one filter write the same rows.
Reviewers appear as keyed pseudonyms, stable across snapshots so a training pipeline can
model annotator noise, but not reversible without the server's SECRET_KEY. The split is a
hash of the item id, so an item stays in the same split in every snapshot and a model
never trains on what an earlier snapshot tested it with. docs/datasets.md lists every field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.utils.crypto import salted_hmac

from reviews.intake.services.routing import sample_fraction
from stats.answers import final_answer, verdict_answer

# The Item columns a row is made of (services/build.py reads exactly these with values();
# policy_version is the routing policy's version, joined in).
ITEM_FIELDS = (
    "id", "external_id", "input", "output_label", "confidence", "calibrated_confidence",
    "scores", "model_version", "policy_version", "route", "tier", "sample_reason",
    "final_label", "outcome", "slice", "received_at", "decided_at",
)  # fmt: skip
# The Decision columns of one verdict (item_id to group them by item).
VERDICT_FIELDS = (
    "item_id", "reviewer_id", "tier", "verdict", "label", "rationale", "reason_code",
    "decided_at", "handling_seconds",
)  # fmt: skip

SPLITS = (("train", 0.8), ("validation", 0.9), ("test", 1.0))
_SPLIT_KEY = "dataset-split:"  # not routing's "<queue>:<external_id>": independent draws
_PSEUDONYM_SALT = "hitl.datasets.reviewer-pseudonym"


def iso_utc(at: datetime) -> str:
    """`at` in UTC as ISO 8601 with a "Z" (microseconds only when there are some): one
    text per instant, so stored filters and rows compare as strings."""
    text = at.astimezone(UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def split_of(item_id: int) -> str:
    """ "train", "validation" or "test" (80/10/10), the same for an item in every snapshot."""
    draw = sample_fraction(f"{_SPLIT_KEY}{item_id}")
    return next(name for name, upper in SPLITS if draw < upper)


@lru_cache(maxsize=4096)
def _pseudonym(user_id: int, secret: str) -> str:
    digest = salted_hmac(_PSEUDONYM_SALT, str(user_id), secret=secret, algorithm="sha256")
    return "r_" + digest.hexdigest()[:16]


def reviewer_pseudonym(user_id: int) -> str:
    """ "r_" and 16 hex digits of HMAC-SHA256(user id), keyed from SECRET_KEY: the same
    reviewer gets the same pseudonym in every snapshot while the key stays the same."""
    return _pseudonym(int(user_id), settings.SECRET_KEY)


def _verdict(verdict: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "reviewer": reviewer_pseudonym(verdict["reviewer_id"]),
        "tier": verdict["tier"],
        "verdict": verdict["verdict"],
        "label": verdict["label"],
        "rationale": verdict["rationale"],
        "reason_code": verdict["reason_code"],
        "decided_at": iso_utc(verdict["decided_at"]),
        "handling_seconds": float(verdict["handling_seconds"]),
    }


def item_agreement(item: Mapping[str, Any], verdicts: Sequence[Mapping[str, Any]]) -> float | None:
    """The share of the item's verdicts whose answer is the item's final answer; None with
    fewer than two verdicts (one verdict agrees with itself by construction)."""
    if len(verdicts) < 2:
        return None
    final = final_answer(outcome=item["outcome"], final_label=item["final_label"])
    agreeing = sum(
        verdict_answer(verdict=v["verdict"], label=v["label"], output_label=item["output_label"])
        == final
        for v in verdicts
    )
    return agreeing / len(verdicts)


def dataset_row(
    item: Mapping[str, Any], verdicts: Sequence[Mapping[str, Any]], *, raw: bool
) -> dict[str, Any]:
    """The snapshot row of one item (ITEM_FIELDS, plus raw_input when `raw`) and its
    verdicts (VERDICT_FIELDS, in decision order, rationales already redacted unless raw).

    With `raw`, the input is the one the client submitted while retention still holds it;
    otherwise, or once purged, the redacted one, and `input_is_raw` says which it is.
    """
    raw_input = item.get("raw_input") if raw else None
    return {
        "item_id": item["id"],
        "external_id": item["external_id"],
        "input": raw_input if raw_input is not None else item["input"],
        "input_is_raw": raw_input is not None,
        "model_output": {
            "label": item["output_label"],
            "confidence": item["confidence"],
            "calibrated_confidence": item["calibrated_confidence"],
            "scores": item["scores"],
        },
        "model_version": item["model_version"],
        "policy_version": item["policy_version"],
        "route": item["route"],
        "tier": item["tier"],
        "sample_reason": item["sample_reason"],
        "final_label": item["final_label"],
        "outcome": item["outcome"],
        "verdicts": [_verdict(v) for v in verdicts],
        "agreement": item_agreement(item, verdicts),
        "slice": item["slice"] or {},
        "split": split_of(item["id"]),
        "received_at": iso_utc(item["received_at"]),
        "decided_at": iso_utc(item["decided_at"]),
    }
