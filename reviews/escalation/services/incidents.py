"""Incidents: opened by SME escalations, SME SLA breaches and (later) alert rules (SPEC §2).

One queue has at most one unresolved incident at a time: a new escalation to incident
response joins it rather than opening another, so responders see one timeline per
problem. Open-or-join takes the queue row's NO KEY UPDATE lock first, so two
escalations at once never open two incidents.

States move forward only: open → acknowledged → contained → resolved (skipping is
allowed). Every action appends a line to the incident's timeline and an audit event, and
announces `incident.opened` / `incident.changed` by webhook after commit. Containment
from an incident is the queue's containment switch (services/queues.py) linked back to it.
Items in an incident are decided by a responder here (`incident_item_decide`), through
the same lease-and-verdict path as every other tier.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, ClassVar

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.actions import AuditAction
from audit.services import Actor, Entry, audit_record_many, target_of
from hitl.celery import task_named
from hitl.errors import Kind, ServiceError
from reviews.escalation.models import Escalation, Incident, IncidentEvent
from reviews.intake.models import Item
from reviews.queues.models import Containment, Queue
from reviews.queues.permissions import Role
from reviews.queues.services.access import role_group
from reviews.queues.services.queues import containment_lift, containment_set
from webhooks.services import webhook_emit

State = Incident.State


class IncidentError(ServiceError):
    """An incident action that cannot be taken; `code` names why (the API's error code)."""

    kind: ClassVar[Kind] = "conflict"

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code=code)


class IncidentItemNotFound(IncidentError):
    """The item is not one of the incident's (or does not exist): the same answer for both."""

    kind = "not_found"

    def __init__(self) -> None:
        super().__init__("item_not_found", "No such item in this incident.")


def incident_event(
    incident: Incident,
    *,
    actor: Actor,
    kind: str,
    text: str = "",
    data: dict[str, Any] | None = None,
    now: datetime,
) -> None:
    """One line of the incident's timeline, in the caller's transaction."""
    IncidentEvent.objects.create(
        incident=incident, at=now, actor=actor.label, kind=kind, text=text, data=data or {}
    )


def _announce(incident: Incident, event: str, change: dict[str, Any]) -> None:
    webhook_emit(
        event=event,
        queue=incident.queue,
        data={
            "incident": incident.pk,
            "state": incident.state,
            "severity": incident.severity,
            **change,
        },
    )


def incident_open_or_join(
    *,
    queue: Queue,
    items: Sequence[Item],
    escalations: Sequence[Escalation],
    actor: Actor,
    reason: str,
    now: datetime | None = None,
    severity: str = Incident.Severity.SEV3,
) -> tuple[Incident, bool]:
    """The queue's unresolved incident with these items and tickets linked to it,
    opened now if there is none; (incident, opened). Runs in the caller's transaction.

    1. Lock the queue row (no key): two sweeps that both find no incident open one.
    2. Join the unresolved incident, or open one with its `opened` timeline event.
    3. Link the items and tickets; a join gets its own `joined` event.
    4. Audit and announce; an opened incident gets its bundle built and its owners told,
       on commit.
    """
    now = now or timezone.now()
    Queue.objects.select_for_update(no_key=True).get(pk=queue.pk)
    incident = (
        Incident.objects.filter(queue=queue)
        .exclude(state=State.RESOLVED)
        .order_by("opened_at")
        .first()
    )
    opened = incident is None
    if incident is None:
        incident = _open(queue=queue, actor=actor, reason=reason, severity=severity, now=now)
    if items:
        incident.items.add(*items)
    if escalations:
        Escalation.objects.filter(pk__in=[e.pk for e in escalations]).update(incident=incident)
    linked = {"items": [i.pk for i in items], "escalations": [e.pk for e in escalations]}
    if not opened:
        incident_event(
            incident, actor=actor, kind=IncidentEvent.Kind.JOINED, text=reason, data=linked, now=now
        )
    audit_record_many(
        actor=actor,
        entries=[
            Entry(
                AuditAction.INCIDENT_OPENED if opened else AuditAction.INCIDENT_JOINED,
                *target_of(incident),
                {"queue": queue.slug, "reason": reason, "severity": incident.severity, **linked},
            )
        ],
    )
    _announce(
        incident, "incident.opened" if opened else "incident.changed", {"reason": reason, **linked}
    )
    if opened:
        _follow_up_opened(incident, reason=reason, items=items)
    return incident, opened


