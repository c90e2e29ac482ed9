"""Verdicts on leases, and consensus over them (SPEC §2 Decision, Consensus).

Counting: each item carries, for its current tier, votes_needed (the policy's k),
votes_in (verdicts recorded) and leases_active (leases out). A claim adds a lease, a
verdict turns a lease into a vote, a release or expiry drops a lease. When votes_in
reaches k the item's policy rule settles it, in the same transaction as the k-th
verdict, under the item's row lock — so consensus runs exactly once per tier.

The rules over the k verdicts are in services/consensus.py.

Escalation opens an Escalation ticket carrying every verdict and rationale
(services/escalations.py): from Tier 1 the item is queued at the SME tier (k verdicts
again); from the SME tier it goes to incident response, opening or joining the queue's
incident (services/incidents.py), where one responder decides it. At the incident tier
an `escalate` verdict is refused (409 cannot_escalate): there is nowhere higher.

A settled item resolves the tickets that brought it to its tier, and is announced by
signed webhooks: `item.decided`, and `output.released` when its output was held.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Required, TypedDict

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.actions import AuditAction
from audit.services import Actor, Entry, audit_record_many, target_of
from hitl.errors import ServiceError
from hitl.sql.rows import prepared, save_columns
from reviews.choices import ConsensusRule, Release, Tier
from reviews.escalation.models import Escalation, Incident, IncidentEvent
from reviews.escalation.services.escalations import (
    EscalationSpec,
    escalation_open,
    escalations_settle,
    item_move_up,
    next_tier,
)
from reviews.escalation.services.incidents import (
    IncidentError,
    IncidentItemNotFound,
    incident_event,
    incident_open_or_join,
)
from reviews.intake.models import Item
from reviews.queues.models import TierPolicy
from reviews.work.models import Assignment, Decision
from reviews.work.services.claims import AssignmentError, ensure_active, lease_for, lock_assignment
from reviews.work.services.consensus import Settled, consensus, reviewer_reliability
from reviews.work.services.qualification import gold_score
from webhooks.services import webhook_emit

Verdict = Decision.Verdict


# Every Item column a verdict, a settlement or an escalation may change: saving only
# these keeps the item's input and trace out of each decision's UPDATE (and its WAL).
_DECIDE_FIELDS = [
    "state", "votes_in", "leases_active", "votes_needed", "final_label", "outcome",
    "decided_at", "release", "released_at", "tier", "enqueued_at", "due_at",
    "human_due_at", "claimed_at", "breach_at",
]  # fmt: skip


class DecisionInvalid(ServiceError):
    """The verdict's fields do not fit the queue or the item: field → messages."""

    code = "invalid"

    def __init__(self, fields: dict[str, list[str]]) -> None:
        super().__init__("The decision has invalid fields.", fields=fields)


class VerdictFields(TypedDict, total=False):
    """A verdict's fields, as assignment_decide and incident_item_decide take them."""

    verdict: Required[str]
    label: str
    rationale: str
    reason_code: str


def decision_errors(
    *, item: Item, verdict: str, label: str, rationale: str, reason_code: str
) -> dict[str, list[str]]:
    """What is wrong with this verdict for this item; empty when it may be recorded."""
    queue = item.queue
    errors: dict[str, list[str]] = {}
    if verdict not in Verdict.values:
        return {"verdict": [f"Must be one of {', '.join(Verdict.values)}."]}
    if verdict == Verdict.OVERRIDE:
        if not label:
            errors["label"] = ["An override needs the corrected label."]
        elif label not in queue.label_values:
            errors["label"] = [
                f"{label!r} is not a label of queue {queue.slug!r} "
                f"(allowed: {', '.join(sorted(queue.label_values))})."
            ]
        elif label == item.output_label:
            errors["label"] = ["An override must change the model's label; use approve."]
    elif verdict == Verdict.APPROVE:
        if label and label != item.output_label:
            errors["label"] = ["Approve keeps the model's label; use override to change it."]
    elif label:
        errors["label"] = [f"A {verdict} verdict takes no label."]
    if verdict != Verdict.APPROVE:
        if not rationale.strip():
            errors["rationale"] = [f"A {verdict} verdict needs a rationale."]
        if not reason_code:
            errors["reason_code"] = [f"A {verdict} verdict needs a reason code."]
    if reason_code and reason_code not in queue.reason_code_values:
        errors["reason_code"] = [
            f"{reason_code!r} is not a reason code of queue {queue.slug!r} "
            f"(allowed: {', '.join(sorted(queue.reason_code_values)) or 'none'})."
        ]
    return errors


