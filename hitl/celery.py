"""The Celery app: reads CELERY_* settings and finds every app's tasks."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hitl.settings")

app = Celery("hitl")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
