"""The snapshot API: shapes, who may do what (404 / 403), bad input, downloads."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

import pytest
import yaml
from celery.app.task import Task
from django.core.management import call_command
from rest_framework.test import APIClient

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from datasets.models import Dataset
from datasets.services.build import dataset_build, dataset_file
from datasets.tasks import build_dataset
from reviews.queues.models import Queue
from reviews.queues.permissions import QueuePerm
from tests.datasets.making import EMAIL, built, decided, person

pytestmark = pytest.mark.django_db

EXPORT, RAW = QueuePerm.EXPORT, QueuePerm.RAW_PII


@pytest.fixture(autouse=True)
def enqueued(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[Any, ...]]]:
    calls: list[tuple[str, tuple[Any, ...]]] = []

    def apply_async(self: Task, args: Any = None, kwargs: Any = None, **options: Any) -> None:
        calls.append((self.name, tuple(args or ())))

    monkeypatch.setattr(Task, "apply_async", apply_async)
    return calls


@pytest.fixture
def exporter(queue: Queue) -> User:
    return person("exporter", queue, EXPORT)


@pytest.fixture
def work(queue: Queue) -> None:
    ann = person("ann", queue)
    for how in ("approve", "override", "reject"):
        decided(queue, ann, how, input={"text": f"Write to {EMAIL}"})


def post(client: APIClient, queue: Queue | str, body: Any) -> Any:
    slug = queue if isinstance(queue, str) else queue.slug
    return client.post(f"/api/v1/queues/{slug}/datasets/", body, format="json")


def unchanged() -> tuple[int, int]:
    return Dataset.objects.count(), AuditEvent.objects.count()


DATASET_KEYS = {
    "id", "queue", "number", "status", "progress", "filter", "raw", "trigger", "requested_by",
    "requested_at", "built_at", "row_count", "error", "files", "summary",
}  # fmt: skip


def test_a_request_is_accepted_with_the_snapshot_and_where_to_find_it(
    queue: Queue, exporter: User, api_as: Any, enqueued: list[Any], work: None
) -> None:
    response = post(api_as(exporter), queue, {"filter": {"outcome": ["corrected", "approved"]}})

    assert response.status_code == 202, response.json()
    body = response.json()
    assert set(body) == DATASET_KEYS
    dataset = Dataset.objects.get()
    assert response["Location"] == f"/api/v1/datasets/{dataset.pk}/"
    assert (body["id"], body["queue"], body["number"], body["status"]) == (
        dataset.pk,
        "loans",
        1,
        "pending",
    )
    assert body["filter"]["outcome"] == ["approved", "corrected"]
    assert body["filter"]["decided_to"].endswith("Z")
    assert (body["raw"], body["trigger"], body["requested_by"]) == (False, "manual", "exporter")
    assert body["files"] is None and body["progress"] == {"rows_done": 0, "rows_total": None}
    event = AuditEvent.objects.get(action=AuditAction.DATASET_REQUESTED)
    assert (event.actor_label, event.target_id) == ("exporter", str(dataset.pk))
    assert enqueued == []  # the test's transaction never commits: nothing was sent


def test_an_empty_body_snapshots_every_decided_item(
    queue: Queue, exporter: User, api_as: Any, work: None
) -> None:
    response = post(api_as(exporter), queue, {})
    assert response.status_code == 202
    dataset = dataset_build(dataset_id=response.json()["id"])
    assert dataset.row_count == 3


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"filter": {"decided_from": "last week"}}, "filter.decided_from"),
        ({"filter": {"slice": {"region": 1}}}, "filter.slice.region"),
        ({"filter": {"window": "7d", "decided_to": "2026-01-01T00:00:00Z"}}, "filter.window"),
        ({"filter": {"tier": "tier9"}}, "filter.tier"),
        ({"filter": {"colour": "red"}}, "filter.colour"),
        ({"filter": ["outcome"]}, "filter"),
        ({"raw": "yes"}, "raw"),
        ({"filters": {}}, "filters"),
        ([], "non_field_errors"),
    ],
)
def test_bad_input_is_400_with_the_field_and_nothing_stored(
    queue: Queue, exporter: User, api_as: Any, body: Any, field: str
) -> None:
    client = api_as(exporter)
    before = unchanged()
    response = post(client, queue, body)
    assert response.status_code == 400, response.json()
    error = response.json()["error"]
    assert error["code"] == "invalid" and list(error["fields"]) == [field]
    assert unchanged() == before


def test_outsider_gets_404_queue_not_found(queue: Queue, outsider: User, api_as: Any) -> None:
    client = api_as(outsider)
    for response in (post(client, queue, {}), client.get("/api/v1/queues/loans/datasets/")):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "queue_not_found"
    assert post(client, "no-such-queue", {}).status_code == 404


def test_a_reviewer_without_export_gets_403(queue: Queue, annotator: User, api_as: Any) -> None:
    client = api_as(annotator)
    before = unchanged()
    for response in (post(client, queue, {}), client.get("/api/v1/queues/loans/datasets/")):
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "permission_denied"
    assert unchanged() == before


def test_raw_needs_both_permissions_and_stores_nothing_without(
    queue: Queue, exporter: User, api_as: Any
) -> None:
    raw_only = person("raw-only", queue, RAW)
    exporting, raw_viewing = api_as(exporter), api_as(raw_only)
    before = unchanged()

    refused = post(exporting, queue, {"raw": True})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "raw_export_refused"
    assert "raw" in refused.json()["error"]["fields"]
    not_exporter = post(raw_viewing, queue, {"raw": True})
    assert not_exporter.status_code == 403

    assert unchanged() == before


def test_raw_with_both_permissions_exports_raw_inputs_and_is_audited(
    queue: Queue, api_as: Any, work: None
) -> None:
    both = person("both", queue, EXPORT, RAW)
    response = post(api_as(both), queue, {"raw": True})
    assert response.status_code == 202
    dataset = dataset_build(dataset_id=response.json()["id"])
    assert dataset.raw is True
    rows = [json.loads(x) for x in dataset_file(dataset, "jsonl").read_text().splitlines()]
    assert [r["input"] for r in rows] == [{"text": f"Write to {EMAIL}"}] * 3
    assert all(r["input_is_raw"] for r in rows)
    raw_event = AuditEvent.objects.get(action=AuditAction.DATASET_RAW_EXPORTED)
    assert (raw_event.actor_label, raw_event.target_id) == ("both", str(dataset.pk))


def test_a_ready_snapshot_reads_back_with_its_files_and_summary(
    queue: Queue, exporter: User, api_as: Any, work: None
) -> None:
    dataset = built(queue)
    body = api_as(exporter).get(f"/api/v1/datasets/{dataset.pk}/").json()
    assert set(body) == DATASET_KEYS
    assert body["status"] == "ready" and body["row_count"] == 3
    assert body["progress"] == {"rows_done": 3, "rows_total": 3}
    assert body["built_at"].endswith("Z") and body["error"] == ""
    assert body["files"]["jsonl"] == {
        "sha256": dataset.jsonl_sha256,
        "bytes": dataset.jsonl_bytes,
        "url": f"/api/v1/datasets/{dataset.pk}/download/?format=jsonl",
    }
    assert body["files"]["parquet"]["sha256"] == dataset.parquet_sha256
    assert body["summary"]["outcomes"] == {"approved": 1, "corrected": 1, "rejected": 1}


def test_a_snapshot_is_404_to_whoever_may_not_export_its_queue(
    queue: Queue, annotator: User, outsider: User, exporter: User, api_as: Any
) -> None:
    dataset = built(queue)
    for user in (annotator, outsider):
        for path in ("", "download/?format=jsonl"):
            response = api_as(user).get(f"/api/v1/datasets/{dataset.pk}/{path}")
            assert response.status_code == 404
            assert response.json()["error"]["code"] == "dataset_not_found"
    assert api_as(exporter).get("/api/v1/datasets/987654/").status_code == 404


def test_the_list_is_paginated_newest_first(
    queue: Queue, other_queue: Queue, exporter: User, api_as: Any
) -> None:
    for _ in range(3):
        built(queue)
    built(other_queue)
    body = api_as(exporter).get("/api/v1/queues/loans/datasets/?limit=2").json()
    assert body["count"] == 3 and body["next"]
    assert [d["number"] for d in body["results"]] == [3, 2]
    assert all(set(d) == DATASET_KEYS for d in body["results"])


def test_download_streams_the_file_with_its_checksum_and_is_audited(
    queue: Queue, exporter: User, api_as: Any, work: None
) -> None:
    dataset = built(queue)
    for fmt, content_type in (
        ("jsonl", "application/x-ndjson"),
        ("parquet", "application/vnd.apache.parquet"),
    ):
        response = api_as(exporter).get(f"/api/v1/datasets/{dataset.pk}/download/?format={fmt}")
        assert response.status_code == 200
        content = b"".join(response.streaming_content)
        assert content == dataset_file(dataset, fmt).read_bytes()
        digest = hashlib.sha256(content)
        assert response["X-Checksum-SHA256"] == digest.hexdigest()
        assert response["ETag"] == f'"{digest.hexdigest()}"'
        assert response["Digest"] == "sha-256=" + base64.b64encode(digest.digest()).decode()
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"] == f'attachment; filename="loans-1.{fmt}"'
        assert "no-store" in response["Cache-Control"]
    events = AuditEvent.objects.filter(action=AuditAction.DATASET_DOWNLOADED).order_by("seq")
    assert [json.loads(e.data_json)["format"] for e in events] == ["jsonl", "parquet"]
    assert {e.actor_label for e in events} == {"exporter"}


def test_download_refuses_a_bad_format_and_an_unfinished_snapshot(
    queue: Queue, exporter: User, api_as: Any, work: None
) -> None:
    client = api_as(exporter)
    ready = built(queue)
    for query in ("", "?format=csv", "?format=json"):
        response = client.get(f"/api/v1/datasets/{ready.pk}/download/{query}")
        assert response.status_code == 400
        assert list(response.json()["error"]["fields"]) == ["format"]
    pending = post(client, queue, {}).json()["id"]
    response = client.get(f"/api/v1/datasets/{pending}/download/?format=jsonl")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "dataset_not_ready"
    assert not AuditEvent.objects.filter(action=AuditAction.DATASET_DOWNLOADED).exists()


def test_download_of_a_file_gone_from_disk_is_410(
    queue: Queue, exporter: User, api_as: Any
) -> None:
    dataset = built(queue)
    dataset_file(dataset, "parquet").unlink()
    response = api_as(exporter).get(f"/api/v1/datasets/{dataset.pk}/download/?format=parquet")
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "dataset_file_missing"


def test_the_request_enqueues_the_build_after_commit(
    queue: Queue,
    exporter: User,
    api_as: Any,
    enqueued: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        dataset_id = post(api_as(exporter), queue, {}).json()["id"]
    assert (build_dataset.name, (dataset_id,)) in enqueued


def test_schema_describes_the_dataset_calls(tmp_path: Any) -> None:
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    paths = yaml.safe_load(out.read_text())["paths"]
    assert set(paths["/api/v1/queues/{slug}/datasets/"]) >= {"get", "post"}
    assert "get" in paths["/api/v1/datasets/{id}/"]
    download = paths["/api/v1/datasets/{id}/download/"]["get"]
    assert [p["name"] for p in download["parameters"] if p["in"] == "query"] == ["format"]
