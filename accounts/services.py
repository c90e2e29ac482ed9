"""Writes on accounts: issuing and revoking API tokens."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from accounts.models import ApiToken, User, hash_token_key
from audit.actions import AuditAction
from audit.services import Actor, audit_record


@transaction.atomic
def token_issue(*, user: User, name: str = "", actor: Actor) -> str:
    """Create an API token for the user and return its key (the only time it is seen)."""
    key = "hitl_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, key_hash=hash_token_key(key), prefix=key[:12]
    )
    audit_record(
        action=AuditAction.TOKEN_ISSUED,
        actor=actor,
        target=token,
        data={"user": user.username, "prefix": token.prefix, "name": name},
    )
    return key


@transaction.atomic
def token_revoke(*, token: ApiToken, actor: Actor) -> None:
    if (
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        != 1
    ):
        return
    audit_record(
        action=AuditAction.TOKEN_REVOKED,
        actor=actor,
        target=token,
        data={"user": token.user.username, "prefix": token.prefix},
    )
