"""Escalation tickets: the ladder Tier 1 → SME → incident (SPEC §2).

A ticket is opened in the transaction that moves its item up — a reviewer's escalate
verdict or a disagreement (services/decisions.py), or an SLA breach (services/sla.py).
It is owned by the target tier's role group, carries every verdict and rationale, and
gets an immutable evidence bundle built after commit by a Celery task
(`reviews.tasks.build_escalation_bundles`; the reconciler re-drives any ticket left
without one). Opening one also announces it: a signed `escalation.opened` webhook and an
email to the owner group, both only once the transaction commits.

A ticket is resolved when its item is decided at the tier it was escalated to (or by a
person, with a note); acknowledging it tells the others someone is on it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from audit.actions import AuditAction
from audit.services import Actor, Entry, audit_record, audit_record_many, target_of
from hitl.celery import task_named
from hitl.errors import ServiceError
from hitl.sql.bulk import bulk_insert
from reviews.choices import Tier
from reviews.escalation.models import Escalation
from reviews.intake.models import Item
from reviews.queues.permissions import Role
from reviews.queues.services.access import role_group
from webhooks.services import webhook_emit_many

Target = Escalation.Target

# Who owns a ticket to each tier.
OWNER_ROLES: dict[str, Role] = {
    Target.TIER1: Role.ANNOTATOR,
    Target.SME: Role.SME,
    Target.INCIDENT: Role.RESPONDER,
}


class EscalationError(ServiceError):
    """A ticket action that cannot be taken; `code` names why (the API's error code)."""

    kind = "conflict"

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code=code)


@dataclass(frozen=True)
class EscalationSpec:
    """One ticket to open: why `item` moves from `from_tier` to `to_tier`."""

    item: Item
    from_tier: str
    to_tier: str
    reason: str
    verdicts: list[dict[str, Any]] = field(default_factory=list)
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def next_tier(tier: str) -> str:
    """Where an item at `tier` escalates to."""
    return Target.SME if tier == Tier.TIER1 else Target.INCIDENT


def escalations_open(*, specs: Sequence[EscalationSpec], now: datetime) -> list[Escalation]:
    """Open the tickets inside the caller's transaction (which audits the move itself);
    the bundles, webhooks and emails follow on commit."""
    if not specs:
        return []
    groups = {tier: role_group(role) for tier, role in OWNER_ROLES.items()}
    tickets = []
    for spec in specs:
        policy = spec.item.policy
        due = (
            now + timedelta(seconds=policy.time_to_decision_s(Tier.SME))
            if spec.to_tier == Target.SME
            else None
        )
        tickets.append(
            Escalation(
                item=spec.item,
                queue_id=spec.item.queue_id,
                from_tier=spec.from_tier,
                to_tier=spec.to_tier,
                reason=spec.reason,
                note=spec.note,
                data={**spec.data, "verdicts": spec.verdicts},
                owner_group=groups[spec.to_tier],
                created_at=now,
                due_at=due,
            )
        )
    bulk_insert(tickets)
    _announce(tickets)
    return tickets


def escalation_open(*, spec: EscalationSpec, now: datetime) -> Escalation:
    return escalations_open(specs=[spec], now=now)[0]


def _announce(tickets: list[Escalation]) -> None:
    """Webhooks now (rows in this transaction), bundle task and emails on commit."""

    by_queue: dict[int, list[Escalation]] = defaultdict(list)
    for ticket in tickets:
        by_queue[ticket.queue_id].append(ticket)
    for queue_tickets in by_queue.values():
        queue = queue_tickets[0].item.queue
        webhook_emit_many(
            event="escalation.opened",
            queue=queue,
            data=[
                {
                    "escalation": t.pk,
                    "item": t.item_id,
                    "external_id": t.item.external_id,
                    "reason": t.reason,
                    "from_tier": t.from_tier,
                    "to_tier": t.to_tier,
                }
                for t in queue_tickets
            ],
        )
        for group_id in {t.owner_group_id for t in queue_tickets}:
            mine = [t for t in queue_tickets if t.owner_group_id == group_id]
            task_named("reviews.tasks.notify_group").delay_on_commit(
                group_id,
                f"[hitl] {len(mine)} new escalation(s) in {queue.slug}",
                "\n".join(
                    f"Escalation {t.pk}: item {t.item.external_id} {t.from_tier} → {t.to_tier} "
                    f"({t.get_reason_display()})"
                    for t in mine
                ),
            )
    task_named("reviews.tasks.build_escalation_bundles").delay_on_commit([t.pk for t in tickets])


