"""The audit browser (SPEC §8): the trail, newest first, with filters and the verify result.

For holders of audit.view_auditevent (the admins group, superusers); anyone else signed in
gets 404, as for any page outside their reach. Pages are keyset pages on `seq` (older:
`before_seq`, newer: `after_seq`), so page 1,000 costs what page 1 costs. The filters are
the API's (audit/filters.py), so the page and GET /api/v1/audit/events/ agree.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from audit.actions import AuditAction
from audit.filters import AuditBrowserFilter
from audit.models import AuditCheckpoint, AuditEvent
from audit.selectors import audit_events
from audit.services import audit_verify

PAGE_SIZE = 50
# The page's cursors: filters of the FilterSet, set by the page's own links.
CURSORS = ("before_seq", "after_seq")


def _require_auditor(request: HttpRequest) -> None:
    if not request.user.has_perm("audit.view_auditevent"):
        raise Http404("No such page.")


def _page(
    events: QuerySet[AuditEvent], *, before: int | None, after: int | None
) -> tuple[list[AuditEvent], bool, bool]:
    """One page of the filtered events (newest first, the cursors applied), and whether
    older / newer events exist."""
    if after is not None:
        # Newer page: the PAGE_SIZE events just above `after`, read upwards, then flipped.
        rows = list(events.order_by("seq")[: PAGE_SIZE + 1])
        has_newer = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE][::-1]
        return rows, bool(rows), has_newer
    rows = list(events[: PAGE_SIZE + 1])
    has_older = len(rows) > PAGE_SIZE
    return rows[:PAGE_SIZE], has_older, before is not None


@login_required
def audit_browser(request: HttpRequest) -> HttpResponse:
    _require_auditor(request)
    filters = AuditBrowserFilter(request.GET, queryset=audit_events(), request=request)
    # A cursor the filters refuse (not a number, past 64 bits) is no cursor: the first page.
    errors = {name: ms for name, ms in filters.errors.items() if name not in CURSORS}
    events: list[AuditEvent] = []
    has_older = has_newer = False
    if not errors:
        cursor = filters.form.cleaned_data
        events, has_older, has_newer = _page(
            filters.qs, before=cursor.get("before_seq"), after=cursor.get("after_seq")
        )
    names = [name for name in filters.filters if name not in CURSORS]
    base = QueryDict(mutable=True)
    base.update({name: request.GET[name] for name in names if request.GET.get(name)})
    context: dict[str, Any] = {
        "events": events,
        "error": "; ".join(f"{name}: {m}" for name, ms in errors.items() for m in ms),
        "form": {name: request.GET.get(name, "") for name in names},
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
