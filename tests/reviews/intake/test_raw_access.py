"""POST /api/v1/predictions/{id}/raw/ and the review page's reveal (SPEC §6): only holders of
the queue's view_raw_pii see the raw input, every reveal is audited, a purge is a 410."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from guardian.shortcuts import assign_perm
from rest_framework.test import APIClient

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import audit_verify
from reviews.intake.models import Item
from reviews.intake.services.retention import raw_inputs_purge
from reviews.queues.models import Queue
from reviews.queues.permissions import QueuePerm, Role
from reviews.queues.services.access import reviewer_create
from tests.factories import SYSTEM, UserFactory, ingest

EMAIL = "ada.lovelace@example.org"
PHONE = "+44 20 7946 0958"
RAW = {"text": f"Contact {EMAIL} or {PHONE}", "amount": 1200}
REASON = "Customer disputes the redacted phone number (ticket 4411)."


def url(item: Item | int) -> str:
    return f"/api/v1/predictions/{getattr(item, 'pk', item)}/raw/"


def reveal(client: APIClient, item: Item | int, body: Any = None) -> Any:
    return client.post(url(item), {"reason": REASON} if body is None else body, format="json")


def reveals() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=AuditAction.RAW_INPUT_REVEALED))


def leaks(response: Any) -> bool:
    body = response.content.decode()
    return EMAIL in body or PHONE in body


@pytest.fixture
def item(queue: Queue) -> Item:
    """Routed to SMEs (low confidence): the tier an admin claims at by default."""
    return ingest(queue, input=RAW, output={"label": "approve", "confidence": 0.3})


def test_a_holder_gets_the_raw_input_and_the_reveal_is_audited(
    item: Item, admin_user: User, api_as: Any
) -> None:
    response = reveal(api_as(admin_user), item)

    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["raw_input"] == RAW
    assert (data["id"], data["queue"], data["external_id"]) == (item.pk, "loans", item.external_id)
    assert "no-store" in response["Cache-Control"]
    (event,) = reveals()
    assert data["audit_seq"] == event.seq
    assert (event.actor_label, event.target_type, event.target_id) == (
        "admin",
        "reviews.item",
        str(item.pk),
    )
    assert event.data == {"queue": "loans", "external_id": item.external_id, "reason": REASON}
    assert EMAIL not in event.data_json
    assert audit_verify().ok


def test_every_reveal_is_a_new_event(item: Item, admin_user: User, api_as: Any) -> None:
    client = api_as(admin_user)
    assert reveal(client, item).status_code == 200
    assert reveal(client, item, {"reason": "Second look for the appeal."}).status_code == 200

    assert [e.data["reason"] for e in reveals()] == [REASON, "Second look for the appeal."]


def test_a_queue_grant_of_view_raw_pii_is_enough(item: Item, queue: Queue, api_as: Any) -> None:
    sme = reviewer_create(
        username="sme-with-pii", role=Role.SME, queues=[queue], password="x", actor=SYSTEM
    )[0]
    assign_perm(QueuePerm.RAW_PII.full, sme, queue)

    assert reveal(api_as(sme), item).status_code == 200


@pytest.mark.parametrize("persona", ["annotator", "sme", "responder", "outsider"])
def test_everyone_without_the_permission_gets_404_and_nothing_is_recorded(
    item: Item, persona: str, request: pytest.FixtureRequest, api_as: Any
) -> None:
    user = request.getfixturevalue(persona)

    response = reveal(api_as(user), item)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert not leaks(response)
    assert reveals() == []


def test_the_client_that_submitted_it_gets_404(item: Item, api: APIClient) -> None:
    response = reveal(api, item)

    assert response.status_code == 404
    assert reveals() == []


def test_view_raw_pii_without_sight_of_the_queue_is_404(
    item: Item, queue: Queue, api_as: Any
) -> None:
    user = UserFactory(username="pii-only")
    assign_perm(QueuePerm.RAW_PII.full, user, queue)

    assert reveal(api_as(user), item).status_code == 404


def test_view_raw_pii_on_another_queue_is_404(
    item: Item, other_queue: Queue, queue: Queue, api_as: Any
) -> None:
    user = reviewer_create(
        username="other-admin", role=Role.ANNOTATOR, queues=[queue], password="x", actor=SYSTEM
    )[0]
    assign_perm(QueuePerm.RAW_PII.full, user, other_queue)

    assert reveal(api_as(user), item).status_code == 404


def test_an_outsider_gets_404_before_the_body_is_read(
    item: Item, outsider: User, api_as: Any
) -> None:
    assert reveal(api_as(outsider), item, {"reason": ""}).status_code == 404
    assert reveal(api_as(outsider), item, {}).status_code == 404


def test_anonymous_callers_are_refused(item: Item) -> None:
    response = reveal(APIClient(), item)

    assert response.status_code in (401, 403)
    assert not leaks(response)


def test_a_missing_item_and_a_gold_item_are_404(
    queue: Queue, admin_user: User, api_as: Any
) -> None:
    client = api_as(admin_user)
    gold = client.post(
        f"/api/v1/queues/{queue.slug}/gold/",
        {
            "external_id": "g1",
            "model_version": "m",
            "input": RAW,
            "output": {"label": "approve", "confidence": 0.5},
            "gold_label": "deny",
        },
        format="json",
    )
    assert gold.status_code == 201

    assert reveal(client, gold.json()["id"]).status_code == 404
    assert reveal(client, 999_999).status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, "reason"), ({"reason": ""}, "reason"), ({"reason": "   "}, "reason"), ([], None)],
)
def test_a_reason_is_required(
    item: Item, admin_user: User, api_as: Any, body: Any, field: str | None
) -> None:
    response = reveal(api_as(admin_user), item, body)

    assert response.status_code == 400
    if field:
        assert field in response.json()["error"]["fields"]
    assert not leaks(response)
    assert reveals() == []


def test_after_the_purge_it_is_410_with_a_clear_error(
    item: Item, queue: Queue, admin_user: User, api_as: Any
) -> None:
    Queue.objects.filter(pk=queue.pk).update(raw_retention_days=1)
    assert raw_inputs_purge(now=timezone.now() + timedelta(days=2)) == 1

    response = reveal(api_as(admin_user), item)

    assert response.status_code == 410
    error = response.json()["error"]
    assert error["code"] == "raw_input_purged"
    assert "retention" in error["message"]
    assert "redacted input remains" in error["message"]
    assert reveals() == []


def test_no_other_item_endpoint_shows_the_raw_input(
    item: Item, admin_user: User, api_as: Any
) -> None:
    client = api_as(admin_user)
    detail = client.get(f"/api/v1/predictions/{item.pk}/")
    claimed = client.post("/api/v1/queues/loans/claim/", {}, format="json")

    assert detail.status_code == 200
    assert claimed.status_code == 200
    assert not leaks(detail)
    assert not leaks(claimed)
    assert "raw_input" not in detail.json()


# --- The review page ------------------------------------------------------------------


def browser_as(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page_url(queue: Queue, item: Item) -> str:
    return f"/queues/{queue.slug}/items/{item.pk}/raw/"


def test_the_review_page_offers_the_reveal_to_holders_only(
    item: Item, queue: Queue, admin_user: User, annotator: User
) -> None:
    holder_page = browser_as(admin_user).get(f"/queues/{queue.slug}/review/")
    annotator_item = ingest(queue, input=RAW, output={"label": "approve", "confidence": 0.7})
    annotator_page = browser_as(annotator).get(f"/queues/{queue.slug}/review/")

    assert holder_page.status_code == annotator_page.status_code == 200
    assert "Reveal raw input" in holder_page.content.decode()
    assert "Reveal raw input" not in annotator_page.content.decode()
    for page in (holder_page, annotator_page):
        assert "[EMAIL]" in page.content.decode()
        assert not leaks(page)
    assert annotator_item.pk != item.pk


def test_the_page_reveal_shows_the_raw_input_after_an_audited_reveal(
    item: Item, queue: Queue, admin_user: User
) -> None:
    response = browser_as(admin_user).post(
        page_url(queue, item), {"reason": REASON}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert EMAIL in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    (event,) = reveals()
    assert f"event #{event.seq}" in response.content.decode()
    assert event.data["reason"] == REASON


def test_the_page_reveal_without_htmx_is_a_page_of_its_own(
    item: Item, queue: Queue, admin_user: User
) -> None:
    response = browser_as(admin_user).post(page_url(queue, item), {"reason": REASON})

    assert response.status_code == 200
    assert EMAIL in response.content.decode()
    assert "Back to reviewing" in response.content.decode()


def test_the_page_reveal_asks_for_a_reason(item: Item, queue: Queue, admin_user: User) -> None:
    response = browser_as(admin_user).post(
        page_url(queue, item), {"reason": " "}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 422
    assert "Say why" in response.content.decode()
    assert not leaks(response)
    assert reveals() == []


@pytest.mark.parametrize("persona", ["annotator", "sme", "responder", "outsider"])
def test_the_page_reveal_is_404_for_everyone_else(
    item: Item, queue: Queue, persona: str, request: pytest.FixtureRequest
) -> None:
    response = browser_as(request.getfixturevalue(persona)).post(
        page_url(queue, item), {"reason": REASON}
    )

    assert response.status_code == 404
    assert not leaks(response)
    assert reveals() == []


def test_the_page_reveal_checks_the_queue_in_the_address(
    item: Item, other_queue: Queue, admin_user: User
) -> None:
    response = browser_as(admin_user).post(page_url(other_queue, item), {"reason": REASON})

    assert response.status_code == 404


def test_the_page_reveal_says_when_the_raw_input_was_purged(
    item: Item, queue: Queue, admin_user: User
) -> None:
    Queue.objects.filter(pk=queue.pk).update(raw_retention_days=1)
    raw_inputs_purge(now=timezone.now() + timedelta(days=2))

    response = browser_as(admin_user).post(
        page_url(queue, item), {"reason": REASON}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200  # htmx swaps it in; without htmx it is a 410 page
    assert "was purged" in response.content.decode()
    assert reveals() == []


def test_the_page_reveal_needs_a_post(item: Item, queue: Queue, admin_user: User) -> None:
    assert browser_as(admin_user).get(page_url(queue, item)).status_code == 405
