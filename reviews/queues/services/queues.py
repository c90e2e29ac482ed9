"""Writes on queues: creating them, versioning their policies, containment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from audit.actions import AuditAction
from audit.services import Actor, audit_record
from hitl.errors import ServiceError
from redaction import ENTITY_TYPES, normalise_entities
from reviews.escalation.models import Incident
from reviews.queues.models import Containment, Queue, TierPolicy


class ContainmentExists(ServiceError):
    """That queue or slice is already contained."""

    code = "already_contained"
    kind = "conflict"

    def __init__(self, active: str) -> None:
        super().__init__(
            "That scope is already contained.", fields={"slice": ["Already contained."]}
        )
        self.active = active


class RedactionPolicyInvalid(ValueError):
    """A queue's redaction policy names something the redaction engine does not know."""


def redaction_policy_clean(redaction: Mapping[str, Any] | None) -> dict[str, Any]:
    """The redaction policy as stored on the queue: {} (mask every type the engine knows)
    or {"entities": [sorted, upper-case names]}. Raises RedactionPolicyInvalid.

    Checked when the queue is made, so a typo ("EMIAL") is a 400 for the person setting
    the queue up, not a failed ingest for every client later.
    """
    if not redaction:
        return {}
    entities = redaction.get("entities")
    if set(redaction) - {"entities"} or not isinstance(entities, list | tuple):
        raise RedactionPolicyInvalid('Use {"entities": ["EMAIL", "PHONE", …]}.')
    if not all(isinstance(name, str) for name in entities):
        raise RedactionPolicyInvalid("Entity names are strings.")
    try:
        names = normalise_entities(entities)
    except ValueError:
        unknown = sorted({name for name in entities if name.upper() not in ENTITY_TYPES})
        raise RedactionPolicyInvalid(
            f"Unknown entity types: {', '.join(map(repr, unknown))} "
            f"(known: {', '.join(ENTITY_TYPES)})."
        ) from None
    return {"entities": sorted(names)} if names else {}


def redaction_entities(redaction: Mapping[str, Any] | None) -> frozenset[str]:
    """The entity types a queue's stored policy masks; empty or absent means every type."""
    entities = (redaction or {}).get("entities")
    return normalise_entities(entities or None)


def _policy_fields(policy: dict[str, Any]) -> dict[str, Any]:
    """The API's policy JSON (validated) as TierPolicy columns."""
    consensus = policy.get("consensus") or {}
    sla = policy.get("sla") or {}
    active_learning = policy.get("active_learning") or {}
    fields: dict[str, Any] = {
        key: policy[key]
        for key in (
            "auto_approve_at",
            "sme_below",
            "risk_tier",
            "mode",
            "shadow",
            "audit_sample_rate",
        )
        if key in policy
    }
    fields["slice_rules"] = [dict(rule) for rule in policy.get("slice_rules") or []]
    for key in ("reviewers", "rule", "on_disagreement"):
        if key in consensus:
            fields[f"consensus_{key}"] = consensus[key]
    for tier in ("tier1", "sme"):
        for key, value in (sla.get(tier) or {}).items():
            fields[f"{tier}_{key}"] = value
    for key, column in (
        ("budget_per_day", "al_budget_per_day"),
        ("uncertainty", "al_uncertainty"),
        ("diversity", "al_diversity"),
    ):
        if key in active_learning:
            fields[column] = active_learning[key]
    return fields


@transaction.atomic
def policy_create(
    *,
    queue: Queue,
    policy: dict[str, Any],
    actor: Actor,
    created_by: User | None = None,
    activate: bool = True,
    note: str = "",
) -> TierPolicy:
    """Add the next version of the queue's policy; make it active unless asked not to."""
    # The queue row lock serializes version numbers per queue.
    # NO KEY UPDATE: ingest's items reference this row and take KEY SHARE at commit, after
    # the audit lock; a full row lock here would deadlock with them.
    Queue.objects.select_for_update(no_key=True).filter(pk=queue.pk).first()
    version = (queue.policies.aggregate(v=Max("version"))["v"] or 0) + 1
    created = TierPolicy.objects.create(
        queue=queue, version=version, created_by=created_by, note=note, **_policy_fields(policy)
    )
    audit_record(
        action=AuditAction.POLICY_CREATED,
        actor=actor,
        target=created,
        data={"queue": queue.slug, "version": version, "policy": created.as_json()},
    )
    if activate:
        policy_activate(queue=queue, policy=created, actor=actor)
    return created