def item_move_up(item: Item, *, to_tier: str, now: datetime) -> list[str]:
    """Escalate the item (in memory) to `to_tier`; the states it passed through.

    To the SME tier it is queued there with fresh SLA clocks and k votes to gather; to an
    incident it leaves the review tiers and waits for a responder's decision.
    """
    states = []
    if item.state != Item.State.ESCALATED:
        item.transition(to=Item.State.ESCALATED)
        states.append(Item.State.ESCALATED.value)
    item.votes_in = 0
    item.leases_active = 0
    if to_tier == Target.SME:
        item.transition(to=Item.State.QUEUED)
        item.start_clock(tier=Tier.SME, now=now)
        item.votes_needed = item.policy.consensus_reviewers
    else:
        item.transition(to=Item.State.INCIDENT)
        item.tier = Tier.INCIDENT
        item.votes_needed = 1  # one responder decides
        item.stop_clock()
    states.append(item.state)
    return states


# Item columns item_move_up may change, for the callers' saves.
MOVE_UP_FIELDS = (
    "state", "tier", "enqueued_at", "due_at", "human_due_at", "claimed_at", "breach_at",
    "votes_needed", "votes_in", "leases_active",
)  # fmt: skip


def _locked(escalation: Escalation) -> Escalation:
    return Escalation.objects.select_for_update().select_related("queue").get(pk=escalation.pk)


@transaction.atomic
def escalation_acknowledge(*, escalation: Escalation, actor: Actor) -> Escalation:
    """Say someone is on it. Acknowledging twice is refused (409), as is a resolved one."""
    ticket = _locked(escalation)
    if ticket.state != Escalation.State.OPEN:
        raise EscalationError("not_open", f"Escalation {ticket.pk} is {ticket.state}.")
    ticket.state = Escalation.State.ACKNOWLEDGED
    ticket.acknowledged_at = timezone.now()
    ticket.acknowledged_by = actor.label
    ticket.save(update_fields=["state", "acknowledged_at", "acknowledged_by"])
    audit_record(
        action=AuditAction.ESCALATION_ACKNOWLEDGED,
        actor=actor,
        target=ticket,
        data={"item": ticket.item_id, "queue": ticket.queue.slug},
    )
    return ticket


@transaction.atomic
def escalation_resolve(*, escalation: Escalation, actor: Actor, resolution: str) -> Escalation:
    """Close the ticket by hand, with a note (e.g. the item was settled elsewhere)."""
    if not resolution.strip():
        raise EscalationError("resolution_required", "Say how the escalation was resolved.")
    ticket = _locked(escalation)
    if ticket.state == Escalation.State.RESOLVED:
        raise EscalationError("already_resolved", f"Escalation {ticket.pk} is already resolved.")
    entry = _resolve(ticket, actor=actor, resolution=resolution, now=timezone.now())
    audit_record_many(actor=actor, entries=[entry])
    return ticket


def _resolve(ticket: Escalation, *, actor: Actor, resolution: str, now: datetime) -> Entry:
    ticket.state = Escalation.State.RESOLVED
    ticket.resolved_at = now
    ticket.resolved_by = actor.label
    ticket.resolution = resolution
    ticket.save(update_fields=["state", "resolved_at", "resolved_by", "resolution"])
    return Entry(
        AuditAction.ESCALATION_RESOLVED,
        *target_of(ticket),
        {"item": ticket.item_id, "resolution": resolution},
    )


def escalations_settle(
    *, item: Item, tier: str, actor: Actor, outcome: str, now: datetime
) -> list[Entry]:
    """Resolve the item's open tickets to `tier` now that `tier` decided it; their audit
    entries, for the caller to append with the decision's."""
    open_tickets = Escalation.objects.select_for_update().filter(
        item=item, to_tier=tier, state__in=[Escalation.State.OPEN, Escalation.State.ACKNOWLEDGED]
    )
    return [
        _resolve(ticket, actor=actor, resolution=f"Decided at the {tier} tier: {outcome}.", now=now)
        for ticket in open_tickets
    ]
