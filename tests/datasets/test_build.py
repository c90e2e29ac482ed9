"""Building snapshots: determinism, immutability, the summary, failures, idempotence,
the reconciler, and the `dataset.ready` webhook."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from celery.app.task import Task
from django.db import OperationalError
from django.utils import timezone

from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import audit_verify
from datasets.models import Dataset
from datasets.services import build as build_service
from datasets.services.build import (
    STALE_BUILD,
    dataset_build,
    dataset_file,
    dataset_request,
    dataset_verify,
    datasets_reconcile,
)
from datasets.services.writers import SnapshotWriter
from datasets.tasks import build_dataset
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from reviews.queues.services.access import client_create
from tests.concurrency import run_together
from tests.datasets.making import built, decided, person, verdict
from tests.factories import SYSTEM, ingest, make_queue
from webhooks.models import WebhookDelivery
from webhooks.services import webhook_endpoint_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def enqueued(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[Any, ...]]]:
    """Tasks sent to the broker during the test, instead of sending them."""
    calls: list[tuple[str, tuple[Any, ...]]] = []

    def apply_async(self: Task, args: Any = None, kwargs: Any = None, **options: Any) -> None:
        calls.append((self.name, tuple(args or ())))

    monkeypatch.setattr(Task, "apply_async", apply_async)
    return calls


@pytest.fixture
def decisions(queue: Queue) -> None:
    """Nine decided items of mixed outcomes, slices and model versions."""
    ann, bob = person("ann", queue), person("bob", queue)
    for n in range(9):
        decided(
            queue,
            ann if n % 2 else bob,
            ("approve", "override", "reject")[n % 3],
            model_version=f"model-{n % 2}",
            slice={"region": ("EU", "US", "APAC")[n % 3]},
            input={"text": f"Application {n} from grace.hopper@example.net"},
            output={"label": "approve", "confidence": 0.7, "scores": {"approve": 0.7, "deny": 0.3}},
        )


def read(path: Path) -> bytes:
    return path.read_bytes()


def test_the_same_filter_twice_gives_byte_identical_files(
    queue: Queue, decisions: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Several row groups, and batches that do not line up with them.
    monkeypatch.setattr(SnapshotWriter, "ROW_GROUP_ROWS", 4)
    flt = {"decided_to": timezone.now().isoformat()}
    first = dataset_request(queue=queue, actor=SYSTEM, user=None, filter=flt, enqueue=False)
    second = dataset_request(queue=queue, actor=SYSTEM, user=None, filter=flt, enqueue=False)
    first = dataset_build(dataset_id=first.pk, chunk_size=3)
    second = dataset_build(dataset_id=second.pk, chunk_size=5000)

    assert (first.number, second.number) == (1, 2)
    assert first.filter == second.filter
    assert first.row_count == second.row_count == 9
    for fmt in ("jsonl", "parquet"):
        assert read(dataset_file(first, fmt)) == read(dataset_file(second, fmt))
    assert (first.jsonl_sha256, first.parquet_sha256) == (
        second.jsonl_sha256,
        second.parquet_sha256,
    )
    assert first.summary == second.summary
    assert pq.ParquetFile(dataset_file(first, "parquet")).metadata.num_row_groups == 3  # 4+4+1


def test_stored_hashes_and_sizes_match_the_files(queue: Queue, decisions: None) -> None:
    dataset = built(queue)
    for fmt in ("jsonl", "parquet"):
        data = read(dataset_file(dataset, fmt))
        assert getattr(dataset, f"{fmt}_sha256") == hashlib.sha256(data).hexdigest()
        assert getattr(dataset, f"{fmt}_bytes") == len(data)
    assert dataset_verify(dataset) == {"jsonl": True, "parquet": True}
    jsonl = dataset_file(dataset, "jsonl")
    jsonl.write_bytes(read(jsonl).replace(b"model-1", b"model-X"))
    assert dataset_verify(dataset) == {"jsonl": False, "parquet": True}


def test_jsonl_is_canonical_and_parquet_holds_the_same_rows(queue: Queue, decisions: None) -> None:
    dataset = built(queue)
    lines = read(dataset_file(dataset, "jsonl")).decode().split("\n")
    assert lines[-1] == ""  # every line, the last too, ends with "\n"
    rows = [json.loads(line) for line in lines[:-1]]
    for line, row in zip(lines, rows, strict=False):
        assert line == json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert [r["decided_at"] for r in rows] == sorted(r["decided_at"] for r in rows)
    table = pq.read_table(dataset_file(dataset, "parquet")).to_pylist()
    assert len(table) == len(rows)
    for row, record in zip(rows, table, strict=True):
        assert record["item_id"] == row["item_id"]
        assert json.loads(record["input"]) == row["input"]
        assert json.loads(record["slice"]) == row["slice"]
        assert json.loads(record["model_output"]["scores"]) == row["model_output"]["scores"]
        assert record["final_label"] == row["final_label"] and record["split"] == row["split"]
        assert record["decided_at"].isoformat().replace("+00:00", "Z") == row["decided_at"]
        assert [v["reviewer"] for v in record["verdicts"]] == [
            v["reviewer"] for v in row["verdicts"]
        ]


def test_a_ready_snapshot_cannot_be_saved(queue: Queue, decisions: None) -> None:
    dataset = built(queue)
    assert dataset.status == Dataset.Status.READY
    dataset.error = "edited"
    with pytest.raises(ValueError, match="immutable"):
        dataset.save()


def test_summary_counts_the_rows(queue: Queue, decisions: None) -> None:
    summary = built(queue).summary
    # Nine items, n % 3: approve (0, 3, 6), override to deny (1, 4, 7), reject (2, 5, 8).
    assert summary["rows"] == 9
    assert summary["outcomes"] == {"approved": 3, "corrected": 3, "rejected": 3}
    assert summary["label_distribution"] == {"approve": 3, "deny": 3}
    assert summary["override_rate"] == 0.5  # 3 corrected of 6 with a label
    assert summary["override_rate_routed"] == 0.5 and summary["override_rate_sampled"] is None
    assert summary["slice_coverage"] == {
        '{"region":"APAC"}': 3,
        '{"region":"EU"}': 3,
        '{"region":"US"}': 3,
    }
    assert summary["model_versions"] == {"model-0": 5, "model-1": 4}
    assert summary["sample_reasons"] == {"routed": 9}
    assert sum(summary["splits"].values()) == 9
    assert summary["agreement"] == {
        "items": 0,
        "krippendorff_alpha": None,
        "mean_item_agreement": None,
    }


def test_summary_agreement_over_items_with_two_verdicts() -> None:
    queue = make_queue("pairs", consensus={"reviewers": 2})
    a, b = person("a", queue), person("b", queue)
    for answer in ("approve", "override"):  # agree on both
        item = ingest(queue)
        for who in (a, b):
            verdict(item, who, answer, **({"label": "deny"} if answer == "override" else {}))
    summary = built(queue).summary
    # Units [approve, approve] and [deny, deny]: perfect agreement, alpha = 1.
    assert summary["agreement"] == {
        "items": 2,
        "krippendorff_alpha": 1.0,
        "mean_item_agreement": 1.0,
    }


def test_an_empty_snapshot_is_ready_with_empty_files(queue: Queue) -> None:
    dataset = built(queue)
    assert (dataset.status, dataset.row_count) == (Dataset.Status.READY, 0)
    assert read(dataset_file(dataset, "jsonl")) == b""
    assert pq.read_table(dataset_file(dataset, "parquet")).num_rows == 0
    assert dataset.jsonl_sha256 == hashlib.sha256(b"").hexdigest()


def test_request_and_build_are_audited_and_the_chain_verifies(
    queue: Queue, decisions: None
) -> None:
    dataset = built(queue, {"outcome": ["corrected"]})
    events = AuditEvent.objects.filter(target_type="datasets.dataset", target_id=str(dataset.pk))
    actions = list(events.order_by("seq").values_list("action", flat=True))
    assert actions == [AuditAction.DATASET_REQUESTED, AuditAction.DATASET_BUILT]
    requested, done = events.order_by("seq")
    assert json.loads(requested.data_json)["filter"] == dataset.filter
    assert json.loads(done.data_json)["jsonl_sha256"] == dataset.jsonl_sha256
    assert audit_verify().ok


def test_a_request_enqueues_its_build_only_on_commit(
    queue: Queue, enqueued: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        dataset = dataset_request(queue=queue, actor=SYSTEM, user=None, filter=None)
        assert enqueued == []
    assert len(callbacks) == 1
    assert enqueued == [(build_dataset.name, (dataset.pk,))]


def test_numbers_count_up_per_queue(queue: Queue, other_queue: Queue) -> None:
    numbers = [
        dataset_request(queue=q, actor=SYSTEM, user=None, filter=None, enqueue=False).number
        for q in (queue, queue, other_queue, queue)
    ]
    assert numbers == [1, 2, 1, 3]


def test_building_again_changes_nothing(queue: Queue, decisions: None) -> None:
    dataset = built(queue)
    files = {fmt: read(dataset_file(dataset, fmt)) for fmt in ("jsonl", "parquet")}
    events = AuditEvent.objects.count()
    again = dataset_build(dataset_id=dataset.pk)
    assert (again.status, again.jsonl_sha256, again.built_at) == (
        Dataset.Status.READY,
        dataset.jsonl_sha256,
        dataset.built_at,
    )
    assert AuditEvent.objects.count() == events
    assert {fmt: read(dataset_file(dataset, fmt)) for fmt in files} == files


def _requested(queue: Queue) -> Dataset:
    return dataset_request(queue=queue, actor=SYSTEM, user=None, filter=None, enqueue=False)


def test_a_build_someone_else_is_running_is_left_to_them(queue: Queue, decisions: None) -> None:
    dataset = _requested(queue)
    Dataset.objects.filter(pk=dataset.pk).update(status="building", heartbeat_at=timezone.now())
    assert dataset_build(dataset_id=dataset.pk).status == Dataset.Status.BUILDING
    assert not dataset_file(dataset, "jsonl").exists()


def test_a_build_whose_builder_went_silent_is_taken_over(queue: Queue, decisions: None) -> None:
    dataset = _requested(queue)
    silent_since = timezone.now() - STALE_BUILD - timedelta(seconds=1)
    Dataset.objects.filter(pk=dataset.pk).update(status="building", heartbeat_at=silent_since)
    rebuilt = dataset_build(dataset_id=dataset.pk)
    assert (rebuilt.status, rebuilt.row_count) == (Dataset.Status.READY, 9)


def test_a_failed_build_records_why_without_data_and_leaves_no_files(
    queue: Queue, decisions: None, monkeypatch: pytest.MonkeyPatch, datasets_dir: Path
) -> None:
    secret = "grace.hopper@example.net"

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError(f"cannot convert {secret}")

    monkeypatch.setattr(build_service, "dataset_row", broken)
    dataset = built(queue)
    assert dataset.status == Dataset.Status.FAILED
    assert secret not in dataset.error and "ValueError" in dataset.error
    assert list(datasets_dir.rglob("*.*")) == []  # no temporaries, no files
    event = AuditEvent.objects.get(action=AuditAction.DATASET_FAILED)
    assert secret not in event.data_json
    assert dataset_build(dataset_id=dataset.pk).status == Dataset.Status.FAILED  # stays


def test_a_database_error_hands_the_build_back_for_the_retry(
    queue: Queue, decisions: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def outage(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("server closed the connection")

    monkeypatch.setattr(build_service, "_verdicts", outage)
    dataset = _requested(queue)
    with pytest.raises(OperationalError):
        dataset_build(dataset_id=dataset.pk)
    assert Dataset.objects.get(pk=dataset.pk).status == Dataset.Status.PENDING
    monkeypatch.undo()
    assert dataset_build(dataset_id=dataset.pk).status == Dataset.Status.READY


def test_the_task_of_a_deleted_snapshot_returns_quietly() -> None:
    assert build_dataset.run(987654) == ""


def test_reconciler_re_enqueues_lost_and_abandoned_builds_only(
    queue: Queue, enqueued: list[Any]
) -> None:
    now = timezone.now()
    old = now - timedelta(minutes=10)
    lost, fresh, abandoned, running, ready = (_requested(queue) for _ in range(5))
    Dataset.objects.filter(pk__in=[lost.pk, abandoned.pk, running.pk]).update(requested_at=old)
    Dataset.objects.filter(pk=abandoned.pk).update(
        status="building", heartbeat_at=now - STALE_BUILD - timedelta(seconds=1)
    )
    Dataset.objects.filter(pk=running.pk).update(status="building", heartbeat_at=now)
    dataset_build(dataset_id=ready.pk)
    Dataset.objects.filter(pk=ready.pk).update(requested_at=old)
    del fresh  # pending, but requested just now: its task is surely on its way

    assert datasets_reconcile(now=now) == 2
    assert sorted(args[0] for name, args in enqueued) == sorted([lost.pk, abandoned.pk])
    assert {name for name, _ in enqueued} == {build_dataset.name}


def test_ready_announces_dataset_ready_to_the_queues_clients(
    queue: Queue, decisions: None, enqueued: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    client = client_create(name="trainer", queues=[queue], actor=SYSTEM)[0]
    endpoint, _ = webhook_endpoint_create(
        client=client, url="https://train.example.com/hook", event_types=["dataset.ready"],
        actor=SYSTEM,
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        dataset = built(queue, trigger=Dataset.Trigger.LABELS)
    (delivery,) = WebhookDelivery.objects.filter(event_type="dataset.ready")
    assert delivery.endpoint_id == endpoint.pk
    data = json.loads(delivery.body)["data"]
    assert data == {
        "id": dataset.pk,
        "queue": queue.slug,
        "number": dataset.number,
        "trigger": "labels",
        "row_count": 9,
        "files": {
            "jsonl": {
                "sha256": dataset.jsonl_sha256,
                "bytes": dataset.jsonl_bytes,
                "url": f"/api/v1/datasets/{dataset.pk}/download/?format=jsonl",
            },
            "parquet": {
                "sha256": dataset.parquet_sha256,
                "bytes": dataset.parquet_bytes,
                "url": f"/api/v1/datasets/{dataset.pk}/download/?format=parquet",
            },
        },
    }
    assert ("webhooks.tasks.deliver", (delivery.pk,)) in enqueued


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_given_one_build_make_it_once() -> None:
    queue = make_queue("race")
    ann = person("ann", queue, role=Role.ANNOTATOR)
    for _ in range(30):
        decided(queue, ann, "override")
    dataset = _requested(queue)

    statuses = run_together(4, lambda _: dataset_build(dataset_id=dataset.pk, chunk_size=5).status)

    assert statuses.count(Dataset.Status.READY) >= 1
    assert set(statuses) <= {Dataset.Status.READY, Dataset.Status.BUILDING}
    assert AuditEvent.objects.filter(action=AuditAction.DATASET_BUILT).count() == 1
    final = Dataset.objects.get(pk=dataset.pk)
    assert final.row_count == 30 and dataset_verify(final) == {"jsonl": True, "parquet": True}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_take_consecutive_numbers() -> None:
    queue = make_queue("numbered")

    numbers = run_together(8, lambda _: _requested(queue).number)

    assert sorted(numbers) == list(range(1, 9))
