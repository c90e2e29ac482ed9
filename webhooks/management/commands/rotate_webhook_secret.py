"""Give a webhook endpoint a new signing secret; the new secret is the last line."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.services import Actor
from webhooks.models import WebhookEndpoint
from webhooks.services import ROTATION_GRACE, webhook_secret_rotate


class Command(BaseCommand):
    help = (
        "Rotate a webhook endpoint's signing secret. The old secret keeps signing beside "
        "the new one for --grace-hours (0 drops it at once, after a leak). Prints the new "
        "secret on the last line."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("endpoint_id", metavar="ENDPOINT_ID", type=int)
        parser.add_argument(
            "--grace-hours",
            type=float,
            default=ROTATION_GRACE.total_seconds() / 3600,
            help="How long the old secret still signs (default: %(default)s).",
        )

    def handle(self, *args: Any, endpoint_id: int, grace_hours: float, **options: Any) -> None:
        if grace_hours < 0:
            raise CommandError("--grace-hours cannot be negative")
        endpoint = WebhookEndpoint.objects.filter(pk=endpoint_id).first()
        if endpoint is None:
            raise CommandError(f"no such webhook endpoint: {endpoint_id}")
        secret = webhook_secret_rotate(
            endpoint=endpoint, actor=Actor.system("manage.py"), grace=timedelta(hours=grace_hours)
        )
        endpoint.refresh_from_db()
        until = endpoint.previous_secret_until
        note = f"old secret signs too until {until.isoformat()}" if until else "old secret dropped"
        self.stdout.write(f"endpoint {endpoint.pk}: {endpoint.url} ({note})")
        self.stdout.write(secret)
