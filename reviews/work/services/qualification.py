"""Reviewer qualification: gold items, accuracy on them, and the queue's bar (issue 3.4).

Gold items are items whose correct label is known. A queue manager adds them
(gold_create); they are stored as Items with is_gold=True so they render and are
decided exactly like real work, and so a reviewer cannot tell them apart. They are
queued at Tier 1 and stay there: never routed, auto-approved, released, decided or
counted as a model outcome (their `outcome` stays blank and every metric filters
is_gold=False). They are created with votes_needed=0, so the partial claim index
(item_claim_idx) never holds them and the normal claim query never returns them;
item_gold_idx serves the gold claim instead.

Mixing: a Tier 1 claim is served a gold item with probability Queue.gold_rate
(random per claim: 0 never, 1 always while the reviewer has unseen gold). Each
reviewer sees each gold item at most once (Assignment's unique item/reviewer/tier);
gold items are reusable across reviewers. A gold lease does not touch the item's
counters or state, so any number of reviewers may hold the same gold item at once.

Scoring: a verdict on a gold item is a Decision like any other; it also bumps the
reviewer's Qualification row for the queue (gold_seen, gold_correct). Correct means
the verdict's answer (approve → the shown label, override → the corrected label)
equals gold_label; reject and escalate are never correct. Once gold_seen reaches
Queue.qualification_min_gold, accuracy below Queue.qualification_bar disqualifies
the reviewer: their claims on that queue are refused (not_qualified) until a queue
manager re-qualifies them, which starts a fresh count.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from accounts.models import User
from audit.actions import AuditAction
from audit.services import Actor, Entry, audit_record, audit_record_many
from hitl.errors import ServiceError
from hitl.sql.rows import key_share
from reviews.choices import Release, Route, Tier
from reviews.intake.models import Item
from reviews.intake.services.ingest import Prediction, prediction_errors_for_queue, redact_input
from reviews.intake.services.validation import PredictionInvalid, validate_prediction
from reviews.queues.models import Queue
from reviews.work.models import Assignment, Decision, Qualification

GOLD_FIELDS = frozenset({"external_id", "model_version", "input", "output", "slice", "gold_label"})
_random = random.SystemRandom()


class GoldExists(ServiceError):
    """The queue already has an item with this external_id."""

    code = "external_id_taken"
    kind = "conflict"

    def __init__(self, external_id: str) -> None:
        super().__init__(
            "The queue already has an item with this external_id.",
            fields={"external_id": ["Already used in this queue."]},
        )
        self.external_id = external_id


class NotDisqualified(ServiceError):
    """Re-qualification asked for a reviewer who is not disqualified on the queue."""

    code = "not_disqualified"
    kind = "conflict"


def gold_errors(*, queue: Queue, raw: Any) -> dict[str, list[str]]:
    """Every field error of a gold body for `queue`; empty when it may be stored."""
    if not isinstance(raw, Mapping):
        return {"non_field_errors": ["Expected an object."]}
    errors: dict[str, list[str]] = {
        str(name): ["Unknown field."] for name in sorted(set(raw) - GOLD_FIELDS, key=str)
    }
    gold_label = raw.get("gold_label")
    if gold_label is None:
        errors["gold_label"] = ["This field is required."]
    elif not isinstance(gold_label, str) or gold_label not in queue.label_values:
        errors["gold_label"] = [
            f"Must be a label of queue {queue.slug!r} "
            f"(allowed: {', '.join(sorted(queue.label_values))})."
        ]
    body = {name: value for name, value in raw.items() if name in GOLD_FIELDS - {"gold_label"}}
    try:
        _, prediction = validate_prediction({**body, "queue": queue.slug})
    except PredictionInvalid as exc:
        errors.update(exc.fields)
    else:
        errors.update(prediction_errors_for_queue(prediction=prediction, queue=queue))
    return errors


def gold_create(*, queue: Queue, raw: Any, actor: Actor, now: datetime | None = None) -> Item:
    """Store one gold item, queued at Tier 1 and held; audited in the same transaction.

    Raises PredictionInvalid (bad fields) or GoldExists (external_id taken).
    """
    errors = gold_errors(queue=queue, raw=raw)
    if errors:
        raise PredictionInvalid(errors)
    _, prediction = validate_prediction(
        {name: value for name, value in raw.items() if name != "gold_label"} | {"queue": queue.slug}
    )
    # Redacted like any ingested input: a gold item is shown to reviewers as real work.
    redacted = redact_input(queue=queue, value=prediction.input)
    item = _gold_item(
        queue=queue,
        prediction=prediction,
        redacted_input=redacted.value,
        gold_label=raw["gold_label"],
        now=now or timezone.now(),
    )
    try:
        with transaction.atomic():
            item.save(force_insert=True)
            audit_record(
                actor=actor,
                action=AuditAction.GOLD_ITEM_CREATED,
                target=item,
                data={
                    "queue": queue.slug,
                    "external_id": item.external_id,
                    "label": item.output_label,
                    "gold_label": item.gold_label,
                    "body_sha256": item.body_hash,
                    "redacted": redacted.counts,
                },
            )
    except IntegrityError:
        raise GoldExists(prediction.external_id) from None
    return item


def _gold_item(
    *, queue: Queue, prediction: Prediction, redacted_input: Any, gold_label: str, now: datetime
) -> Item:
    """The gold item, unsaved: queued at Tier 1 under the queue's active policy, held."""
    policy = queue.active_policy
    if policy is None:
        raise ValueError(f"queue {queue.slug} has no active policy")
    return Item(
        queue=queue,
        policy=policy,
        external_id=prediction.external_id,
        body_hash=prediction.body_hash,
        model_version=prediction.model_version,
        input=redacted_input,
        raw_input=prediction.input,
        output_label=prediction.label,
        confidence=prediction.confidence,
        calibrated_confidence=prediction.confidence,
        scores=prediction.scores,
        slice=prediction.slice,
        route=Route.TIER1,
        release=Release.HELD,  # never released: no client waits on a gold item
        state=Item.State.QUEUED,
        tier=Tier.TIER1,
        trace=[{"step": "gold", "why": "gold item added by a queue manager"}],
        is_gold=True,
        gold_label=gold_label,
        received_at=now,
        enqueued_at=now,
        due_at=now + timedelta(seconds=policy.time_to_decision_s(Tier.TIER1)),
        risk_rank=policy.risk_rank,
        votes_needed=0,  # keeps it out of item_claim_idx and the normal claim
    )


