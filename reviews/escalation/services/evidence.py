"""What goes into an evidence bundle (SPEC §2), for a ticket or an incident.

Only the redacted input (`Item.input`; the raw input never leaves its column), the
model's output and versions, the policy that routed the item and the routing trace,
every verdict with its rationale, the queue's and the slice's KPIs over the last day,
and similar recent items. audit/evidence.py stores it once, as canonical JSON with its
SHA-256, and the database refuses to change it afterwards.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from audit.actions import AuditAction
from audit.evidence import bundle_store
from audit.models import EvidenceBundle
from audit.services import Actor, audit_record
from reviews.escalation.models import Escalation, Incident
from reviews.intake.models import Item
from reviews.quality.services.measure import queue_metrics
from reviews.quality.services.rollups import slice_key
from reviews.queues.models import Queue
from reviews.work.models import Decision

KPI_WINDOW = timedelta(hours=24)
SIMILAR_WINDOW = timedelta(days=7)
SIMILAR_LIMIT = 5


def _iso(at: datetime | None) -> str | None:
    return at.isoformat() if at else None


def _kpis(queue: Queue, slice_tags: dict[str, Any] | None, now: datetime) -> dict[str, Any]:
    """Received, decided, corrected, override rate and escalations over the last day,
    from the roll-ups (services/measure.py): a bundle never scans the queue's items."""
    metrics = queue_metrics(queue=queue, start=now - KPI_WINDOW, end=now, slice_tags=slice_tags)
    counts = metrics["counts"]
    return {
        "received": counts["received"],
        "decided": counts["decided"],
        "corrected": counts["corrected"],
        "escalated": counts["escalations"],
        "override_rate": metrics["override_rate"],
        "escalations_per_10k": metrics["escalations_per_10k"],
        "since": (now - KPI_WINDOW).isoformat(),
    }


Memo = dict[tuple[int, str], dict[str, Any]]


def _kpis_once(item: Item, slice_tags: dict[str, Any] | None, now: datetime, memo: Memo) -> Any:
    """_kpis, computed once per queue and slice for all the bundles one task builds."""
    key = (item.queue_id, "null" if slice_tags is None else slice_key(slice_tags))
    if key not in memo:
        memo[key] = _kpis(item.queue, slice_tags, now)
    return memo[key]


def _verdicts(item: Item) -> list[dict[str, Any]]:
    return [
        {
            "decision": d.pk,
            "tier": d.tier,
            "reviewer": d.reviewer.username,
            "verdict": d.verdict,
            "label": d.label,
            "reason_code": d.reason_code,
            "rationale": d.rationale,
            "handling_seconds": d.handling_seconds,
            "decided_at": d.decided_at.isoformat(),
        }
        for d in Decision.objects.filter(item=item, is_gold=False).select_related("reviewer")
    ]


def item_evidence(item: Item, *, now: datetime, memo: Memo | None = None) -> dict[str, Any]:
    """One item's part of a bundle; `memo` shares KPIs between the bundles of one task."""
    memo = {} if memo is None else memo
    queue_items = Item.objects.filter(queue_id=item.queue_id)
    similar = (
        queue_items.filter(
            output_label=item.output_label,
            slice=item.slice,
            received_at__gte=now - SIMILAR_WINDOW,
            is_gold=False,
        )
        .exclude(pk=item.pk)
        .order_by("-received_at")
        .values("id", "external_id", "confidence", "state", "final_label", "outcome")[
            :SIMILAR_LIMIT
        ]
    )
    return {
        "item": item.pk,
        "external_id": item.external_id,
        "input": item.input,  # redacted at ingest
        "output": {
            "label": item.output_label,
            "confidence": item.confidence,
            "calibrated_confidence": item.calibrated_confidence,
            "scores": item.scores,
        },
        "model_version": item.model_version,
        "slice": item.slice,
        "policy": {"version": item.policy.version, **item.policy.as_json()},
        "route": item.route,
        "trace": item.trace,
        "state": item.state,
        "tier": item.tier,
        "received_at": _iso(item.received_at),
        "enqueued_at": _iso(item.enqueued_at),
        "verdicts": _verdicts(item),
        "kpis": {
            "queue": _kpis_once(item, None, now, memo),
            "slice": _kpis_once(item, item.slice, now, memo),
        },
        "similar": list(similar),
    }


