"""Retraining triggers (issue 7 point 4): N new corrected labels, or an alert firing, make
one snapshot; approved items do not count; a re-run makes nothing new; two runs at once
on PostgreSQL make one snapshot, not two. Work is done through ingest, claims and
verdicts (tests/reviews/quality_helpers.py), so `corrected` and `decided_at` are real."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from datasets.models import Dataset, RetrainTrigger
from datasets.services.build import dataset_build
from datasets.services.triggers import (
    RetrainTriggerInvalid,
    retrain_trigger_set,
    retrain_triggers_run,
)
from datasets.tasks import build_dataset
from datasets.trigger_tasks import run_retrain_triggers
from reviews.escalation.models import AlertFiring
from reviews.escalation.services.alerts import alert_fire, alert_rule_create
from reviews.queues.models import Queue
from reviews.queues.services.access import client_create
from tests.concurrency import run_together
from tests.factories import SYSTEM, make_queue
from tests.reviews.quality_helpers import decided_items
from tests.reviews.reviewing import reviewer
from webhooks.models import WebhookDelivery
from webhooks.services import webhook_endpoint_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_broker(settings: Any, tmp_path: Any) -> Any:
    """Snapshot builds are not sent anywhere: the tests build in process when they must."""
    settings.HITL_DATASETS_DIR = tmp_path / "datasets"
    with mock.patch.object(build_dataset, "delay_on_commit") as enqueued:
        yield enqueued


def work(queue: Queue, person: User, *, corrected: int, approved: int = 0) -> None:
    """`corrected` items overridden by `person`, and `approved` ones approved, now."""
    decided_items(
        queue, person, [0.7] * (corrected + approved), [True] * corrected + [False] * approved
    )


def trigger(queue: Queue, **values: Any) -> RetrainTrigger:
    settings = {"every_corrected": 0, "on_alert": False, "active": True} | values
    return retrain_trigger_set(queue=queue, actor=SYSTEM, **settings)


def test_one_short_of_the_count_makes_nothing_and_the_count_makes_one_snapshot(
    queue: Queue, annotator: User
) -> None:
    trigger(queue, every_corrected=3)
    work(queue, annotator, corrected=2)

    assert retrain_triggers_run() == 0
    assert not Dataset.objects.exists()

    work(queue, annotator, corrected=1)
    now = timezone.now()
    assert retrain_triggers_run(now=now) == 1

    dataset = Dataset.objects.get()
    assert (dataset.queue_id, dataset.trigger, dataset.number) == (queue.pk, "labels", 1)
    assert dataset.requested_by is None and not dataset.raw
    assert RetrainTrigger.objects.get(queue=queue).counted_through == now
    event = AuditEvent.objects.get(action=AuditAction.DATASET_REQUESTED)
    assert event.actor_kind == "system"


def test_approved_items_do_not_count(queue: Queue, annotator: User) -> None:
    trigger(queue, every_corrected=3)
    work(queue, annotator, corrected=2, approved=6)

    assert retrain_triggers_run() == 0
    assert not Dataset.objects.exists()


def test_a_re_run_makes_nothing_new_until_new_labels_arrive(queue: Queue, annotator: User) -> None:
    trigger(queue, every_corrected=2)
    work(queue, annotator, corrected=2)
    assert retrain_triggers_run() == 1

    assert retrain_triggers_run() == 0
    assert run_retrain_triggers.apply().get() == 0  # the beat task, too
    work(queue, annotator, corrected=1)
    assert retrain_triggers_run() == 0  # one new label of two: still counting
    work(queue, annotator, corrected=1)
    assert retrain_triggers_run() == 1

    assert list(Dataset.objects.order_by("number").values_list("number", "trigger")) == [
        (1, "labels"),
        (2, "labels"),
    ]


def test_labels_decided_before_the_trigger_was_set_do_not_count(
    queue: Queue, annotator: User
) -> None:
    work(queue, annotator, corrected=3)
    trigger(queue, every_corrected=3)

    assert retrain_triggers_run() == 0


def test_labels_decided_while_the_trigger_was_off_do_not_count(
    queue: Queue, annotator: User
) -> None:
    trigger(queue, every_corrected=2, active=False)
    work(queue, annotator, corrected=3)
    trigger(queue, every_corrected=2, active=True)

    assert retrain_triggers_run() == 0
    work(queue, annotator, corrected=2)
    assert retrain_triggers_run() == 1


def test_a_first_run_with_no_cursor_starts_counting_from_now(queue: Queue, annotator: User) -> None:
    work(queue, annotator, corrected=4)
    # Made without the service (as the admin may): no cursor yet.
    RetrainTrigger.objects.create(queue=queue, every_corrected=2)
    now = timezone.now()

    assert retrain_triggers_run(now=now) == 0
    assert RetrainTrigger.objects.get(queue=queue).counted_through == now
    assert retrain_triggers_run() == 0
    assert not Dataset.objects.exists()


def test_a_run_older_than_the_cursor_changes_nothing(queue: Queue, annotator: User) -> None:
    trigger(queue, every_corrected=1)
    work(queue, annotator, corrected=1)
    now = timezone.now()
    assert retrain_triggers_run(now=now) == 1

    assert retrain_triggers_run(now=now - timedelta(seconds=1)) == 0
    assert RetrainTrigger.objects.get(queue=queue).counted_through == now


def test_an_inactive_trigger_never_fires(queue: Queue, annotator: User) -> None:
    trigger(queue, every_corrected=1, active=False)
    work(queue, annotator, corrected=2)

    assert retrain_triggers_run() == 0


def _rule(queue: Queue) -> Any:
    return alert_rule_create(
        queue=queue,
        name="override rate above 30%",
        metric="override_rate",
        comparison="above",
        threshold=0.3,
        notify=False,
        actor=SYSTEM,
    )


def test_an_alert_firing_makes_one_snapshot(queue: Queue) -> None:
    trigger(queue, on_alert=True)
    other = make_queue("elsewhere")
    alert_fire(rule=_rule(other), value=0.5, baseline=None, now=timezone.now())
    assert retrain_triggers_run() == 0  # another queue's alert

    alert_fire(rule=_rule(queue), value=0.5, baseline=None, now=timezone.now())
    assert retrain_triggers_run() == 1
    assert retrain_triggers_run() == 0  # the same firing, still open, is not news

    assert list(Dataset.objects.values_list("queue_id", "trigger")) == [(queue.pk, "alert")]
    assert AlertFiring.objects.filter(rule__queue=queue, ended_at__isnull=True).count() == 1


def test_alerts_are_ignored_unless_asked_for(queue: Queue) -> None:
    trigger(queue, every_corrected=5, on_alert=False)
    alert_fire(rule=_rule(queue), value=0.5, baseline=None, now=timezone.now())

    assert retrain_triggers_run() == 0


def test_the_count_wins_over_an_alert_in_the_same_run(queue: Queue, annotator: User) -> None:
    trigger(queue, every_corrected=1, on_alert=True)
    work(queue, annotator, corrected=1)
    alert_fire(rule=_rule(queue), value=0.5, baseline=None, now=timezone.now())

    assert retrain_triggers_run() == 1
    assert list(Dataset.objects.values_list("trigger", flat=True)) == ["labels"]


def test_setting_a_trigger_is_audited_with_what_changed(queue: Queue) -> None:
    trigger(queue, every_corrected=10)
    trigger(queue, every_corrected=10)  # no change: no event
    trigger(queue, every_corrected=25, on_alert=True)

    events = AuditEvent.objects.filter(action=AuditAction.DATASET_TRIGGER_CHANGED).order_by("seq")
    assert [json.loads(e.data_json)["changed"] for e in events] == [
        {"every_corrected": [0, 10]},
        {"every_corrected": [10, 25], "on_alert": [False, True]},
    ]
    assert {e.target_id for e in events} == {str(RetrainTrigger.objects.get(queue=queue).pk)}


@pytest.mark.parametrize("count", [-1, 1_000_000_001, 10**20])
def test_a_count_out_of_range_is_refused_and_stores_nothing(queue: Queue, count: int) -> None:
    with pytest.raises(RetrainTriggerInvalid) as refused:
        trigger(queue, every_corrected=count)

    assert set(refused.value.fields) == {"every_corrected"}
    assert not RetrainTrigger.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.DATASET_TRIGGER_CHANGED).exists()


def test_the_command_sets_and_stops_the_trigger(queue: Queue, capsys: Any) -> None:
    call_command("retrain_trigger", queue.slug, "--every-corrected", "50", "--on-alert")
    assert (
        capsys.readouterr()
        .out.strip()
        .endswith("every 50 corrected labels, when an alert rule fires")
    )
    call_command("retrain_trigger", queue.slug, "--off")
    assert capsys.readouterr().out.strip().endswith(": off")

    stored = RetrainTrigger.objects.get(queue=queue)
    assert (stored.every_corrected, stored.on_alert, stored.active) == (50, True, False)
    with pytest.raises(CommandError, match="no such queue"):
        call_command("retrain_trigger", "nowhere", "--every-corrected", "5")
    with pytest.raises(CommandError):
        call_command("retrain_trigger", queue.slug, "--every-corrected", "-5")


def test_beat_runs_the_task_and_celery_finds_it() -> None:
    from django.conf import settings

    from hitl.celery import app

    app.loader.import_default_modules()
    entry = settings.CELERY_BEAT_SCHEDULE["datasets-retrain-triggers"]
    assert entry["schedule"] == 60.0
    assert app.tasks[entry["task"]].run is run_retrain_triggers.run


def test_the_snapshot_is_announced_as_dataset_ready_with_its_trigger(
    queue: Queue, annotator: User
) -> None:
    scoring = client_create(name="trainer", queues=[queue], actor=SYSTEM)[0]
    webhook_endpoint_create(
        client=scoring, url="https://trainer.example.com/hook", event_types=["dataset.ready"],
        actor=SYSTEM,
    )  # fmt: skip
    trigger(queue, every_corrected=2)
    work(queue, annotator, corrected=2, approved=1)
    assert retrain_triggers_run() == 1

    dataset = dataset_build(dataset_id=Dataset.objects.get().pk)

    delivery = WebhookDelivery.objects.get(event_type="dataset.ready")
    data = json.loads(delivery.body)["data"]
    assert (data["id"], data["trigger"], data["row_count"]) == (dataset.pk, "labels", 3)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_make_one_snapshot() -> None:
    queue = make_queue("race")
    person = reviewer("race-annotator", queue)
    trigger(queue, every_corrected=2)
    work(queue, person, corrected=3)
    now = timezone.now()

    requested = run_together(4, lambda _: retrain_triggers_run(now=now))

    assert sum(requested) == 1
    assert list(Dataset.objects.values_list("queue_id", "trigger", "number")) == [
        (queue.pk, "labels", 1)
    ]
    assert AuditEvent.objects.filter(action=AuditAction.DATASET_REQUESTED).count() == 1
