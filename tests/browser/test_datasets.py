"""In real Chromium: an exporter opens the datasets page from My queues, builds a snapshot,
watches it finish, and downloads files whose SHA-256 is the one the page shows.

The build runs where production runs it: a real Celery worker process (PostgreSQL, whose
test database the worker can share). On SQLite the test database lives in this process's
memory, so the task runs eagerly in the live server's thread instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from accounts.models import User
from datasets.models import Dataset
from datasets.tasks import build_dataset
from reviews.queues.models import Queue
from reviews.queues.permissions import QueuePerm
from reviews.queues.services.access import queue_grant
from tests.browser.test_login import log_in
from tests.factories import SYSTEM
from tests.reviews.quality_helpers import decided_items
from tests.worker_process import celery_worker, routed_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUILD_TIMEOUT = 60_000  # ms: a worker's start-up and a small build


@pytest.fixture
def builds(tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Snapshot builds run while the test does; yields how ("worker" or "eager")."""
    folder = tmp_path / "datasets"
    settings.HITL_DATASETS_DIR = folder
    monkeypatch.setenv("HITL_DATASETS_DIR", str(folder))  # the worker process reads it
    if connection.vendor == "postgresql":
        with celery_worker() as worker, routed_to(build_dataset, worker.queue):
            yield "worker"
        return
    from hitl.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        yield "eager"
    finally:
        app.conf.task_always_eager = eager


def test_an_exporter_builds_a_snapshot_and_downloads_files_that_match_their_sha256(
    page: Any, queue: Queue, annotator: User, builds: str
) -> None:
    decided_items(queue, annotator, [0.6, 0.7, 0.8, 0.75], [True, False, True, False])
    queue_grant(user=annotator, queue=queue, perms=[QueuePerm.EXPORT], actor=SYSTEM)

    log_in(page, "annotator")
    page.wait_for_url("**/")
    page.locator("tr", has_text=queue.slug).get_by_role("link", name="Datasets").click()
    page.wait_for_url(f"**/queues/{queue.slug}/datasets/")
    page.evaluate("window.stillTheSamePage = true")  # gone if anything reloads the page

    page.check("input[name=outcome][value=corrected]")
    page.get_by_role("button", name="Build snapshot").click()
    page.wait_for_selector("#datasets .notice:has-text('Snapshot #1 requested')")
    page.wait_for_selector("tr.dataset[data-status=ready]", timeout=BUILD_TIMEOUT)

    assert page.evaluate("window.stillTheSamePage") is True  # htmx swapped, polled, no reload
    dataset = Dataset.objects.get()
    assert (dataset.status, dataset.row_count, dataset.filter["outcome"]) == (
        "ready", 2, ["corrected"]
    )  # fmt: skip
    row = page.locator(f"#dataset-{dataset.pk}")
    assert row.locator("td.num").first.inner_text() == "1"
    for fmt in ("jsonl", "parquet"):
        shown = row.locator(f"[data-sha256={fmt}]").inner_text().strip()
        with page.expect_download() as download:
            row.locator(f"a[data-format={fmt}]").click()
        content = Path(download.value.path()).read_bytes()
        assert hashlib.sha256(content).hexdigest() == shown, fmt
        assert shown == getattr(dataset, f"{fmt}_sha256")
    assert len(content) == dataset.parquet_bytes
