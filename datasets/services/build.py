"""Requesting and building dataset snapshots (SPEC §5).

A request is one transaction: the filter made canonical, the next number of the queue,
the Dataset row and its audit events; the build task is enqueued on commit. The build
runs outside any transaction, in steps:

1. Take the row: a conditional UPDATE pending → building (or a building row whose builder
   went silent for STALE_BUILD) — of two workers given the same task, one builds.
2. Count the rows, then stream the items (dataset_items, .iterator) chunk by chunk with
   their verdicts (one query per chunk), write the rows (writers.py), add them to the
   summary, and record progress and a heartbeat with a plain UPDATE per chunk.
3. One transaction: ready with hashes, sizes, count and summary, the DATASET_BUILT event
   and the `dataset.ready` webhook. A failure instead marks it failed (a message with no
   data in it) with DATASET_FAILED; a database outage hands it back for a retry.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, OperationalError, transaction
from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from audit.actions import AuditAction
from audit.services import Actor, Entry, audit_record, audit_record_many, target_of
from datasets.models import Dataset
from datasets.services.filters import dataset_filter_clean, dataset_items
from datasets.services.rows import ITEM_FIELDS, VERDICT_FIELDS, dataset_row
from datasets.services.summary import SummaryAccumulator
from datasets.services.writers import FILE_NAMES, FORMATS, SnapshotWriter, file_sha256
from hitl.celery import task_named
from redaction import redact_text
from reviews.queues.models import Queue
from reviews.queues.permissions import QUEUE_VISIBLE_PERMS, QueuePerm
from reviews.queues.selectors import QueueNotFound, queue_access
from reviews.queues.services.queues import redaction_entities
from reviews.work.models import Decision
from webhooks.models import EventType
from webhooks.services import webhook_emit

logger = logging.getLogger(__name__)

BUILD_ACTOR = Actor.system("datasets")
# A builder records a heartbeat with every chunk (a second or so); silence this long
# means its worker died, and the next task or the reconciler takes the build over.
STALE_BUILD = timedelta(minutes=5)
# A pending snapshot whose task has not started after this long was probably lost.
RECONCILE_GRACE = timedelta(minutes=2)
RECONCILE_LIMIT = 100
Progress = Callable[[int, int], None]


class ExportRefused(Exception):
    """The requester may not export this queue's datasets (the API answers 403)."""


class RawExportRefused(ExportRefused):
    """Raw inputs need both the queue's view-raw-PII and export permissions."""


def _held(user: User, queue: Queue) -> frozenset[str]:
    """The queue permissions `user` holds on `queue` (one query)."""
    perms = (*QUEUE_VISIBLE_PERMS, QueuePerm.EXPORT, QueuePerm.RAW_PII)
    try:
        return queue_access(user=user, slug=queue.slug, perms=perms).perms
    except QueueNotFound:
        return frozenset()


def _check_access(*, queue: Queue, user: User | None, raw: bool) -> None:
    """A person or client asking must hold export; raw inputs also need view_raw_pii (and
    a requester to answer for them: a trigger never exports raw)."""
    held = _held(user, queue) if user is not None else frozenset()
    if raw and not {QueuePerm.RAW_PII.value, QueuePerm.EXPORT.value} <= held:
        raise RawExportRefused(
            f"Raw inputs can be exported only by someone holding both the view-raw-PII and "
            f"the export permission on queue {queue.slug!r}. Leave raw off for the redacted "
            f"inputs."
        )
    if user is not None and QueuePerm.EXPORT.value not in held:
        raise ExportRefused(f"You may not export datasets of queue {queue.slug!r}.")


