"""The datasets page with Django's test client: who may open it (404 / 403), the build
form (errors beside their fields and nothing stored; a request stored with its audit
event; CSRF), the row that polls until its snapshot is ready, and the trigger form."""

from __future__ import annotations

import re
from typing import Any
from unittest import mock

import pytest
from django.test import Client

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from datasets.models import Dataset, RetrainTrigger
from datasets.services.build import dataset_build
from datasets.tasks import build_dataset
from reviews.queues.models import Queue
from reviews.queues.permissions import QueuePerm, Role
from reviews.queues.services.access import queue_grant, reviewer_create
from tests.factories import SYSTEM
from tests.reviews.quality_helpers import decided_items

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _no_broker(settings: Any, tmp_path: Any) -> Any:
    """Builds are not sent to a broker; the tests that need a file build in process."""
    settings.HITL_DATASETS_DIR = tmp_path / "datasets"
    with mock.patch.object(build_dataset, "delay_on_commit") as enqueued:
        yield enqueued


def signed_in(user: User, **kwargs: Any) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def person(username: str, queue: Queue, *perms: QueuePerm) -> User:
    """Someone holding exactly `perms` on the queue (no role's queue permissions)."""
    user = reviewer_create(
        username=username, role=Role.ANNOTATOR, queues=[], password="pw", actor=SYSTEM
    )[0]
    queue_grant(user=user, queue=queue, perms=perms, actor=SYSTEM)
    return user


@pytest.fixture
def exporter(queue: Queue) -> User:
    return person("exporter", queue, QueuePerm.EXPORT)


def url(queue: Queue, rest: str = "") -> str:
    return f"/queues/{queue.slug}/datasets/{rest}"


def field_errors(html: str, field: str) -> list[str]:
    """The messages shown inside the form element of `field` (data-field=...)."""
    match = re.search(rf'<(label|fieldset)\b[^>]*data-field="{field}"[^>]*>(.*?)</\1>', html, re.S)
    assert match, f"no field {field}"
    return re.findall(r"<li>(.*?)</li>", match[2], re.S)


def stored() -> tuple[int, int]:
    return Dataset.objects.count(), AuditEvent.objects.count()


# --- Who may open it -------------------------------------------------------------------


def test_an_outsider_gets_404_everywhere(queue: Queue, outsider: User) -> None:
    client = signed_in(outsider)

    assert client.get(url(queue)).status_code == 404
    assert client.post(url(queue), {"window": "all"}).status_code == 404
    assert client.post(url(queue, "trigger/"), {"every_corrected": "5"}).status_code == 404
    assert client.get(url(queue, "1/row/")).status_code == 404
    assert signed_in(outsider).get("/queues/nowhere/datasets/").status_code == 404
    assert not Dataset.objects.exists()


def test_a_reviewer_who_sees_the_queue_but_may_not_export_gets_403(
    queue: Queue, annotator: User
) -> None:
    client = signed_in(annotator)
    before = stored()

    page = client.get(url(queue))
    refused = client.post(url(queue), {"window": "all"})

    assert page.status_code == refused.status_code == 403
    assert "export" in page.content.decode()
    assert stored() == before


def test_an_exporter_sees_the_page_without_raw_or_trigger_controls(
    queue: Queue, exporter: User
) -> None:
    html = signed_in(exporter).get(url(queue)).content.decode()

    assert "Build snapshot" in html
    assert 'name="raw"' not in html  # raw inputs need view_raw_pii as well
    assert 'name="every_corrected"' not in html  # the trigger needs manage_queue
    assert 'Automatic snapshots: <strong class="trigger-state">off</strong>' in html


def test_raw_inputs_are_offered_to_holders_of_both_permissions(
    queue: Queue, admin_user: User
) -> None:
    both = person("both", queue, QueuePerm.EXPORT, QueuePerm.RAW_PII)

    assert 'name="raw"' in signed_in(both).get(url(queue)).content.decode()
    assert 'name="raw"' in signed_in(admin_user).get(url(queue)).content.decode()


def test_a_forged_raw_request_is_refused_and_stores_nothing(queue: Queue, exporter: User) -> None:
    before = stored()

    response = signed_in(exporter).post(url(queue), {"window": "all", "raw": "on"})

    assert response.status_code == 403
    assert "raw" in response.content.decode().lower()
    assert stored() == before