def serve_gold(queue: Queue) -> bool:
    """Whether this claim is served gold: true with probability queue.gold_rate."""
    rate = queue.gold_rate
    return rate >= 1 or (rate > 0 and _random.random() < rate)


def gold_candidate(*, queue: Queue, reviewer: User, tier: str) -> Item | None:
    """The oldest gold item of the queue's tier that the reviewer has not been leased.

    The caller locks the row (claims.py); the assignment's unique (item, reviewer,
    tier) constraint is what keeps one reviewer from seeing it twice.
    """
    seen = Assignment.objects.filter(item=OuterRef("pk"), reviewer=reviewer, tier=tier)
    return (
        Item.objects.filter(queue=queue, tier=tier, is_gold=True)
        .exclude(Exists(seen))
        .order_by("id")
        .first()
    )


def _locked_row(queue: Queue, reviewer: User, now: datetime) -> Qualification:
    key_share(Queue, queue.pk)  # before the insert below and before any audit
    row, _ = Qualification.objects.select_for_update().get_or_create(
        queue=queue, reviewer=reviewer, defaults={"changed_at": now, "changed_by": "hitl"}
    )
    return row


def gold_score(
    *, decision: Decision, item: Item, recorded: Entry, actor: Actor, now: datetime
) -> Qualification:
    """Count a verdict on a gold item for its reviewer; disqualify below the bar.

    Runs inside the decision's transaction, whose item and assignment rows are locked.
    Rows first, audit last (the lock order of claims.py): the qualification row is
    counted, then `recorded` (the decision's own audit entry), the score and any
    disqualification are written to the audit trail.
    """
    queue = item.queue
    reviewer = decision.reviewer
    row = _locked_row(queue, reviewer, now)
    answer = decision.label if decision.verdict in ("approve", "override") else ""
    correct = answer == item.gold_label
    row.gold_seen += 1
    row.gold_correct += int(correct)
    disqualify = (
        row.state == Qualification.State.QUALIFIED
        and row.gold_seen >= queue.qualification_min_gold
        and (row.accuracy or 0.0) < queue.qualification_bar
    )
    if disqualify:
        row.state = Qualification.State.DISQUALIFIED
        row.changed_at = now
        row.changed_by = "hitl"
    row.save()
    scored = Entry(
        AuditAction.GOLD_SCORED,
        "reviews.qualification",
        str(row.pk),
        {
            "queue": queue.slug,
            "reviewer": reviewer.username,
            "item": item.pk,
            "decision": decision.pk,
            "answer": answer,
            "gold_label": item.gold_label,
            "correct": correct,
            "gold_seen": row.gold_seen,
            "gold_correct": row.gold_correct,
        },
    )
    audit_record_many(actor=actor, entries=[recorded, scored])
    if disqualify:
        audit_record(
            actor=Actor.system("qualification"),
            action=AuditAction.REVIEWER_DISQUALIFIED,
            target=row,
            data={
                "queue": queue.slug,
                "reviewer": reviewer.username,
                "accuracy": row.accuracy,
                "bar": queue.qualification_bar,
                "min_gold": queue.qualification_min_gold,
                "gold_seen": row.gold_seen,
                "gold_correct": row.gold_correct,
            },
        )
    return row


