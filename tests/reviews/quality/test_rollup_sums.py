"""The dashboard's sums in PostgreSQL (hitl/sql/rollup_sums.py) against the Python path.

On PostgreSQL, queue_metrics, queue_series and reviewer_quality add up the roll-ups in
SQL; on other databases they read every row and add them up in Python. Both must give
the same result, to the last bit of every float and in the same key order (some
statistics add floats in key order), over varied roll-ups: many hours and days, slices,
model versions, reviewers, labels, histograms, float sums, empty JSON and JSON nulls.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db.models import JSONField, Value

from accounts.models import User
from reviews.quality.models import MetricRollup, ReviewerRollup
from reviews.quality.services import measure
from reviews.quality.services.rollups import N_BINS, hour_of, rollups_days_rebuild, slice_key
from reviews.queues.models import Queue
from tests.factories import make_queue

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

NOW = datetime(2026, 6, 15, 13, 37, 21, tzinfo=UTC)
SLICES = [{}, {"region": "EU"}, {"region": "US", "product": "mortgage"}]
MODELS = ["m-1", "m-2"]
LABELS = ["approve", "deny", "refer", "a", "zz-long-label"]
WINDOWS = {
    "24h": (timedelta(hours=24), timedelta(hours=1)),
    "7d": (timedelta(days=7), timedelta(hours=6)),
    "30d": (timedelta(days=30), timedelta(days=1)),
    "90d": (timedelta(days=90), timedelta(days=1)),
}


def _counts(rng: random.Random, keys: list[str], most: int = 50) -> dict[str, int]:
    chosen = rng.sample(keys, rng.randint(0, len(keys)))
    return {key: rng.randint(0, most) for key in chosen}


def _table(rng: random.Random) -> dict[str, dict[str, int]]:
    return {row: _counts(rng, LABELS, 9) for row in rng.sample(LABELS, rng.randint(0, 3))}


def _fleiss(rng: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for raters in rng.sample([2, 3], rng.randint(0, 2)):
        items = rng.choice([0, rng.randint(1, 30)])
        out[str(raters)] = {
            "raters": raters,
            "items": items,
            "sum_squares": rng.randint(0, 200),
            "totals": _counts(rng, LABELS, 40),
        }
    return out


def _row(rng: random.Random, queue: Queue, hour: datetime) -> MetricRollup:
    ints = {name: rng.randint(0, 500) for name in measure._INT_FIELDS}
    ece = [
        [n, rng.random() * n, rng.randint(0, n)]
        for n in (rng.randint(0, 40) for _ in range(N_BINS))
    ]
    seconds = {tier: rng.choice([rng.random() * 900, rng.randint(0, 900)]) for tier in
               rng.sample(["tier1", "sme"], rng.randint(0, 2))}  # fmt: skip
    return MetricRollup(
        queue=queue,
        span=MetricRollup.Span.HOUR,
        hour=hour,
        slice_key=slice_key(rng.choice(SLICES)),
        model_version=rng.choice(MODELS),
        **ints,
        conf_hist=rng.choice([[rng.randint(0, 90) for _ in range(N_BINS)]] * 4 + [[]]),
        labels_predicted=_counts(rng, LABELS, 200),
        tth_hist=_counts(rng, [str(b) for b in range(60)], 30),
        ttd_hist=_counts(rng, [str(b) for b in range(60)], 30),
        ece_bins=rng.choice([ece] * 4 + [[]]),
        confusion=_table(rng),
        cohen=_table(rng),
        krippendorff=_table(rng),
        fleiss=_fleiss(rng),
        review_seconds=seconds,
        escalations_by_reason=_counts(rng, ["sla_breach", "doubt", "policy"], 5),
    )


@pytest.fixture
def rolled() -> Queue:
    """Roll-ups over 200 days: dense over the last two days (hours at every window's
    edges), sparse before; day rows rebuilt from them, then some JSON emptied or nulled."""
    rng = random.Random(15)
    queue = make_queue("summed")
    base = hour_of(NOW)
    hours = {base - timedelta(hours=h) for h in range(-2, 50)}
    hours |= {base - timedelta(hours=rng.randint(0, 200 * 24)) for _ in range(500)}
    rows: dict[tuple[Any, ...], MetricRollup] = {}
    for hour in sorted(hours):
        for _ in range(rng.randint(1, 4)):
            row = _row(rng, queue, hour)
            rows[(row.hour, row.slice_key, row.model_version)] = row
    MetricRollup.objects.bulk_create(list(rows.values()))
    rollups_days_rebuild(queue_id=queue.pk)
    every = list(MetricRollup.objects.filter(queue=queue).values_list("pk", flat=True))
    null = Value(None, JSONField())
    for name in ("conf_hist", "ece_bins", "labels_predicted", "tth_hist", "confusion",
                 "fleiss", "review_seconds", "escalations_by_reason"):  # fmt: skip
        MetricRollup.objects.filter(pk__in=rng.sample(every, 30)).update(**{name: null})
        MetricRollup.objects.filter(pk__in=rng.sample(every, 30)).update(
            **{name: [] if name in ("conf_hist", "ece_bins") else {}}
        )
    people = [
        User.objects.create_user(username=f"rev-{n}", password="pw-for-tests-only")
        for n in range(6)
    ]
    reviewer_rows = {}
    for hour in rng.sample(sorted(hours), 300):
        for person in rng.sample(people, rng.randint(1, 4)):
            reviewer_rows[(hour, person.pk)] = ReviewerRollup(
                queue=queue,
                reviewer=person,
                hour=hour,
                verdicts=rng.randint(0, 30),
                settled=rng.randint(0, 20),
                agreed=rng.randint(0, 20),
                gold_seen=rng.randint(0, 3),
                gold_correct=rng.randint(0, 3),
                handling_hist=rng.choice([_counts(rng, [str(b) for b in range(50)], 6), {}]),
            )
    ReviewerRollup.objects.bulk_create(list(reviewer_rows.values()))
    return queue


def _both(monkeypatch: pytest.MonkeyPatch, call: Any) -> tuple[Any, Any]:
    assert measure._on_postgres()
    in_sql = call()
    monkeypatch.setattr(measure, "_on_postgres", lambda: False)
    in_python = call()
    monkeypatch.undo()
    return in_sql, in_python


def _same(a: Any, b: Any) -> None:
    """Equal, with the same types and the same key order all the way down."""
    assert type(a) is type(b), (a, b)
    if isinstance(a, dict):
        assert list(a) == list(b)
        for key in a:
            _same(a[key], b[key])
    elif isinstance(a, list | tuple):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same(x, y)
    else:
        assert a == b


FILTERS = [
    {},
    {"slice_tags": SLICES[1]},
    {"slice_tags": {}},
    {"model_version": "m-2"},
    {"slice_tags": SLICES[2], "model_version": "m-1"},
    {"slice_tags": {"region": "nowhere"}},
]


@pytest.mark.parametrize("window", list(WINDOWS))
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: json.dumps(f, sort_keys=True))
def test_sums_in_postgresql_equal_the_python_path(
    rolled: Queue, window: str, filters: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    span, step = WINDOWS[window]
    start = NOW - span
    metrics = _both(
        monkeypatch, lambda: measure.queue_metrics(queue=rolled, start=start, end=NOW, **filters)
    )
    _same(*metrics)
    series = _both(
        monkeypatch,
        lambda: measure.queue_series(queue=rolled, start=start, end=NOW, step=step, **filters),
    )
    _same(*series)
    if filters.get("slice_tags", {}).get("region") != "nowhere":
        assert metrics[0]["counts"]["decided"] > 0
        assert metrics[0]["agreement"]["fleiss_kappa"] is not None
        assert any(point["decided"] for point in series[0])
    assert metrics[0]["reviewers"]


def test_reviewer_quality_in_postgresql_equals_the_python_path(
    rolled: Queue, monkeypatch: pytest.MonkeyPatch
) -> None:
    for span, _ in WINDOWS.values():
        got = _both(
            monkeypatch,
            lambda s=span: measure.reviewer_quality(queue=rolled, start=NOW - s, end=NOW),
        )
        _same(*got)
        assert len(got[0]) == 6
