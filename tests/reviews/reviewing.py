"""Helpers shared by the review tests: reviewers, claims and verdicts through the API."""

from __future__ import annotations

from typing import Any

from rest_framework.test import APIClient

from accounts.models import User
from audit.models import AuditEvent
from reviews.escalation.models import Escalation
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from reviews.queues.services.access import reviewer_create
from reviews.work.models import Assignment, Decision
from tests.factories import SYSTEM

RATIONALE = {
    "rationale": "The applicant's income does not support it.",
    "reason_code": "wrong_label",
}


def reviewer(username: str, queue: Queue, role: Role = Role.ANNOTATOR) -> User:
    return reviewer_create(
        username=username, role=role, queues=[queue], password="pw-for-tests-only", actor=SYSTEM
    )[0]


def claim(client: APIClient, queue: Queue | str, **body: Any) -> Any:
    slug = queue if isinstance(queue, str) else queue.slug
    return client.post(f"/api/v1/queues/{slug}/claim/", body, format="json")


def decide(client: APIClient, assignment_id: int, body: Any) -> Any:
    return client.post(f"/api/v1/assignments/{assignment_id}/decision/", body, format="json")


def release(client: APIClient, assignment_id: int) -> Any:
    return client.post(f"/api/v1/assignments/{assignment_id}/release/", format="json")


def snapshot() -> dict[str, Any]:
    """Everything a refused request must leave as it was."""
    return {
        "items": list(
            Item.objects.order_by("pk").values_list(
                "pk", "state", "tier", "votes_in", "leases_active", "final_label", "release"
            )
        ),
        "assignments": list(
            Assignment.objects.order_by("pk").values_list("pk", "state", "ended_at")
        ),
        "decisions": Decision.objects.count(),
        "escalations": Escalation.objects.count(),
        "events": AuditEvent.objects.count(),
    }
