"""The incidents board and the incident page (SPEC §8), for responders and managers.

The board groups incidents by state; the incident page holds the timeline, the linked
tickets and items (with a decide form per item waiting for a responder), the containment
switch, the state buttons, the severity / owner / postmortem form and notes. Every form
posts to its own small view; with htmx each answers the `#incident` fragment (422 when
the form has errors), a plain POST redirects back to the page.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.request_types import AuthenticatedHtmxRequest, AuthenticatedHttpRequest
from audit.services import Actor
from hitl.forms import PageForm, add_service_errors
from hitl.pages import done
from reviews.escalation.filters import IncidentFilter
from reviews.escalation.forms import (
    ContainForm,
    IncidentUpdateForm,
    LiftForm,
    NoteForm,
    TransitionForm,
)
from reviews.escalation.models import Incident
from reviews.escalation.pages import bundle_context, filtered_list
from reviews.escalation.selectors import (
    INCIDENT_PERMS,
    incident_owner_candidate,
    incidents_visible_to,
)
from reviews.escalation.services.incidents import (
    IncidentError,
    incident_contain,
    incident_lift,
    incident_note,
    incident_transition,
    incident_update,
)
from reviews.queues.models import Containment
from reviews.queues.services.queues import ContainmentExists
from reviews.work.forms import DecisionForm
from reviews.work.models import Decision
from reviews.work.services.claims import AssignmentError
from reviews.work.services.decisions import DecisionInvalid, incident_item_decide

State = Incident.State
RESOLVED_SHOWN = 20  # the board shows the latest resolved incidents, not all of them
# A responder decides; escalating is not possible from the last tier.
RESPONDER_VERDICTS = [
    (value, label) for value, label in Decision.Verdict.choices if value != "escalate"
]


@login_required
def board(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Unresolved incidents by state, and the latest resolved ones."""
    incidents, context = filtered_list(
        request,
        perms=INCIDENT_PERMS,
        filters=IncidentFilter,
        rows=incidents_visible_to(user=request.user),
    )
    unresolved = list(incidents.exclude(state=State.RESOLVED).order_by("severity", "opened_at"))
    resolved = list(
        incidents.filter(state=State.RESOLVED).order_by("-resolved_at")[:RESOLVED_SHOWN]
    )
    columns = [
        (value, label, [i for i in unresolved if i.state == value])
        for value, label in State.choices
        if value != State.RESOLVED
    ] + [(State.RESOLVED.value, f"{State.RESOLVED.label} (latest)", resolved)]
    context |= {"columns": columns, "severities": Incident.Severity.choices}
    return render(request, "reviews/incidents/board.html", context)


def _incident_or_404(request: AuthenticatedHttpRequest, pk: int) -> Incident:
    return get_object_or_404(
        incidents_visible_to(user=request.user).select_related("bundle"), pk=pk
    )


def _context(incident: Incident, **extra: Any) -> dict[str, Any]:
    items = list(incident.items.order_by("pk"))
    return {
        "incident": incident,
        "queue": incident.queue,
        "now": timezone.now(),
        "events": list(incident.events.all()),
        "escalations": list(
            incident.escalations.select_related("item").order_by("created_at", "id")
        ),
        "items": [(item, item.waits_for_responder) for item in items],
        "containments": list(incident.containments.order_by("-active", "set_at", "pk")),
        "transitions": [
            (value, label)
            for value, label in State.choices
            if value in Incident.TRANSITIONS[incident.state]
        ],
        "severities": Incident.Severity.choices,
        "verdicts": RESPONDER_VERDICTS,
        "errors": {},
        "form": None,  # the posted form, shown again with its errors
        "error_for": "",  # which form the errors belong to: "contain", "lift", "item"
        "error_id": None,  # the containment or item of that form
        **bundle_context(incident.bundle),
        **extra,
    }


@login_required
def incident_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    incident = _incident_or_404(request, pk)
    return render(request, "reviews/incidents/incident.html", _context(incident))


def _answer(
    request: AuthenticatedHtmxRequest,
    pk: int,
    *,
    notice: str = "",
    error: str = "",
    form: PageForm | None = None,
    error_for: str = "",
    error_id: int | None = None,
) -> HttpResponse:
    """The page's fragment for htmx (422 with the form's errors); otherwise back to the page."""
    errors = form.errors if form is not None else {}
    if not request.htmx:
        if form is not None and errors:
            error = form.error_text()
        return done(request, "incident", pk=pk, notice=notice, error=error)
    context = _context(
        _incident_or_404(request, pk),
        notice=notice,
        error=error,
        errors=errors,
        form=form,
        error_for=error_for,
        error_id=error_id,
    )
    return render(
        request, "reviews/incidents/_incident.html", context, status=422 if errors else 200
    )


