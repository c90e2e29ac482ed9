"""Request a dataset snapshot and build it here, in this process (not via the broker).

    manage.py export_dataset loans --window 7d --outcome corrected --slice region=EU

Prints progress, then on the last line
`dataset <id> #<number>: <rows> rows, jsonl <sha256>, parquet <sha256>`.
The snapshot is the same as one requested through the API: numbered, audited, announced
by `dataset.ready`, downloadable at /api/v1/datasets/<id>/download/.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from audit.services import Actor
from datasets.models import Dataset
from datasets.services.build import ExportRefused, dataset_build, dataset_request
from datasets.services.filters import DatasetFilterInvalid
from reviews.queues.models import Queue

PROGRESS_EVERY_S = 1.0


def _slice(pairs: list[str]) -> dict[str, str]:
    tags = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise CommandError(f"--slice takes tag=value, not {pair!r}")
        tags[name] = value
    return tags


class Command(BaseCommand):
    help = "Build a dataset snapshot of a queue's decided items, in this process."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("queue", metavar="QUEUE", help="the queue's slug")
        parser.add_argument(
            "--from",
            dest="decided_from",
            metavar="ISO",
            help="decided at or after (ISO 8601 with offset)",
        )
        parser.add_argument(
            "--to", dest="decided_to", metavar="ISO", help="decided before (default: now)"
        )
        parser.add_argument("--window", metavar="SPAN", help="24h, 7d, 30d…, ending now")
        parser.add_argument("--model-version", metavar="V")
        parser.add_argument(
            "--outcome",
            nargs="+",
            action="extend",
            metavar="X",
            choices=["approved", "corrected", "rejected"],
        )
        parser.add_argument("--tier", choices=["tier1", "sme", "incident"])
        parser.add_argument("--reason-code", metavar="C")
        parser.add_argument("--slice", nargs="+", action="extend", default=[], metavar="TAG=VALUE")
        parser.add_argument(
            "--raw",
            action="store_true",
            help="raw inputs (needs --user with view_raw_pii and export)",
        )
        parser.add_argument(
            "--user", metavar="USERNAME", help="request as this person, with their permissions"
        )
        parser.add_argument(
            "--chunk-size", type=int, default=5000, help="items read per query (default 5000)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        queue = Queue.objects.filter(slug=options["queue"]).first()
        if queue is None:
            raise CommandError(f"no such queue: {options['queue']}")
        user = None
        if options["user"]:
            user = User.objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(f"no such active user: {options['user']}")
        if options["raw"] and user is None:
            raise CommandError("--raw needs --user: someone who may see and export raw inputs")
        dataset = self._request(queue, user, options)
        self.stdout.write(f"dataset {dataset.pk} #{dataset.number} requested; building")
        dataset = dataset_build(
            dataset_id=dataset.pk, chunk_size=options["chunk_size"], progress=self._progress()
        )
        if dataset.status != Dataset.Status.READY:
            raise CommandError(
                f"dataset {dataset.pk} #{dataset.number} is {dataset.status}"
                + (f": {dataset.error}" if dataset.error else "")
            )
        self.stdout.write(
            f"dataset {dataset.pk} #{dataset.number}: {dataset.row_count} rows, "
            f"jsonl {dataset.jsonl_sha256}, parquet {dataset.parquet_sha256}"
        )

    def _request(self, queue: Queue, user: User | None, options: dict[str, Any]) -> Dataset:
        flt: dict[str, Any] = {
            "decided_from": options["decided_from"],
            "decided_to": options["decided_to"],
            "window": options["window"],
            "model_version": options["model_version"],
            "outcome": options["outcome"],
            "tier": options["tier"],
            "reason_code": options["reason_code"],
            "slice": _slice(options["slice"]) or None,
        }
        try:
            return dataset_request(
                queue=queue,
                actor=Actor.for_user(user) if user else Actor.system("manage.py"),
                user=user,
                filter={name: value for name, value in flt.items() if value is not None},
                raw=options["raw"],
                enqueue=False,
            )
        except DatasetFilterInvalid as exc:
            problems = "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in exc.fields.items())
            raise CommandError(f"bad filter: {problems}") from None
        except ExportRefused as exc:
            raise CommandError(str(exc)) from None

    def _progress(self) -> Any:
        last = [0.0]

        def report(done: int, total: int) -> None:
            now = time.monotonic()
            if done == total or now - last[0] >= PROGRESS_EVERY_S:
                last[0] = now
                self.stdout.write(f"  {done}/{total} rows")

        return report
