"""Throttled login attempts (SPEC §6) with django-axes, through the real login view."""

from __future__ import annotations

from typing import Any

from django.test import Client

from accounts.models import User

LOGIN = "/accounts/login/"
PASSWORD = "pw-for-tests-only"


def attempt(client: Client, username: str, password: str) -> Any:
    return client.post(LOGIN, {"username": username, "password": password})


def test_the_right_password_logs_in(annotator: User) -> None:
    response = attempt(Client(), "annotator", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_too_many_failures_lock_the_username_from_that_address(
    annotator: User, settings: Any
) -> None:
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "annotator", "guess").status_code == 200  # the form again

    locked = attempt(client, "annotator", "guess")
    right_password_too = attempt(client, "annotator", PASSWORD)

    assert locked.status_code == right_password_too.status_code == 429
    assert "Too many failed attempts" in right_password_too.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_username_and_address(annotator: User, sme: User, settings: Any) -> None:
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(attacker, "annotator", "guess")

    # The same person from their own desk, and another user from the attacker's address.
    assert attempt(Client(REMOTE_ADDR="203.0.113.9"), "annotator", PASSWORD).status_code == 302
    assert attempt(attacker, "sme", PASSWORD).status_code == 302


def test_a_success_resets_the_count(annotator: User, settings: Any) -> None:
    client = Client(REMOTE_ADDR="198.51.100.8")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "annotator", "guess")
    assert attempt(client, "annotator", PASSWORD).status_code == 302
    client.logout()

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "annotator", "guess")

    assert attempt(client, "annotator", PASSWORD).status_code == 302


def test_the_admin_login_is_throttled_too(admin_user: User, settings: Any) -> None:
    client = Client(REMOTE_ADDR="198.51.100.9")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "admin", "password": "guess"})

    response = client.post("/admin/login/", {"username": "admin", "password": PASSWORD})

    assert response.status_code == 429
