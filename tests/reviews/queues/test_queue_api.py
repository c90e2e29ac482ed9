"""GET/POST /api/v1/queues/…: visibility, creation, policy versions, containment."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import audit_verify
from reviews.intake.models import Item
from reviews.queues.models import Containment, Queue, TierPolicy
from reviews.queues.services.access import client_create
from tests.conftest import token_client
from tests.factories import DEFAULT_POLICY, SYSTEM, prediction_body

QUEUES = "/api/v1/queues/"


def new_queue_body(slug: str = "claims", **policy: Any) -> dict[str, Any]:
    return {
        "slug": slug,
        "name": "Insurance claims",
        "labels": [{"value": "pay", "hotkey": "p"}, "deny", {"value": "refer"}],
        "reason_codes": ["fraud", {"code": "missing_docs", "description": "Documents missing"}],
        "policy": {**DEFAULT_POLICY, **policy},
    }


def actions_since(seq: int) -> list[int]:
    return list(AuditEvent.objects.filter(seq__gt=seq).values_list("action", flat=True))


def last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def listed_slugs(response: Any) -> list[str]:
    assert response.status_code == 200, response.json()
    return [queue["slug"] for queue in response.json()["results"]]


# --- Reading ---------------------------------------------------------------------------


def test_list_shows_only_the_queues_the_caller_may_see(
    api: APIClient,
    api_as: Any,
    queue: Queue,
    other_queue: Queue,
    annotator: User,
    outsider: User,
    admin_user: User,
) -> None:
    assert listed_slugs(api.get(QUEUES)) == ["loans"]
    assert listed_slugs(api_as(annotator).get(QUEUES)) == ["loans"]
    assert listed_slugs(api_as(outsider).get(QUEUES)) == ["other"]
    assert listed_slugs(api_as(admin_user).get(QUEUES)) == ["loans", "other"]


def test_list_carries_the_active_policy(api: APIClient, queue: Queue) -> None:
    (listed,) = api.get(QUEUES).json()["results"]

    assert listed["policy"]["version"] == 1
    assert listed["policy"]["auto_approve_at"] == 0.9
    assert listed["policy"]["sme_below"] == 0.5
    assert [label["value"] for label in listed["labels"]] == ["approve", "deny", "unsure"]


def test_person_with_no_queue_sees_an_empty_list(api_as: Any, queue: Queue) -> None:
    from reviews.queues.permissions import Role
    from reviews.queues.services.access import reviewer_create

    nobody, _ = reviewer_create(
        username="nobody",
        role=Role.ANNOTATOR,
        queues=[],
        password="pw-for-tests-only",
        actor=SYSTEM,
    )

    assert listed_slugs(api_as(nobody).get(QUEUES)) == []


def test_detail_for_a_reviewer_of_the_queue(api_as: Any, annotator: User, queue: Queue) -> None:
    response = api_as(annotator).get(f"{QUEUES}loans/")

    assert response.status_code == 200
    assert response.json()["slug"] == "loans"
    assert response.json()["policy"]["version"] == 1


def test_detail_is_404_for_an_outsider_and_for_a_missing_queue(
    api_as: Any, outsider: User, queue: Queue
) -> None:
    client = api_as(outsider)

    hidden = client.get(f"{QUEUES}loans/")
    missing = client.get(f"{QUEUES}no-such-queue/")

    for response in (hidden, missing):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "queue_not_found"


def test_queues_need_a_token(queue: Queue) -> None:
    assert APIClient().get(QUEUES).status_code == 401
    assert APIClient().get(f"{QUEUES}loans/").status_code == 401


# --- Creating queues -------------------------------------------------------------------


def test_admin_creates_a_queue_with_policy_v1_active(api_as: Any, admin_user: User) -> None:
    client = api_as(admin_user)
    seq = last_seq()

    response = client.post(QUEUES, new_queue_body("claims", mode="post_hoc"), format="json")

    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["slug"] == "claims"
    assert data["policy"]["version"] == 1
    assert data["policy"]["mode"] == "post_hoc"
    assert [label["value"] for label in data["labels"]] == ["pay", "deny", "refer"]
    assert [code["code"] for code in data["reason_codes"]] == ["fraud", "missing_docs"]
    queue = Queue.objects.get(slug="claims")
    assert queue.active_policy is not None
    assert queue.active_policy.version == 1
    assert queue.active_policy.created_by == admin_user
    assert queue.policies.count() == 1
    assert actions_since(seq) == [
        AuditAction.QUEUE_CREATED,
        AuditAction.POLICY_CREATED,
        AuditAction.POLICY_ACTIVATED,
    ]
    event = AuditEvent.objects.get(seq=seq + 1)
    assert (event.actor_kind, event.actor_label) == ("user", "admin")


def test_admin_creates_a_queue_with_every_policy_field(api_as: Any, admin_user: User) -> None:
    policy = {
        "auto_approve_at": 0.95,
        "sme_below": 0.4,
        "risk_tier": "high",
        "mode": "in_path",
        "shadow": True,
        "audit_sample_rate": 0.02,
        "consensus": {"reviewers": 3, "rule": "unanimous", "on_disagreement": "escalate"},
        "slice_rules": [
            {"when": {"region": "EU"}, "route": "sme"},
            {"when": {"product": ["mortgage", "heloc"]}, "skill": "lending"},
        ],
        "sla": {
            "tier1": {"time_to_human_s": 600, "time_to_decision_s": 1800},
            "sme": {"time_to_human_s": 1200, "time_to_decision_s": 7200},
        },
        "active_learning": {"budget_per_day": 100, "uncertainty": "entropy", "diversity": 0.3},
    }
    body = {**new_queue_body(), "policy": policy}

    response = api_as(admin_user).post(QUEUES, body, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["policy"] == {"version": 1, **policy}


def test_annotator_may_not_create_a_queue(api_as: Any, annotator: User) -> None:
    client = api_as(annotator)
    before = (Queue.objects.count(), AuditEvent.objects.count())

    response = client.post(QUEUES, new_queue_body(), format="json")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert (Queue.objects.count(), AuditEvent.objects.count()) == before


def test_client_may_not_create_a_queue(api: APIClient) -> None:
    assert api.post(QUEUES, new_queue_body(), format="json").status_code == 403
    assert not Queue.objects.filter(slug="claims").exists()


def test_duplicate_slug_is_409(api_as: Any, admin_user: User, queue: Queue) -> None:
    client = api_as(admin_user)
    before = (Queue.objects.count(), TierPolicy.objects.count(), AuditEvent.objects.count())

    response = client.post(QUEUES, new_queue_body("loans"), format="json")

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "queue_exists"
    assert "slug" in error["fields"]
    assert (Queue.objects.count(), TierPolicy.objects.count(), AuditEvent.objects.count()) == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"policy": {**DEFAULT_POLICY, "sme_below": 0.95}}, "policy.sme_below"),
        ({"policy": {**DEFAULT_POLICY, "auto_approve_at": 1.2}}, "policy.auto_approve_at"),
        ({"policy": {**DEFAULT_POLICY, "mode": "sometimes"}}, "policy.mode"),
        ({"policy": {**DEFAULT_POLICY, "shadow": "yes"}}, "policy.shadow"),
        ({"policy": {**DEFAULT_POLICY, "audit_sample_rate": -0.1}}, "policy.audit_sample_rate"),
        ({"policy": {**DEFAULT_POLICY, "threshold": 0.5}}, "policy.threshold"),
        (
            {"policy": {**DEFAULT_POLICY, "slice_rules": [{"when": {"region": "EU"}}]}},
            "policy.slice_rules.0",
        ),
        (
            {"policy": {**DEFAULT_POLICY, "slice_rules": [{"when": {"r": 1}, "route": "sme"}]}},
            "policy.slice_rules.0.when",
        ),
        (
            {"policy": {**DEFAULT_POLICY, "slice_rules": [{"when": {"r\x00": "x"}, "skill": "a"}]}},
            "policy.slice_rules.0.when",
        ),
        ({"redaction": {"entities": ["EMAIL\x00"]}}, "redaction"),
        ({"name": "nul\x00"}, "name"),
        ({"labels": []}, "labels"),
        ({"labels": ["a", "a"]}, "labels"),
        ({"labels": [{"value": "a", "hotkey": "x"}, {"value": "b", "hotkey": "x"}]}, "labels"),
        ({"slug": "Not a slug!"}, "slug"),
        ({"name": 5}, "name"),
        ({"colour": "blue"}, "colour"),
    ],
    ids=[
        "sme_below_above_auto",
        "auto_above_1",
        "bad_mode",
        "string_shadow",
        "negative_sample_rate",
        "unknown_policy_field",
        "rule_without_route_or_skill",
        "rule_with_non_string_value",
        "rule_with_nul",
        "redaction_with_nul",
        "name_with_nul",
        "no_labels",
        "duplicate_labels",
        "duplicate_hotkeys",
        "bad_slug",
        "int_name",
        "unknown_field",
    ],
)
def test_invalid_queue_is_400_with_the_field_and_stores_nothing(
    api_as: Any, admin_user: User, change: dict[str, Any], field: str
) -> None:
    client = api_as(admin_user)
    before = (Queue.objects.count(), TierPolicy.objects.count(), AuditEvent.objects.count())

    response = client.post(QUEUES, {**new_queue_body(), **change}, format="json")

    assert response.status_code == 400, response.json()
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"], error["fields"]
    assert (Queue.objects.count(), TierPolicy.objects.count(), AuditEvent.objects.count()) == before


# --- Policy versions -------------------------------------------------------------------


def policies_url(slug: str = "loans") -> str:
    return f"{QUEUES}{slug}/policies/"


def test_new_policy_version_is_active_at_once(
    api: APIClient, api_as: Any, admin_user: User, queue: Queue
) -> None:
    old_item = api.post("/api/v1/predictions/", prediction_body(queue), format="json").json()
    client = api_as(admin_user)
    seq = last_seq()

    response = client.post(
        policies_url(), {**DEFAULT_POLICY, "auto_approve_at": 0.6, "note": "looser"}, format="json"
    )

    assert response.status_code == 201, response.json()
    assert response.json()["version"] == 2
    assert response.json()["active"] is True
    queue.refresh_from_db()
    assert queue.active_policy is not None
    assert queue.active_policy.version == 2
    assert queue.active_policy.note == "looser"
    assert actions_since(seq) == [AuditAction.POLICY_CREATED, AuditAction.POLICY_ACTIVATED]
    activated = AuditEvent.objects.get(seq=seq + 2)
    assert activated.data["version"] == 2
    assert activated.data["previous_version"] == 1

    # The old item keeps the version that routed it; the next one is routed by v2.
    assert Item.objects.get(pk=old_item["id"]).policy.version == 1
    new_item = api.post("/api/v1/predictions/", prediction_body(queue), format="json").json()
    assert (new_item["policy_version"], new_item["route"]) == (2, "auto_approved")
    assert api.get(f"{QUEUES}loans/").json()["policy"]["version"] == 2


def test_policy_with_activate_false_is_stored_but_not_active(
    api: APIClient, api_as: Any, admin_user: User, queue: Queue
) -> None:
    client = api_as(admin_user)
    seq = last_seq()

    response = client.post(
        policies_url(), {**DEFAULT_POLICY, "auto_approve_at": 0.6, "activate": False}, format="json"
    )

    assert response.status_code == 201
    assert (response.json()["version"], response.json()["active"]) == (2, False)
    queue.refresh_from_db()
    assert queue.active_policy is not None
    assert queue.active_policy.version == 1
    assert queue.policies.count() == 2
    assert actions_since(seq) == [AuditAction.POLICY_CREATED]
    item = api.post("/api/v1/predictions/", prediction_body(queue), format="json").json()
    assert (item["policy_version"], item["route"]) == (1, "tier1")


def test_policy_versions_keep_increasing(api_as: Any, admin_user: User, queue: Queue) -> None:
    client = api_as(admin_user)

    versions = [
        client.post(policies_url(), DEFAULT_POLICY, format="json").json()["version"]
        for _ in range(3)
    ]

    assert versions == [2, 3, 4]
    assert list(queue.policies.order_by("version").values_list("version", flat=True)) == [
        1,
        2,
        3,
        4,
    ]


def test_invalid_policy_is_400_and_stores_nothing(
    api_as: Any, admin_user: User, queue: Queue
) -> None:
    client = api_as(admin_user)
    before = (TierPolicy.objects.count(), AuditEvent.objects.count())

    response = client.post(policies_url(), {**DEFAULT_POLICY, "sme_below": 0.95}, format="json")

    assert response.status_code == 400
    assert "sme_below" in response.json()["error"]["fields"]
    assert (TierPolicy.objects.count(), AuditEvent.objects.count()) == before


def test_only_managers_add_policies(
    api: APIClient, api_as: Any, annotator: User, outsider: User, queue: Queue
) -> None:
    for client in (api, api_as(annotator), api_as(outsider)):
        response = client.post(policies_url(), DEFAULT_POLICY, format="json")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "queue_not_found"
    assert queue.policies.count() == 1


# --- Containment -----------------------------------------------------------------------


def containment_url(slug: str = "loans") -> str:
    return f"{QUEUES}{slug}/containment/"


def confident(queue: Queue, **overrides: Any) -> dict[str, Any]:
    return prediction_body(queue, output={"label": "approve", "confidence": 0.99}, **overrides)


def test_containment_set_and_lift_change_the_next_ingest(
    api: APIClient, api_as: Any, responder: User, queue: Queue
) -> None:
    client = api_as(responder)
    seq = last_seq()

    contained = client.post(containment_url(), {"reason": "INC-7: drift"}, format="json")

    assert contained.status_code == 201, contained.json()
    assert contained.json()["active"] is True
    assert contained.json()["slice"] == {}
    assert contained.json()["set_by"] == "responder"
    assert actions_since(seq) == [AuditAction.CONTAINMENT_SET]
    assert AuditEvent.objects.get(seq=seq + 1).data["reason"] == "INC-7: drift"

    held = api.post("/api/v1/predictions/", confident(queue), format="json").json()
    assert (held["route"], held["release"], held["state"]) == ("tier1", "held", "queued")
    assert "containment" in [step["step"] for step in held["trace"]]

    seq = last_seq()
    lift_url = f"{containment_url()}{contained.json()['id']}/lift/"
    lifted = client.post(lift_url, {"note": "model rolled back"}, format="json")

    assert lifted.status_code == 200, lifted.json()
    assert lifted.json()["active"] is False
    assert lifted.json()["lifted_by"] == "responder"
    assert lifted.json()["lift_note"] == "model rolled back"
    assert actions_since(seq) == [AuditAction.CONTAINMENT_LIFTED]

    released = api.post("/api/v1/predictions/", confident(queue), format="json").json()
    assert (released["route"], released["release"]) == ("auto_approved", "released")
    # The item routed under containment keeps its route.
    assert Item.objects.get(pk=held["id"]).route == "tier1"
    assert audit_verify().ok


def test_lifting_twice_is_409(api_as: Any, admin_user: User, queue: Queue) -> None:
    client = api_as(admin_user)
    pk = client.post(containment_url(), {"reason": "x"}, format="json").json()["id"]
    lift_url = f"{containment_url()}{pk}/lift/"
    assert client.post(lift_url, {"note": "done"}, format="json").status_code == 200
    seq = last_seq()

    again = client.post(lift_url, {"note": "done again"}, format="json")

    assert again.status_code == 409
    assert again.json()["error"]["code"] == "not_active"
    assert last_seq() == seq


def test_slice_containment_holds_only_that_slice(
    api: APIClient, api_as: Any, admin_user: User, queue: Queue
) -> None:
    response = api_as(admin_user).post(
        containment_url(), {"slice": {"region": "EU"}, "reason": "EU regulator"}, format="json"
    )
    assert response.status_code == 201

    eu = api.post("/api/v1/predictions/", confident(queue, slice={"region": "EU"}), format="json")
    us = api.post("/api/v1/predictions/", confident(queue, slice={"region": "US"}), format="json")

    assert (eu.json()["route"], eu.json()["release"]) == ("tier1", "held")
    assert (us.json()["route"], us.json()["release"]) == ("auto_approved", "released")


def test_second_containment_on_the_same_scope_is_409(
    api_as: Any, admin_user: User, queue: Queue
) -> None:
    client = api_as(admin_user)
    assert client.post(containment_url(), {"reason": "a"}, format="json").status_code == 201
    eu = {"slice": {"region": "EU"}, "reason": "b"}
    assert client.post(containment_url(), eu, format="json").status_code == 201
    seq = last_seq()

    for body in ({"reason": "again"}, {"slice": {}, "reason": "again"}, {**eu, "reason": "c"}):
        response = client.post(containment_url(), body, format="json")
        assert response.status_code == 409
        assert response.json()["error"]["code"] == "already_contained"

    assert Containment.objects.filter(queue=queue, active=True).count() == 2
    assert last_seq() == seq


def test_containment_after_a_lift_may_be_set_again(
    api_as: Any, admin_user: User, queue: Queue
) -> None:
    client = api_as(admin_user)
    pk = client.post(containment_url(), {"reason": "a"}, format="json").json()["id"]
    client.post(f"{containment_url()}{pk}/lift/", {"note": "ok"}, format="json")

    assert client.post(containment_url(), {"reason": "b"}, format="json").status_code == 201


def test_containment_list_shows_the_switches(api_as: Any, admin_user: User, queue: Queue) -> None:
    client = api_as(admin_user)
    client.post(containment_url(), {"reason": "a"}, format="json")

    response = client.get(containment_url())

    assert response.status_code == 200
    assert [(c["reason"], c["active"]) for c in response.json()] == [("a", True)]


def test_containment_needs_a_reason(api_as: Any, admin_user: User, queue: Queue) -> None:
    response = api_as(admin_user).post(containment_url(), {}, format="json")

    assert response.status_code == 400
    assert "reason" in response.json()["error"]["fields"]
    assert not Containment.objects.exists()


def test_annotators_outsiders_and_clients_may_not_contain(
    api: APIClient, api_as: Any, annotator: User, outsider: User, queue: Queue
) -> None:
    clients = (api, api_as(annotator), api_as(outsider))
    seq = last_seq()

    for client in clients:
        response = client.post(containment_url(), {"reason": "x"}, format="json")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "queue_not_found"

    assert not Containment.objects.exists()
    assert last_seq() == seq


def test_containment_of_another_queue_cannot_be_lifted_through_this_one(
    api_as: Any, admin_user: User, queue: Queue, other_queue: Queue
) -> None:
    client = api_as(admin_user)
    pk = client.post(containment_url("other"), {"reason": "x"}, format="json").json()["id"]

    response = client.post(f"{containment_url('loans')}{pk}/lift/", {"note": "n"}, format="json")

    assert response.status_code == 404
    assert Containment.objects.get(pk=pk).active is True


def test_client_of_one_queue_does_not_see_the_other(queue: Queue, other_queue: Queue) -> None:
    client = token_client(client_create(name="other-svc", queues=[other_queue], actor=SYSTEM)[1])

    assert listed_slugs(client.get(QUEUES)) == ["other"]
    assert client.get(f"{QUEUES}loans/").status_code == 404
