"""The incidents board and incident page with Django's test client (SPEC §8)."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import User
from reviews.escalation.models import Incident, IncidentEvent
from reviews.intake.models import Item
from reviews.queues.models import Containment, Queue
from tests.reviews.escalating import opened_incident
from tests.reviews.escalation.test_escalation_pages import HTMX, signed_in
from tests.reviews.reviewing import RATIONALE

pytestmark = pytest.mark.django_db


@pytest.fixture
def opened(queue: Queue, sme: User) -> tuple[Incident, Item]:
    return opened_incident(queue, sme, input={"text": "Odd application."})


def kinds(incident: Incident) -> list[str]:
    return list(IncidentEvent.objects.filter(incident=incident).values_list("kind", flat=True))


def test_the_board_shows_incidents_by_state(opened: tuple[Incident, Item], responder: User) -> None:
    incident, _ = opened

    response = signed_in(responder).get("/incidents/")

    assert response.status_code == 200
    html = response.content.decode()
    open_column = html[html.index('data-state="open"') : html.index('data-state="acknowledged"')]
    assert f'href="/incidents/{incident.pk}/"' in open_column
    assert '<span class="badge sev3">SEV3</span>' in open_column
    assert "loans" in open_column
    assert (
        f'href="/incidents/{incident.pk}/"'
        not in signed_in(responder).get("/incidents/?severity=sev1").content.decode()
    )


def test_incidents_are_404_to_smes_annotators_and_outsiders(
    opened: tuple[Incident, Item], sme: User, annotator: User, outsider: User
) -> None:
    incident, item = opened
    for user in (sme, annotator, outsider):
        client = signed_in(user)
        assert client.get("/incidents/").status_code == 404
        assert client.get(f"/incidents/{incident.pk}/").status_code == 404
        assert client.post(f"/incidents/{incident.pk}/contain/", {"reason": "x"}).status_code == 404
        decide = client.post(
            f"/incidents/{incident.pk}/items/{item.pk}/decide/", {"verdict": "approve"}
        )
        assert decide.status_code == 404
    assert not Containment.objects.exists()
    assert kinds(incident) == ["opened"]


def test_the_incident_page_shows_everything_a_responder_needs(
    opened: tuple[Incident, Item], responder: User
) -> None:
    incident, item = opened

    response = signed_in(responder).get(f"/incidents/{incident.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    for shown in (
        incident.title,
        "Mark acknowledged",
        "Mark contained",
        "Mark resolved",
        "Contain: stop auto-approval",
        f"Decide item #{item.pk}",
        "Odd application.",  # the bundle's input
        "Add note",
        "Timeline",
    ):
        assert shown in html, shown


def test_contain_and_lift_from_the_page(opened: tuple[Incident, Item], responder: User) -> None:
    incident, _ = opened
    client = signed_in(responder)

    response = client.post(
        f"/incidents/{incident.pk}/contain/",
        {"reason": "Bad build.", "slice": "region=EU, product=mortgage"},
        **HTMX,
    )

    assert response.status_code == 200
    assert 'id="incident"' in response.content.decode() and "<html" not in response.content.decode()
    containment = Containment.objects.get()
    assert (containment.active, containment.slice, containment.incident_id) == (
        True,
        {"region": "EU", "product": "mortgage"},
        incident.pk,
    )
    incident.refresh_from_db()
    assert incident.state == "contained"
    lift_url = f"/incidents/{incident.pk}/containments/{containment.pk}/lift/"
    assert client.post(lift_url, {"note": ""}, **HTMX).status_code == 422
    lifted = client.post(lift_url, {"note": "Fixed."})
    assert lifted.status_code == 302 and lifted["Location"] == f"/incidents/{incident.pk}/"
    containment.refresh_from_db()
    assert (containment.active, containment.lift_note) == (False, "Fixed.")


@pytest.mark.parametrize(
    "form", [{"reason": ""}, {"reason": "x", "slice": "region"}, {"reason": "x", "slice": "=EU"}]
)
def test_a_bad_containment_form_is_422_and_changes_nothing(
    opened: tuple[Incident, Item], responder: User, form: dict[str, str]
) -> None:
    incident, _ = opened

    response = signed_in(responder).post(f"/incidents/{incident.pk}/contain/", form, **HTMX)

    assert response.status_code == 422
    assert 'class="errors"' in response.content.decode()
    assert not Containment.objects.exists()
    assert kinds(incident) == ["opened"]


def test_decide_an_item_from_the_page(opened: tuple[Incident, Item], responder: User) -> None:
    incident, item = opened
    client = signed_in(responder)
    decide_url = f"/incidents/{incident.pk}/items/{item.pk}/decide/"

    missing = client.post(decide_url, {"verdict": "override", "label": "deny"}, **HTMX)
    assert missing.status_code == 422
    item.refresh_from_db()
    assert item.state == "incident"

    done = client.post(decide_url, {"verdict": "override", "label": "deny", **RATIONALE}, **HTMX)
    assert done.status_code == 200
    item.refresh_from_db()
    assert (item.state, item.final_label) == ("decided", "deny")
    assert f"Decide item #{item.pk}" not in done.content.decode()


def test_state_owner_postmortem_and_notes(
    opened: tuple[Incident, Item], responder: User, admin_user: User
) -> None:
    incident, _ = opened
    client = signed_in(responder)
    base = f"/incidents/{incident.pk}"

    assert client.post(f"{base}/transition/", {"to": "acknowledged"}).status_code == 302
    no_note = client.post(f"{base}/transition/", {"to": "resolved"}, **HTMX)
    assert no_note.status_code == 422
    bad_owner = client.post(f"{base}/update/", {"severity": "sev2", "owner": "sme"}, **HTMX)
    assert bad_owner.status_code == 422
    incident.refresh_from_db()
    assert (incident.state, incident.severity, incident.owner) == (
        "acknowledged",
        "sev3",
        responder,
    )

    saved = client.post(
        f"{base}/update/", {"severity": "sev1", "owner": "admin", "postmortem": "Root cause: x."}
    )
    assert saved.status_code == 302
    client.post(f"{base}/notes/", {"text": "Paged the model team."})
    incident.refresh_from_db()
    assert (incident.severity, incident.owner, incident.postmortem) == (
        "sev1",
        admin_user,
        "Root cause: x.",
    )
    assert kinds(incident) == ["opened", "state", "severity", "owner", "note", "note"]


def test_incident_posts_need_a_csrf_token(opened: tuple[Incident, Item], responder: User) -> None:
    incident, item = opened
    client = signed_in(responder, enforce_csrf_checks=True)
    base = f"/incidents/{incident.pk}"

    for path, form in [
        (f"{base}/contain/", {"reason": "x"}),
        (f"{base}/transition/", {"to": "acknowledged"}),
        (f"{base}/notes/", {"text": "x"}),
        (f"{base}/items/{item.pk}/decide/", {"verdict": "approve"}),
    ]:
        assert client.post(path, form).status_code == 403
    assert kinds(incident) == ["opened"]


def test_the_board_and_page_are_for_signed_in_people_only(opened: Any) -> None:
    incident, _ = opened
    from django.test import Client

    response = Client().get(f"/incidents/{incident.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("path", "form", "message"),
    [
        ("transition/", {"to": "nowhere"}, "Choose a state."),
        ("transition/", {}, "Choose a state."),
        ("update/", {"severity": "sev9", "postmortem": "x"}, "Choose a severity."),
        ("update/", {"owner": "nobody"}, "&#x27;nobody&#x27; is not a responder on this queue."),
        ("notes/", {"text": " "}, None),
        ("contain/", {"reason": "Bad build.", "slice": "region=EU, product"}, "not &#x27;product"),
    ],
)
def test_a_bad_value_is_a_field_error_and_changes_nothing(
    opened: tuple[Incident, Item],
    responder: User,
    path: str,
    form: dict[str, str],
    message: str | None,
) -> None:
    incident, _ = opened
    client = signed_in(responder)

    htmx = client.post(f"/incidents/{incident.pk}/{path}", form, **HTMX)
    plain = client.post(f"/incidents/{incident.pk}/{path}", form, follow=True)

    assert htmx.status_code == 422
    assert 'class="errors"' in htmx.content.decode()
    assert plain.redirect_chain == [(f"/incidents/{incident.pk}/", 302)]
    if message:
        assert message in htmx.content.decode() and message in plain.content.decode()
    incident.refresh_from_db()
    assert (incident.state, incident.severity, incident.owner, incident.postmortem) == (
        "open",
        "sev3",
        None,
        "",
    )
    assert kinds(incident) == ["opened"]
    assert not Containment.objects.exists()


def test_the_postmortem_is_kept_as_written_and_only_changed_when_sent(
    opened: tuple[Incident, Item], responder: User
) -> None:
    incident, _ = opened
    client = signed_in(responder)
    update = f"/incidents/{incident.pk}/update/"
    written = "  Root cause:\n  - threshold too low\n"

    client.post(update, {"postmortem": written})
    incident.refresh_from_db()
    assert incident.postmortem == written  # not stripped: it may be laid out

    client.post(update, {"severity": "sev2"})  # a form without it keeps it
    incident.refresh_from_db()
    assert (incident.severity, incident.postmortem) == ("sev2", written)

    client.post(update, {"postmortem": ""})  # sent empty: cleared
    incident.refresh_from_db()
    assert incident.postmortem == ""
