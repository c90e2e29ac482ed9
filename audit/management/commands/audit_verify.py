"""Verify the whole audit chain: exit 0 with a count, or exit 1 naming the first broken link."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from audit.services import audit_verify


class Command(BaseCommand):
    help = "Verify the whole audit hash chain."

    def handle(self, *args: Any, **options: Any) -> None:
        result = audit_verify()
        if not result.ok:
            raise CommandError(
                f"audit chain BROKEN at event #{result.broken_seq}: {result.reason} "
                f"({result.checked} events verified before it)"
            )
        self.stdout.write(
            f"audit chain OK: {result.checked} events verified, head #{result.last_seq}"
        )
