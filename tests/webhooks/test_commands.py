"""create_webhook and rotate_webhook_secret: the secret is the last line of output."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from webhooks.models import WebhookEndpoint

pytestmark = pytest.mark.django_db


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().splitlines()


def test_create_webhook_prints_the_secret_last(scoring: User) -> None:
    lines = run(
        "create_webhook", "scoring-service", "https://hooks.example.com/in",
        "--event", "item.decided", "--event", "output.released",
    )  # fmt: skip
    endpoint = WebhookEndpoint.objects.get()
    assert lines[-1] == endpoint.secret
    assert endpoint.secret.startswith("whsec_") and len(endpoint.secret) > 40
    assert endpoint.event_types == ["item.decided", "output.released"]
    assert endpoint.client == scoring
    event = AuditEvent.objects.get(action=AuditAction.WEBHOOK_ENDPOINT_CREATED)
    assert event.actor_label == "manage.py"


@pytest.mark.parametrize(
    ("username", "url", "error"),
    [
        ("nobody", "https://hooks.example.com/in", "no such user"),
        ("annotator", "https://hooks.example.com/in", "person"),
        ("scoring-service", "ftp://hooks.example.com/in", "URL"),
    ],
)
def test_create_webhook_refuses_bad_input(
    scoring: User, annotator: User, username: str, url: str, error: str
) -> None:
    with pytest.raises(CommandError, match=error):
        run("create_webhook", username, url)
    assert not WebhookEndpoint.objects.exists()


def test_rotate_webhook_secret_prints_the_new_secret_and_keeps_the_old_one_for_a_while(
    endpoint: WebhookEndpoint,
) -> None:
    old = endpoint.secret
    lines = run("rotate_webhook_secret", str(endpoint.pk))
    endpoint.refresh_from_db()
    assert lines[-1] == endpoint.secret != old
    assert endpoint.previous_secret == old
    assert endpoint.previous_secret_until is not None
    assert "old secret signs too until" in lines[0]
    assert AuditEvent.objects.filter(action=AuditAction.WEBHOOK_SECRET_ROTATED).count() == 1


def test_rotate_with_no_grace_drops_the_old_secret_at_once(endpoint: WebhookEndpoint) -> None:
    lines = run("rotate_webhook_secret", str(endpoint.pk), "--grace-hours", "0")
    endpoint.refresh_from_db()
    assert lines[-1] == endpoint.secret
    assert (endpoint.previous_secret, endpoint.previous_secret_until) == ("", None)


def test_rotate_an_unknown_endpoint_is_an_error(db: None) -> None:
    with pytest.raises(CommandError, match="no such webhook endpoint"):
        run("rotate_webhook_secret", "999")
