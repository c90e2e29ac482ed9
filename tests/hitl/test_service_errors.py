"""One mapping from a service's refusal to the API's answer (hitl/errors.py, hitl/api/errors.py).

Views let service errors through; the exception handler answers each kind with its status
and the one error shape. Each case here is a refusal the API documents, with the status
and body clients have always got for it.
"""

from __future__ import annotations

from typing import Any

import pytest

from hitl.api.errors import exception_handler
from hitl.errors import ServiceError
from reviews.escalation.services.incidents import IncidentError, IncidentItemNotFound
from reviews.queues.services.queues import ContainmentExists
from reviews.work.services.claims import AssignmentError, AssignmentNotFound, TierNotAllowed
from reviews.work.services.decisions import DecisionInvalid


def answer(exc: Exception) -> tuple[int, Any]:
    response = exception_handler(exc, {})
    assert response is not None
    return response.status_code, response.data


@pytest.mark.parametrize(
    ("exc", "status", "error"),
    [
        (
            DecisionInvalid({"label": ["Not in the queue's labels."]}),
            400,
            {
                "code": "invalid",
                "message": "The decision has invalid fields.",
                "fields": {"label": ["Not in the queue's labels."]},
            },
        ),
        (
            TierNotAllowed("You may not work the sme tier of queue 'loans'."),
            403,
            {
                "code": "tier_not_allowed",
                "message": "You may not work the sme tier of queue 'loans'.",
                "fields": {"tier": ["You may not work the sme tier of queue 'loans'."]},
            },
        ),
        (
            AssignmentNotFound(),
            404,
            {
                "code": "assignment_not_found",
                "message": "No such assignment, or it is not yours.",
                "fields": {},
            },
        ),
        (
            AssignmentError("expired", "The lease expired."),
            409,
            {"code": "expired", "message": "The lease expired.", "fields": {}},
        ),
        (
            IncidentItemNotFound(),
            404,
            {"code": "item_not_found", "message": "No such item in this incident.", "fields": {}},
        ),
        (
            IncidentError("closed", "The incident is closed."),
            409,
            {"code": "closed", "message": "The incident is closed.", "fields": {}},
        ),
        (
            ContainmentExists("loans: whole queue"),
            409,
            {
                "code": "already_contained",
                "message": "That scope is already contained.",
                "fields": {"slice": ["Already contained."]},
            },
        ),
    ],
)
def test_each_refusal_answers_with_its_status_and_the_one_shape(
    exc: ServiceError, status: int, error: dict[str, Any]
) -> None:
    assert answer(exc) == (status, {"error": error})


def test_a_plain_exception_is_not_a_refusal() -> None:
    """Anything else is a bug: the handler leaves it to Django's 500 page."""
    assert exception_handler(ValueError("boom"), {}) is None
