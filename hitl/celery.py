"""The Celery app: reads CELERY_* settings and finds every app's tasks.

Tasks follow the change they act on with `delay_on_commit`, so the message is sent
once the transaction has committed. If the broker is down at that moment the send
fails after the commit: raising then would turn a saved change into an error for its
caller (an API client got 500 for a decision that was recorded; tests/chaos). Every
hitl task is re-driven from the database when its message is lost (beat sweeps and
reconcilers, SPEC §10), so a send the broker refuses is logged and the caller carries on.
"""

from __future__ import annotations

import logging
import os
from importlib import import_module
from typing import Any

from celery import Celery
from celery.contrib.django.task import DjangoTask
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerUnavailable

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hitl.settings")

logger = logging.getLogger(__name__)
REFUSED = "not sent, the broker is unavailable"  # in the log line of each lost send


class Task(DjangoTask):
    def delay_on_commit(self, *args: Any, **kwargs: Any) -> None:
        """Send the task once the transaction commits; a broker outage is logged, not raised."""

        def send() -> None:
            try:
                self.delay(*args, **kwargs)
            except BrokerUnavailable as exc:
                logger.error("task %s %s: %s", self.name, REFUSED, exc)

        transaction.on_commit(send)


def task_named(name: str) -> Task:
    """The task registered as `name` ("app.tasks.function"), its module imported on first use.

    Services enqueue their follow-up work by name (`task_named("reviews.tasks.notify_group")
    .delay_on_commit(...)`): a tasks module imports the services it calls, so a service that
    imported it back would close an import cycle (docs/architecture.md).
    """
    module, _, function = name.rpartition(".")
    task: Task = getattr(import_module(module), function)
    return task


app = Celery("hitl", task_cls=Task)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