@login_required
@require_POST
def transition(request: AuthenticatedHtmxRequest, pk: int) -> HttpResponse:
    incident = _incident_or_404(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return _answer(request, pk, form=form)
    to = form.cleaned_data["to"]
    try:
        incident_transition(
            incident=incident,
            to=to,
            note=form.cleaned_data["note"],
            actor=Actor.for_user(request.user),
        )
    except IncidentError as exc:
        if exc.code == "resolution_required":
            form.add_error("note", exc.message)
            return _answer(request, pk, form=form)
        return _answer(request, pk, error=exc.message)
    return _answer(request, pk, notice=f"Incident is {State(to).label.lower()}.")


@login_required
@require_POST
def update(request: AuthenticatedHtmxRequest, pk: int) -> HttpResponse:
    incident = _incident_or_404(request, pk)
    form = IncidentUpdateForm(request.POST)
    if not form.is_valid():
        return _answer(request, pk, form=form)
    data = form.cleaned_data
    owner = None
    if data["owner"] and data["owner"] != (incident.owner.username if incident.owner else ""):
        owner = incident_owner_candidate(incident=incident, username=data["owner"])
        if owner is None:
            form.add_error("owner", f"{data['owner']!r} is not a responder on this queue.")
            return _answer(request, pk, form=form)
    try:
        incident_update(
            incident=incident,
            actor=Actor.for_user(request.user),
            severity=data["severity"] or None,
            owner=owner,
            postmortem=data["postmortem"],  # None: not sent, kept as it is
        )
    except IncidentError as exc:
        return _answer(request, pk, error=exc.message)
    return _answer(request, pk, notice="Saved.")


@login_required
@require_POST
def note(request: AuthenticatedHtmxRequest, pk: int) -> HttpResponse:
    incident = _incident_or_404(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _answer(request, pk, form=form)
    try:
        incident_note(
            incident=incident, actor=Actor.for_user(request.user), text=form.cleaned_data["text"]
        )
    except IncidentError as exc:
        form.add_error("text", exc.message)
        return _answer(request, pk, form=form)
    return _answer(request, pk, notice="Note added.")


@login_required
@require_POST
def contain(request: AuthenticatedHtmxRequest, pk: int) -> HttpResponse:
    incident = _incident_or_404(request, pk)
    form = ContainForm(request.POST)
    if not form.is_valid():
        return _answer(request, pk, form=form, error_for="contain")
    tags = form.cleaned_data["slice"]
    try:
        incident_contain(
            incident=incident,
            actor=Actor.for_user(request.user),
            slice_tags=tags,
            reason=form.cleaned_data["reason"],
        )
    except ContainmentExists:
        return _answer(request, pk, error="That scope is already contained.")
    except IncidentError as exc:
        return _answer(request, pk, error=exc.message)
    scope = ", ".join(f"{k}={v}" for k, v in tags.items()) or "the whole queue"
    return _answer(request, pk, notice=f"Contained {scope}: no auto-approval, all held.")


@login_required
@require_POST
def lift(request: AuthenticatedHtmxRequest, pk: int, cid: int) -> HttpResponse:
    incident = _incident_or_404(request, pk)
    containment = get_object_or_404(Containment, pk=cid, queue_id=incident.queue_id)
    form = LiftForm(request.POST)
    if not form.is_valid():
        return _answer(request, pk, form=form, error_for="lift", error_id=cid)
    try:
        lifted = incident_lift(
            incident=incident,
            containment=containment,
            actor=Actor.for_user(request.user),
            note=form.cleaned_data["note"],
        )
    except IncidentError as exc:
        return _answer(request, pk, error=exc.message)
    if not lifted:
        return _answer(request, pk, error="This containment was already lifted.")
    return _answer(request, pk, notice="Containment lifted: auto-approval resumes.")


@login_required
@require_POST
def decide(request: AuthenticatedHtmxRequest, pk: int, item_id: int) -> HttpResponse:
    incident = _incident_or_404(request, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _answer(request, pk, form=form, error_for="item", error_id=item_id)
    try:
        incident_item_decide(
            incident=incident, item_id=item_id, reviewer=request.user, **form.cleaned_data
        )
    except IncidentError as exc:
        if exc.code == "item_not_found":
            raise Http404(exc.message) from None
        return _answer(request, pk, error=exc.message)
    except DecisionInvalid as exc:
        add_service_errors(form, exc.fields)
        return _answer(request, pk, form=form, error_for="item", error_id=item_id)
    except AssignmentError as exc:
        return _answer(request, pk, error=exc.message)
    return _answer(request, pk, notice=f"Item {item_id} decided: {form.cleaned_data['verdict']}.")
