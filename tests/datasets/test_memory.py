"""A snapshot of 1,000,000 rows streams in constant memory (issue 7, point 5).

The million decided items come from bench/_decided.py (SQL, generate_series), the loader
the export benchmark uses; the first test checks against the ORM and the real services
that what it writes is what review leaves behind. The export runs as `manage.py
export_dataset` in a subprocess on the test database, so its peak RSS is its own
(os.wait4), and rows must be committed: these tests are transactional.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow.parquet as pq
import pytest
from django.conf import settings
from django.db import connection

from audit.services import Actor
from datasets.services.build import dataset_build, dataset_file, dataset_request
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.work.models import Assignment, Decision
from reviews.work.services.consensus import Escalate, Settled, consensus
from tests.datasets.making import decided, person
from tests.factories import UserFactory, make_queue
from tests.worker_process import REPO, shareable_database_url

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROWS = 1_000_000
WINDOW_ROWS = 100_000
# The whole process, Django and pyarrow included (about 135 MB before the first row), with
# one chunk of rows and one Parquet row group in hand. Were rows kept, 1,000,000 of them
# (a JSONL file of about 1 GB) would be far beyond it.
PEAK_RSS_BOUND_MB = 400
# Ten times the rows may cost next to nothing more.
GROWTH_BOUND_MB = 50
EXPORT_TIMEOUT_S = 1800
LAST_LINE = re.compile(
    r"dataset (?P<id>\d+) #(?P<number>\d+): (?P<rows>\d+) rows, "
    r"jsonl (?P<jsonl>[0-9a-f]{64}), parquet (?P<parquet>[0-9a-f]{64})"
)


def _bench_module(name: str) -> ModuleType:
    """bench/<name>.py (bench/ is scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


decided_loader = _bench_module("_decided")
PeakRss = _bench_module("_common").PeakRss


def _load(queue: Queue, *, total: int, k: int, reviewers: int = 4, seed: int = 7) -> Any:
    users = [UserFactory().pk for _ in range(reviewers)]
    with connection.cursor() as cursor:
        return decided_loader.load_decided(
            cursor,
            queue_id=queue.pk,
            policy_id=queue.active_policy_id,
            total=total,
            reviewers=users,
            k=k,
            seed=seed,
        )


# --- The loader writes what review leaves behind ---------------------------------------

# Columns whose value legitimately differs in kind between a fresh item and a loaded one:
# the loaded ones' raw inputs are already purged.
_RETENTION = {"raw_input", "raw_purged_at"}


def _shape(obj: Any) -> dict[str, bool]:
    """Which columns are filled (not None, not blank)."""
    return {
        f.attname: getattr(obj, f.attname) not in (None, "")
        for f in obj._meta.concrete_fields
        if f.attname not in _RETENTION
    }


def test_loaded_items_look_like_reviewed_ones_and_export_as_inserted(
    datasets_dir: Path,
) -> None:
    queue = make_queue("loaded", consensus={"reviewers": 2, "rule": "majority"})
    loaded = _load(queue, total=400, k=2)
    items = {i.pk: i for i in Item.objects.filter(queue=queue)}
    verdicts: dict[int, list[Decision]] = {pk: [] for pk in items}
    for decision in Decision.objects.filter(item__queue=queue).order_by("decided_at", "id"):
        verdicts[decision.item_id].append(decision)
    assert len(items) == loaded.items == 400
    assert sum(map(len, verdicts.values())) == loaded.verdicts

    # Valid by the models' own rules, and with the columns the services fill filled.
    sample = list(items.values())[:20]
    for item in sample:
        item.full_clean(validate_unique=False, validate_constraints=True)
    for decision in Decision.objects.filter(item__in=sample):
        decision.full_clean(validate_unique=False)
    for assignment in Assignment.objects.filter(item__in=sample):
        assignment.full_clean(validate_unique=False)
    real_queue = make_queue("reviewed")
    output = {"label": "approve", "confidence": 0.7, "scores": {"approve": 0.7, "deny": 0.3}}
    real = decided(
        real_queue, person("ann", real_queue), "override", output=output, slice={"region": "EU"}
    )
    real_verdict = Decision.objects.get(item=real)
    tier1 = next(
        i
        for i in items.values()
        if i.route == "tier1" and i.outcome == "corrected" and len(verdicts[i.pk]) == 2
    )
    assert _shape(tier1) == _shape(real)
    overridden = next(d for v in verdicts.values() for d in v if d.verdict == "override")
    assert _shape(overridden) == _shape(real_verdict)

    # Each item's verdicts settle to its outcome under the queue's rule, as decide would;
    # an escalated item's Tier 1 pair disagrees and its two SMEs settle it.
    leases = {a.pk: a for a in Assignment.objects.filter(item__queue=queue)}
    tiers: Counter[tuple[str, ...]] = Counter()
    for pk, item in items.items():
        by_tier: dict[str, list[Decision]] = {}
        for decision in verdicts[pk]:
            by_tier.setdefault(decision.tier, []).append(decision)
        tiers[tuple(sorted(by_tier))] += 1
        for tier, given in by_tier.items():
            result = consensus(
                rule="majority",
                model_label=item.output_label,
                verdicts=[(d.verdict, d.label) for d in given],
                weights=[1.0] * len(given),
            )
            if tier == item.tier:
                assert result == Settled(item.outcome, item.final_label), pk
            else:
                assert isinstance(result, Escalate), pk
            assert len(given) == 2
            for decision in given:
                assert (decision.verdict == "approve") == (decision.rationale == ""), pk
                # Received, claimed, leased, decided: in that order.
                lease = leases[decision.assignment_id]
                assert item.received_at <= item.first_claimed_at <= lease.leased_at, pk
                assert tier != item.tier or item.claimed_at <= lease.leased_at, pk
                assert lease.leased_at < decision.decided_at == lease.ended_at, pk
                assert decision.decided_at <= item.decided_at, pk
    assert tiers[("sme", "tier1")] > 0  # some were escalated
    assert {i.outcome for i in items.values()} == {"approved", "corrected", "rejected"}

    # The real export reads them back as they were inserted.
    dataset = dataset_request(
        queue=queue,
        actor=Actor.system("tests"),
        user=None,
        filter={"decided_to": loaded.end.isoformat()},
        enqueue=False,
    )
    built = dataset_build(dataset_id=dataset.pk)
    assert built.row_count == 400
    rows = [json.loads(line) for line in dataset_file(built, "jsonl").read_text().splitlines()]
    assert [row["item_id"] for row in rows] == sorted(items, key=lambda pk: items[pk].decided_at)
    for row in rows:
        item = items[row["item_id"]]
        assert (row["external_id"], row["final_label"], row["outcome"], row["tier"]) == (
            item.external_id,
            item.final_label,
            item.outcome,
            item.tier,
        )
        assert row["model_output"]["label"] == item.output_label
        assert row["input"] == item.input and row["slice"] == item.slice
        given = verdicts[item.pk]
        assert [
            (v["tier"], v["verdict"], v["label"], v["reason_code"]) for v in row["verdicts"]
        ] == [(d.tier, d.verdict, d.label, d.reason_code) for d in given]
        for out, decision in zip(row["verdicts"], given, strict=True):
            # Rationales come out redacted: a phone number or an address never does.
            assert "7946" not in out["rationale"] and "@" not in out["rationale"]
            if "7946" not in decision.rationale and "@" not in decision.rationale:
                assert out["rationale"] == decision.rationale


# --- A million rows in constant memory ---------------------------------------------------


def _export(datasets_dir: Path, tmp_path: Path, *args: str) -> tuple[dict[str, str], float]:
    """`manage.py export_dataset ARGS` on the test database; (its last line, peak RSS MB)."""
    database_url = shareable_database_url()
    assert database_url is not None
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="hitl.settings",
        DATABASE_URL=database_url,
        HITL_DATA_DIR=str(tmp_path),
        HITL_DATASETS_DIR=str(datasets_dir),
        DEBUG="0",
        SECRET_KEY="memory-test-secret-key-not-for-production-0123456789",
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    if str(settings.CELERY_BROKER_URL).startswith("filesystem://"):
        env.pop("CELERY_BROKER_URL", None)
    with (tmp_path / "export.log").open("w+") as log:
        proc = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "manage.py", "export_dataset", *args],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            with PeakRss(proc.pid) as peak:
                proc.wait(timeout=EXPORT_TIMEOUT_S)
        finally:
            if proc.poll() is None:
                proc.kill()
        log.seek(0)
        output = log.read()
    assert proc.returncode == 0, output[-3000:]
    found = LAST_LINE.fullmatch(output.strip().splitlines()[-1])
    assert found, output[-3000:]
    return found.groupdict(), peak.mb


