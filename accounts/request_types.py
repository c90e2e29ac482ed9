"""Request types that say what authentication and middleware guarantee a view.

django-stubs types `request.user` as `User | AnonymousUser`, which is right for a view that
anyone may reach. Behind `login_required`, DRF's IsAuthenticated (the API's default
permission) or the admin site (signed-in staff only) the user is signed in, and such a view
annotates its request with one of these classes, as django-stubs suggests. django-htmx's
middleware (in every request's path) adds `request.htmx`.

Annotations only: nothing creates these classes; the requests are Django's and DRF's own.
"""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails
from rest_framework.request import Request

from accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A Django request whose user is signed in (login_required, the admin site)."""

    user: User


class AuthenticatedHtmxRequest(AuthenticatedHttpRequest):
    """A signed-in user's Django request, with django-htmx's `htmx` details."""

    htmx: HtmxDetails


class AuthenticatedApiRequest(Request):
    """A DRF request whose user is signed in (IsAuthenticated)."""

    user: User
