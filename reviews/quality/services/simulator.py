"""The threshold simulator (SPEC §5): replay a window's human decisions against candidate
`auto_approve_at` values, and draft a policy version from the chosen one.

Confidences are calibrated with the queue's active map (the value routing compares
today), applied to each item's raw confidence, so the curve answers "what would this
threshold do from now on"; with no map they are the raw values. Correct means the
model's label equals the final human label (rejected items carry no label and are left
out). Only items a person decided carry a truth, so above the current threshold the
curve rests on the audit sample alone; every point says how many items it stands on.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from accounts.models import User
from audit.services import Actor
from hitl.errors import ServiceError
from reviews.intake.selectors import active_calibration
from reviews.quality.services.calibration import decided_outcomes
from reviews.queues.models import Queue, TierPolicy
from reviews.queues.services.queues import policy_create
from stats.simulator import simulate_thresholds


class DraftInvalid(ServiceError):
    """The chosen threshold cannot make a valid policy; `fields` says why, per field."""

    code = "invalid"

    def __init__(self, fields: dict[str, list[str]]) -> None:
        super().__init__("; ".join(m for ms in fields.values() for m in ms), fields=fields)


def threshold_curve(*, queue: Queue, start: datetime, end: datetime) -> dict[str, Any]:
    """The simulator's curve over items received in [start, end), current value marked.

    Workload per day is over the window's length, not the span of the items in it.
    """
    policy = queue.active_policy
    outcomes = decided_outcomes(queue=queue, since=start, until=end)
    calibration = active_calibration(queue=queue)
    if calibration is not None:
        confidences = [calibration[1].apply(c) for c in outcomes.confidences]
    else:
        confidences = outcomes.confidences
    curve = simulate_thresholds(
        confidences=confidences,
        correct=outcomes.correct,
        span_days=(end - start).total_seconds() / 86400,
        current=policy.auto_approve_at if policy else None,
        audit_sample_rate=policy.audit_sample_rate if policy else 0.0,
    )
    return {
        "queue": queue.slug,
        "window": {"start": start.isoformat(), "end": end.isoformat()},
        "policy_version": policy.version if policy else None,
        "auto_approve_at": policy.auto_approve_at if policy else None,
        "confidence": f"calibrated (fit {calibration[0]})" if calibration else "raw",
        **curve.as_dict(),
    }


@transaction.atomic
def policy_draft(
    *, queue: Queue, auto_approve_at: float, actor: Actor, created_by: User | None = None
) -> TierPolicy:
    """A new, inactive policy version: the active one with `auto_approve_at` changed.

    An admin still activates it (SPEC §5); policy_create audits it as POLICY_CREATED.
    Raises DraftInvalid when the value is out of [0, 1] or below the policy's sme_below.
    """
    active = Queue.objects.select_related("active_policy").get(pk=queue.pk).active_policy
    if active is None:
        raise DraftInvalid({"auto_approve_at": ["The queue has no active policy to copy."]})
    if not 0.0 <= auto_approve_at <= 1.0:
        raise DraftInvalid({"auto_approve_at": ["Must be between 0 and 1."]})
    if auto_approve_at < active.sme_below:
        raise DraftInvalid(
            {
                "auto_approve_at": [
                    f"Must not be below the policy's sme_below ({active.sme_below}); "
                    "change sme_below with a policy version of your own."
                ]
            }
        )
    body = active.as_json()
    body.pop("version")
    body["auto_approve_at"] = auto_approve_at
    return policy_create(
        queue=queue,
        policy=body,
        actor=actor,
        created_by=created_by,
        activate=False,
        note=f"Drafted by the threshold simulator from v{active.version}: "
        f"auto_approve_at {active.auto_approve_at} → {auto_approve_at}",
    )
