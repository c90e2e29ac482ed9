"""The audit browser at /audit/ (SPEC §8): events newest first, keyset pages, the API's
filters, the verify result; staff with audit access only."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.db import transaction
from django.test import Client
from django.utils import timezone

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditCheckpoint, AuditEvent
from audit.services import Actor, Entry, audit_checkpoint, audit_record_many
from audit.views import PAGE_SIZE
from tests.audit.test_tamper import tamper_update
from tests.factories import SYSTEM

T0 = datetime(2026, 5, 4, 10, 0, tzinfo=timezone.get_current_timezone())


def as_user(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def record(count: int, *, action: AuditAction = AuditAction.TOKEN_ISSUED, **kwargs: Any) -> None:
    actor = kwargs.pop("actor", SYSTEM)
    entries = [
        Entry(action, kwargs.get("target_type", "accounts.user"), str(kwargs.get("id", n)), {})
        for n in range(count)
    ]
    with transaction.atomic():
        audit_record_many(actor=actor, entries=entries)


def seqs(response: Any) -> list[int]:
    """The sequence numbers in the page's table, in order."""
    body = response.content.decode()
    table = body[body.index("<tbody>") : body.index("</tbody>")]
    return [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', table)]


def last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True)[0]


def test_admins_see_events_newest_first(admin_user: User) -> None:
    record(3)

    response = as_user(admin_user).get("/audit/")

    assert response.status_code == 200
    shown = seqs(response)
    assert shown == sorted(AuditEvent.objects.values_list("seq", flat=True), reverse=True)
    assert "token issued" in response.content.decode()


@pytest.mark.parametrize("persona", ["annotator", "sme", "responder", "outsider"])
def test_everyone_else_gets_404(persona: str, request: pytest.FixtureRequest) -> None:
    client = as_user(request.getfixturevalue(persona))

    assert client.get("/audit/").status_code == 404
    assert client.post("/audit/verify/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(db: None) -> None:
    response = Client().get("/audit/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_nav_links_the_page_for_auditors_only(admin_user: User, annotator: User) -> None:
    assert 'href="/audit/"' in as_user(admin_user).get("/").content.decode()
    assert 'href="/audit/"' not in as_user(annotator).get("/").content.decode()


def test_keyset_pages_walk_the_whole_trail_both_ways(admin_user: User) -> None:
    record(PAGE_SIZE * 2 + 5)
    everything = sorted(AuditEvent.objects.values_list("seq", flat=True), reverse=True)
    client = as_user(admin_user)

    pages, response = [], client.get("/audit/")
    while True:
        pages.append(seqs(response))
        older = re.search(r'href="\?([^"]*before_seq=\d+[^"]*)">Older', response.content.decode())
        if older is None:
            break
        response = client.get("/audit/?" + older.group(1).replace("&amp;", "&"))

    assert [seq for page in pages for seq in page] == everything
    assert all(len(page) == PAGE_SIZE for page in pages[:-1])
    # And back up from the last page: "Newer" gives the page before it, exactly.
    newer = re.search(r'href="\?([^"]*after_seq=\d+[^"]*)">', response.content.decode())
    assert newer is not None
    assert seqs(client.get("/audit/?" + newer.group(1).replace("&amp;", "&"))) == pages[-2]


def test_filters_by_action_actor_and_target(admin_user: User) -> None:
    alice = Actor(kind="user", id="7", label="alice")
    record(2, action=AuditAction.RAW_INPUT_REVEALED, actor=alice, target_type="reviews.item", id=9)
    record(3)
    client = as_user(admin_user)
    revealed = list(
        AuditEvent.objects.filter(action=AuditAction.RAW_INPUT_REVEALED)
        .order_by("-seq")
        .values_list("seq", flat=True)
    )

    by_action = client.get("/audit/", {"action": AuditAction.RAW_INPUT_REVEALED.value})
    by_actor = client.get("/audit/", {"actor": "alice"})
    by_target = client.get("/audit/", {"target_type": "reviews.item", "target_id": "9"})
    nothing = client.get("/audit/", {"actor": "nobody"})

    assert seqs(by_action) == seqs(by_actor) == seqs(by_target) == revealed
    assert seqs(nothing) == []
    assert "No events match." in nothing.content.decode()
    assert "selected" in by_action.content.decode()  # the form keeps the chosen action


def test_filters_by_time_range_in_utc(admin_user: User) -> None:
    for hours in (0, 2, 4):
        with time_machine.travel(T0 + timedelta(hours=hours), tick=False):
            record(1, id=hours)
    client = as_user(admin_user)
    middle = AuditEvent.objects.get(at=T0 + timedelta(hours=2)).seq

    # A browser's datetime-local value has no zone: the page reads it as UTC.
    local = client.get("/audit/", {"since": "2026-05-04T11:00", "until": "2026-05-04T13:00"})
    zoned = client.get(
        "/audit/", {"since": "2026-05-04T11:00:00Z", "until": "2026-05-04T13:00:00+00:00"}
    )

    assert seqs(local) == seqs(zoned) == [middle]


def test_a_bad_filter_is_named_not_a_500(admin_user: User) -> None:
    response = as_user(admin_user).get("/audit/", {"action": "lots", "since": "yesterday"})

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert seqs(response) == []


def test_the_latest_checkpoint_is_shown(admin_user: User) -> None:
    record(2)
    checkpoint = audit_checkpoint(actor=SYSTEM)

    body = as_user(admin_user).get("/audit/").content.decode()

    assert checkpoint.ok
    assert f"up to #{checkpoint.seq}" in body
    assert "intact" in body


def test_verify_now_reports_an_intact_chain(admin_user: User) -> None:
    record(4)
    client = as_user(admin_user)

    response = client.post("/audit/verify/", follow=True)

    assert response.status_code == 200
    assert f"intact up to #{last_seq()}" in response.content.decode()
    assert not AuditCheckpoint.objects.exists()  # a check by hand moves no checkpoint


def test_verify_now_names_the_first_broken_link(admin_user: User) -> None:
    record(3)
    victim = last_seq() - 1
    tamper_update(victim, "actor_label", "mallory")

    response = as_user(admin_user).post("/audit/verify/", follow=True)

    assert f"BROKEN at event #{victim}" in response.content.decode()


def test_verify_needs_a_post(admin_user: User) -> None:
    assert as_user(admin_user).get("/audit/verify/").status_code == 405
