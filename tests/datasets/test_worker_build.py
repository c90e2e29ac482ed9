"""A real Celery worker builds a snapshot requested through the service, enqueued on commit."""

from __future__ import annotations

from pathlib import Path

import pytest

from datasets.models import Dataset
from datasets.services.build import dataset_request, dataset_verify
from datasets.tasks import build_dataset
from reviews.queues.models import Queue
from tests.datasets.making import decided, person
from tests.factories import SYSTEM, make_queue
from tests.worker_process import celery_worker, routed_to, shareable_database_url, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_worker_builds_the_requested_snapshot(
    datasets_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shareable_database_url() is None:
        pytest.skip("the test database is in memory; a worker process cannot share it")
    queue: Queue = make_queue("worked")
    ann = person("ann", queue)
    for how in ("approve", "override", "reject"):
        decided(queue, ann, how)
    monkeypatch.setenv("HITL_DATASETS_DIR", str(datasets_dir))  # the worker writes here too
    with celery_worker() as worker, routed_to(build_dataset, worker.queue):
        dataset = dataset_request(queue=queue, actor=SYSTEM, user=None, filter=None)

        def ready() -> bool:
            return Dataset.objects.get(pk=dataset.pk).status == Dataset.Status.READY

        assert wait_for(ready, timeout=60), worker.log_tail()
    built = Dataset.objects.get(pk=dataset.pk)
    assert built.row_count == 3
    assert dataset_verify(built) == {"jsonl": True, "parquet": True}
