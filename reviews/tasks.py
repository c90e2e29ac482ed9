"""Review chores off the request path: thin tasks, each calling one service.

All are idempotent (acks_late: a task may run twice) and enqueued only on commit
(`delay_on_commit`). Deadlines live in the database, so a lost message or a broker
outage delays a sweep or a bundle but never loses it: beat runs the sweeps again and
the reconciler re-drives bundles whose task never ran.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import OperationalError
from django.utils import timezone

from reviews.escalation.services.alerts import alerts_evaluate
from reviews.escalation.services.evidence import (
    bundles_reconcile,
    escalation_bundle_build,
    incident_bundle_build,
)
from reviews.escalation.services.sla import sla_escalate_breached
from reviews.intake.services.retention import raw_inputs_purge
from reviews.quality.services.calibration import calibrations_refit
from reviews.quality.services.rollups import rollups_catch_up
from reviews.quality.services.sampling import active_learning_sample
from reviews.work.services.claims import assignments_expire

RETRYING = {
    "acks_late": True,
    "autoretry_for": (OperationalError,),
    "retry_backoff": True,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    # Celery's default of 3 gives up after a few seconds of database outage (tests/chaos);
    # 12 backed-off tries ride out several minutes before the reconcilers must step in.
    "max_retries": 12,
}


@shared_task(**RETRYING)
def expire_leases() -> int:
    """Return expired leases' items to their queues; idempotent (a re-run finds none)."""
    return assignments_expire()


@shared_task(**RETRYING)
def purge_raw_inputs() -> int:
    """Purge raw inputs past their queue's retention period (services/retention.py); run
    by beat. Idempotent: purged rows leave the index the purge reads."""
    return raw_inputs_purge(now=timezone.now())


@shared_task(**RETRYING)
def advance_rollups() -> int:
    """Fold new audit events into the metric roll-ups (services/rollups.py); by beat."""
    return rollups_catch_up()


@shared_task(**RETRYING)
def refit_calibrations() -> int:
    """Refit every queue's calibration map from recent decisions (services/calibration.py);
    daily by beat. A re-run only fits again on the same items."""
    return calibrations_refit(now=timezone.now())


@shared_task(**RETRYING)
def evaluate_alerts() -> dict[str, int]:
    """Evaluate every active alert rule (services/alerts.py); every minute by beat.
    Idempotent: a rule that stays firing is announced once."""
    return alerts_evaluate(now=timezone.now())


@shared_task(**RETRYING)
def sample_for_review() -> int:
    """Pull auto-approved items into Tier 1 within each queue's active-learning budget
    (services/sampling.py); run by beat. Idempotent: a per-queue cursor, moved in the
    transaction that samples, means a re-run finds nothing new."""
    return active_learning_sample()


@shared_task(**RETRYING)
def sweep_sla_breaches() -> int:
    """Escalate every item past its SLA deadline (services/sla.py); run by beat."""
    return sla_escalate_breached()


@shared_task(**RETRYING)
def build_escalation_bundles(escalation_ids: list[int]) -> int:
    """Build the tickets' evidence bundles; a ticket that has one is skipped."""
    memo: dict[Any, Any] = {}  # the batch's tickets share their queue's KPIs
    return sum(
        escalation_bundle_build(escalation_id=pk, memo=memo) is not None for pk in escalation_ids
    )


@shared_task(**RETRYING)
def build_incident_bundle(incident_id: int) -> bool:
    return incident_bundle_build(incident_id=incident_id) is not None


@shared_task(**RETRYING)
def reconcile_bundles() -> int:
    """Re-drive bundles whose task was lost; run by beat."""
    return bundles_reconcile()


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_group(group_id: int | None, subject: str, body: str) -> int:
    """Email the active members of an owner group who have an address; how many.

    Subjects and bodies carry ids, queue slugs and reasons — never inputs. A re-run may
    send the email twice; that is the price of acks_late, and better than none.
    """
    if group_id is None:
        return 0
    group = Group.objects.filter(pk=group_id).first()
    if group is None:
        return 0
    recipients = sorted(
        group.user_set.filter(is_active=True).exclude(email="").values_list("email", flat=True)
    )
    if not recipients:
        return 0
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    return len(recipients)
