"""The retraining triggers' beat task (services/triggers.py).

Its own module rather than datasets/tasks.py (the snapshot builds' tasks): Celery's
autodiscovery imports only `tasks` modules, so settings.CELERY_IMPORTS names this one.
"""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from datasets.services.triggers import retrain_triggers_run
from reviews.tasks import RETRYING


@shared_task(**RETRYING)
def run_retrain_triggers() -> int:
    """Judge every active retraining trigger; every minute by beat. Idempotent: a trigger
    that fired moved its cursor, so a re-run finds nothing new until new work arrives."""
    return retrain_triggers_run(now=timezone.now())
