"""Create a client system's API token, scoped to queues; the key is the last line."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.services import Actor
from reviews.queues.models import Queue
from reviews.queues.services.access import client_create


class Command(BaseCommand):
    help = "Create a client system with an API token that may submit to the given queues."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name")
        parser.add_argument("--queue", action="append", default=[], metavar="SLUG")
        parser.add_argument(
            "--export",
            action="store_true",
            help="also let it download the queues' dataset snapshots (a training pipeline)",
        )

    def handle(self, *args: Any, name: str, queue: list[str], export: bool, **options: Any) -> None:
        queues = list(Queue.objects.filter(slug__in=queue))
        missing = sorted(set(queue) - {q.slug for q in queues})
        if missing:
            raise CommandError(f"no such queue: {', '.join(missing)}")
        if not queues:
            raise CommandError("name at least one --queue the client may submit to")
        try:
            _, key = client_create(
                name=name, queues=queues, actor=Actor.system("manage.py"), export=export
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        may = "submit to and export" if export else "submit to"
        self.stdout.write(f"client {name!r} may {may}: {', '.join(q.slug for q in queues)}")
        self.stdout.write(key)
