"""The policy JSON's "active_learning" object: optional in, always out, checked field by field."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import User
from audit.models import AuditEvent
from reviews.queues.models import Queue, TierPolicy
from tests.factories import DEFAULT_POLICY

pytestmark = pytest.mark.django_db

QUEUES = "/api/v1/queues/"
DEFAULTS = {"budget_per_day": 0, "uncertainty": "margin", "diversity": 0.5}


def new_queue(slug: str = "claims", **policy: Any) -> dict[str, Any]:
    return {
        "slug": slug,
        "name": "Insurance claims",
        "labels": ["pay", "deny"],
        "policy": {**DEFAULT_POLICY, **policy},
    }


def test_a_policy_version_round_trips_active_learning(
    api_as: Any, admin_user: User, queue: Queue
) -> None:
    client = api_as(admin_user)
    wanted = {"budget_per_day": 100, "uncertainty": "entropy", "diversity": 0.25}

    response = client.post(
        f"{QUEUES}{queue.slug}/policies/",
        {**DEFAULT_POLICY, "active_learning": wanted},
        format="json",
    )

    assert response.status_code == 201, response.json()
    assert response.json()["active_learning"] == wanted
    stored = TierPolicy.objects.get(queue=queue, version=response.json()["version"])
    assert (stored.al_budget_per_day, stored.al_uncertainty, stored.al_diversity) == (
        100,
        "entropy",
        0.25,
    )
    shown = client.get(f"{QUEUES}{queue.slug}/").json()["policy"]
    assert shown["active_learning"] == wanted


def test_active_learning_is_optional_and_always_shown(api_as: Any, admin_user: User) -> None:
    client = api_as(admin_user)

    created = client.post(QUEUES, new_queue(), format="json")
    partial = client.post(
        f"{QUEUES}claims/policies/",
        {**DEFAULT_POLICY, "active_learning": {"budget_per_day": 20}},
        format="json",
    )

    assert created.status_code == 201, created.json()
    assert created.json()["policy"]["active_learning"] == DEFAULTS
    assert partial.status_code == 201, partial.json()
    assert partial.json()["active_learning"] == {**DEFAULTS, "budget_per_day": 20}


@pytest.mark.parametrize(
    ("active_learning", "field"),
    [
        ({"budget_per_day": -1}, "active_learning.budget_per_day"),
        ({"budget_per_day": 2.5}, "active_learning.budget_per_day"),
        ({"budget_per_day": "10"}, "active_learning.budget_per_day"),
        ({"budget_per_day": True}, "active_learning.budget_per_day"),
        ({"uncertainty": "least_confident"}, "active_learning.uncertainty"),
        ({"diversity": 1.5}, "active_learning.diversity"),
        ({"diversity": -0.1}, "active_learning.diversity"),
        ({"diversity": "half"}, "active_learning.diversity"),
        ({"budget": 10}, "active_learning.budget"),
        ("on", "active_learning"),
    ],
)
def test_bad_active_learning_is_a_400_with_the_field_and_stores_nothing(
    api_as: Any, admin_user: User, queue: Queue, active_learning: Any, field: str
) -> None:
    client = api_as(admin_user)
    before = (Queue.objects.count(), TierPolicy.objects.count(), AuditEvent.objects.count())

    version = client.post(
        f"{QUEUES}{queue.slug}/policies/",
        {**DEFAULT_POLICY, "active_learning": active_learning},
        format="json",
    )
    created = client.post(QUEUES, new_queue(active_learning=active_learning), format="json")

    for response, key in ((version, field), (created, f"policy.{field}")):
        assert response.status_code == 400, response.json()
        error = response.json()["error"]
        assert error["code"] == "invalid"
        assert key in error["fields"], error["fields"]
    assert (Queue.objects.count(), TierPolicy.objects.count(), AuditEvent.objects.count()) == before
