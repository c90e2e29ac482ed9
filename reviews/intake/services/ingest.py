"""Ingesting predictions: validate against the queue, de-duplicate, redact, route, store, audit.

Redaction happens here, once (SPEC §6): `Item.input` is the input masked per the queue's
redaction policy, which is all anyone sees afterwards; `Item.raw_input` keeps the input
as submitted for audited reveals (services/raw_access.py) until retention purges it
(services/retention.py). The idempotency hash stays over the submitted body, so a client
repeating its call still gets 200, whatever the masks.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.actions import AuditAction
from audit.services import Actor, Entry, audit_record_many
from hitl.sql.bulk import bulk_insert, new_instance
from redaction import Redacted, redact
from reviews.choices import Release
from reviews.intake.models import Item
from reviews.intake.selectors import active_calibration, items_by_external_id
from reviews.intake.services.routing import RouteDecision, route_prediction
from reviews.queues.models import Containment, Queue, TierPolicy
from reviews.queues.selectors import active_containments
from reviews.queues.services.queues import redaction_entities
from stats.calibration import CalibrationMap


@dataclass(frozen=True)
class Prediction:
    """One prediction whose shape has been validated (validation.validate_prediction)."""

    external_id: str
    model_version: str
    input: Any
    label: str
    confidence: float
    scores: dict[str, float] | None
    slice: dict[str, str]
    body_hash: str


class IngestStatus(enum.Enum):
    CREATED = 201
    EXISTING = 200  # same external_id, same body: the item we already have
    CONFLICT = 409  # same external_id, different body


@dataclass(frozen=True)
class IngestResult:
    status: IngestStatus
    item: Item


def prediction_errors_for_queue(*, prediction: Prediction, queue: Queue) -> dict[str, list[str]]:
    """Checks that need the queue: labels must come from its schema."""
    errors: dict[str, list[str]] = {}
    if prediction.label not in queue.label_values:
        errors["output.label"] = [
            f"{prediction.label!r} is not a label of queue {queue.slug!r} "
            f"(allowed: {', '.join(sorted(queue.label_values))})."
        ]
    unknown = sorted(set(prediction.scores or ()) - queue.label_values)
    if unknown:
        errors["output.scores"] = [f"Unknown labels: {', '.join(map(repr, unknown))}."]
    return errors


def redact_input(*, queue: Queue, value: Any) -> Redacted:
    """`value` masked per the queue's redaction policy, with counts per entity type."""
    return redact(value, redaction_entities(queue.redaction))


def predictions_ingest(
    *, queue: Queue, predictions: Sequence[Prediction], actor: Actor, attempts: int = 20
) -> list[IngestResult]:
    """Store and route predictions for one queue in one transaction; results in order.

    Inputs are redacted before the transaction opens: it is the costliest step per item
    and needs no lock, so it neither lengthens the transaction nor runs again on a retry.
    (An idempotent repeat is redacted for nothing; repeats are the exception.)

    A concurrent request may insert the same external_id between our look-up and
    our insert: the unique constraint refuses ours, the transaction rolls back, and
    the retry finds the other request's item (200 or 409), so there are never two.
    Every retry follows a commit of the request that beat us, so each round makes
    progress; `attempts` only bounds a pathological pile-up.
    """
    entities = redaction_entities(queue.redaction)
    redacted = [redact(prediction.input, entities) for prediction in predictions]
    for attempt in range(1, attempts + 1):
        try:
            return _ingest_once(
                queue=queue, predictions=predictions, redacted=redacted, actor=actor
            )
        except IntegrityError:
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")


@transaction.atomic
def _ingest_once(
    *,
    queue: Queue,
    predictions: Sequence[Prediction],
    redacted: Sequence[Redacted],
    actor: Actor,
) -> list[IngestResult]:
    policy = queue.active_policy
    if policy is None:  # queue_create always activates a first policy
        raise ValueError(f"queue {queue.slug} has no active policy")
    now = timezone.now()
    existing = items_by_external_id(queue=queue, external_ids=[p.external_id for p in predictions])
    containments = active_containments(queue=queue)
    # SPEC §3 step 3: route on the calibrated confidence when the queue has a map.
    calibration = active_calibration(queue=queue)
    calibrate = calibration[1] if calibration is not None else None
    results: list[IngestResult] = []
    created: list[tuple[Item, dict[str, int]]] = []
    for prediction, masked in zip(predictions, redacted, strict=True):
        prior = existing.get(prediction.external_id)
        if prior is not None:
            status = (
                IngestStatus.EXISTING
                if prior.body_hash == prediction.body_hash
                else IngestStatus.CONFLICT
            )
            results.append(IngestResult(status, prior))
            continue
        item = _routed_item(queue, policy, containments, calibrate, prediction, masked.value, now)
        existing[prediction.external_id] = item
        created.append((item, masked.counts))
        results.append(IngestResult(IngestStatus.CREATED, item))
    # Insert in one global order (by external_id): two calls sharing ids then wait for
    # each other instead of deadlocking on the unique index.
    bulk_insert(sorted((item for item, _ in created), key=lambda item: item.external_id))
    # Last, so the audit chain's lock is held only from here to commit.
    audit_record_many(actor=actor, entries=[_audit_entry(item, counts) for item, counts in created])
    return results


