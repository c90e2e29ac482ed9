"""The login's redirect and the session's life (SPEC §6): `next` never sends a signed-in
user to another site; signing in gives a new session key and kills the old one, so a
session planted before login is worth nothing; logging out takes a POST and kills the
session for good, cookie replays included."""

from __future__ import annotations

from importlib import import_module
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

from accounts.models import User

LOGIN = "/accounts/login/"
CREDENTIALS = {"username": "annotator", "password": "pw-for-tests-only"}

OFF_SITE = [
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "https:evil.example",
    "http://evil.example@testserver/",
    "https://testserver.evil.example/",
    " //evil.example",
    "/%09/evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
]


def _store() -> type:
    return import_module(settings.SESSION_ENGINE).SessionStore  # type: ignore[no-any-return]


def _stays_on_site(location: str) -> bool:
    """Whether a browser following `location` stays here: a plain path, which browsers
    cannot read as another host (no scheme, no host, no // or /\\ start, no whitespace or
    control character for a browser to drop). Usually it is LOGIN_REDIRECT_URL itself; a
    literal "/%09/…" in the form field stays a path (the %09 is not decoded in Location)."""
    parts = urlsplit(location)
    return (
        not parts.scheme
        and not parts.netloc
        and location.startswith("/")
        and not location.startswith(("//", "/\\"))
        and all(char.isprintable() and not char.isspace() for char in location)
    )


def _signed_in(client: Client) -> bool:
    """Whether the client's session is a signed-in one: the home page needs a login."""
    return client.get("/").status_code == 200


@pytest.mark.parametrize("target", OFF_SITE)
@pytest.mark.parametrize("where", ["query", "form"])
def test_next_never_leaves_the_site(annotator: User, target: str, where: str) -> None:
    client = Client()
    if where == "query":  # /accounts/login/?next=… as a link would carry it
        response = client.post(f"{LOGIN}?next={target}", CREDENTIALS)
    else:  # the hidden field of the login form
        response = client.post(LOGIN, {**CREDENTIALS, "next": target})

    assert response.status_code == 302
    assert _stays_on_site(response["Location"]), response["Location"]
    assert _signed_in(client)


def test_next_on_the_site_is_followed(annotator: User) -> None:
    """The control: the refusal above is of other sites, not of `next` as such."""
    response = Client().post(LOGIN, {**CREDENTIALS, "next": "/escalations/?queue=loans"})

    assert response["Location"] == "/escalations/?queue=loans"


def test_the_login_page_does_not_echo_next_unescaped(annotator: User) -> None:
    page = Client().get(LOGIN, {"next": '"><script>alert(1)</script>'}).content.decode()

    assert "<script>alert(1)</script>" not in page


def test_a_session_planted_before_login_is_not_the_one_signed_in(annotator: User) -> None:
    """Session fixation: an attacker makes a victim's browser carry a session key the
    attacker knows; after the victim signs in, that key must be worth nothing."""
    planted = _store()()
    planted["theme"] = "dark"
    planted.create()
    victim = Client()
    victim.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key

    assert victim.post(LOGIN, CREDENTIALS).status_code == 302

    assert victim.session.session_key != planted.session_key
    assert not _store()().exists(planted.session_key)
    attacker = Client()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key
    assert not _signed_in(attacker)
    assert _signed_in(victim)


def test_signing_in_as_someone_else_starts_afresh(annotator: User, sme: User) -> None:
    client = Client()
    client.post(LOGIN, CREDENTIALS)
    first = client.session.session_key

    client.post(LOGIN, {"username": "sme", "password": "pw-for-tests-only"})

    assert client.session.session_key != first
    assert client.session["_auth_user_id"] == str(sme.pk)
    assert not _store()().exists(first)


def test_logout_needs_a_post(annotator: User) -> None:
    client = Client()
    client.post(LOGIN, CREDENTIALS)

    response = client.get("/accounts/logout/")

    assert response.status_code == 405
    assert _signed_in(client)


def test_logout_kills_the_session_and_its_cookie(annotator: User) -> None:
    client = Client()
    client.post(LOGIN, CREDENTIALS)
    key = client.session.session_key

    assert client.post("/accounts/logout/").status_code in (200, 302)

    assert not _signed_in(client)
    assert not _store()().exists(key)
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = key
    assert not _signed_in(replay)


def test_a_deactivated_users_session_stops_working(annotator: User) -> None:
    client = Client()
    client.post(LOGIN, CREDENTIALS)
    assert _signed_in(client)

    User.objects.filter(pk=annotator.pk).update(is_active=False)

    assert not _signed_in(client)


def test_a_password_change_ends_other_sessions(annotator: User) -> None:
    """Django keys each session to a hash of the password: changing it (say, after a
    leak) signs out every browser that knew the old one."""
    client = Client()
    client.post(LOGIN, CREDENTIALS)

    annotator.set_password("a-new-long-passphrase")
    annotator.save()

    assert not _signed_in(client)