def _sha256_and_lines(path: Path) -> tuple[str, int]:
    digest, lines = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
            lines += block.count(b"\n")
    return digest.hexdigest(), lines


def test_a_million_row_snapshot_streams_in_constant_memory(
    datasets_dir: Path, tmp_path: Path
) -> None:
    queue = make_queue("million")
    loaded = _load(queue, total=ROWS, k=1, reviewers=8)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reviews_item")
        cursor.execute("ANALYZE reviews_decision")
    to = loaded.end.isoformat()

    # The last tenth of the window, then all of it.
    window_from = loaded.decided_at(ROWS - WINDOW_ROWS + 1).isoformat()
    tenth, tenth_peak = _export(
        datasets_dir, tmp_path, queue.slug, "--from", window_from, "--to", to
    )
    whole, whole_peak = _export(datasets_dir, tmp_path, queue.slug, "--to", to)

    assert int(tenth["rows"]) == WINDOW_ROWS
    assert int(whole["rows"]) == ROWS
    folder = datasets_dir / str(queue.pk) / whole["number"]
    sha256, lines = _sha256_and_lines(folder / "snapshot.jsonl")
    assert (sha256, lines) == (whole["jsonl"], ROWS)
    assert _sha256_and_lines(folder / "snapshot.parquet")[0] == whole["parquet"]
    assert pq.ParquetFile(folder / "snapshot.parquet").metadata.num_rows == ROWS
    print(  # shown with -s: the figures the bounds are about
        f"peak RSS {tenth_peak:.0f} MB for {WINDOW_ROWS:,} rows, {whole_peak:.0f} MB for {ROWS:,}"
    )
    assert whole_peak < PEAK_RSS_BOUND_MB, f"peak RSS {whole_peak:.0f} MB"
    assert whole_peak - tenth_peak < GROWTH_BOUND_MB, (
        f"peak RSS {tenth_peak:.0f} MB for {WINDOW_ROWS:,} rows, {whole_peak:.0f} MB for {ROWS:,}"
    )
