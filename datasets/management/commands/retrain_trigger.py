"""Set a queue's retraining trigger: a snapshot, announced by the `dataset.ready` webhook,
once N new corrected labels are in (and, with --on-alert, when an alert rule fires)."""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.services import Actor
from datasets.models import RetrainTrigger
from datasets.services.triggers import (
    RetrainTriggerInvalid,
    retrain_trigger_set,
    trigger_describe,
)
from reviews.queues.models import Queue


class Command(BaseCommand):
    help = (
        "Set the retraining trigger of a queue. Options not given keep their current value; "
        "--off keeps the settings and stops the trigger, running it again turns it back on."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("queue", metavar="QUEUE", help="the queue's slug")
        parser.add_argument(
            "--every-corrected",
            type=int,
            metavar="N",
            help="snapshot once N new items were decided `corrected` (0: not by count)",
        )
        parser.add_argument(
            "--on-alert",
            action=argparse.BooleanOptionalAction,
            help="snapshot when one of the queue's alert rules starts firing",
        )
        parser.add_argument("--off", action="store_true", help="stop the trigger")

    def handle(self, *args: Any, **options: Any) -> None:
        queue = Queue.objects.filter(slug=options["queue"]).first()
        if queue is None:
            raise CommandError(f"no such queue: {options['queue']}")
        current = RetrainTrigger.objects.filter(queue=queue).first() or RetrainTrigger()
        every, on_alert = options["every_corrected"], options["on_alert"]
        try:
            trigger = retrain_trigger_set(
                queue=queue,
                actor=Actor.system("manage.py"),
                every_corrected=current.every_corrected if every is None else every,
                on_alert=current.on_alert if on_alert is None else on_alert,
                active=not options["off"],
            )
        except RetrainTriggerInvalid as exc:
            raise CommandError("; ".join(m for ms in exc.fields.values() for m in ms)) from None
        self.stdout.write(f"retrain trigger of {queue.slug}: {trigger_describe(trigger)}")
