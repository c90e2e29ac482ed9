"""The audit browser (SPEC §8): the trail, newest first, with filters and the verify result.

For holders of audit.view_auditevent (the admins group, superusers); anyone else signed in
gets 404, as for any page outside their reach. Pages are keyset pages on `seq` (older:
`before_seq`, newer: `after_seq`), so page 1,000 costs what page 1 costs. The filters are
the API's (audit.selectors.audit_events), so the page and GET /api/v1/audit/events/ agree.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_POST

from audit.actions import AuditAction
from audit.api.filters import MAX_INTEGER, audit_params_checked
from audit.models import AuditCheckpoint, AuditEvent
from audit.selectors import BadFilter, audit_events
from audit.services import audit_verify

PAGE_SIZE = 50
FILTERS = ("action", "actor", "target_type", "target_id", "since", "until")


def _require_auditor(request: HttpRequest) -> None:
    if not request.user.has_perm("audit.view_auditevent"):
        raise Http404("No such page.")


def _time_param(raw: str) -> str:
    """A browser's datetime-local value has no zone; the page says times are UTC."""
    try:
        when = parse_datetime(raw)
    except ValueError:
        return raw  # the selector names the bad filter
    if when is not None and when.tzinfo is None:
        return when.replace(tzinfo=UTC).isoformat()
    return raw


def _filter_params(query: QueryDict) -> dict[str, str]:
    params = {name: query.get(name, "").strip() for name in FILTERS}
    for name in ("since", "until"):
        if params[name]:
            params[name] = _time_param(params[name])
    return {name: value for name, value in params.items() if value}


def _page(
    params: dict[str, str], *, before: int | None, after: int | None
) -> tuple[list[AuditEvent], bool, bool]:
    """One page of events, newest first, and whether older / newer events exist."""
    events = audit_events(params=audit_params_checked(params))  # newest first
    if after is not None:
        # Newer page: the PAGE_SIZE events just above `after`, read upwards, then flipped.
        rows = list(events.filter(seq__gt=after).order_by("seq")[: PAGE_SIZE + 1])
        has_newer = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE][::-1]
        return rows, bool(rows), has_newer
    if before is not None:
        events = events.filter(seq__lt=before)
    rows = list(events[: PAGE_SIZE + 1])
    has_older = len(rows) > PAGE_SIZE
    return rows[:PAGE_SIZE], has_older, before is not None


def _int_or_none(raw: str | None) -> int | None:
    """A page cursor; anything unusable (not a number, past 64 bits) means no cursor."""
    try:
        value = int(raw) if raw else None
    except ValueError:
        return None
    return value if value is not None and abs(value) <= MAX_INTEGER else None


@login_required
def audit_browser(request: HttpRequest) -> HttpResponse:
    _require_auditor(request)
    params = _filter_params(request.GET)
    before = _int_or_none(request.GET.get("before_seq"))
    after = _int_or_none(request.GET.get("after_seq"))
    error = ""
    try:
        events, has_older, has_newer = _page(params, before=before, after=after)
    except BadFilter as exc:
        events, has_older, has_newer = [], False, False
        error = f"{exc.field}: {exc}"
    base = QueryDict(mutable=True)
    base.update({name: request.GET.get(name, "") for name in FILTERS if request.GET.get(name)})
    context: dict[str, Any] = {
        "events": events,
        "error": error,
        "form": {name: request.GET.get(name, "") for name in FILTERS},
        "actions": AuditAction.choices,
        "older_query": _with(base, before_seq=events[-1].seq) if has_older and events else "",
        "newer_query": _with(base, after_seq=events[0].seq) if has_newer and events else "",
        "first_query": base.urlencode(),
        "checkpoint": AuditCheckpoint.objects.order_by("-verified_at", "-pk").first(),
    }
    return render(request, "audit/events.html", context)


def _with(base: QueryDict, **extra: int) -> str:
    query = base.copy()
    for name, value in extra.items():
        query[name] = str(value)
    return query.urlencode()


@login_required
@require_POST
def audit_verify_now(request: HttpRequest) -> HttpResponse:
    """Verify the whole chain from its first event; the answer comes back as a message.

    Read-only (no checkpoint is written): an auditor checking by hand should not move the
    point the periodic check starts from.
    """
    _require_auditor(request)
    result = audit_verify()
    if result.ok:
        messages.success(
            request, f"Chain verified: {result.checked} events, intact up to #{result.last_seq}."
        )
    else:
        messages.error(
            request,
            f"Chain BROKEN at event #{result.broken_seq}: {result.reason} "
            f"({result.checked} events verified before it).",
        )
    return redirect(reverse("audit-browser"))
