"""Dataset builds off the request path: thin tasks over services/build.py.

Both are idempotent (acks_late: a task may run twice): a build takes its row with a
compare-and-swap, so a second run of the same task finds it ready or being built and
returns. Builds are enqueued on commit (`delay_on_commit`); the reconciler, run by beat,
re-drives the ones whose message or worker was lost.
"""

from __future__ import annotations

from celery import shared_task

from datasets.models import Dataset
from datasets.services.build import dataset_build, datasets_reconcile
from reviews.tasks import RETRYING


@shared_task(**RETRYING)
def build_dataset(dataset_id: int) -> str:
    """Build one snapshot's files; its status afterwards ("" when the row is gone)."""
    try:
        return dataset_build(dataset_id=dataset_id).status
    except Dataset.DoesNotExist:
        return ""


@shared_task(**RETRYING)
def reconcile_datasets() -> int:
    """Re-enqueue builds stuck pending or abandoned mid-build; run by beat."""
    return datasets_reconcile()
