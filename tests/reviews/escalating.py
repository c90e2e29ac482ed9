"""Helpers for the escalation and incident tests: tickets and incidents opened through the
real services (a reviewer's escalate verdict), bundles built as the worker would."""

from __future__ import annotations

from typing import Any

from accounts.models import User
from reviews.escalation.models import Escalation, Incident
from reviews.escalation.services.evidence import escalation_bundle_build, incident_bundle_build
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.queues.selectors import queue_access
from reviews.work.services.claims import TIER_PERMS, assignment_claim_item
from reviews.work.services.decisions import assignment_decide
from tests.factories import ingest
from tests.reviews.reviewing import RATIONALE


def escalate(item: Item, by: User) -> Escalation:
    """`by` leases this very item at the tier it waits at and escalates it."""
    access = queue_access(user=by, slug=item.queue.slug, perms=TIER_PERMS.values())
    assignment = assignment_claim_item(access=access, item_id=item.pk)
    assignment_decide(assignment_id=assignment.pk, reviewer=by, verdict="escalate", **RATIONALE)
    return Escalation.objects.filter(item=item).latest("pk")


def sme_ticket(queue: Queue, annotator: User, *, bundle: bool = True, **item: Any) -> Escalation:
    """A Tier 1 → SME ticket (reason "reviewer"), with its evidence bundle unless told."""
    body = {"output": {"label": "approve", "confidence": 0.7}, **item}
    ticket = escalate(ingest(queue, **body), annotator)
    if bundle:
        escalation_bundle_build(escalation_id=ticket.pk)
        ticket.refresh_from_db()
    return ticket


def opened_incident(queue: Queue, sme: User, **item: Any) -> tuple[Incident, Item]:
    """An incident opened by an SME's escalation of an item routed straight to SMEs, with
    its bundle; the item waits for a responder."""
    body = {"output": {"label": "approve", "confidence": 0.1}, **item}
    ticket = escalate(ingest(queue, **body), sme)
    assert ticket.incident_id is not None
    incident_bundle_build(incident_id=ticket.incident_id)
    escalation_bundle_build(escalation_id=ticket.pk)
    return Incident.objects.get(pk=ticket.incident_id), Item.objects.get(pk=ticket.item_id)