def test_links_to_the_page_are_shown_only_to_exporters(
    queue: Queue, admin_user: User, annotator: User
) -> None:
    link = f'href="{url(queue)}"'

    assert link in signed_in(admin_user).get("/").content.decode()
    assert link in signed_in(admin_user).get(f"/queues/{queue.slug}/dashboard/").content.decode()
    assert link not in signed_in(annotator).get("/").content.decode()


# --- The build form --------------------------------------------------------------------


def test_a_request_is_stored_with_its_audit_event_and_shown_at_the_top(
    queue: Queue, admin_user: User, _no_broker: Any
) -> None:
    client = signed_in(admin_user)
    client.post(url(queue), {"window": "all"})

    response = client.post(
        url(queue),
        {"window": "7d", "model_version": "model-1", "outcome": ["corrected", "approved"],
         "tier": "tier1", "reason_code": "wrong_label", "slice": "region=EU"},
        **HTMX,
    )  # fmt: skip

    assert response.status_code == 200
    newest = Dataset.objects.get(number=2)
    assert (newest.requested_by, newest.trigger, newest.raw) == (admin_user, "manual", False)
    assert newest.filter["model_version"] == "model-1"
    assert newest.filter["slice"] == {"region": "EU"}
    assert sorted(newest.filter["outcome"]) == ["approved", "corrected"]
    assert (newest.filter["tier"], newest.filter["reason_code"]) == ("tier1", "wrong_label")
    event = AuditEvent.objects.filter(action=AuditAction.DATASET_REQUESTED).latest("seq")
    assert (event.target_id, event.actor_id) == (str(newest.pk), str(admin_user.pk))
    html = response.content.decode()
    rows = re.findall(r'<tr id="dataset-(\d+)"', html)
    assert rows == [str(newest.pk), str(Dataset.objects.get(number=1).pk)]
    assert "Snapshot #2 requested" in html
    assert _no_broker.call_count == 2  # each build enqueued once


def test_a_plain_post_redirects_back_to_the_page(queue: Queue, exporter: User) -> None:
    response = signed_in(exporter).post(url(queue), {"window": "24h"})

    assert response.status_code == 302 and response["Location"] == url(queue)
    assert Dataset.objects.get().requested_by == exporter


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"window": "custom", "decided_from": "yesterday-ish"}, "decided_from"),
        ({"window": "custom", "decided_to": "2026-13-45T99:00"}, "decided_to"),
        ({"window": "fortnight"}, "window"),
        ({"window": "all", "reason_code": "not_a_code"}, "reason_code"),
        ({"window": "all", "tier": "tier9"}, "tier"),
        ({"window": "all", "outcome": ["maybe"]}, "outcome"),
        ({"window": "all", "slice": "region"}, "slice"),
        ({"window": "all", "slice": f"region={'x' * 129}"}, "slice"),
        # The filter's own rule (services/filters.py), shown beside the field it names.
        ({"window": "all", "slice": ", ".join(f"t{n}=v" for n in range(21))}, "slice"),
    ],
)
def test_bad_values_are_shown_beside_their_field_and_store_nothing(
    queue: Queue, admin_user: User, data: dict[str, Any], field: str
) -> None:
    client = signed_in(admin_user)
    before = stored()

    plain = client.post(url(queue), data)
    htmx = client.post(url(queue), data, **HTMX)

    assert (plain.status_code, htmx.status_code) == (400, 422)
    for response in (plain, htmx):
        assert field_errors(response.content.decode(), field), field
    assert stored() == before
    # What was sent is shown again, to be corrected.
    if "decided_from" in data:
        assert f'value="{data["decided_from"]}"' in htmx.content.decode()


def test_times_are_read_only_for_a_custom_window(queue: Queue, admin_user: User) -> None:
    """With a preset the two times are not sent on, so a stale one is no error."""
    response = signed_in(admin_user).post(
        url(queue), {"window": "7d", "decided_from": "not a time", "decided_to": ""}
    )

    assert response.status_code == 302
    flt = Dataset.objects.get().filter
    assert flt["decided_from"] < flt["decided_to"]


def test_a_nul_is_a_400_and_stores_nothing(queue: Queue, admin_user: User) -> None:
    client = signed_in(admin_user)
    before = stored()

    build = client.post(url(queue), {"window": "all", "model_version": "m\x00"}, **HTMX)
    trigger = client.post(url(queue, "trigger/"), {"every_corrected": "5\x00"}, **HTMX)

    assert (build.status_code, trigger.status_code) == (400, 400)
    assert stored() == before and not RetrainTrigger.objects.exists()