@transaction.atomic
def dataset_request(
    *,
    queue: Queue,
    actor: Actor,
    user: User | None,
    filter: Mapping[str, Any] | None,  # the API's name for it, though a builtin's too
    raw: bool = False,
    trigger: str = Dataset.Trigger.MANUAL,
    now: datetime | None = None,
    enqueue: bool = True,
) -> Dataset:
    """Number and record a snapshot of `queue`'s items matching `filter`; built on commit.

    Raises RawExportRefused / ExportRefused (403) and DatasetFilterInvalid (400); either
    way nothing is stored. `enqueue=False` leaves the build to the caller (the
    export_dataset command builds in its own process).
    """
    now = now or timezone.now()
    _check_access(queue=queue, user=user, raw=raw)
    flt = dataset_filter_clean(filter, queue=queue, now=now)
    # The queue's row lock serializes numbering: two requests never take the same number
    # (dataset_number_unique would refuse the second one anyway).
    Queue.objects.select_for_update().filter(pk=queue.pk).values_list("pk", flat=True).get()
    last = Dataset.objects.filter(queue=queue).aggregate(last=Max("number"))["last"] or 0
    dataset = Dataset.objects.create(
        queue=queue,
        number=last + 1,
        filter=flt,
        raw=raw,
        trigger=trigger,
        requested_by=user,
        requested_at=now,
    )
    described = {"queue": queue.slug, "number": dataset.number, "trigger": trigger}
    entries = [Entry(AuditAction.DATASET_REQUESTED, *target_of(dataset),
                     {**described, "filter": flt, "raw": raw})]  # fmt: skip
    if raw:
        entries.append(Entry(AuditAction.DATASET_RAW_EXPORTED, *target_of(dataset), described))
    audit_record_many(actor=actor, entries=entries)
    if enqueue:
        task_named("datasets.tasks.build_dataset").delay_on_commit(dataset.pk)
    return dataset


def dataset_folder(dataset: Dataset) -> Path:
    return Path(settings.HITL_DATASETS_DIR) / dataset.folder


def dataset_file(dataset: Dataset, fmt: str) -> Path:
    """Where the snapshot's `fmt` ("jsonl" or "parquet") file is; ValueError for others."""
    if fmt not in FILE_NAMES:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return dataset_folder(dataset) / FILE_NAMES[fmt]


def dataset_verify(dataset: Dataset) -> dict[str, bool]:
    """Per format: the file exists and its SHA-256 and size are the ones recorded."""
    recorded = {
        "jsonl": (dataset.jsonl_sha256, dataset.jsonl_bytes),
        "parquet": (dataset.parquet_sha256, dataset.parquet_bytes),
    }
    result = {}
    for fmt, expected in recorded.items():
        path = dataset_file(dataset, fmt)
        ok = dataset.status == Dataset.Status.READY and path.is_file()
        result[fmt] = ok and file_sha256(path) == expected
    return result


def download_url(dataset_id: int, fmt: str) -> str:
    """The API path that downloads the file (relative: hosts differ between deployments)."""
    return reverse("api-dataset-download", kwargs={"pk": dataset_id}) + f"?format={fmt}"


def dataset_files_json(dataset: Dataset) -> dict[str, dict[str, Any]] | None:
    """{format: {sha256, bytes, url}} of a ready snapshot; None before."""
    if dataset.status != Dataset.Status.READY:
        return None
    return {
        "jsonl": {"sha256": dataset.jsonl_sha256, "bytes": dataset.jsonl_bytes,
                  "url": download_url(dataset.pk, "jsonl")},
        "parquet": {"sha256": dataset.parquet_sha256, "bytes": dataset.parquet_bytes,
                    "url": download_url(dataset.pk, "parquet")},
    }  # fmt: skip


@transaction.atomic
def dataset_download(*, dataset: Dataset, fmt: str, actor: Actor) -> Path:
    """The file to hand out, after recording who took which one (DATASET_DOWNLOADED)."""
    path = dataset_file(dataset, fmt)
    audit_record(
        action=AuditAction.DATASET_DOWNLOADED,
        actor=actor,
        target=dataset,
        data={
            "queue": dataset.queue.slug,
            "number": dataset.number,
            "format": fmt,
            "sha256": dataset.jsonl_sha256 if fmt == "jsonl" else dataset.parquet_sha256,
            "raw": dataset.raw,
        },
    )
    return path


# --- building -----------------------------------------------------------------------


