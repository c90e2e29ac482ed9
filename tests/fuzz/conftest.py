"""A seeded world for the API fuzzer: one queue with an object of every kind on it.

The fuzzer calls the API as a user holding every permission on the queue (an admin
granted on it), so generated path parameters can be swapped for the ids of real
objects (tests/fuzz/test_api_fuzz.py `real_path_parameters`) and reach past the 404.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from werkzeug.test import Client

from reviews.escalation.services.alerts import alert_rule_create
from reviews.escalation.services.incidents import incident_contain
from reviews.queues.permissions import Role
from reviews.queues.selectors import queue_access
from reviews.queues.services.access import reviewer_create
from reviews.queues.services.queues import containment_set
from reviews.work.services.claims import TIER_PERMS, assignment_claim
from tests.factories import SYSTEM, ingest, make_queue
from tests.reviews.escalating import opened_incident, sme_ticket

PASSWORD = "pw-for-tests-only"


@dataclass(frozen=True)
class World:
    """The real objects a fuzzed request may name, and the key that may reach them all."""

    token: str
    # The value a path parameter takes to name a real object, by the collection the
    # parameter follows in the path ("queues" → the slug, "incidents" → an incident id).
    objects: dict[str, Any] = field(default_factory=dict)


def seed_world() -> World:
    """Create the world through the same services as production."""
    queue = make_queue("fuzz")
    admin, token = reviewer_create(
        username="fuzz-admin", role=Role.ADMIN, queues=[queue], password=PASSWORD, actor=SYSTEM
    )
    annotator = reviewer_create(
        username="fuzz-annotator", role=Role.ANNOTATOR, queues=[queue], password=PASSWORD,
        actor=SYSTEM,
    )[0]  # fmt: skip
    sme = reviewer_create(
        username="fuzz-sme", role=Role.SME, queues=[queue], password=PASSWORD, actor=SYSTEM
    )[0]
    ticket = sme_ticket(queue, annotator)
    incident, incident_item = opened_incident(queue, sme)
    containment = incident_contain(
        incident=incident, actor=SYSTEM, slice_tags={"region": "EU"}, reason="fuzz seed"
    )
    containment_set(queue=queue, slice_tags={"region": "US"}, reason="fuzz seed", actor=SYSTEM)
    for _ in range(3):
        ingest(queue, output={"label": "approve", "confidence": 0.7})
    access = queue_access(user=admin, slug=queue.slug, perms=TIER_PERMS.values())
    assignment = assignment_claim(queue=queue, reviewer=admin, access=access)
    assert assignment is not None
    rule = alert_rule_create(
        queue=queue, name="overrides", metric="override_rate", comparison="above",
        threshold=0.5, actor=SYSTEM,
    )  # fmt: skip
    # Through the API, as a client asks for one; it stays pending (no worker runs here).
    snapshot = Client(get_wsgi_application()).post(
        f"/api/v1/queues/{queue.slug}/datasets/",
        json={},
        headers={"Authorization": f"Token {token}"},
    )
    assert snapshot.status_code == 202, snapshot.text
    return World(
        token=token,
        objects={
            "queues": queue.slug,
            "predictions": ticket.item_id,
            "assignments": assignment.pk,
            "escalations": ticket.pk,
            "incidents": incident.pk,
            "items": incident_item.pk,
            "containment": containment.pk,
            "containments": containment.pk,
            "alerts": rule.pk,
            "qualifications": annotator.username,
            "datasets": snapshot.json["id"],
        },
    )


@pytest.fixture(scope="module")
def fuzz_world(
    django_db_setup: None, django_db_blocker: Any, in_process_requests: None
) -> Iterator[World]:
    """One world for the whole module, like Django's setUpTestData: seeded inside an
    outer transaction that is rolled back at the end. Each test (one operation, fuzzed
    one way) runs in a savepoint within it, so what one operation changes (a decided
    assignment, a resolved ticket) is undone before the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield seed_world()
        finally:
            transaction.set_rollback(True)


@pytest.fixture(scope="module")
def in_process_requests() -> Iterator[None]:
    """Requests run in this thread, inside the test's transaction: Django must not close
    the connection at each request's start and end (its own test Client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
