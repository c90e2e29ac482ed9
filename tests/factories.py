"""Typed builders for test data; writes go through the same services as production."""

from __future__ import annotations

import itertools
from typing import Any

import factory

from accounts.models import User
from audit.services import Actor
from reviews.intake.services.ingest import predictions_ingest
from reviews.intake.services.validation import validate_prediction
from reviews.queues.models import Queue
from reviews.queues.services.queues import queue_create

SYSTEM = Actor.system("tests")
_counter = itertools.count()

DEFAULT_POLICY: dict[str, Any] = {
    "auto_approve_at": 0.9,
    "sme_below": 0.5,
    "risk_tier": "medium",
    "mode": "in_path",
    "shadow": False,
    "audit_sample_rate": 0.0,
}


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw-for-tests-only")


def make_queue(slug: str | None = None, **policy: Any) -> Queue:
    """A queue with labels approve/deny/unsure and DEFAULT_POLICY overridden by `policy`."""
    return queue_create(
        slug=slug or f"queue-{next(_counter)}",
        name="Test queue",
        labels=[
            {"value": "approve", "hotkey": "a"},
            {"value": "deny", "hotkey": "d"},
            {"value": "unsure", "hotkey": "u"},
        ],
        reason_codes=[{"code": "wrong_label"}, {"code": "unusable_input"}],
        policy={**DEFAULT_POLICY, **policy},
        actor=SYSTEM,
    )


def prediction_body(queue: Queue | str, **overrides: Any) -> dict[str, Any]:
    """A valid API body for POST /api/v1/predictions/."""
    body: dict[str, Any] = {
        "queue": queue if isinstance(queue, str) else queue.slug,
        "external_id": f"ext-{next(_counter)}",
        "model_version": "model-1",
        "input": {"text": "Please review this application."},
        "output": {"label": "approve", "confidence": 0.7},
    }
    body.update(overrides)
    return body


def ingest(queue: Queue, **overrides: Any) -> Any:
    """Ingest one prediction through the service and return the item."""
    body = prediction_body(queue, **overrides)
    prediction = validate_prediction(body)[1]
    (result,) = predictions_ingest(queue=queue, predictions=[prediction], actor=SYSTEM)
    return result.item