def _open(*, queue: Queue, actor: Actor, reason: str, severity: str, now: datetime) -> Incident:
    """A new incident of the queue, owned by the responders, with its `opened` event."""
    incident = Incident.objects.create(
        queue=queue,
        title=f"{queue.name}: {reason}"[:200],
        severity=severity,
        owner_group=role_group(Role.RESPONDER),
        opened_at=now,
        opened_by=actor.label,
    )
    incident.queue = queue
    incident_event(incident, actor=actor, kind=IncidentEvent.Kind.OPENED, text=reason, now=now)
    return incident


def _follow_up_opened(incident: Incident, *, reason: str, items: Sequence[Item]) -> None:
    """On commit: build the incident's evidence bundle and tell its owners."""
    task_named("reviews.tasks.build_incident_bundle").delay_on_commit(incident.pk)
    task_named("reviews.tasks.notify_group").delay_on_commit(
        incident.owner_group_id,
        f"[hitl] Incident {incident.pk} opened on {incident.queue.slug} "
        f"({incident.get_severity_display()})",
        f"{reason}\nItems: {', '.join(str(i.pk) for i in items) or 'none'}",
    )


def _locked(incident: Incident) -> Incident:
    return Incident.objects.select_for_update().select_related("queue").get(pk=incident.pk)


@transaction.atomic
def incident_transition(*, incident: Incident, to: str, actor: Actor, note: str = "") -> Incident:
    """Move the incident forward; resolving needs a resolution note."""
    incident = _locked(incident)
    if to not in Incident.TRANSITIONS[incident.state]:
        raise IncidentError(
            "invalid_transition",
            f"Incident {incident.pk} is {incident.state}; it cannot become {to}.",
        )
    if to == State.RESOLVED and not (note.strip() or incident.resolution.strip()):
        raise IncidentError("resolution_required", "Say how the incident was resolved.")
    now = timezone.now()
    was = incident.state
    incident.state = to
    stamps: dict[str, str] = {
        State.ACKNOWLEDGED: "acknowledged_at",
        State.CONTAINED: "contained_at",
        State.RESOLVED: "resolved_at",
    }
    stamp = stamps[to]
    setattr(incident, stamp, now)
    fields = ["state", stamp]
    if to == State.ACKNOWLEDGED and incident.owner_id is None and actor.kind == "user":
        incident.owner_id = int(actor.id)  # whoever acknowledges owns it unless assigned
        fields.append("owner")
    if to == State.RESOLVED and note.strip():
        incident.resolution = note
        fields.append("resolution")
    incident.save(update_fields=fields)
    incident_event(
        incident,
        actor=actor,
        kind=IncidentEvent.Kind.STATE,
        text=note,
        data={"from": was, "to": to},
        now=now,
    )
    audit_record_many(
        actor=actor,
        entries=[
            Entry(
                AuditAction.INCIDENT_STATE_CHANGED,
                *target_of(incident),
                {"from": was, "to": to, "note": note},
            )
        ],
    )
    _announce(incident, "incident.changed", {"from": was, "to": to})
    return incident


