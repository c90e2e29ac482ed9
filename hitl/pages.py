"""Helpers of the server-rendered pages shared by every app: a plain POST's answer.

The posted forms themselves are Django forms (hitl/forms.py and each app's forms.py).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def done(
    request: HttpRequest, to: str, *, notice: str = "", error: str = "", **kwargs: Any
) -> HttpResponse:
    """A plain POST's answer: the outcome as a message, then back to the page."""
    if error:
        messages.error(request, error)
    elif notice:
        messages.success(request, notice)
    return redirect(to, **kwargs)
