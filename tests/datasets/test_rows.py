"""Snapshot rows: the split, reviewer pseudonyms, verdicts, agreement and redaction."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest

from datasets.models import Dataset
from datasets.services.build import dataset_build, dataset_file, dataset_request
from datasets.services.rows import dataset_row, reviewer_pseudonym, split_of
from reviews.intake.models import Item
from reviews.queues.permissions import QueuePerm, Role
from stats.answers import verdict_answer
from tests.datasets.making import EMAIL, built, decided, person, verdict
from tests.factories import SYSTEM, ingest, make_queue


def rows_of(dataset: Dataset) -> list[dict[str, Any]]:
    assert dataset.status == Dataset.Status.READY, dataset.error
    return [json.loads(line) for line in dataset_file(dataset, "jsonl").read_text().splitlines()]


def test_split_is_about_80_10_10_and_the_same_every_time() -> None:
    ids = range(1, 10_001)
    splits = [split_of(i) for i in ids]
    counts = Counter(splits)
    assert set(counts) == {"train", "validation", "test"}
    # Binomial sd over 10,000 draws is ≤ 0.4 %: 1.5 points is about four of them.
    assert abs(counts["train"] / 10_000 - 0.8) < 0.015
    assert abs(counts["validation"] / 10_000 - 0.1) < 0.015
    assert abs(counts["test"] / 10_000 - 0.1) < 0.015
    assert [split_of(i) for i in ids] == splits


def test_split_does_not_follow_the_id_order() -> None:
    # A hash, not ranges of ids: every block of 100 consecutive ids mixes the splits.
    for start in range(1, 10_001, 100):
        assert len({split_of(i) for i in range(start, start + 100)}) >= 2


def test_pseudonym_is_stable_keyed_and_does_not_show_the_id(settings: Any) -> None:
    first = reviewer_pseudonym(7)
    assert re.fullmatch(r"r_[0-9a-f]{16}", first)
    assert reviewer_pseudonym(7) == first
    assert reviewer_pseudonym(8) != first
    assert len({reviewer_pseudonym(i) for i in range(1, 1001)}) == 1000
    settings.SECRET_KEY = "another-deployment-key"
    assert reviewer_pseudonym(7) != first  # keyed by the server's secret


def _item(**overrides: Any) -> dict[str, Any]:
    at = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    item = {
        "id": 41, "external_id": "ext-41", "input": {"text": "[EMAIL] wrote"},
        "raw_input": None, "output_label": "approve", "confidence": 0.7,
        "calibrated_confidence": 0.65, "scores": {"approve": 0.7, "deny": 0.3},
        "model_version": "m-3", "policy_version": 2, "route": "tier1", "tier": "tier1",
        "sample_reason": "", "final_label": "deny", "outcome": "corrected",
        "slice": {"region": "EU"}, "received_at": at, "decided_at": at,
    }  # fmt: skip
    item.update(overrides)
    return item


def test_a_row_has_every_documented_field_and_nothing_of_the_build() -> None:
    row = dataset_row(_item(), [], raw=False)
    assert sorted(row) == sorted([
        "item_id", "external_id", "input", "input_is_raw", "model_output", "model_version",
        "policy_version", "route", "tier", "sample_reason", "final_label", "outcome",
        "verdicts", "agreement", "slice", "split", "received_at", "decided_at",
    ])  # fmt: skip
    assert row["model_output"] == {
        "label": "approve",
        "confidence": 0.7,
        "calibrated_confidence": 0.65,
        "scores": {"approve": 0.7, "deny": 0.3},
    }
    assert row["received_at"] == "2026-03-01T12:00:00Z"
    assert row["split"] == split_of(41)
    assert row["agreement"] is None


def test_raw_asked_for_but_purged_falls_back_to_the_redacted_input() -> None:
    held = dataset_row(_item(raw_input={"text": f"{EMAIL} wrote"}), [], raw=True)
    assert held["input"] == {"text": f"{EMAIL} wrote"} and held["input_is_raw"] is True
    purged = dataset_row(_item(raw_input=None), [], raw=True)
    assert purged["input"] == {"text": "[EMAIL] wrote"} and purged["input_is_raw"] is False
    not_asked = dataset_row(_item(raw_input={"text": f"{EMAIL} wrote"}), [], raw=False)
    assert not_asked["input"] == {"text": "[EMAIL] wrote"} and not_asked["input_is_raw"] is False


@pytest.mark.parametrize(
    ("verdict_", "label", "expected"),
    [
        ("approve", "approve", "approve"),
        ("approve", "", "approve"),  # the model's label
        ("override", "deny", "deny"),
        ("reject", "", "rejected"),
        ("escalate", "", "escalate"),
    ],
)
def test_verdict_answer(verdict_: str, label: str, expected: str) -> None:
    assert verdict_answer(verdict=verdict_, label=label, output_label="approve") == expected


@pytest.mark.django_db
def test_a_disputed_consensus_item_carries_every_verdict_in_order_and_its_agreement() -> None:
    queue = make_queue("pairs", consensus={"reviewers": 2})
    first, second = person("first", queue), person("second", queue)
    sme_a, sme_b = (person(name, queue, role=Role.SME) for name in ("sme-a", "sme-b"))
    item = ingest(queue, output={"label": "approve", "confidence": 0.7})
    verdict(item, first, "approve")
    verdict(item, second, "override", label="deny")  # disagreement: escalated to SMEs
    assert Item.objects.get(pk=item.pk).tier == "sme"
    verdict(item, sme_a, "override", label="deny")
    settled = verdict(item, sme_b, "override", label="deny")
    assert (settled.state, settled.outcome, settled.final_label) == ("decided", "corrected", "deny")
    lone = decided(queue, first, "approve")  # waits for a second verdict: not decided
    assert lone.state != "decided"

    (row,) = rows_of(built(queue))

    assert row["item_id"] == item.pk and row["tier"] == "sme"
    assert [(v["tier"], v["verdict"], v["label"]) for v in row["verdicts"]] == [
        ("tier1", "approve", "approve"),
        ("tier1", "override", "deny"),
        ("sme", "override", "deny"),
        ("sme", "override", "deny"),
    ]
    people = [first, second, sme_a, sme_b]
    assert [v["reviewer"] for v in row["verdicts"]] == [reviewer_pseudonym(p.pk) for p in people]
    assert all(str(p.pk) != v["reviewer"] for p, v in zip(people, row["verdicts"], strict=True))
    times = [v["decided_at"] for v in row["verdicts"]]
    assert times == sorted(times)
    assert row["agreement"] == 0.75  # three of the four answers are the final "deny"


@pytest.mark.django_db
def test_an_item_with_one_verdict_has_no_agreement(queue: Any) -> None:
    decided(queue, person("ann", queue), "override")
    (row,) = rows_of(built(queue))
    assert len(row["verdicts"]) == 1 and row["agreement"] is None


@pytest.mark.django_db
def test_rationale_pii_is_redacted_unless_the_export_is_raw(queue: Any) -> None:
    ann = person("ann", queue)
    exporter = person("exporter", queue, QueuePerm.EXPORT, QueuePerm.RAW_PII)
    item = ingest(queue, input={"note": f"from {EMAIL}"})
    verdict(item, ann, "override", label="deny", rationale=f"The applicant is {EMAIL}.")

    (plain,) = rows_of(built(queue))
    assert EMAIL not in json.dumps(plain)
    assert plain["verdicts"][0]["rationale"] == "The applicant is [EMAIL]."
    assert plain["input"] == {"note": "from [EMAIL]"} and plain["input_is_raw"] is False

    requested = dataset_request(
        queue=queue, actor=SYSTEM, user=exporter, filter=None, raw=True, enqueue=False
    )
    (raw,) = rows_of(dataset_build(dataset_id=requested.pk))
    assert raw["verdicts"][0]["rationale"] == f"The applicant is {EMAIL}."
    assert raw["input"] == {"note": f"from {EMAIL}"} and raw["input_is_raw"] is True