@transaction.atomic
def incident_update(
    *,
    incident: Incident,
    actor: Actor,
    severity: str | None = None,
    owner: User | None = None,
    postmortem: str | None = None,
) -> Incident:
    """Change severity, owner or the postmortem notes; each change is on the timeline."""
    incident = _locked(incident)
    now = timezone.now()
    changes: dict[str, Any] = {}
    if severity is not None and severity != incident.severity:
        if severity not in Incident.Severity.values:
            raise IncidentError(
                "invalid_severity",
                f"Severity must be one of {', '.join(Incident.Severity.values)}.",
            )
        changes["severity"] = {"from": incident.severity, "to": severity}
        incident.severity = severity
        incident_event(
            incident,
            actor=actor,
            kind=IncidentEvent.Kind.SEVERITY,
            data=changes["severity"],
            now=now,
        )
    if owner is not None and owner.pk != incident.owner_id:
        changes["owner"] = {"from": incident.owner_id, "to": owner.pk}
        incident.owner = owner
        incident_event(
            incident, actor=actor, kind=IncidentEvent.Kind.OWNER, text=owner.username, now=now
        )
    if postmortem is not None and postmortem != incident.postmortem:
        changes["postmortem"] = True
        incident.postmortem = postmortem
        incident_event(
            incident,
            actor=actor,
            kind=IncidentEvent.Kind.NOTE,
            text="Postmortem notes updated.",
            now=now,
        )
    if not changes:
        return incident
    incident.save(update_fields=["severity", "owner", "postmortem"])
    audit_record_many(
        actor=actor, entries=[Entry(AuditAction.INCIDENT_UPDATED, *target_of(incident), changes)]
    )
    _announce(incident, "incident.changed", {"changes": sorted(changes)})
    return incident


@transaction.atomic
def incident_note(*, incident: Incident, actor: Actor, text: str) -> IncidentEvent:
    if not text.strip():
        raise IncidentError("note_required", "A note needs text.")
    incident = _locked(incident)
    now = timezone.now()
    event = IncidentEvent.objects.create(
        incident=incident, at=now, actor=actor.label, kind=IncidentEvent.Kind.NOTE, text=text
    )
    audit_record_many(
        actor=actor,
        entries=[Entry(AuditAction.INCIDENT_NOTE_ADDED, *target_of(incident), {"text": text})],
    )
    return event


@transaction.atomic
def incident_contain(
    *, incident: Incident, actor: Actor, slice_tags: dict[str, str], reason: str
) -> Containment:
    """Stop auto-approval on the incident's queue (or one slice of it), linked to the
    incident; an open or acknowledged incident becomes contained."""
    incident = _locked(incident)
    if incident.state == State.RESOLVED:
        raise IncidentError("incident_resolved", f"Incident {incident.pk} is resolved.")
    containment = containment_set(
        queue=incident.queue, slice_tags=slice_tags, reason=reason, actor=actor, incident=incident
    )
    now = timezone.now()
    incident_event(
        incident,
        actor=actor,
        kind=IncidentEvent.Kind.CONTAINED,
        text=reason,
        data={"containment": containment.pk, "slice": slice_tags},
        now=now,
    )
    if State.CONTAINED in Incident.TRANSITIONS[incident.state]:
        incident_transition(incident=incident, to=State.CONTAINED, actor=actor, note=reason)
    else:
        _announce(incident, "incident.changed", {"containment": containment.pk})
    return containment


@transaction.atomic
def incident_lift(*, incident: Incident, containment: Containment, actor: Actor, note: str) -> bool:
    """Lift one of the incident's containment switches; False if already lifted."""
    incident = _locked(incident)
    if containment.incident_id != incident.pk:
        raise IncidentError("not_this_incident", "That containment belongs to another incident.")
    lifted = containment_lift(containment=containment, note=note, actor=actor)
    if lifted:
        incident_event(
            incident,
            actor=actor,
            kind=IncidentEvent.Kind.LIFTED,
            text=note,
            data={"containment": containment.pk},
            now=timezone.now(),
        )
        _announce(incident, "incident.changed", {"lifted": containment.pk})
    return lifted