def _take(dataset_id: int, now: datetime) -> bool:
    """Compare-and-swap to building: pending, or building with a silent builder."""
    takeable = Q(status=Dataset.Status.PENDING) | Q(
        status=Dataset.Status.BUILDING, heartbeat_at__lt=now - STALE_BUILD
    )
    return (
        Dataset.objects.filter(takeable, pk=dataset_id).update(
            status=Dataset.Status.BUILDING, heartbeat_at=now, rows_done=0
        )
        == 1
    )


def _verdicts(
    chunk: list[dict[str, Any]], entities: frozenset[str] | None
) -> dict[int, list[dict[str, Any]]]:
    """The chunk's verdicts per item, in decision order; rationales redacted per the
    queue's policy unless `entities` is None (a raw export)."""
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    decisions = Decision.objects.filter(item_id__in=[item["id"] for item in chunk], is_gold=False)
    # Tuples, zipped into dicts here: half the cost of values() on the export's hot path.
    for values in decisions.order_by("item_id", "decided_at", "id").values_list(*VERDICT_FIELDS):
        verdict = dict(zip(VERDICT_FIELDS, values, strict=True))
        if entities is not None and verdict["rationale"]:
            verdict["rationale"] = redact_text(verdict["rationale"], entities)[0]
        grouped[verdict["item_id"]].append(verdict)
    return grouped


def _write(
    dataset: Dataset, *, chunk_size: int, progress: Progress | None
) -> tuple[dict[str, tuple[str, int]], dict[str, Any], int]:
    """Write the files; (files, summary, rows written)."""
    items = dataset_items(dataset.queue, dataset.filter)
    total = items.count()
    Dataset.objects.filter(pk=dataset.pk).update(rows_total=total, heartbeat_at=timezone.now())
    columns = [name for name in ITEM_FIELDS if name != "policy_version"]
    if dataset.raw:
        columns.append("raw_input")
    stream = items.values(*columns, policy_version=F("policy__version")).iterator(
        chunk_size=chunk_size
    )
    entities = None if dataset.raw else redaction_entities(dataset.queue.redaction)
    summary = SummaryAccumulator()
    done = 0
    with SnapshotWriter(dataset_folder(dataset)) as writer:
        while chunk := list(islice(stream, chunk_size)):
            verdicts = _verdicts(chunk, entities)
            rows = [dataset_row(i, verdicts.get(i["id"], []), raw=dataset.raw) for i in chunk]
            writer.write(rows)
            for row in rows:
                summary.add(row)
            done += len(rows)
            # Let go of this chunk before the next is fetched: one chunk in memory, not two.
            del chunk, verdicts, rows
            Dataset.objects.filter(pk=dataset.pk).update(
                rows_done=done, heartbeat_at=timezone.now()
            )
            if progress is not None:
                progress(done, total)
        files = writer.close()
    return files, summary.result(), done


def _ready_data(dataset: Dataset) -> dict[str, Any]:
    """The `dataset.ready` webhook's data: ids, counts, hashes, where to download."""
    return {
        "id": dataset.pk,
        "queue": dataset.queue.slug,
        "number": dataset.number,
        "trigger": dataset.trigger,
        "row_count": dataset.row_count,
        "files": dataset_files_json(dataset),
    }


def _finish(
    dataset: Dataset, *, files: dict[str, tuple[str, int]], summary: dict[str, Any], rows: int
) -> Dataset:
    with transaction.atomic():
        locked = Dataset.objects.select_for_update().select_related("queue").get(pk=dataset.pk)
        if locked.status != Dataset.Status.BUILDING:
            return locked  # another builder finished first, with the same bytes
        values = {
            "status": Dataset.Status.READY,
            "row_count": rows,
            "rows_done": rows,
            "rows_total": rows,
            "jsonl_sha256": files["jsonl"][0],
            "jsonl_bytes": files["jsonl"][1],
            "parquet_sha256": files["parquet"][0],
            "parquet_bytes": files["parquet"][1],
            "summary": summary,
            "built_at": timezone.now(),
            "heartbeat_at": None,
        }
        # An UPDATE, not save(): the row turns ready here, and save() refuses ready rows.
        Dataset.objects.filter(pk=locked.pk).update(**values)
        for name, value in values.items():
            setattr(locked, name, value)
        audit_record(
            action=AuditAction.DATASET_BUILT,
            actor=BUILD_ACTOR,
            target=locked,
            data={
                "queue": locked.queue.slug,
                "number": locked.number,
                "row_count": rows,
                "jsonl_sha256": locked.jsonl_sha256,
                "parquet_sha256": locked.parquet_sha256,
            },
        )
        webhook_emit(event=EventType.DATASET_READY, queue=locked.queue, data=_ready_data(locked))
    return locked