@prepared()
def assignment_decide(
    *,
    assignment_id: int,
    reviewer: User,
    verdict: str,
    label: str = "",
    rationale: str = "",
    reason_code: str = "",
    now: datetime | None = None,
) -> Decision:
    """Record the reviewer's verdict on their lease; settle the item when k are in.

    Raises AssignmentNotFound (not theirs / none), AssignmentError (decided, released,
    expired, or an escalate at the SME tier) and DecisionInvalid (bad fields). Every
    refusal rolls back: nothing changes.
    """
    with transaction.atomic():
        assignment, item = lock_assignment(assignment_id=assignment_id, reviewer=reviewer)
        now = now or timezone.now()
        earlier = _retried(assignment, verdict, label, rationale, reason_code)
        if earlier is not None:
            return earlier
        ensure_active(assignment, now)
        _check(item, assignment, verdict, label, rationale, reason_code)
        decision = Decision.objects.create(
            assignment=assignment,
            item=item,
            reviewer=reviewer,
            tier=assignment.tier,
            verdict=verdict,
            label=item.output_label if verdict == Verdict.APPROVE else label,
            rationale=rationale,
            reason_code=reason_code,
            handling_seconds=max(0.0, (now - assignment.leased_at).total_seconds()),
            decided_at=now,
            is_gold=item.is_gold,
        )
        assignment.state = Assignment.State.DECIDED
        assignment.ended_at = now
        save_columns(assignment, ["state", "ended_at"])
        if item.is_gold:
            _record_gold(decision, item, reviewer, now)
            return decision
        item.votes_in += 1
        item.leases_active -= 1
        entries = [_recorded(decision, item)]
        if item.votes_in >= item.votes_needed:
            entries += _settle(item, decision, now)
        elif item.leases_active == 0:
            item.transition(to=Item.State.QUEUED)  # waiting for more verdicts
        save_columns(item, _DECIDE_FIELDS)
        # One append for the verdict and what it settled: one lock of the chain head.
        audit_record_many(actor=Actor.for_user(reviewer), entries=entries)
    return decision


def _check(
    item: Item, assignment: Assignment, verdict: str, label: str, rationale: str, reason_code: str
) -> None:
    """Refuse a verdict the item cannot take: bad fields, or an escalation from the last tier."""
    errors = decision_errors(
        item=item, verdict=verdict, label=label, rationale=rationale, reason_code=reason_code
    )
    if errors:
        raise DecisionInvalid(errors)
    if verdict == Verdict.ESCALATE and assignment.tier == Tier.INCIDENT:
        raise AssignmentError(
            "cannot_escalate",
            "Incident response is the last tier; decide the item instead.",
        )


def _recorded(decision: Decision, item: Item) -> Entry:
    """The verdict's audit event, with the item's vote count after it."""
    return Entry(
        AuditAction.DECISION_RECORDED,
        *target_of(decision),
        {
            "item": item.pk,
            "assignment": decision.assignment_id,
            "tier": decision.tier,
            "verdict": decision.verdict,
            "label": decision.label,
            "reason_code": decision.reason_code,
            "rationale": decision.rationale,
            "handling_seconds": decision.handling_seconds,
            "votes_in": item.votes_in,
            "votes_needed": item.votes_needed,
        },
    )


def _retried(
    assignment: Assignment, verdict: str, label: str, rationale: str, reason_code: str
) -> Decision | None:
    """The decision already recorded on this assignment when the call repeats it exactly:
    a client whose answer was lost (a web process or the database died after the commit)
    sends it again and gets the same decision back, with nothing recorded twice. A
    different verdict on a decided assignment is still refused (ensure_active)."""
    if assignment.state != Assignment.State.DECIDED:
        return None
    earlier = Decision.objects.filter(assignment=assignment).first()
    if earlier is None:
        return None
    asked_label = assignment.item.output_label if verdict == Verdict.APPROVE else label
    same = (earlier.verdict, earlier.label, earlier.rationale, earlier.reason_code) == (
        verdict,
        asked_label,
        rationale,
        reason_code,
    )
    if not same:
        return None
    earlier.replayed = True
    return earlier


def _record_gold(decision: Decision, item: Item, reviewer: User, now: datetime) -> None:
    """A verdict on a gold item: scored for the reviewer, the item left as it was, so it
    stays claimable by everyone else; no votes, no outcome, no release, no escalation."""
    recorded = Entry(
        AuditAction.DECISION_RECORDED,
        "reviews.decision",
        str(decision.pk),
        {
            "item": item.pk,
            "assignment": decision.assignment_id,
            "tier": decision.tier,
            "verdict": decision.verdict,
            "label": decision.label,
            "reason_code": decision.reason_code,
            "rationale": decision.rationale,
            "handling_seconds": decision.handling_seconds,
            "gold": True,
        },
    )
    gold_score(
        decision=decision, item=item, recorded=recorded, actor=Actor.for_user(reviewer), now=now
    )


def _verdicts_json(decisions: list[Decision]) -> list[dict[str, Any]]:
    return [
        {
            "decision": d.pk,
            "reviewer": d.reviewer_id,
            "tier": d.tier,
            "verdict": d.verdict,
            "label": d.label,
            "rationale": d.rationale,
            "reason_code": d.reason_code,
            "decided_at": d.decided_at.isoformat(),
        }
        for d in decisions
    ]


