"""Content-Security-Policy, CSRF on every form, and the production cookie/HSTS settings."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import User
from reviews.queues.models import Queue
from tests.factories import ingest

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((REPO / "templates").rglob("*.html"))
FORM = re.compile(r"<form\b(?P<attrs>[^>]*)>(?P<body>.*?)</form>", re.S | re.I)


def as_user(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


# --- Content-Security-Policy ---------------------------------------------------------


def test_the_policy_forbids_inline_code_and_other_origins() -> None:
    policy = directives(settings.HITL_CSP)

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert "unsafe" not in settings.HITL_CSP


@pytest.mark.parametrize(
    "path", ["/accounts/login/", "/", "/audit/", "/api/docs/", "/api/v1/queues/", "/nowhere"]
)
def test_every_response_carries_the_policy(admin_user: User, path: str) -> None:
    response = as_user(admin_user).get(path)

    assert response["Content-Security-Policy"] == settings.HITL_CSP


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(REPO)))
def test_no_template_has_inline_script_or_style(template: Path) -> None:
    text = re.sub(r"\{#.*?#\}", "", template.read_text())  # comments may name the tags

    assert not re.search(r"<script\b(?![^>]*\bsrc=)", text, re.I), "inline <script>"
    assert not re.search(r"<style\b", text, re.I), "inline <style>"
    assert not re.search(r"\sstyle\s*=", text, re.I), "style attribute"
    assert not re.search(r"\son[a-z]+\s*=", text, re.I), "inline event handler"
    assert "hx-on" not in text and "js:" not in text


def test_the_api_docs_load_their_start_up_script_from_a_url(admin_user: User) -> None:
    client = as_user(admin_user)
    page = client.get("/api/docs/").content.decode()

    sources = re.findall(r'<script src="([^"]+)"', page)
    assert not re.search(r"<script>|<style", page)
    (start_up,) = [src for src in sources if "script" in src.split("?", 1)[-1]]
    script = client.get(start_up.replace("&amp;", "&"))
    assert script.status_code == 200
    assert "javascript" in script["Content-Type"]
    assert "SwaggerUIBundle" in script.content.decode()


def test_htmx_may_not_inject_styles_or_eval() -> None:
    base = (REPO / "templates" / "base.html").read_text()
    config = json.loads(re.search(r'name="htmx-config" content=\'([^\']+)\'', base).group(1))

    assert config["includeIndicatorStyles"] is False
    assert config["allowEval"] is False


# --- CSRF ----------------------------------------------------------------------------


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_post_form_carries_a_csrf_token(template: Path) -> None:
    for form in FORM.finditer(template.read_text()):
        if re.search(r'method\s*=\s*"post"', form["attrs"], re.I):
            assert "{% csrf_token %}" in form["body"], form["attrs"]


@pytest.fixture
def csrf_client(admin_user: User) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    return client


def test_posts_without_the_token_are_refused(
    csrf_client: Client, queue: Queue, annotator: User
) -> None:
    item = ingest(queue, output={"label": "approve", "confidence": 0.3})
    posts = [
        "/accounts/logout/",
        "/audit/verify/",
        f"/queues/{queue.slug}/items/{item.pk}/raw/",
        f"/queues/{queue.slug}/review/1/decide/",
        f"/queues/{queue.slug}/review/1/release/",
    ]

    statuses = {path: csrf_client.post(path, {"reason": "x"}).status_code for path in posts}

    assert statuses == dict.fromkeys(posts, 403)
    assert (
        Client(enforce_csrf_checks=True)
        .post("/accounts/login/", {"username": "annotator", "password": "pw-for-tests-only"})
        .status_code
        == 403
    )


def test_the_api_on_a_browser_session_needs_the_token_too(admin_user: User, queue: Queue) -> None:
    item = ingest(queue)
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(admin_user)

    response = client.post(f"/api/v1/predictions/{item.pk}/raw/", {"reason": "x"}, format="json")

    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]["message"]


# --- Production settings ---------------------------------------------------------------


def test_production_settings_send_secure_cookies_and_hsts(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "hitl.example.com",
        "HITL_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "hitl.settings",
    }
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ("
        "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
        "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
        "'SECURE_CONTENT_TYPE_NOSNIFF', 'X_FRAME_OPTIONS', 'HITL_CSP')}))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and a literal program
        [sys.executable, "-c", code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    values: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])

    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["HITL_CSP"] == settings.HITL_CSP
