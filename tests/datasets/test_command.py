"""manage.py export_dataset: requests, builds in process, and ends with the snapshot line."""

from __future__ import annotations

import hashlib
import io
import re
from typing import Any

import pytest
from celery.app.task import Task
from django.core.management import CommandError, call_command

from audit.actions import AuditAction
from audit.models import AuditEvent
from datasets.models import Dataset
from datasets.services.build import dataset_file
from reviews.queues.models import Queue
from reviews.queues.permissions import QueuePerm
from tests.datasets.making import decided, person

pytestmark = pytest.mark.django_db

LAST_LINE = re.compile(
    r"dataset (\d+) #(\d+): (\d+) rows, jsonl ([0-9a-f]{64}), parquet ([0-9a-f]{64})"
)


@pytest.fixture(autouse=True)
def no_broker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command builds in its own process: sending any task is a failure."""

    def apply_async(self: Task, *args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"the command sent {self.name} to the broker")

    monkeypatch.setattr(Task, "apply_async", apply_async)


@pytest.fixture
def work(queue: Queue) -> None:
    ann = person("ann", queue)
    for n, how in enumerate(("approve", "override", "reject", "override")):
        decided(queue, ann, how, slice={"region": "EU" if n % 2 else "US"})


def export(*args: str) -> list[str]:
    out = io.StringIO()
    call_command("export_dataset", *args, stdout=out)
    return out.getvalue().splitlines()


def test_the_last_line_names_the_snapshot_its_rows_and_hashes(queue: Queue, work: None) -> None:
    lines = export("loans", "--window", "7d")
    match = LAST_LINE.fullmatch(lines[-1])
    assert match, lines
    dataset = Dataset.objects.get()
    assert match.groups() == (
        str(dataset.pk),
        "1",
        "4",
        dataset.jsonl_sha256,
        dataset.parquet_sha256,
    )
    assert hashlib.sha256(dataset_file(dataset, "jsonl").read_bytes()).hexdigest() == (match[4])
    assert "4/4 rows" in "\n".join(lines)  # progress
    event = AuditEvent.objects.get(action=AuditAction.DATASET_REQUESTED)
    assert event.actor_label == "manage.py"


def test_filters_from_the_command_line(queue: Queue, work: None) -> None:
    lines = export("loans", "--outcome", "corrected", "rejected", "--slice", "region=EU")
    assert LAST_LINE.fullmatch(lines[-1])[3] == "2"  # type: ignore[index]
    assert Dataset.objects.get().filter["slice"] == {"region": "EU"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "no such queue"),
        (["loans", "--from", "yesterday"], "decided_from"),
        (["loans", "--window", "7d", "--to", "2026-01-01T00:00:00Z"], "window"),
        (["loans", "--slice", "region"], "tag=value"),
        (["loans", "--raw"], "--raw needs --user"),
        (["loans", "--raw", "--user", "ann"], "view-raw-PII"),
        (["loans", "--user", "ghost"], "no such active user"),
    ],
)
def test_refusals_store_nothing(queue: Queue, work: None, args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=re.escape(message)):
        export(*args)
    assert not Dataset.objects.exists()


def test_raw_as_a_user_holding_both_permissions(queue: Queue, work: None) -> None:
    person("exporter", queue, QueuePerm.EXPORT, QueuePerm.RAW_PII)
    lines = export("loans", "--raw", "--user", "exporter")
    assert LAST_LINE.fullmatch(lines[-1])
    dataset = Dataset.objects.get()
    assert dataset.raw and dataset.requested_by.username == "exporter"
    assert AuditEvent.objects.filter(action=AuditAction.DATASET_RAW_EXPORTED).count() == 1