def _settle(item: Item, last: Decision, now: datetime) -> list[Entry]:
    """Apply the policy's rule to the tier's k verdicts (`last` is the k-th): decide or
    escalate the item. Returns the audit entries of what it did."""
    policy: TierPolicy = item.policy
    tier = last.tier
    decisions = (
        [last]  # k = 1: the verdict in hand is the tier's only one
        if item.votes_needed == 1
        else list(Decision.objects.filter(item=item, tier=tier).order_by("decided_at", "id"))
    )
    reviewer_ids = [d.reviewer_id for d in decisions]
    result = consensus(
        rule=policy.consensus_rule,
        model_label=item.output_label,
        verdicts=[(d.verdict, d.label) for d in decisions],
        weights=reviewer_reliability(queue_id=item.queue_id, reviewer_ids=reviewer_ids)
        if policy.consensus_rule == ConsensusRule.WEIGHTED
        else [1.0] * len(decisions),
    )
    if not isinstance(result, Settled):
        return [_escalate(item, tier, result.reason, decisions, now)]
    item.transition(to=Item.State.DECIDED)
    item.stop_clock()
    item.final_label = result.label
    item.outcome = result.outcome
    item.decided_at = now
    released = item.release == Release.HELD
    if released:
        item.release = Release.RELEASED
        item.released_at = now
    _announce_decided(item, released=released)
    decided = Entry(
        AuditAction.ITEM_DECIDED,
        *target_of(item),
        {
            "tier": tier,
            "rule": policy.consensus_rule,
            "outcome": result.outcome,
            "final_label": result.label,
            "decisions": [d.pk for d in decisions],
            "released": released,
        },
    )
    if tier == Tier.TIER1:
        return [decided]  # no ticket ever targets Tier 1
    resolved = escalations_settle(
        item=item, tier=tier, actor=Actor.for_user(last.reviewer), outcome=result.outcome, now=now
    )
    return [decided, *resolved]


def _announce_decided(item: Item, *, released: bool) -> None:
    """Signed webhooks for the client (webhooks/): the decision, and the release."""
    data = {
        "item": item.pk,
        "external_id": item.external_id,
        "final_label": item.final_label,
        "outcome": item.outcome,
        "decided_at": item.decided_at.isoformat() if item.decided_at else None,
    }
    webhook_emit(event="item.decided", queue=item.queue, data=data)
    if released:
        webhook_emit(
            event="output.released",
            queue=item.queue,
            data={
                **data,
                "released_at": item.released_at.isoformat() if item.released_at else None,
            },
        )


def _escalate(
    item: Item, tier: str, reason: str, decisions: list[Decision], now: datetime
) -> Entry:
    """Open a ticket with every verdict and move the item one tier up."""
    to_tier = next_tier(tier)
    verdicts = _verdicts_json(decisions)
    note = "\n".join(
        f"{v['verdict']}{' → ' + v['label'] if v['label'] else ''}"
        f"{' [' + v['reason_code'] + ']' if v['reason_code'] else ''}: {v['rationale']}"
        for v in verdicts
    )
    spec = EscalationSpec(
        item=item,
        from_tier=tier,
        to_tier=to_tier,
        reason=reason,
        verdicts=verdicts,
        note=note,
        data={"rule": item.policy.consensus_rule},
    )
    ticket = escalation_open(spec=spec, now=now)
    states = item_move_up(item, to_tier=to_tier, now=now)
    if to_tier == Escalation.Target.INCIDENT:
        actor = Actor.for_user(decisions[-1].reviewer) if decisions else Actor.system()
        incident_open_or_join(
            queue=item.queue,
            items=[item],
            escalations=[ticket],
            actor=actor,
            reason=f"SME escalation of item {item.external_id} ({ticket.get_reason_display()})",
            now=now,
        )
    return Entry(
        AuditAction.ITEM_ESCALATED,
        *target_of(item),
        {
            "escalation": ticket.pk,
            "reason": reason,
            "from_tier": tier,
            "to_tier": to_tier,
            "states": states,
            "verdicts": verdicts,
        },
    )


def incident_item_decide(
    *,
    incident: Incident,
    item_id: int,
    reviewer: User,
    verdict: str,
    label: str = "",
    rationale: str = "",
    reason_code: str = "",
) -> Decision:
    """A responder's decision on an item of the incident: a lease at the incident tier
    and its verdict, in one transaction. Raises IncidentError (not an item of this
    incident, or not waiting for a decision) and whatever assignment_decide raises."""
    with transaction.atomic():
        item = (
            Item.objects.select_for_update(of=("self",))
            .select_related("queue", "policy")
            .filter(pk=item_id, incidents=incident)
            .first()
        )
        if item is None:
            raise IncidentItemNotFound()
        if not item.waits_for_responder:
            raise IncidentError(
                "not_waiting", f"Item {item.pk} is {item.state}; it is not waiting for a responder."
            )
        assignment: Assignment = lease_for(item=item, reviewer=reviewer, tier=Tier.INCIDENT)
        decision = assignment_decide(
            assignment_id=assignment.pk,
            reviewer=reviewer,
            verdict=verdict,
            label=label,
            rationale=rationale,
            reason_code=reason_code,
        )
        incident_event(
            incident,
            actor=Actor.for_user(reviewer),
            kind=IncidentEvent.Kind.DECIDED,
            text=rationale,
            data={"item": item.pk, "verdict": verdict, "label": decision.label},
            now=decision.decided_at,
        )
    return decision
