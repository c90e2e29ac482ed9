"""Escalation tickets and incidents through their services: the ladder Tier 1 → SME →
incident, ticket acknowledgement and resolution, incident states, containment from an
incident, and responders deciding its items."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import Actor, audit_verify
from reviews.escalation.models import Escalation, Incident, IncidentEvent
from reviews.escalation.services.escalations import (
    EscalationError,
    escalation_acknowledge,
    escalation_resolve,
)
from reviews.escalation.services.incidents import (
    IncidentError,
    incident_contain,
    incident_lift,
    incident_note,
    incident_transition,
    incident_update,
)
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from reviews.tasks import notify_group
from reviews.work.services.claims import AssignmentError, assignment_claim
from reviews.work.services.decisions import assignment_decide, incident_item_decide
from tests.concurrency import run_together
from tests.factories import ingest, make_queue
from tests.reviews.reviewing import RATIONALE, reviewer

pytestmark = pytest.mark.django_db

ESCALATE = {"verdict": "escalate", **RATIONALE}


def work(person: User, queue: Queue, **verdict: Any) -> Item:
    """The person claims their tier's next item and gives the verdict; the item after."""
    assignment = assignment_claim(queue=queue, reviewer=person)
    assert assignment is not None
    assignment_decide(assignment_id=assignment.pk, reviewer=person, **verdict)
    return Item.objects.get(pk=assignment.item_id)


def to_incident(queue: Queue, sme: User) -> Item:
    """An item routed straight to SMEs, escalated by the SME: it goes to an incident."""
    ingest(queue, output={"label": "approve", "confidence": 0.1})
    return work(sme, queue, **ESCALATE)


@pytest.fixture
def responder_user(queue: Queue) -> User:
    return reviewer("resp-1", queue, Role.RESPONDER)


def test_a_tier1_escalation_opens_a_ticket_owned_by_smes_with_the_sme_deadline(
    queue: Queue, annotator: User
) -> None:
    ingest(queue)
    before = timezone.now()

    item = work(annotator, queue, **ESCALATE)

    ticket = Escalation.objects.get(item=item)
    assert (ticket.state, ticket.queue_id, ticket.owner_group.name) == ("open", queue.pk, "smes")
    sme_sla = timedelta(seconds=item.policy.sme_time_to_decision_s)
    assert before + sme_sla <= ticket.due_at <= timezone.now() + sme_sla
    assert ticket.data["verdicts"][0]["rationale"] == RATIONALE["rationale"]
    # The item waits at the SME tier with its SLA clocks started afresh.
    assert (item.state, item.tier, item.claimed_at) == ("queued", "sme", None)
    assert item.breach_at == item.human_due_at


def test_acknowledging_then_resolving_a_ticket_is_audited_and_cannot_repeat(
    queue: Queue, annotator: User, sme: User
) -> None:
    ingest(queue)
    ticket = Escalation.objects.get(item=work(annotator, queue, **ESCALATE))
    actor = Actor.for_user(sme)

    escalation_acknowledge(escalation=ticket, actor=actor)
    with pytest.raises(EscalationError) as again:
        escalation_acknowledge(escalation=ticket, actor=actor)
    with pytest.raises(EscalationError) as blank:
        escalation_resolve(escalation=ticket, actor=actor, resolution="  ")
    escalation_resolve(escalation=ticket, actor=actor, resolution="Settled by phone.")
    with pytest.raises(EscalationError) as twice:
        escalation_resolve(escalation=ticket, actor=actor, resolution="Again.")

    ticket.refresh_from_db()
    assert (ticket.state, ticket.acknowledged_by, ticket.resolved_by) == (
        "resolved",
        sme.username,
        sme.username,
    )
    assert (again.value.code, blank.value.code, twice.value.code) == (
        "not_open",
        "resolution_required",
        "already_resolved",
    )
    actions = list(
        AuditEvent.objects.filter(target_type="reviews.escalation").values_list("action", flat=True)
    )
    assert actions == [AuditAction.ESCALATION_ACKNOWLEDGED, AuditAction.ESCALATION_RESOLVED]
    assert audit_verify().ok


def test_the_sme_decision_resolves_the_ticket_and_releases_the_output(
    queue: Queue, annotator: User, sme: User
) -> None:
    ingest(queue)
    ticket = Escalation.objects.get(item=work(annotator, queue, **ESCALATE))

    item = work(sme, queue, verdict="override", label="deny", **RATIONALE)

    ticket.refresh_from_db()
    assert (item.state, item.outcome, item.release, item.breach_at) == (
        "decided",
        "corrected",
        "released",
        None,
    )
    assert ticket.state == "resolved"
    assert "corrected" in ticket.resolution


def test_sme_escalations_of_one_queue_join_one_incident_until_it_is_resolved(
    queue: Queue, sme: User, responder_user: User
) -> None:
    first = to_incident(queue, sme)
    second = to_incident(queue, sme)

    incident = Incident.objects.get()
    assert set(incident.items.all()) == {first, second}
    assert list(incident.events.values_list("kind", flat=True)) == ["opened", "joined"]
    assert incident.owner_group.name == "incident-responders"
    assert Escalation.objects.filter(incident=incident, to_tier="incident").count() == 2

    incident_transition(
        incident=incident, to="resolved", actor=Actor.for_user(responder_user), note="Fixed."
    )
    third = to_incident(queue, sme)

    assert Incident.objects.count() == 2
    assert list(Incident.objects.get(items=third).items.all()) == [third]
    assert audit_verify().ok


