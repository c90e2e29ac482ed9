"""A policy version has one shape in two places: the API renders it with
PolicyOutSerializer, and audit events and evidence bundles store TierPolicy.as_json (stored
data, written by services, which may not import the API). Held equal here."""

from __future__ import annotations

import json

from reviews.queues.api.serializers import PolicyOutSerializer
from reviews.queues.models import Queue, TierPolicy
from reviews.queues.services.queues import policy_create
from tests.factories import SYSTEM


def test_the_api_renders_a_policy_as_audit_events_store_it(queue: Queue) -> None:
    assert queue.active_policy is not None
    every_part = {
        **queue.active_policy.as_json(),
        "risk_tier": "high",
        "shadow": True,
        "audit_sample_rate": 0.05,
        "consensus": {"reviewers": 3, "rule": "unanimous", "on_disagreement": "escalate"},
        "slice_rules": [{"when": {"region": ["EU", "UK"]}, "route": "sme", "skill": "eu"}],
        "sla": {
            "tier1": {"time_to_human_s": 60, "time_to_decision_s": 600},
            "sme": {"time_to_human_s": 120, "time_to_decision_s": 1200},
        },
        "active_learning": {"budget_per_day": 40, "uncertainty": "entropy", "diversity": 0.25},
    }
    fresh = policy_create(queue=queue, policy=every_part, actor=SYSTEM, activate=False)
    policies = [queue.active_policy, fresh, *TierPolicy.objects.filter(queue=queue)]

    for policy in policies:
        # json.dumps: the same keys in the same order, the same numbers (1.0 is not 1).
        assert json.dumps(PolicyOutSerializer(policy).data) == json.dumps(policy.as_json())
