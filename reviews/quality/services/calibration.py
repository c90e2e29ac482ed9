"""Calibration maps per queue (SPEC §3 step 3): fitted from human decisions, used by routing.

A fit reads the queue's human-decided, non-gold items that carry a label (rejected items
have none), takes the model's RAW confidence and whether the model's label equals the
final human label, and fits an isotonic or Platt map (stats/calibration.py).
The new fit replaces the queue's active one in one audited transaction.

Routing reads the active map on every ingest, the hot path, so it costs no query there:
`queues_for_submit` (reviews/queues/selectors.py) reads the active fit's id with the queue, and
the map itself is parsed once per process and kept under (queue id, fit id). A new fit
has a new id, so the cache never needs invalidating; the old entry is simply dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from audit.actions import AuditAction
from audit.services import Actor, audit_record
from hitl.errors import ServiceError
from reviews.choices import Outcome
from reviews.intake.models import Item
from reviews.quality.models import CalibrationFit
from reviews.queues.models import Queue
from stats.calibration import (
    CalibrationMap,
    Method,
    expected_calibration_error,
    fit_calibration,
)

MIN_ITEMS = 50
# The scheduled refit looks at this much recent history: recent behaviour is what the
# map should describe, and the read stays bounded as decisions pile up.
SCHEDULED_SINCE = timedelta(days=30)
METHODS: tuple[str, ...] = tuple(CalibrationFit.Method.values)


class CalibrationRefused(ServiceError):
    """Not enough (or not varied enough) human decisions to fit on; `code` names why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code=code)


@dataclass(frozen=True)
class Outcomes:
    """Raw confidence and correctness of a queue's human-decided items."""

    confidences: list[float]
    correct: list[bool]


def decided_outcomes(
    *, queue: Queue, since: datetime | None = None, until: datetime | None = None
) -> Outcomes:
    """The queue's human-decided, labelled, non-gold items received in [since, until).

    Filtered on received_at so the read is a range of item_queue_received_idx.
    """
    items = Item.objects.filter(
        queue=queue,
        state=Item.State.DECIDED,
        is_gold=False,
        outcome__in=[Outcome.APPROVED, Outcome.CORRECTED],
    ).exclude(final_label="")
    if since is not None:
        items = items.filter(received_at__gte=since)
    if until is not None:
        items = items.filter(received_at__lt=until)
    rows = items.values_list("confidence", "output_label", "final_label")
    return Outcomes(
        confidences=[float(conf) for conf, _, _ in rows],
        correct=[model == final for _, model, final in rows],
    )


def _check(outcomes: Outcomes, min_items: int) -> None:
    n = len(outcomes.confidences)
    if n < min_items:
        raise CalibrationRefused(
            "too_few_items",
            f"Only {n} human-decided items to fit on; a calibration map needs at least "
            f"{min_items}.",
        )
    if all(outcomes.correct) or not any(outcomes.correct):
        kind = "right" if outcomes.correct[0] else "wrong"
        raise CalibrationRefused(
            "one_class",
            f"The model was {kind} on every one of the {n} items: there is nothing to "
            "calibrate against until people have both confirmed and corrected it.",
        )


def calibration_fit(
    *,
    queue: Queue,
    method: str,
    actor: Actor,
    since: datetime | None = None,
    min_items: int = MIN_ITEMS,
) -> CalibrationFit:
    """Fit a map from the queue's human decisions and make it the active one.

    Raises CalibrationRefused with fewer than `min_items` items or only one class, and
    ValueError for an unknown method. The fit itself runs before the transaction: it
    needs no lock, and scikit-learn's time should not hold the queue row.
    ECE after is measured on the items the map was fitted on (in-sample): it shows the
    fit, not how well it will generalise.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}")
    outcomes = decided_outcomes(queue=queue, since=since)
    _check(outcomes, min_items)
    chosen: Method = "platt" if method == "platt" else "isotonic"
    fitted = fit_calibration(outcomes.confidences, outcomes.correct, method=chosen)
    before = expected_calibration_error(outcomes.confidences, outcomes.correct)
    after = expected_calibration_error(
        [fitted.apply(c) for c in outcomes.confidences], outcomes.correct
    )
    return _store(
        queue=queue,
        method=method,
        fitted=fitted,
        report={"before": before.as_dict(), "after": after.as_dict(), "since": since},
        ece=(before.ece, after.ece),
        actor=actor,
    )


@transaction.atomic
def _store(
    *,
    queue: Queue,
    method: str,
    fitted: CalibrationMap,
    report: dict[str, Any],
    ece: tuple[float | None, float | None],
    actor: Actor,
) -> CalibrationFit:
    # Serializes fits of one queue, so calibration_one_active never trips between the
    # two statements. NO KEY UPDATE: ingest's items reference the queue row (queues.py).
    Queue.objects.select_for_update(no_key=True).filter(pk=queue.pk).first()
    replaced = list(
        CalibrationFit.objects.filter(queue=queue, active=True).values_list("pk", flat=True)
    )
    CalibrationFit.objects.filter(pk__in=replaced).update(active=False)
    if report.get("since") is not None:
        report = {**report, "since": report["since"].isoformat()}
    fit = CalibrationFit.objects.create(
        queue=queue,
        method=method,
        params=fitted.to_json(),
        n_items=fitted.n_fit,
        ece_before=ece[0],
        ece_after=ece[1],
        report=report,
        fitted_at=timezone.now(),
        fitted_by=actor.label,
        active=True,
    )
    audit_record(
        action=AuditAction.CALIBRATION_FITTED,
        actor=actor,
        target=fit,
        data={
            "queue": queue.slug,
            "method": method,
            "n_items": fit.n_items,
            "ece_before": fit.ece_before,
            "ece_after": fit.ece_after,
            "params": fit.params,
            "replaced": replaced,
        },
    )
    return fit


def calibrations_refit(*, now: datetime | None = None) -> int:
    """The scheduled refit: every queue with enough recent decisions gets a new map, by
    the method of its current fit (isotonic if none). Queues refused are skipped."""
    since = (now or timezone.now()) - SCHEDULED_SINCE
    methods = dict(CalibrationFit.objects.filter(active=True).values_list("queue_id", "method"))
    fitted = 0
    for queue in Queue.objects.order_by("pk"):
        method = methods.get(queue.pk, CalibrationFit.Method.ISOTONIC)
        try:
            calibration_fit(
                queue=queue, method=method, actor=Actor.system("calibration"), since=since
            )
        except CalibrationRefused:
            continue
        fitted += 1
    return fitted