@transaction.atomic
def policy_activate(*, queue: Queue, policy: TierPolicy, actor: Actor) -> None:
    if policy.queue_id != queue.pk:
        raise ValueError("policy belongs to another queue")
    previous = Queue.objects.filter(pk=queue.pk).values_list("active_policy__version", flat=True)[0]
    Queue.objects.filter(pk=queue.pk).update(active_policy=policy)
    queue.active_policy = policy
    audit_record(
        action=AuditAction.POLICY_ACTIVATED,
        actor=actor,
        target=queue,
        data={"queue": queue.slug, "version": policy.version, "previous_version": previous},
    )


@transaction.atomic
def queue_create(
    *,
    slug: str,
    name: str,
    labels: list[dict[str, Any]],
    policy: dict[str, Any],
    actor: Actor,
    created_by: User | None = None,
    reason_codes: list[dict[str, Any]] | None = None,
    description: str = "",
    redaction: Mapping[str, Any] | None = None,
    raw_retention_days: int | None = None,
) -> Queue:
    """A new queue with its label schema and its first, active policy version.

    Raises RedactionPolicyInvalid for a redaction policy naming unknown entity types.
    `raw_retention_days`: how long raw inputs are kept (services/retention.py); None keeps
    them until someone sets a period.
    """
    if raw_retention_days is not None and raw_retention_days < 1:
        raise ValueError("raw_retention_days must be at least 1 (or None to keep raw inputs)")
    queue = Queue.objects.create(
        slug=slug,
        name=name,
        description=description,
        labels=labels,
        reason_codes=reason_codes or [],
        redaction=redaction_policy_clean(redaction),
        raw_retention_days=raw_retention_days,
    )
    audit_record(
        action=AuditAction.QUEUE_CREATED,
        actor=actor,
        target=queue,
        data={
            "slug": slug,
            "labels": [label["value"] for label in labels],
            "reason_codes": [code["code"] for code in queue.reason_codes],
            "redaction": queue.redaction,
            "raw_retention_days": raw_retention_days,
        },
    )
    policy_create(queue=queue, policy=policy, actor=actor, created_by=created_by)
    return queue


@transaction.atomic
def containment_set(
    *,
    queue: Queue,
    slice_tags: dict[str, str],
    reason: str,
    actor: Actor,
    incident: Incident | None = None,
) -> Containment:
    """Stop auto-approval on the queue (empty slice) or on one slice of it; `incident`
    is the incident whose responder set it, if any."""
    # One switch per scope, no race; NO KEY UPDATE for the reason given in policy_create.
    Queue.objects.select_for_update(no_key=True).get(pk=queue.pk)
    for active in Containment.objects.filter(queue=queue, active=True):
        if active.slice == slice_tags:
            raise ContainmentExists(str(active))
    containment = Containment.objects.create(
        queue=queue,
        slice=slice_tags,
        reason=reason,
        set_by=actor.label,
        set_at=timezone.now(),
        incident=incident,
    )
    audit_record(
        action=AuditAction.CONTAINMENT_SET,
        actor=actor,
        target=containment,
        data={
            "queue": queue.slug,
            "slice": slice_tags,
            "reason": reason,
            "incident": incident.pk if incident else None,
        },
    )
    return containment


@transaction.atomic
def containment_lift(*, containment: Containment, note: str, actor: Actor) -> bool:
    """Lift a switch; False if someone else already lifted it."""
    lifted = Containment.objects.filter(pk=containment.pk, active=True).update(
        active=False, lifted_by=actor.label, lifted_at=timezone.now(), lift_note=note
    )
    if lifted != 1:
        return False
    containment.refresh_from_db()
    audit_record(
        action=AuditAction.CONTAINMENT_LIFTED,
        actor=actor,
        target=containment,
        data={"queue": containment.queue.slug, "slice": containment.slice, "note": note},
    )
    return True