def qualification_requalify(
    *, queue: Queue, reviewer: User, actor: Actor, now: datetime | None = None
) -> Qualification:
    """Let a disqualified reviewer claim again; their gold count starts afresh.

    Raises Qualification.DoesNotExist (no row) or NotDisqualified.
    """
    now = now or timezone.now()
    with transaction.atomic():
        row = Qualification.objects.select_for_update().get(queue=queue, reviewer=reviewer)
        if row.state != Qualification.State.DISQUALIFIED:
            raise NotDisqualified(f"{reviewer.username} is not disqualified on {queue.slug}.")
        before = {"gold_seen": row.gold_seen, "gold_correct": row.gold_correct}
        row.state = Qualification.State.QUALIFIED
        row.gold_seen = 0
        row.gold_correct = 0
        row.changed_at = now
        row.changed_by = actor.label
        row.save()
        audit_record(
            actor=actor,
            action=AuditAction.REVIEWER_REQUALIFIED,
            target=row,
            data={"queue": queue.slug, "reviewer": reviewer.username, "before": before},
        )
    return row


SETTINGS = ("gold_rate", "qualification_bar", "qualification_min_gold")


def qualification_settings_set(*, queue: Queue, changes: Mapping[str, Any], actor: Actor) -> Queue:
    """Change the queue's gold rate, bar and minimum (validated by the caller); audited.

    Returns the queue, unchanged and unaudited when nothing differs.
    """
    with transaction.atomic():
        # NO KEY UPDATE: an update of settings must not block the key-share locks that
        # inserts of items, assignments and qualification rows take on the queue.
        locked = Queue.objects.select_for_update(no_key=True).get(pk=queue.pk)
        before = {name: getattr(locked, name) for name in SETTINGS}
        after = {**before, **{name: changes[name] for name in SETTINGS if name in changes}}
        if after == before:
            return locked
        for name, value in after.items():
            setattr(locked, name, value)
        locked.save(update_fields=list(SETTINGS))
        audit_record(
            actor=actor,
            action=AuditAction.QUEUE_UPDATED,
            target=locked,
            data={"queue": locked.slug, "qualification": {"before": before, "after": after}},
        )
    return locked
