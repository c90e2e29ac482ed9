"""Create a person in a role with its permissions on queues; their API key is the last line."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.services import Actor
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from reviews.queues.services.access import reviewer_create


class Command(BaseCommand):
    help = "Create a reviewer (annotator, sme, responder or admin) with per-queue permissions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=[r.value for r in Role])
        parser.add_argument("--queue", action="append", default=[], metavar="SLUG")
        parser.add_argument("--password", help="Generated and printed when left out.")

    def handle(
        self,
        *args: Any,
        username: str,
        role: str,
        queue: list[str],
        password: str | None,
        **options: Any,
    ) -> None:
        queues = list(Queue.objects.filter(slug__in=queue))
        missing = sorted(set(queue) - {q.slug for q in queues})
        if missing:
            raise CommandError(f"no such queue: {', '.join(missing)}")
        generated = password is None
        password = password or secrets.token_urlsafe(12)
        try:
            _, key = reviewer_create(
                username=username,
                role=Role(role),
                queues=queues,
                password=password,
                actor=Actor.system("manage.py"),
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        scope = ", ".join(q.slug for q in queues) or (
            "every queue" if role == Role.ADMIN else "no queue yet"
        )
        self.stdout.write(f"{role} {username!r} on {scope}")
        if generated:
            self.stdout.write(f"password: {password}")
        self.stdout.write(key)