def test_a_browser_time_without_offset_is_read_as_utc(queue: Queue, admin_user: User) -> None:
    signed_in(admin_user).post(
        url(queue),
        {"window": "custom", "decided_from": "2026-03-01T08:30", "decided_to": "2026-03-02T08:30"},
    )

    flt = Dataset.objects.get().filter
    assert flt["decided_from"].startswith("2026-03-01T08:30:00")
    assert flt["decided_to"].startswith("2026-03-02T08:30:00")
    assert flt["decided_from"].endswith("Z")


def test_posts_need_the_csrf_token(queue: Queue, admin_user: User) -> None:
    client = signed_in(admin_user, enforce_csrf_checks=True)
    page = client.get(url(queue)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]  # type: ignore[index]

    refused = client.post(url(queue), {"window": "all"})
    refused_trigger = client.post(url(queue, "trigger/"), {"every_corrected": "5"})
    assert (refused.status_code, refused_trigger.status_code) == (403, 403)
    assert not Dataset.objects.exists() and not RetrainTrigger.objects.exists()

    accepted = client.post(url(queue), {"window": "all", "csrfmiddlewaretoken": token})
    assert accepted.status_code == 302
    assert Dataset.objects.count() == 1


# --- The snapshot's row ----------------------------------------------------------------


def test_an_unfinished_row_polls_and_a_ready_one_shows_its_files(
    queue: Queue, admin_user: User, annotator: User
) -> None:
    decided_items(queue, annotator, [0.7, 0.7, 0.7], [True, False, False])
    client = signed_in(admin_user)
    client.post(url(queue), {"window": "all"})
    dataset = Dataset.objects.get()

    pending = client.get(url(queue, f"{dataset.pk}/row/"), **HTMX).content.decode()
    assert 'hx-trigger="every 2s"' in pending and "<progress" in pending

    dataset_build(dataset_id=dataset.pk)
    dataset.refresh_from_db()
    ready = client.get(url(queue, f"{dataset.pk}/row/"), **HTMX).content.decode()

    assert "hx-trigger" not in ready and "<progress" not in ready
    assert f'href="/api/v1/datasets/{dataset.pk}/download/?format=jsonl"' in ready
    assert f'href="/api/v1/datasets/{dataset.pk}/download/?format=parquet"' in ready
    assert re.search(rf'data-sha256="jsonl">{dataset.jsonl_sha256}<', ready)
    assert re.search(rf'data-sha256="parquet">{dataset.parquet_sha256}<', ready)
    assert dataset.row_count == 3 and "<details>" in ready


def test_a_row_of_another_queue_is_404(queue: Queue, other_queue: Queue, admin_user: User) -> None:
    client = signed_in(admin_user)
    client.post(url(other_queue), {"window": "all"})
    theirs = Dataset.objects.get()

    assert client.get(url(queue, f"{theirs.pk}/row/")).status_code == 404


# --- The trigger form ------------------------------------------------------------------


def test_a_manager_sets_the_trigger_and_it_is_audited(queue: Queue, admin_user: User) -> None:
    client = signed_in(admin_user)

    response = client.post(
        url(queue, "trigger/"), {"every_corrected": "40", "on_alert": "on", "active": "on"}, **HTMX
    )

    assert response.status_code == 200
    stored_trigger = RetrainTrigger.objects.get(queue=queue)
    assert (stored_trigger.every_corrected, stored_trigger.on_alert) == (40, True)
    assert stored_trigger.active
    assert "every 40 corrected labels, when an alert rule fires" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.DATASET_TRIGGER_CHANGED).count() == 1


@pytest.mark.parametrize("count", ["-3", "ten", "²", "٣", "5.0", "99999999999999999999"])
def test_a_bad_count_is_shown_beside_it_and_stores_nothing(
    queue: Queue, admin_user: User, count: str
) -> None:
    before = AuditEvent.objects.count()

    response = signed_in(admin_user).post(
        url(queue, "trigger/"), {"every_corrected": count, "active": "on"}, **HTMX
    )

    assert response.status_code == 422
    assert field_errors(response.content.decode(), "every_corrected")
    assert not RetrainTrigger.objects.exists()
    assert AuditEvent.objects.count() == before


def test_an_exporter_who_does_not_manage_may_not_set_the_trigger(
    queue: Queue, exporter: User
) -> None:
    response = signed_in(exporter).post(url(queue, "trigger/"), {"every_corrected": "5"})

    assert response.status_code == 403
    assert not RetrainTrigger.objects.exists()
