"""create_client: a submitting client, or with --export a training pipeline that may also
download the queue's snapshots; a re-run issues a key without re-creating the client."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from audit.actions import AuditAction
from audit.models import AuditEvent
from reviews.queues.models import Queue

pytestmark = pytest.mark.django_db


def create(*args: str) -> str:
    out = StringIO()
    call_command("create_client", *args, stdout=out)
    return out.getvalue().splitlines()[-1]


def datasets_status(key: str, queue: Queue) -> int:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api.get(f"/api/v1/queues/{queue.slug}/datasets/").status_code


def test_export_flag_lets_a_pipeline_list_snapshots(queue: Queue) -> None:
    submitter = create("scorer", "--queue", queue.slug)
    pipeline = create("trainer", "--queue", queue.slug, "--export")

    assert datasets_status(submitter, queue) == 403
    assert datasets_status(pipeline, queue) == 200


def test_a_rerun_issues_a_key_but_creates_the_client_once(queue: Queue) -> None:
    first = create("scorer", "--queue", queue.slug)
    second = create("scorer", "--queue", queue.slug)

    assert first != second
    created = AuditEvent.objects.filter(action=AuditAction.USER_CREATED, target_id__isnull=False)
    assert [e.data["username"] for e in created if e.data.get("username") == "scorer"] == ["scorer"]
