"""Register a client system's webhook endpoint; the signing secret is the last line."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from audit.services import Actor
from webhooks.models import EventType
from webhooks.services import WebhookError, webhook_endpoint_create


class Command(BaseCommand):
    help = (
        "Create a webhook endpoint for a client system. It receives the events of the "
        "queues the client may submit to. Prints the signing secret on the last line."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("client", metavar="CLIENT_USERNAME")
        parser.add_argument("url", metavar="URL")
        parser.add_argument(
            "--event",
            action="append",
            default=[],
            choices=EventType.values,
            help="An event type to send (repeat it); none means every event type.",
        )

    def handle(self, *args: Any, client: str, url: str, event: list[str], **options: Any) -> None:
        user = User.objects.filter(username=client).first()
        if user is None:
            raise CommandError(f"no such user: {client}")
        try:
            endpoint, secret = webhook_endpoint_create(
                client=user, url=url, event_types=event, actor=Actor.system("manage.py")
            )
        except WebhookError as exc:
            raise CommandError(str(exc)) from None
        events = ", ".join(endpoint.event_types) or "every event type"
        self.stdout.write(f"endpoint {endpoint.pk} for {client!r}: {endpoint.url} ({events})")
        self.stdout.write(secret)
