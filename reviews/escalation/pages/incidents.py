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
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.request_types import AuthenticatedHtmxRequest, AuthenticatedHttpRequest
from audit.services import Actor
from hitl.pages import done, posted
from reviews.escalation.models import Incident
from reviews.escalation.pages import bundle_context
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
from reviews.queues.selectors import queues_for
from reviews.queues.services.queues import ContainmentExists
from reviews.work.models import Decision
from reviews.work.services.claims import AssignmentError
from reviews.work.services.decisions import DecisionInvalid, incident_item_decide

State = Incident.State
RESOLVED_SHOWN = 20  # the board shows the latest resolved incidents, not all of them
# A responder decides; escalating is not possible from the last tier.
RESPONDER_VERDICTS = [
    (value, label) for value, label in Decision.Verdict.choices if value != "escalate"
]


class FormErrors(Exception):
    """A form that cannot be sent to its service: field → messages."""

    def __init__(self, fields: dict[str, list[str]]) -> None:
        super().__init__(fields)
        self.fields = fields


@login_required
def board(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Unresolved incidents by state, and the latest resolved ones."""
    queues = list(queues_for(user=request.user, perms=INCIDENT_PERMS).order_by("slug"))
    if not queues:
        raise Http404("No such page.")
    form = {name: request.GET.get(name, "") for name in ("queue", "severity")}
    incidents = incidents_visible_to(user=request.user)
    if form["queue"] in {q.slug for q in queues}:
        incidents = incidents.filter(queue__slug=form["queue"])
    if form["severity"] in Incident.Severity.values:
        incidents = incidents.filter(severity=form["severity"])
    unresolved = list(incidents.exclude(state=State.RESOLVED).order_by("severity", "opened_at"))
    resolved = list(
        incidents.filter(state=State.RESOLVED).order_by("-resolved_at")[:RESOLVED_SHOWN]
    )
    columns = [
        (value, label, [i for i in unresolved if i.state == value])
        for value, label in State.choices
        if value != State.RESOLVED
    ] + [(State.RESOLVED.value, f"{State.RESOLVED.label} (latest)", resolved)]
    context = {
        "columns": columns,
        "queues": queues,
        "severities": Incident.Severity.choices,
        "form": form,
        "now": timezone.now(),
    }
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
        "items": [(item, item.state == "incident" and item.tier == "incident") for item in items],
        "containments": list(incident.containments.order_by("-active", "set_at", "pk")),
        "transitions": [
            (value, label)
            for value, label in State.choices
            if value in Incident.TRANSITIONS[incident.state]
        ],
        "severities": Incident.Severity.choices,
        "verdicts": RESPONDER_VERDICTS,
        "errors": {},
        "form": {},
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
    errors: dict[str, list[str]] | None = None,
    form: dict[str, str] | None = None,
    error_for: str = "",
    error_id: int | None = None,
) -> HttpResponse:
    """The page's fragment for htmx (422 with form errors); otherwise back to the page."""
    if not request.htmx:
        if errors:
            error = "; ".join(m for ms in errors.values() for m in ms)
        return done(request, "incident", pk=pk, notice=notice, error=error)
    context = _context(
        _incident_or_404(request, pk),
        notice=notice,
        error=error,
        errors=errors or {},
        form=form or {},
        error_for=error_for,
        error_id=error_id,
    )
    return render(
        request, "reviews/incidents/_incident.html", context, status=422 if errors else 200
    )


def _post(request: HttpRequest, *names: str) -> dict[str, str]:
    return posted(request, *names)


@login_required
@require_POST
def transition(request: AuthenticatedHtmxRequest, pk: int) -> HttpResponse:
    incident = _incident_or_404(request, pk)
    form = _post(request, "to", "note")
    if form["to"] not in State.values:
        return _answer(request, pk, errors={"to": ["Choose a state."]}, form=form)
    try:
        incident_transition(
            incident=incident, to=form["to"], note=form["note"], actor=Actor.for_user(request.user)
        )
    except IncidentError as exc:
        if exc.code == "resolution_required":
            return _answer(request, pk, errors={"note": [exc.message]}, form=form)
        return _answer(request, pk, error=exc.message)
    return _answer(request, pk, notice=f"Incident is {State(form['to']).label.lower()}.")


@login_required
@require_POST
def update(request: AuthenticatedHtmxRequest, pk: int) -> HttpResponse:
    incident = _incident_or_404(request, pk)
    form = _post(request, "severity", "owner")
    # Absent from the form: kept as it is (it is not stripped: it may be laid out).
    form["postmortem"] = (
        posted(request, "postmortem", strip=False)["postmortem"]
        if "postmortem" in request.POST
        else incident.postmortem
    )
    errors: dict[str, list[str]] = {}
    if form["severity"] and form["severity"] not in Incident.Severity.values:
        errors["severity"] = ["Choose a severity."]
    owner = None
    if form["owner"] and form["owner"] != (incident.owner.username if incident.owner else ""):
        owner = incident_owner_candidate(incident=incident, username=form["owner"])
        if owner is None:
            errors["owner"] = [f"{form['owner']!r} is not a responder on this queue."]
    if errors:
        return _answer(request, pk, errors=errors, form=form)
    try:
        incident_update(
            incident=incident,
            actor=Actor.for_user(request.user),
            severity=form["severity"] or None,
            owner=owner,
            postmortem=form["postmortem"],
        )
    except IncidentError as exc:
        return _answer(request, pk, error=exc.message)
    return _answer(request, pk, notice="Saved.")


@login_required
@require_POST
def note(request: AuthenticatedHtmxRequest, pk: int) -> HttpResponse:
    incident = _incident_or_404(request, pk)
    form = _post(request, "text")
    try:
        incident_note(incident=incident, actor=Actor.for_user(request.user), text=form["text"])
    except IncidentError as exc:
        return _answer(request, pk, errors={"text": [exc.message]}, form=form)
    return _answer(request, pk, notice="Note added.")


def parse_slice(text: str) -> dict[str, str]:
    """Slice tags typed as `region=EU, product=mortgage` (commas or new lines)."""
    tags: dict[str, str] = {}
    for part in text.replace("\n", ",").split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or len(key.strip()) > 64 or len(value.strip()) > 128:
            raise FormErrors({"slice": [f"Write tags as key=value, not {part.strip()!r}."]})
        tags[key.strip()] = value.strip()
    return tags


@login_required
@require_POST
def contain(request: AuthenticatedHtmxRequest, pk: int) -> HttpResponse:
    incident = _incident_or_404(request, pk)
    form = _post(request, "reason", "slice")
    try:
        if not form["reason"]:
            raise FormErrors({"reason": ["Say why auto-approval must stop."]})
        tags = parse_slice(form["slice"])
        incident_contain(
            incident=incident,
            actor=Actor.for_user(request.user),
            slice_tags=tags,
            reason=form["reason"],
        )
    except FormErrors as exc:
        return _answer(request, pk, errors=exc.fields, form=form, error_for="contain")
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
    form = _post(request, "note")
    if not form["note"]:
        errors = {"note": ["Say why the containment can be lifted."]}
        return _answer(request, pk, errors=errors, form=form, error_for="lift", error_id=cid)
    try:
        lifted = incident_lift(
            incident=incident,
            containment=containment,
            actor=Actor.for_user(request.user),
            note=form["note"],
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
    form = _post(request, "verdict", "label", "rationale", "reason_code")
    try:
        incident_item_decide(incident=incident, item_id=item_id, reviewer=request.user, **form)
    except IncidentError as exc:
        if exc.code == "item_not_found":
            raise Http404(exc.message) from None
        return _answer(request, pk, error=exc.message)
    except DecisionInvalid as exc:
        return _answer(
            request, pk, errors=exc.fields, form=form, error_for="item", error_id=item_id
        )
    except AssignmentError as exc:
        return _answer(request, pk, error=exc.message)
    return _answer(request, pk, notice=f"Item {item_id} decided: {form['verdict']}.")