def escalation_bundle_build(
    *, escalation_id: int, memo: Memo | None = None
) -> EvidenceBundle | None:
    """Build and attach the ticket's bundle; None when the ticket is gone. Idempotent."""
    ticket = (
        Escalation.objects.select_related("item__policy", "queue").filter(pk=escalation_id).first()
    )
    if ticket is None:
        return None
    if ticket.bundle_id is not None:
        return ticket.bundle
    now = timezone.now()
    content = {
        "kind": "escalation",
        "escalation": ticket.pk,
        "queue": ticket.queue.slug,
        "reason": ticket.reason,
        "from_tier": ticket.from_tier,
        "to_tier": ticket.to_tier,
        "opened_at": ticket.created_at.isoformat(),
        "note": ticket.note,
        "data": ticket.data,
        "built_at": now.isoformat(),
        **item_evidence(ticket.item, now=now, memo=memo),
    }
    return _attach(ticket, content)


def incident_bundle_build(*, incident_id: int) -> EvidenceBundle | None:
    """Build and attach the incident's bundle from the items it opened with."""
    incident = Incident.objects.select_related("queue").filter(pk=incident_id).first()
    if incident is None:
        return None
    if incident.bundle_id is not None:
        return incident.bundle
    now = timezone.now()
    items = incident.items.select_related("policy").order_by("pk")[:20]
    content = {
        "kind": "incident",
        "incident": incident.pk,
        "queue": incident.queue.slug,
        "title": incident.title,
        "severity": incident.severity,
        "opened_at": incident.opened_at.isoformat(),
        "opened_by": incident.opened_by,
        "escalations": list(incident.escalations.values_list("pk", flat=True)),
        "built_at": now.isoformat(),
        "items": [item_evidence(item, now=now) for item in items],
    }
    return _attach(incident, content)


def _attach(owner: Escalation | Incident, content: dict[str, Any]) -> EvidenceBundle:
    """Store the bundle and link it, once, in one transaction with its audit event."""
    with transaction.atomic():
        bundle, created = bundle_store(target=owner, content=content)
        linked = type(owner).objects.filter(pk=owner.pk, bundle__isnull=True).update(bundle=bundle)
        if created or linked:
            audit_record(
                action=AuditAction.EVIDENCE_BUNDLE_BUILT,
                actor=Actor.system("evidence"),
                target=owner,
                data={"bundle": bundle.pk, "sha256": bundle.sha256},
            )
    return bundle


# A bundle task normally runs within seconds of its commit; older ones were lost.
RECONCILE_GRACE = timedelta(seconds=30)
RECONCILE_LIMIT = 500


def bundles_reconcile(*, now: datetime | None = None) -> int:
    """Build every bundle whose task was lost (broker down, worker killed); how many.

    Reads tickets through escalation_nobundle_idx, so it costs what is missing.
    """
    cutoff = (now or timezone.now()) - RECONCILE_GRACE
    built = 0
    for pk in Escalation.objects.filter(bundle__isnull=True, created_at__lte=cutoff).values_list(
        "pk", flat=True
    )[:RECONCILE_LIMIT]:
        built += escalation_bundle_build(escalation_id=pk) is not None
    for pk in Incident.objects.filter(bundle__isnull=True, opened_at__lte=cutoff).values_list(
        "pk", flat=True
    )[:RECONCILE_LIMIT]:
        built += incident_bundle_build(incident_id=pk) is not None
    return built
