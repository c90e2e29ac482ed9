"""Snapshot filters: the canonical stored form, each criterion, and field-level errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection

from datasets.services.filters import DatasetFilterInvalid, dataset_filter_clean, dataset_items
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from tests.datasets.making import decided, person, verdict
from tests.factories import ingest, make_queue

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
NOW = T0 + timedelta(hours=4)
YEAR = timedelta(days=3650)


def at(hours: float) -> str:
    return (T0 + timedelta(hours=hours)).isoformat()


@pytest.fixture
def items(queue: Queue, other_queue: Queue) -> dict[str, int]:
    """Four decided items an hour apart, each different in one way, and three that a
    snapshot must never hold: one still waiting, a gold one, one of another queue."""
    ann, sme = person("ann", queue), person("sme", queue, role=Role.SME)
    made: dict[str, Item] = {}
    with time_machine.travel(T0, tick=False):
        made["early"] = decided(queue, ann, "approve", slice={"region": "EU"})
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        made["corrected"] = decided(
            queue, ann, "override", model_version="model-2", slice={"region": "US"}
        )
    with time_machine.travel(T0 + timedelta(hours=2), tick=False):
        made["rejected"] = verdict(
            ingest(queue, slice={"region": "EU", "product": "card"}),
            ann,
            "reject",
            reason_code="unusable_input",
        )
    with time_machine.travel(T0 + timedelta(hours=3), tick=False):
        # Confidence below sme_below: routed straight to SMEs, decided there.
        made["sme"] = decided(queue, sme, "approve", output={"label": "approve", "confidence": 0.1})
        ingest(queue, external_id="waiting")
        gold = decided(queue, ann, "approve", external_id="gold")
        Item.objects.filter(pk=gold.pk).update(is_gold=True)
        decided(other_queue, person("other", other_queue), "approve")
    assert {name: item.state for name, item in made.items()} == dict.fromkeys(made, "decided")
    assert made["sme"].tier == "sme"
    return {name: item.pk for name, item in made.items()}


def selected(queue: Queue, raw: dict[str, Any] | None, items: dict[str, int]) -> list[str]:
    names = {pk: name for name, pk in items.items()}
    flt = dataset_filter_clean(raw, queue=queue, now=NOW)
    return [names[pk] for pk in dataset_items(queue, flt).values_list("pk", flat=True)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ["early", "corrected", "rejected", "sme"]),
        ({}, ["early", "corrected", "rejected", "sme"]),
        ({"decided_from": at(0.5)}, ["corrected", "rejected", "sme"]),
        ({"decided_from": at(1)}, ["corrected", "rejected", "sme"]),  # from is inclusive
        ({"decided_to": at(1.5)}, ["early", "corrected"]),
        ({"decided_to": at(1)}, ["early"]),  # to is exclusive
        ({"decided_from": at(0.5), "decided_to": at(2.5)}, ["corrected", "rejected"]),
        ({"window": "2h"}, ["rejected", "sme"]),  # [NOW − 2h, NOW) = [T0 + 2h, T0 + 4h)
        ({"model_version": "model-2"}, ["corrected"]),
        ({"model_version": "model-9"}, []),
        ({"slice": {"region": "EU"}}, ["early", "rejected"]),
        ({"slice": {"region": "EU", "product": "card"}}, ["rejected"]),
        ({"slice": {"product": "loan"}}, []),
        ({"outcome": ["rejected", "corrected"]}, ["corrected", "rejected"]),
        ({"outcome": ["approved"]}, ["early", "sme"]),
        ({"reason_code": "unusable_input"}, ["rejected"]),
        ({"reason_code": "wrong_label"}, ["corrected"]),
        ({"tier": "sme"}, ["sme"]),
        ({"tier": "tier1"}, ["early", "corrected", "rejected"]),
        ({"tier": "tier1", "slice": {"region": "EU"}, "outcome": ["approved"]}, ["early"]),
    ],
)
def test_each_criterion_selects_its_items_in_decision_order(
    queue: Queue, items: dict[str, int], raw: Any, expected: list[str]
) -> None:
    assert selected(queue, raw, items) == expected


def test_stored_filter_is_canonical_and_absolute(queue: Queue) -> None:
    raw = {
        "decided_from": "2026-03-01T13:00:00+01:00",
        "outcome": ["rejected", "approved", "rejected"],
        "slice": {"b": "2", "a": "1"},
    }
    expected = {
        "decided_from": "2026-03-01T12:00:00Z",
        "decided_to": "2026-03-01T16:00:00Z",
        "model_version": None,
        "outcome": ["approved", "rejected"],
        "reason_code": None,
        "slice": {"a": "1", "b": "2"},
        "tier": None,
    }
    assert dataset_filter_clean(raw, queue=queue, now=NOW) == expected
    assert list(dataset_filter_clean(raw, queue=queue, now=NOW)["slice"]) == ["a", "b"]


def test_a_window_becomes_its_two_end_points(queue: Queue) -> None:
    flt = dataset_filter_clean({"window": "24h"}, queue=queue, now=NOW)
    assert (flt["decided_from"], flt["decided_to"]) == (
        "2026-02-28T16:00:00Z",
        "2026-03-01T16:00:00Z",
    )


def test_times_may_come_as_datetimes(queue: Queue) -> None:
    flt = dataset_filter_clean({"decided_to": T0}, queue=queue, now=NOW)
    assert flt["decided_to"] == "2026-03-01T12:00:00Z"


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"nope": 1}, "nope"),
        ({"decided_from": "yesterday"}, "decided_from"),
        ({"decided_from": "2026-03-01T12:00:00"}, "decided_from"),  # no offset
        ({"decided_from": 1772366400}, "decided_from"),
        ({"decided_from": "2026-13-45T09:00:00Z"}, "decided_from"),
        ({"decided_from": "0001-01-01T00:00:00+14:00"}, "decided_from"),
        ({"decided_to": "2999-01-01T00:00:00Z"}, "decided_to"),  # the future
        ({"decided_from": at(2), "decided_to": at(1)}, "decided_to"),
        ({"decided_from": at(1), "decided_to": at(1)}, "decided_to"),
        ({"window": "7d", "decided_from": at(1)}, "window"),
        ({"window": "7 days"}, "window"),
        ({"window": "999d"}, "window"),
        ({"window": 7}, "window"),
        ({"model_version": ""}, "model_version"),
        ({"model_version": 3}, "model_version"),
        ({"model_version": "m" * 101}, "model_version"),
        ({"slice": ["EU"]}, "slice"),
        ({"slice": {"region": 1}}, "slice.region"),
        ({"slice": {"": "x"}}, "slice"),
        ({"slice": {f"t{i}": "x" for i in range(21)}}, "slice"),
        ({"outcome": "approved"}, "outcome"),
        ({"outcome": []}, "outcome"),
        ({"outcome": ["approved", "maybe"]}, "outcome"),
        ({"reason_code": "nope"}, "reason_code"),
        ({"tier": "tier2"}, "tier"),
        (["decided_from"], "non_field_errors"),
    ],
)
def test_bad_values_are_field_errors(queue: Queue, raw: Any, field: str) -> None:
    with pytest.raises(DatasetFilterInvalid) as refused:
        dataset_filter_clean(raw, queue=queue, now=NOW)
    assert list(refused.value.fields) == [field]
    assert all(isinstance(m, str) and m for m in refused.value.fields[field])


def test_every_bad_field_is_reported_at_once(queue: Queue) -> None:
    with pytest.raises(DatasetFilterInvalid) as refused:
        dataset_filter_clean(
            {"tier": "x", "outcome": "y", "decided_from": "z"}, queue=queue, now=NOW
        )
    assert sorted(refused.value.fields) == ["decided_from", "outcome", "tier"]


_COPIES = """
INSERT INTO reviews_item
SELECT (jsonb_populate_record(NULL::reviews_item, to_jsonb(t) || jsonb_build_object(
    'id', nextval(pg_get_serial_sequence('reviews_item', 'id')),
    'queue_id', q.id,
    'external_id', 'copy-' || g,
    'decided_at', %(start)s::timestamptz + g * interval '30 minutes'))).*
