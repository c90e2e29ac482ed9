"""Helpers of the server-rendered pages shared by every app: posted fields and POST answers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def posted(request: HttpRequest, *names: str, strip: bool = True) -> dict[str, str]:
    """The named fields of a posted form, as text ("" when absent).

    Raises BadRequest (a 400 page) when one holds a NUL character: no browser sends one
    from a text box, and PostgreSQL's text columns cannot store it, so letting it through
    would end in a 500 on the database's refusal.
    """
    values = {name: request.POST.get(name, "") for name in names}
    if any("\x00" in value for value in values.values()):
        raise BadRequest("A form field holds a NUL character.")
    return {name: value.strip() for name, value in values.items()} if strip else values


def done(
    request: HttpRequest, to: str, *, notice: str = "", error: str = "", **kwargs: Any
) -> HttpResponse:
    """A plain POST's answer: the outcome as a message, then back to the page."""
    if error:
        messages.error(request, error)
    elif notice:
        messages.success(request, notice)
    return redirect(to, **kwargs)
