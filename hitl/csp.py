"""A strict Content-Security-Policy on every response (SPEC §6); the policy is
settings.HITL_CSP.

Our own few lines rather than django-csp: hitl needs one fixed policy and no nonces, since
nothing is inline anywhere (pages load static files, htmx is told not to inject its
indicator style, Swagger UI runs from drf-spectacular's split view with its page style in
static/css/swagger.css), so the dependency would bring configuration surface and nothing
else. Django 6 has this built in; this module goes when hitl moves to it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "Content-Security-Policy"


class ContentSecurityPolicyMiddleware:
    """Adds the policy to every response that has none of its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy: str = settings.HITL_CSP

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.policy and HEADER not in response:
            response[HEADER] = self.policy
        return response