def _error_text(exc: Exception) -> str:
    """What went wrong, for the row and the API: never the exception's message, which
    may quote a row's data or a path on the server."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{type(exc).__name__}: {exc.strerror}"[:500]
    return f"{type(exc).__name__} while building the snapshot; the worker's log has where."


def _fail(dataset: Dataset, exc: Exception) -> Dataset:
    # The stack without the message (see _error_text): where it broke, not what it read.
    logger.error(
        "dataset %s: build failed with %s\n%s",
        dataset.pk,
        type(exc).__name__,
        "".join(traceback.format_tb(exc.__traceback__)),
    )
    message = _error_text(exc)
    with transaction.atomic():
        failed = Dataset.objects.filter(pk=dataset.pk, status=Dataset.Status.BUILDING).update(
            status=Dataset.Status.FAILED, error=message, heartbeat_at=None
        )
        if failed:
            audit_record(
                action=AuditAction.DATASET_FAILED,
                actor=BUILD_ACTOR,
                target=dataset,
                data={"queue": dataset.queue.slug, "number": dataset.number, "error": message},
            )
    return Dataset.objects.select_related("queue").get(pk=dataset.pk)


def _hand_back(dataset_id: int) -> None:
    """After a database error: pending again, so the task's retry can take it at once."""
    # If the database is still away, the heartbeat goes stale and the reconciler acts.
    with contextlib.suppress(DatabaseError):
        Dataset.objects.filter(pk=dataset_id, status=Dataset.Status.BUILDING).update(
            status=Dataset.Status.PENDING, heartbeat_at=None
        )


def dataset_build(
    *, dataset_id: int, chunk_size: int = 5000, progress: Progress | None = None
) -> Dataset:
    """Build the snapshot's files; idempotent. Returns the Dataset as it then stands:
    ready, failed, or still building elsewhere. Raises Dataset.DoesNotExist, and
    OperationalError for the task to retry. `progress(done, total)` after each chunk."""
    dataset = Dataset.objects.select_related("queue").get(pk=dataset_id)
    if dataset.status in (Dataset.Status.READY, Dataset.Status.FAILED):
        return dataset
    if not _take(dataset_id, timezone.now()):
        return Dataset.objects.select_related("queue").get(pk=dataset_id)
    dataset.refresh_from_db()
    try:
        files, summary, rows = _write(dataset, chunk_size=chunk_size, progress=progress)
    except OperationalError:
        _hand_back(dataset_id)
        raise
    except Exception as exc:
        return _fail(dataset, exc)
    return _finish(dataset, files=files, summary=summary, rows=rows)


def datasets_reconcile(*, now: datetime | None = None) -> int:
    """Re-enqueue snapshots whose build was lost: pending past RECONCILE_GRACE, or building
    with a builder silent past STALE_BUILD; how many. Reads dataset_unfinished_idx."""

    now = now or timezone.now()
    stuck = list(
        Dataset.objects.filter(
            status__in=[Dataset.Status.PENDING, Dataset.Status.BUILDING],
            requested_at__lte=now - RECONCILE_GRACE,
        )
        .filter(Q(status=Dataset.Status.PENDING) | Q(heartbeat_at__lt=now - STALE_BUILD))
        .order_by("requested_at")
        .values_list("pk", flat=True)[:RECONCILE_LIMIT]
    )
    for pk in stuck:
        task_named("datasets.tasks.build_dataset").delay(pk)
    return len(stuck)