def _routed_item(
    queue: Queue,
    policy: TierPolicy,
    containments: list[Containment],
    calibrate: CalibrationMap | None,
    prediction: Prediction,
    redacted_input: Any,
    now: datetime,
) -> Item:
    """One prediction as a routed item, not yet saved: calibrated, routed, clock started."""
    calibrated = (
        calibrate.apply(prediction.confidence) if calibrate is not None else prediction.confidence
    )
    decision = route_prediction(
        policy=policy,
        containments=containments,
        raw_confidence=prediction.confidence,
        confidence=calibrated,
        slice_tags=prediction.slice,
        sample_key=f"{queue.pk}:{prediction.external_id}",
        calibrated=calibrate is not None,
    )
    row = _item_row(queue, policy, prediction, redacted_input, calibrated, decision, now)
    item = new_instance(Item, row)
    item.queue, item.policy = queue, policy  # fill the relation caches: no query later
    for state in decision.path:
        item.transition(to=state)
    if item.state == Item.State.QUEUED:
        item.start_clock(tier=item.tier, now=now)
    if item.release == Release.RELEASED:
        item.released_at = now
    return item


def _item_row(
    queue: Queue,
    policy: TierPolicy,
    prediction: Prediction,
    redacted_input: Any,
    calibrated: float,
    decision: RouteDecision,
    now: datetime,
) -> dict[str, Any]:
    """Every column of the new item, as `new_instance` takes them (no model __init__)."""
    return {
        "id": None,
        "queue_id": queue.pk,
        "policy_id": policy.pk,
        "external_id": prediction.external_id,
        "body_hash": prediction.body_hash,
        "model_version": prediction.model_version,
        "input": redacted_input,
        "raw_input": prediction.input,
        "raw_purged_at": None,
        "output_label": prediction.label,
        "confidence": prediction.confidence,
        "calibrated_confidence": calibrated,
        "scores": prediction.scores,
        "slice": prediction.slice,
        "route": decision.route,
        "release": decision.release,
        "tier": decision.tier,
        "sample_reason": decision.sample_reason,
        "required_skill": decision.required_skill,
        "trace": decision.trace,
        "sampled_at": None,  # set only by the active-learning sampler (services/sampling.py)
        "final_label": "",
        "outcome": "",
        "is_gold": False,  # gold items come in through services/qualification.py
        "gold_label": "",
        "received_at": now,
        "enqueued_at": None,
        "released_at": None,
        "decided_at": None,
        "state": Item.State.RECEIVED,
        "due_at": None,
        "human_due_at": None,
        "claimed_at": None,
        "first_claimed_at": None,
        "breach_at": None,
        "risk_rank": policy.risk_rank,
        "votes_needed": policy.consensus_reviewers,
        "votes_in": 0,
        "leases_active": 0,
    }


def _audit_entry(item: Item, redacted: dict[str, int]) -> Entry:
    """One event per ingested item: receipt and route are one transaction, one step.
    `redacted` is how many values of each type were masked: counts, never the values."""
    return Entry(
        AuditAction.ITEM_RECEIVED,
        "reviews.item",
        str(item.pk),
        {
            "queue": item.queue.slug,
            "external_id": item.external_id,
            "model_version": item.model_version,
            "label": item.output_label,
            "confidence": item.confidence,
            "calibrated_confidence": item.calibrated_confidence,
            "body_sha256": item.body_hash,
            "route": item.route,
            "tier": item.tier,
            "state": item.state,
            "release": item.release,
            "policy_version": item.policy.version,
            "sample_reason": item.sample_reason,
            "required_skill": item.required_skill,
            "why": [step["why"] for step in item.trace],
            "redacted": redacted,
        },
    )