FROM reviews_item t, generate_series(1, %(copies)s) g, reviews_queue q
WHERE t.id = %(template)s AND q.id = ANY(%(queues)s)
"""


@pytest.mark.postgres
def test_the_export_query_reads_item_decided_idx(other_queue: Queue) -> None:
    queue = make_queue("explained")
    template = decided(queue, person("ann", queue))
    with connection.cursor() as cursor:
        # 30 days of decisions half an hour apart in each of two queues, as review would
        # leave them but written in one statement; then fresh statistics.
        cursor.execute(
            _COPIES,
            {"start": T0 - timedelta(days=30), "copies": 30 * 24 * 2, "template": template.pk,
             "queues": [queue.pk, other_queue.pk]},
        )  # fmt: skip
        cursor.execute("ANALYZE reviews_item")
        flt = dataset_filter_clean({"window": "24h"}, queue=queue, now=T0)
        sql, params = dataset_items(queue, flt).values("id", "input").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # A range of this queue's decisions in the index, not a scan of the table or of the
    # queue's items by arrival.
    assert "item_decided_idx" in plan, plan
    assert "Seq Scan" not in plan and "item_queue_received_idx" not in plan, plan


def test_a_tag_name_with_double_underscores_is_one_tag(queue: Queue) -> None:
    ann = person("ann", queue)
    wanted = decided(queue, ann, slice={"team__name": "risk"})
    decided(queue, ann, slice={"team": "risk"})
    flt = dataset_filter_clean({"slice": {"team__name": "risk"}}, queue=queue, now=NOW + YEAR)
    assert list(dataset_items(queue, flt).values_list("pk", flat=True)) == [wanted.pk]
