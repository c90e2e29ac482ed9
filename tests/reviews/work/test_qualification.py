"""Reviewer qualification: gold items, mixing, accuracy, the bar, re-qualification."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import audit_verify
from reviews.escalation.models import Escalation
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.queues.permissions import QueuePerm
from reviews.queues.services.access import queue_grant
from reviews.work.models import Assignment, Decision, Qualification
from reviews.work.services.claims import assignments_expire
from tests.factories import SYSTEM, UserFactory, ingest, make_queue
from tests.reviews.reviewing import RATIONALE, claim, decide, release, reviewer, snapshot

pytestmark = pytest.mark.django_db

_ids = itertools.count()


def gold_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "external_id": f"gold-{next(_ids)}",
        "model_version": "model-1",
        "input": {"text": "A known case."},
        "output": {"label": "approve", "confidence": 0.8},
        "gold_label": "approve",
    }
    body.update(overrides)
    return body


def add_gold(client: APIClient, queue: Queue, **overrides: Any) -> Any:
    return client.post(f"/api/v1/queues/{queue.slug}/gold/", gold_body(**overrides), format="json")


def configure(queue: Queue, **fields: Any) -> None:
    Queue.objects.filter(pk=queue.pk).update(**fields)
    queue.refresh_from_db()


def requalify(client: APIClient, queue: Queue, username: str) -> Any:
    return client.post(
        f"/api/v1/queues/{queue.slug}/qualifications/{username}/requalify/", format="json"
    )


def events(action: AuditAction) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("seq"))


@pytest.fixture
def manager(admin_user: User, api_as: Any) -> APIClient:
    return api_as(admin_user)  # type: ignore[no-any-return]


@pytest.fixture
def client(annotator: User, api_as: Any) -> APIClient:
    return api_as(annotator)  # type: ignore[no-any-return]


def gold_item(manager: APIClient, queue: Queue, **overrides: Any) -> Item:
    response = add_gold(manager, queue, **overrides)
    assert response.status_code == 201, response.content
    return Item.objects.get(pk=response.json()["id"])


def claimed_item(client: APIClient, queue: Queue) -> tuple[Item, int]:
    response = claim(client, queue)
    assert response.status_code == 200, response.content
    body = response.json()
    return Item.objects.get(pk=body["item"]["id"]), body["id"]


# --- Gold items ---------------------------------------------------------------


def test_manager_adds_a_gold_item_queued_held_and_out_of_the_normal_claim(
    queue: Queue, manager: APIClient, client: APIClient
) -> None:
    response = add_gold(manager, queue, gold_label="deny")

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["is_gold"], body["gold_label"], body["label"]) == (True, "deny", "approve")
    item = Item.objects.get(pk=body["id"])
    assert item.is_gold and item.gold_label == "deny"
    assert (item.state, item.tier, item.route, item.release) == ("queued", "tier1", "tier1", "held")
    assert (item.votes_needed, item.outcome, item.released_at) == (0, "", None)
    (event,) = events(AuditAction.GOLD_ITEM_CREATED)
    assert event.target_id == str(item.pk)
    # gold_rate is 0 by default: the normal claim never serves it.
    assert claim(client, queue).status_code == 204


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"gold_label": None}, "gold_label"),
        ({"gold_label": "maybe"}, "gold_label"),
        ({"gold_label": 3}, "gold_label"),
        ({"output": {"label": "maybe", "confidence": 0.5}}, "output.label"),
        ({"output": {"label": "approve", "confidence": 2}}, "output.confidence"),
        ({"external_id": ""}, "external_id"),
        ({"queue": "loans"}, "queue"),
    ],
)
def test_bad_gold_is_400_and_stores_nothing(
    queue: Queue, manager: APIClient, overrides: dict[str, Any], field: str
) -> None:
    body = gold_body(**overrides)
    if overrides.get("gold_label", "") is None:
        del body["gold_label"]
    before = snapshot()

    response = manager.post(f"/api/v1/queues/{queue.slug}/gold/", body, format="json")

    assert response.status_code == 400, response.content
    assert response.json()["error"]["code"] == "invalid"
    assert field in response.json()["error"]["fields"]
    assert snapshot() == before


def test_gold_external_id_taken_is_409_and_stores_nothing(queue: Queue, manager: APIClient) -> None:
    ingest(queue, external_id="dup-1")
    before = snapshot()

    response = add_gold(manager, queue, external_id="dup-1")

    assert response.status_code == 409, response.content
    assert response.json()["error"]["code"] == "external_id_taken"
    assert snapshot() == before


def test_only_queue_managers_add_gold(
    queue: Queue, client: APIClient, api: APIClient, outsider: User, api_as: Any
) -> None:
    callers = (client, api, api_as(outsider))  # issuing a token is audited: before the snapshot
    before = snapshot()
    for caller in callers:
        response = add_gold(caller, queue)
        assert response.status_code == 404, response.content
        assert response.json()["error"]["code"] == "queue_not_found"
    anonymous = add_gold(APIClient(), queue)
    assert anonymous.status_code in (401, 403), anonymous.content
    assert snapshot() == before


# --- Mixing -------------------------------------------------------------------


def test_rate_zero_never_serves_gold(queue: Queue, manager: APIClient, client: APIClient) -> None:
    configure(queue, gold_rate=0.0)
    gold_item(manager, queue)
    normal = {ingest(queue).pk for _ in range(12)}

    served = {claimed_item(client, queue)[0].pk for _ in range(12)}

    assert served == normal
    assert claim(client, queue).status_code == 204  # the gold item is still never served


def test_rate_one_serves_each_unseen_gold_once_then_normal_items(
    queue: Queue, manager: APIClient, client: APIClient, api_as: Any
) -> None:
    configure(queue, gold_rate=1.0)
    golds = {gold_item(manager, queue).pk for _ in range(2)}
    normal = ingest(queue)

    first, second, third = (claimed_item(client, queue)[0] for _ in range(3))

    assert {first.pk, second.pk} == golds
    assert third.pk == normal.pk
    assert claim(client, queue).status_code == 204
    # Reusable across reviewers: a second reviewer is served the same gold items.
    other = api_as(reviewer("annotator2", queue))
    assert {claimed_item(other, queue)[0].pk for _ in range(2)} == golds
    for pk in golds:  # leases on gold never count on the item
        item = Item.objects.get(pk=pk)
        assert (item.state, item.leases_active, item.votes_in) == ("queued", 0, 0)


def test_a_gold_lease_looks_like_any_other(
    queue: Queue, manager: APIClient, client: APIClient
) -> None:
    configure(queue, gold_rate=1.0)
    gold_item(manager, queue, gold_label="deny")

    body = claim(client, queue).json()

    assert "gold" not in str(sorted(body)) and "gold" not in str(sorted(body["item"]))
    assert "deny" not in str(body["suggestion"])


# --- Accuracy -----------------------------------------------------------------


def test_verdicts_on_gold_are_scored_and_leave_the_item_alone(
    queue: Queue, manager: APIClient, client: APIClient
) -> None:
    configure(queue, gold_rate=1.0)
    right = gold_item(manager, queue, gold_label="approve")  # model says approve
    wrong = gold_item(manager, queue, gold_label="deny")
    escalated = gold_item(manager, queue, gold_label="deny")

    results = []
    for verdict in (
        {"verdict": "approve"},
        {"verdict": "approve"},
        {"verdict": "escalate", **RATIONALE},
    ):
        item, assignment_id = claimed_item(client, queue)
        response = decide(client, assignment_id, verdict)
        assert response.status_code == 201, response.content
        results.append(item.pk)
    assert results == [right.pk, wrong.pk, escalated.pk]

    row = Qualification.objects.get(queue=queue, reviewer__username="annotator")
    assert (row.gold_seen, row.gold_correct, row.state) == (3, 1, "qualified")
    assert row.accuracy == pytest.approx(1 / 3)
    assert [e.data["correct"] for e in events(AuditAction.GOLD_SCORED)] == [True, False, False]
    for gold in (right, wrong, escalated):
        gold.refresh_from_db()
        assert (gold.state, gold.votes_in, gold.leases_active) == ("queued", 0, 0)
        assert (gold.outcome, gold.final_label, gold.release) == ("", "", "held")
        assert gold.decided_at is None and gold.released_at is None
    assert list(Decision.objects.values_list("is_gold", flat=True)) == [True, True, True]
    assert Escalation.objects.count() == 0
    assert not events(AuditAction.ITEM_DECIDED) and not events(AuditAction.ITEM_ESCALATED)
    assert audit_verify().ok


def test_override_to_the_gold_label_is_correct(
    queue: Queue, manager: APIClient, client: APIClient
) -> None:
    configure(queue, gold_rate=1.0)
    gold_item(manager, queue, gold_label="deny")
    _, assignment_id = claimed_item(client, queue)

    response = decide(client, assignment_id, {"verdict": "override", "label": "deny", **RATIONALE})

    assert response.status_code == 201, response.content
    row = Qualification.objects.get()
    assert (row.gold_seen, row.gold_correct) == (1, 1)


def test_gold_stays_claimable_by_others_while_one_reviewer_holds_or_decides_it(
    queue: Queue, manager: APIClient, client: APIClient, api_as: Any
) -> None:
    configure(queue, gold_rate=1.0)
    gold = gold_item(manager, queue)
    other = api_as(reviewer("annotator2", queue))
    third = api_as(reviewer("annotator3", queue))

    _, mine = claimed_item(client, queue)
    theirs_item, theirs = claimed_item(other, queue)  # while mine is active
    assert theirs_item.pk == gold.pk
    assert decide(client, mine, {"verdict": "approve"}).status_code == 201
    assert claimed_item(third, queue)[0].pk == gold.pk  # after mine is decided
    assert release(other, theirs).status_code == 200
    gold.refresh_from_db()
    assert (gold.state, gold.leases_active, gold.votes_in) == ("queued", 0, 0)


def test_expired_gold_leases_are_swept_without_touching_the_item(
    queue: Queue, manager: APIClient, client: APIClient, settings: Any
) -> None:
    configure(queue, gold_rate=1.0)
    gold = gold_item(manager, queue)
    claimed_item(client, queue)
    lease = Assignment.objects.get()

    assert assignments_expire(now=lease.expires_at) == 1

    lease.refresh_from_db()
    gold.refresh_from_db()
    assert lease.state == "expired"
    assert (gold.state, gold.leases_active) == ("queued", 0)


# --- The bar ------------------------------------------------------------------


def miss_gold(client: APIClient, manager: APIClient, queue: Queue) -> None:
    """Add a gold item and answer it wrongly (approve where the gold label is deny)."""
    gold_item(manager, queue, gold_label="deny")
    item, assignment_id = claimed_item(client, queue)
    assert item.is_gold
    assert decide(client, assignment_id, {"verdict": "approve"}).status_code == 201


def test_below_the_bar_after_the_minimum_disqualifies_and_claims_are_refused(
    queue: Queue, manager: APIClient, client: APIClient
) -> None:
    configure(queue, gold_rate=1.0, qualification_bar=0.8, qualification_min_gold=3)
    ingest(queue)  # real work is waiting throughout

    miss_gold(client, manager, queue)
    miss_gold(client, manager, queue)
    assert Qualification.objects.get().state == "qualified"  # under the minimum: no verdict yet

    miss_gold(client, manager, queue)

    row = Qualification.objects.get()
    assert (row.state, row.gold_seen, row.gold_correct) == ("disqualified", 3, 0)
    (event,) = events(AuditAction.REVIEWER_DISQUALIFIED)
    assert (event.data["accuracy"], event.data["bar"]) == (0.0, 0.8)
    before = snapshot()
    response = claim(client, queue)
    assert response.status_code == 403, response.content
    error = response.json()["error"]
    assert error["code"] == "not_qualified"
    assert "re-qualifies" in error["message"]
    assert snapshot() == before


def test_at_the_bar_stays_qualified(queue: Queue, manager: APIClient, client: APIClient) -> None:
    configure(queue, gold_rate=1.0, qualification_bar=0.5, qualification_min_gold=2)
    gold_item(manager, queue, gold_label="approve")
    _, assignment_id = claimed_item(client, queue)
    assert decide(client, assignment_id, {"verdict": "approve"}).status_code == 201
    miss_gold(client, manager, queue)

    assert Qualification.objects.get().state == "qualified"  # 1 of 2 = 0.5, not below
    assert claim(client, queue).status_code == 204


def test_disqualification_is_per_queue(
    queue: Queue, other_queue: Queue, manager: APIClient, api_as: Any
) -> None:
    person = reviewer("both", queue)
    queue_grant(user=person, queue=other_queue, perms=[QueuePerm.REVIEW], actor=SYSTEM)
    both = api_as(person)
    configure(queue, gold_rate=1.0, qualification_bar=0.9, qualification_min_gold=1)
    miss_gold(both, manager, queue)
    ingest(other_queue)

    assert claim(both, queue).status_code == 403
    assert claim(both, other_queue).status_code == 200


def test_browser_review_page_shows_why_a_disqualified_reviewer_gets_nothing(
    queue: Queue, manager: APIClient, client: APIClient, annotator: User
) -> None:
    configure(queue, gold_rate=1.0, qualification_bar=0.9, qualification_min_gold=1)
    miss_gold(client, manager, queue)
    ingest(queue)
    browser = Client()
    browser.force_login(annotator)

    page = browser.get(f"/queues/{queue.slug}/review/")

    assert page.status_code == 403
    text = page.content.decode()
    assert "not qualified to review this queue" in text
    assert "until an admin re-qualifies you" in text
    partial = browser.get(f"/queues/{queue.slug}/review/", headers={"HX-Request": "true"})
    assert partial.status_code == 200 and "not qualified" in partial.content.decode()


# --- Re-qualification ---------------------------------------------------------


@pytest.fixture
def disqualified(queue: Queue, manager: APIClient, client: APIClient) -> Qualification:
    configure(queue, gold_rate=1.0, qualification_bar=0.9, qualification_min_gold=1)
    miss_gold(client, manager, queue)
    row = Qualification.objects.get()
    assert row.state == "disqualified"
    return row


def test_manager_requalifies_and_claims_resume_with_a_fresh_count(
    queue: Queue, manager: APIClient, client: APIClient, disqualified: Qualification
) -> None:
    normal = ingest(queue)

    response = requalify(manager, queue, "annotator")

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["state"], body["gold_seen"], body["gold_correct"]) == ("qualified", 0, 0)
    assert body["changed_by"] == "admin"
    (event,) = events(AuditAction.REVIEWER_REQUALIFIED)
    assert event.data["before"] == {"gold_seen": 1, "gold_correct": 0}
    assert event.actor_label == "admin"
    assert claimed_item(client, queue)[0].pk == normal.pk
    assert requalify(manager, queue, "annotator").status_code == 409  # not disqualified now


def test_requalify_is_refused_to_non_managers_and_changes_nothing(
    queue: Queue, client: APIClient, api: APIClient, sme: User, api_as: Any, disqualified: Any
) -> None:
    callers = (client, api, api_as(sme))
    before = snapshot()
    for caller in callers:
        response = requalify(caller, queue, "annotator")
        assert response.status_code == 404, response.content
    assert Qualification.objects.get().state == "disqualified"
    assert snapshot() == before


def test_requalify_unknown_reviewer_is_404(queue: Queue, manager: APIClient) -> None:
    response = requalify(manager, queue, "nobody")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "qualification_not_found"


def test_admin_action_requalifies_and_is_audited(queue: Queue, disqualified: Qualification) -> None:
    boss = User.objects.create_superuser(username="root", password="pw-for-tests-only")
    browser = Client()
    browser.force_login(boss)

    response = browser.post(
        "/admin/reviews/qualification/",
        {"action": "requalify", "_selected_action": [disqualified.pk]},
    )

    assert response.status_code == 302, response.content
    disqualified.refresh_from_db()
    assert disqualified.state == "qualified"
    (event,) = events(AuditAction.REVIEWER_REQUALIFIED)
    assert event.actor_label == "root"


def test_admin_action_is_not_offered_to_staff_without_the_permission(
    queue: Queue, disqualified: Qualification
) -> None:
    staff = UserFactory(username="auditor", is_staff=True)  # may look, not change
    staff.user_permissions.add(Permission.objects.get(codename="view_qualification"))
    browser = Client()
    browser.force_login(staff)

    response = browser.post(
        "/admin/reviews/qualification/",
        {"action": "requalify", "_selected_action": [disqualified.pk]},
    )

    disqualified.refresh_from_db()
    assert response.status_code == 200  # the changelist again: "No action selected."
    assert disqualified.state == "disqualified"
    assert not events(AuditAction.REVIEWER_REQUALIFIED)


# --- Reliability ----------------------------------------------------------------


def test_weighted_consensus_weighs_reviewers_by_their_gold_accuracy(
    manager: APIClient, api_as: Any
) -> None:
    trio = make_queue("trio", consensus={"reviewers": 3, "rule": "weighted"})
    configure(trio, gold_rate=1.0)
    good = api_as(reviewer("good", trio))
    poor = [api_as(reviewer(f"poor{n}", trio)) for n in range(2)]
    for _ in range(3):
        gold_item(manager, trio, gold_label="approve")  # the model's label is right
    for _ in range(3):
        _, lease = claimed_item(good, trio)
        assert decide(good, lease, {"verdict": "approve"}).status_code == 201
        for client in poor:
            _, lease = claimed_item(client, trio)
            body = {"verdict": "override", "label": "deny", **RATIONALE}
            assert decide(client, lease, body).status_code == 201
    configure(trio, gold_rate=0.0)
    item = ingest(trio)  # the model says approve

    # Two poor reviewers (weight 1/5 each) approve; the good one (4/5) corrects to deny.
    for client in poor:
        _, lease = claimed_item(client, trio)
        assert decide(client, lease, {"verdict": "approve"}).status_code == 201
    _, lease = claimed_item(good, trio)
    correct = {"verdict": "override", "label": "deny", **RATIONALE}
    assert decide(good, lease, correct).status_code == 201

    item.refresh_from_db()
    assert (item.state, item.outcome, item.final_label) == ("decided", "corrected", "deny")
    assert not Decision.objects.filter(item=item, is_gold=True).exists()
    assert Decision.objects.filter(is_gold=True).count() == 9


def test_my_queues_counts_leave_gold_items_out(
    queue: Queue, manager: APIClient, annotator: User
) -> None:
    gold_item(manager, queue)
    gold_item(manager, queue)
    ingest(queue)  # one real item, queued at Tier 1 and held
    browser = Client()
    browser.force_login(annotator)

    page = browser.get("/")

    assert page.status_code == 200
    ((row, _),) = page.context["rows"]
    assert (row.tier1_waiting, row.held, row.total) == (1, 1, 1)


# --- Settings -------------------------------------------------------------------


def settings_url(queue: Queue) -> str:
    return f"/api/v1/queues/{queue.slug}/qualification/"


def test_manager_sets_the_gold_rate_and_bar_audited(queue: Queue, manager: APIClient) -> None:
    response = manager.post(
        settings_url(queue), {"gold_rate": 0.25, "qualification_bar": 0.7}, format="json"
    )

    assert response.status_code == 200, response.content
    assert response.json() == {
        "gold_rate": 0.25,
        "qualification_bar": 0.7,
        "qualification_min_gold": 10,
    }
    queue.refresh_from_db()
    assert (queue.gold_rate, queue.qualification_bar) == (0.25, 0.7)
    (event,) = events(AuditAction.QUEUE_UPDATED)
    assert event.data["qualification"]["before"]["gold_rate"] == 0.0
    assert event.data["qualification"]["after"]["gold_rate"] == 0.25
    listing = manager.get(settings_url(queue)).json()
    assert listing["settings"]["qualification_bar"] == 0.7
    assert listing["reviewers"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"gold_rate": 1.5},
        {"gold_rate": -0.1},
        {"gold_rate": "0.5"},
        {"qualification_bar": 2},
        {"qualification_min_gold": -1},
        {"qualification_min_gold": 1.5},
        {"rate": 0.5},
    ],
)
def test_bad_settings_are_400_and_change_nothing(
    queue: Queue, manager: APIClient, body: dict[str, Any]
) -> None:
    before = snapshot()

    response = manager.post(settings_url(queue), body, format="json")

    assert response.status_code == 400, response.content
    queue.refresh_from_db()
    assert (queue.gold_rate, queue.qualification_bar, queue.qualification_min_gold) == (0, 0, 10)
    assert snapshot() == before


def test_only_managers_see_or_change_the_settings(
    queue: Queue, client: APIClient, manager: APIClient, disqualified: Qualification
) -> None:
    assert client.get(settings_url(queue)).status_code == 404
    assert client.post(settings_url(queue), {"gold_rate": 0}, format="json").status_code == 404
    queue.refresh_from_db()
    assert queue.gold_rate == 1.0
    (row,) = manager.get(settings_url(queue)).json()["reviewers"]
    assert (row["reviewer"], row["state"], row["accuracy"]) == ("annotator", "disqualified", 0.0)
