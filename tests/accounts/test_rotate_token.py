"""rotate_token: a new key works, revoked keys answer 401, every step is audited."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from accounts.models import ApiToken, User
from accounts.services import token_issue
from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import Actor

pytestmark = pytest.mark.django_db


def rotate(*args: str) -> list[str]:
    out = StringIO()
    call_command("rotate_token", *args, stdout=out)
    return out.getvalue().splitlines()


def answers(key: str) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get("/api/v1/queues/").status_code


@pytest.fixture
def client_user() -> tuple[User, str]:
    user = User.objects.create(username="scorer", kind=User.Kind.CLIENT)
    return user, token_issue(user=user, actor=Actor.system("test"))


def test_rotation_at_once_revokes_the_old_key(client_user: tuple[User, str]) -> None:
    user, old = client_user
    lines = rotate("scorer")
    new = lines[-1]
    assert new.startswith("hitl_") and new != old
    assert (answers(new), answers(old)) == (200, 401)
    assert ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() == 1
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert actions[-2:] == [AuditAction.TOKEN_ISSUED, AuditAction.TOKEN_REVOKED]


def test_two_step_rotation_keeps_both_keys_until_the_second_step(
    client_user: tuple[User, str],
) -> None:
    _, old = client_user
    new = rotate("scorer", "--keep-old")[-1]
    assert (answers(new), answers(old)) == (200, 200)
    assert rotate("scorer", "--revoke-old-only") == ["scorer: 1 old key(s) revoked"]
    assert (answers(new), answers(old)) == (200, 401)


def test_unknown_user_and_no_live_key_are_errors(client_user: tuple[User, str]) -> None:
    with pytest.raises(CommandError, match="no such user"):
        rotate("nobody")
    User.objects.create(username="keyless", kind=User.Kind.CLIENT)
    with pytest.raises(CommandError, match="no live API token"):
        rotate("keyless", "--revoke-old-only")


def test_the_admin_revokes_with_an_audit_event_and_cannot_delete(
    client_user: tuple[User, str],
) -> None:
    from django.test import Client

    user, key = client_user
    token = ApiToken.objects.get(user=user)
    admin_user = User.objects.create_superuser("root", "root@example.com", "pw-for-tests-only")
    browser = Client()
    browser.force_login(admin_user)

    deleted = browser.post(f"/admin/accounts/apitoken/{token.pk}/delete/", {"post": "yes"})
    revoked = browser.post(
        "/admin/accounts/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}
    )

    assert deleted.status_code == 403
    assert revoked.status_code == 302
    assert answers(key) == 401
    last = AuditEvent.objects.order_by("-seq").first()
    assert last is not None and last.action == AuditAction.TOKEN_REVOKED
