"""Rotate a client's or person's API tokens: a new key, then the old ones revoked.

Zero-downtime rotation is two runs: `rotate_token NAME --keep-old` prints a new key while
the old ones keep working; once every caller uses it, `rotate_token NAME --revoke-old-only`
revokes all but the newest. Without either flag both happen at once. Every issue and
revocation is audited (accounts/services.py).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from accounts.models import ApiToken, User
from accounts.services import token_issue, token_revoke
from audit.services import Actor


class Command(BaseCommand):
    help = "Issue a new API token for a user or client and revoke the old ones."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--keep-old", action="store_true", help="issue a new key; leave the old ones working"
        )
        mode.add_argument(
            "--revoke-old-only",
            action="store_true",
            help="issue nothing; revoke every live key but the newest",
        )

    def handle(
        self, *args: Any, username: str, keep_old: bool, revoke_old_only: bool, **options: Any
    ) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no such user or client: {username!r}")
        actor = Actor.system("manage.py")
        with transaction.atomic():
            live = list(
                ApiToken.objects.select_for_update()
                .filter(user=user, revoked_at__isnull=True)
                .order_by("-created_at", "-pk")
            )
            key = "" if revoke_old_only else token_issue(user=user, name="rotated", actor=actor)
            if revoke_old_only:
                if not live:
                    raise CommandError(f"{username!r} has no live API token")
                old = live[1:]
            else:
                old = [] if keep_old else live
            for token in old:
                token_revoke(token=token, actor=actor)
        self.stdout.write(
            f"{username}: {len(old)} old key(s) revoked"
            + (f", {len(live)} left working" if keep_old else "")
        )
        if key:
            self.stdout.write(key)