def test_incident_states_move_forward_only_and_resolving_needs_a_note(
    queue: Queue, sme: User, responder_user: User
) -> None:
    to_incident(queue, sme)
    incident = Incident.objects.get()
    actor = Actor.for_user(responder_user)

    incident_transition(incident=incident, to="acknowledged", actor=actor)
    with pytest.raises(IncidentError) as backwards:
        incident_transition(incident=incident, to="open", actor=actor)
    with pytest.raises(IncidentError) as silent:
        incident_transition(incident=incident, to="resolved", actor=actor)
    incident_transition(incident=incident, to="resolved", actor=actor, note="Model rolled back.")

    incident.refresh_from_db()
    assert (incident.state, incident.owner, incident.resolution) == (
        "resolved",
        responder_user,  # acknowledging took ownership
        "Model rolled back.",
    )
    assert (backwards.value.code, silent.value.code) == (
        "invalid_transition",
        "resolution_required",
    )
    timeline = [(e.kind, e.data.get("to")) for e in incident.events.all()]
    assert timeline == [("opened", None), ("state", "acknowledged"), ("state", "resolved")]


def test_severity_owner_postmortem_and_notes_land_on_the_timeline(
    queue: Queue, sme: User, responder_user: User
) -> None:
    to_incident(queue, sme)
    incident = Incident.objects.get()
    actor = Actor.for_user(responder_user)

    incident_update(
        incident=incident, actor=actor, severity="sev1", owner=sme, postmortem="Root cause: …"
    )
    incident_note(incident=incident, actor=actor, text="Paged the model owners.")
    with pytest.raises(IncidentError):
        incident_update(incident=incident, actor=actor, severity="sev9")

    incident.refresh_from_db()
    assert (incident.severity, incident.owner, incident.postmortem) == (
        "sev1",
        sme,
        "Root cause: …",
    )
    kinds = list(incident.events.values_list("kind", flat=True))
    assert kinds == ["opened", "severity", "owner", "note", "note"]


def test_containment_from_an_incident_stops_auto_approval_until_lifted(
    queue: Queue, sme: User, responder_user: User
) -> None:
    to_incident(queue, sme)
    incident = Incident.objects.get()
    actor = Actor.for_user(responder_user)

    containment = incident_contain(
        incident=incident, actor=actor, slice_tags={}, reason="Override rate doubled."
    )
    contained = ingest(queue, output={"label": "approve", "confidence": 0.99})
    lifted = incident_lift(incident=incident, containment=containment, actor=actor, note="Fixed.")
    free = ingest(queue, output={"label": "approve", "confidence": 0.99})

    incident.refresh_from_db()
    assert incident.state == "contained"
    assert containment.incident_id == incident.pk
    assert (contained.route, contained.release) == ("tier1", "held")
    assert lifted
    assert (free.route, free.release) == ("auto_approved", "released")
    kinds = list(incident.events.values_list("kind", flat=True))
    assert kinds == ["opened", "contained", "state", "lifted"]


def test_a_responder_decides_an_incident_item_and_nobody_can_escalate_higher(
    queue: Queue, sme: User, responder_user: User, other_queue: Queue
) -> None:
    item = to_incident(queue, sme)
    incident = Incident.objects.get()
    assert (item.state, item.tier, item.votes_needed) == ("incident", "incident", 1)

    with pytest.raises(AssignmentError) as higher:
        incident_item_decide(
            incident=incident, item_id=item.pk, reviewer=responder_user, **ESCALATE
        )
    stranger = ingest(other_queue)
    with pytest.raises(IncidentError) as elsewhere:
        incident_item_decide(
            incident=incident, item_id=stranger.pk, reviewer=responder_user, verdict="approve"
        )
    decision = incident_item_decide(
        incident=incident,
        item_id=item.pk,
        reviewer=responder_user,
        verdict="reject",
        **RATIONALE,
    )

    item.refresh_from_db()
    assert (higher.value.code, elsewhere.value.code) == ("cannot_escalate", "item_not_found")
    assert (decision.tier, item.state, item.outcome, item.release) == (
        "incident",
        "decided",
        "rejected",
        "released",
    )
    ticket = Escalation.objects.get(item=item, to_tier="incident")
    assert ticket.state == "resolved"
    assert incident.events.filter(kind=IncidentEvent.Kind.DECIDED).count() == 1
    assert audit_verify().ok


def test_owner_groups_are_emailed_without_inputs(
    queue: Queue, annotator: User, sme: User, mailoutbox: list[Any]
) -> None:
    sme.email = "sme@example.org"
    sme.save(update_fields=["email"])
    ingest(queue, input={"text": "secret customer words"})
    ticket = Escalation.objects.get(item=work(annotator, queue, **ESCALATE))

    sent = notify_group(ticket.owner_group_id, "[hitl] 1 new escalation", f"Escalation {ticket.pk}")

    assert sent == 1
    assert mailoutbox[0].to == ["sme@example.org"]
    assert "secret customer words" not in mailoutbox[0].body


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_sme_escalations_open_exactly_one_incident() -> None:
    queue = make_queue("incident-race", sme_below=0.5)
    smes = [reviewer(f"race-sme-{i}", queue, Role.SME) for i in range(16)]
    for _ in smes:
        ingest(queue, output={"label": "approve", "confidence": 0.1})
    leases = [assignment_claim(queue=queue, reviewer=person) for person in smes]
    assert all(leases)

    def escalate(index: int) -> None:
        lease = leases[index]
        assert lease is not None
        assignment_decide(assignment_id=lease.pk, reviewer=smes[index], **ESCALATE)

    run_together(len(smes), escalate)

    incident = Incident.objects.get()
    assert incident.items.count() == len(smes)
    assert Item.objects.filter(state="incident").count() == len(smes)
    assert incident.events.filter(kind="opened").count() == 1
    assert incident.events.filter(kind="joined").count() == len(smes) - 1
    assert audit_verify().ok
