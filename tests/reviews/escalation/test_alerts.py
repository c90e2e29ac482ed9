"""Alert rules (SPEC §4): a real rise in override rate, driven through ingest, claims and
verdicts, rolled up and evaluated, contains the queue; the firing is announced once and
closed when the rate falls back. The comparison rules are also held against a fake
metrics reader, which lets each edge be set exactly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from unittest import mock

import pytest
import time_machine

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from reviews.choices import Release, Route
from reviews.escalation.models import AlertFiring, AlertRule, Incident
from reviews.escalation.services.alerts import (
    AlertRuleInvalid,
    alert_rule_create,
    alert_rule_update,
    alerts_evaluate,
)
from reviews.quality.services.rollups import rollups_catch_up
from reviews.queues.models import Containment, Queue
from reviews.queues.permissions import Role
from reviews.queues.services.access import role_group
from reviews.tasks import notify_group
from tests.factories import SYSTEM, ingest, make_queue
from tests.reviews.quality_helpers import decided_items
from tests.reviews.reviewing import reviewer

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def hour_of_work(queue: Queue, person: User, at: datetime, overrides: int, n: int = 20) -> None:
    """n items received and decided during the hour starting at `at`; `overrides` wrong."""
    with time_machine.travel(at + timedelta(minutes=5), tick=True):
        decided_items(queue, person, [0.7] * n, [i < overrides for i in range(n)])


def counts() -> tuple[int, int, int, int]:
    return (
        AlertFiring.objects.count(),
        Incident.objects.count(),
        Containment.objects.filter(active=True).count(),
        AuditEvent.objects.filter(action=AuditAction.ALERT_FIRED).count(),
    )


def test_a_real_rise_in_override_rate_contains_the_queue() -> None:
    queue = make_queue("watched", sme_below=0.0, auto_approve_at=0.9, mode="post_hoc")
    person = reviewer("watched-annotator", queue)
    rule = alert_rule_create(
        queue=queue,
        name="override rate up 20% hour over hour",
        metric="override_rate",
        comparison="rise",
        threshold=0.2,
        window_s=3600,
        min_count=10,
        notify=True,
        open_incident=True,
        contain=True,
        actor=SYSTEM,
    )
    hour_of_work(queue, person, T0, overrides=2)  # 10 %
    hour_of_work(queue, person, T0 + timedelta(hours=1), overrides=10)  # 50 %
    rollups_catch_up()

    with mock.patch.object(notify_group, "delay_on_commit") as notify:
        result = alerts_evaluate(now=T0 + timedelta(hours=1, minutes=40))
    assert result == {"judged": 1, "fired": 1, "resolved": 0}
    firing = AlertFiring.objects.get(rule=rule)
    assert firing.ended_at is None
    assert firing.value == pytest.approx(0.5)
    assert firing.baseline == pytest.approx(0.1)
    assert firing.incident is not None and firing.incident.queue_id == queue.pk
    assert rule.name in firing.incident.title
    assert firing.containment is not None and firing.containment.active
    assert firing.containment.slice == {}
    responders = role_group(Role.RESPONDER).pk
    alert_mails = [c for c in notify.call_args_list if c.args[1].startswith("[hitl] Alert")]
    assert len(alert_mails) == 1 and alert_mails[0].args[0] == responders
    fired = AuditEvent.objects.get(action=AuditAction.ALERT_FIRED)
    assert fired.data["actions"]["incident"]["opened"] is True
    assert fired.data["actions"]["contain"] == firing.containment.pk

    # Containment is on: a confident prediction now goes to Tier 1 and is held.
    with time_machine.travel(T0 + timedelta(hours=1, minutes=45)):
        item = ingest(queue, output={"label": "approve", "confidence": 0.99})
    assert item.route == Route.TIER1
    assert item.release == Release.HELD

    # Still firing: nothing new.
    before = counts()
    result = alerts_evaluate(now=T0 + timedelta(hours=1, minutes=50))
    assert result == {"judged": 1, "fired": 0, "resolved": 0}
    assert counts() == before == (1, 1, 1, 1)

    # The next hour falls back to 10 %: the firing closes; containment stays.
    hour_of_work(queue, person, T0 + timedelta(hours=2), overrides=2)
    rollups_catch_up()
    result = alerts_evaluate(now=T0 + timedelta(hours=2, minutes=40))
    assert result == {"judged": 1, "fired": 0, "resolved": 1}
    firing.refresh_from_db()
    assert firing.ended_at == T0 + timedelta(hours=2, minutes=40)
    resolved = AuditEvent.objects.get(action=AuditAction.ALERT_RESOLVED)
    assert resolved.target_id == str(firing.pk)
    assert Containment.objects.get(pk=firing.containment_id).active


# --- The comparisons, against a fake reader -------------------------------------------------


class FakeMetrics:
    """queue_metrics' signature; answers by window start, records every call."""

    def __init__(self, by_start: dict[datetime, dict[str, Any]]) -> None:
        self.by_start = by_start
        self.calls: list[tuple[datetime, datetime, Any]] = []

    def __call__(self, *, queue: Queue, start: datetime, end: datetime, **kw: Any) -> Any:
        self.calls.append((start, end, kw.get("slice_tags")))
        return self.by_start.get(start, {"override_rate": None, "counts": {"decided": 0}})


def window(rate: float | None, decided: int) -> dict[str, Any]:
    return {"override_rate": rate, "counts": {"decided": decided, "received": decided}}


@pytest.fixture
def rule(queue: Queue) -> AlertRule:
    return alert_rule_create(
        queue=queue,
        name="override rate above 30%",
        metric="override_rate",
        comparison="above",
        threshold=0.3,
        window_s=2 * 3600,
        min_count=20,
        slice_tags={"region": "EU"},
        actor=SYSTEM,
    )


def test_windows_are_whole_hours_including_the_current_one(rule: AlertRule) -> None:
    fake = FakeMetrics({})
    alerts_evaluate(now=T0 + timedelta(minutes=30), metrics=fake)
    assert fake.calls == [(T0 - timedelta(hours=1), T0 + timedelta(hours=1), {"region": "EU"})]


def test_too_few_decisions_are_not_judged(rule: AlertRule) -> None:
    fake = FakeMetrics({T0 - timedelta(hours=1): window(0.9, 19)})
    result = alerts_evaluate(now=T0 + timedelta(minutes=30), metrics=fake)
    assert result == {"judged": 0, "fired": 0, "resolved": 0}
    assert not AlertFiring.objects.exists()


def test_above_fires_once_and_resolves(rule: AlertRule) -> None:
    start = T0 - timedelta(hours=1)
    now = T0 + timedelta(minutes=30)
    with mock.patch.object(notify_group, "delay_on_commit"):
        assert (
            alerts_evaluate(now=now, metrics=FakeMetrics({start: window(0.31, 20)}))["fired"] == 1
        )
        assert alerts_evaluate(now=now, metrics=FakeMetrics({start: window(0.5, 40)}))["fired"] == 0
    # rule.contain is off: no containment, no incident.
    firing = AlertFiring.objects.get()
    assert firing.incident_id is None and firing.containment_id is None
    assert not Containment.objects.exists()
    # Exactly at the threshold is not above it.
    assert alerts_evaluate(now=now, metrics=FakeMetrics({start: window(0.3, 40)}))["resolved"] == 1
    assert AlertFiring.objects.get().ended_at == now


def test_containment_already_on_is_left_alone(queue: Queue) -> None:
    from reviews.queues.services.queues import containment_set

    existing = containment_set(queue=queue, slice_tags={}, reason="by hand", actor=SYSTEM)
    alert_rule_create(
        queue=queue,
        name="ece",
        metric="ece",
        comparison="above",
        threshold=0.1,
        min_count=1,
        notify=False,
        contain=True,
        actor=SYSTEM,
    )
    fake = FakeMetrics({T0: {"ece": {"ece": 0.2, "n": 5}, "counts": {"decided": 5}}})
    assert alerts_evaluate(now=T0 + timedelta(minutes=1), metrics=fake)["fired"] == 1
    assert list(Containment.objects.all()) == [existing]
    assert AlertFiring.objects.get().containment_id is None
    event = AuditEvent.objects.get(action=AuditAction.ALERT_FIRED)
    assert event.data["actions"] == {"contain": "already contained"}


def test_fall_against_the_previous_window(queue: Queue) -> None:
    alert_rule_create(
        queue=queue,
        name="psi drop",
        metric="escalations_per_10k",
        comparison="fall",
        threshold=0.5,
        min_count=10,
        notify=False,
        actor=SYSTEM,
    )
    fake = FakeMetrics(
        {
            T0: {"escalations_per_10k": 40.0, "counts": {"received": 100}},
            T0 - timedelta(hours=1): {"escalations_per_10k": 100.0, "counts": {"received": 100}},
        }
    )
    assert alerts_evaluate(now=T0 + timedelta(minutes=1), metrics=fake)["fired"] == 1
    assert AlertFiring.objects.get().baseline == 100.0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"window_s": 1800}, "window_s"),
        ({"window_s": 5400}, "window_s"),
        ({"metric": "accuracy"}, "metric"),
        ({"comparison": "rise", "threshold": -0.1}, "threshold"),
        ({"slice": {"region": 3}}, "slice"),
        ({"name": " "}, "name"),
    ],
)
def test_invalid_rules_are_refused(rule: AlertRule, changes: dict[str, Any], field: str) -> None:
    with pytest.raises(AlertRuleInvalid) as refused:
        alert_rule_update(rule=rule, changes=changes, actor=SYSTEM)
    assert field in refused.value.fields
    assert not AuditEvent.objects.filter(action=AuditAction.ALERT_RULE_CHANGED).exists()


def test_update_is_audited_with_what_changed(rule: AlertRule) -> None:
    alert_rule_update(rule=rule, changes={"threshold": 0.4, "active": False}, actor=SYSTEM)
    event = AuditEvent.objects.get(action=AuditAction.ALERT_RULE_CHANGED)
    assert event.data["changed"] == {"threshold": [0.3, 0.4], "active": [True, False]}
    assert alerts_evaluate(now=T0, metrics=FakeMetrics({}))["judged"] == 0  # inactive


# --- API -----------------------------------------------------------------------------------


def test_alerts_api_creates_lists_and_changes_rules(
    queue: Queue, admin_user: User, api_as: Any
) -> None:
    client = api_as(admin_user)
    url = f"/api/v1/queues/{queue.slug}/alerts/"
    body = {
        "name": "override rate up 20% week over week",
        "metric": "override_rate",
        "comparison": "rise",
        "threshold": 0.2,
        "window_s": 7 * 86400,
        "contain": True,
        "slice": {"region": "EU"},
    }
    created = client.post(url, body, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["slice"] == {"region": "EU"}
    assert AuditEvent.objects.filter(action=AuditAction.ALERT_RULE_CREATED).count() == 1
    listed = client.get(url).json()
    assert [r["name"] for r in listed] == [body["name"]]
    assert listed[0]["firing"] is None

    changed = client.patch(f"{url}{created.json()['id']}/", {"active": False}, format="json")
    assert changed.status_code == 200, changed.content
    assert changed.json()["active"] is False
    assert changed.json()["window_s"] == 7 * 86400

    bad = client.post(url, {**body, "window_s": 5000}, format="json")
    assert bad.status_code == 400
    assert "window_s" in bad.json()["error"]["fields"]


def test_alerts_api_shows_the_open_firing_and_the_recent_ones(
    rule: AlertRule, admin_user: User, api_as: Any
) -> None:
    start = T0 - timedelta(hours=1)
    with mock.patch.object(notify_group, "delay_on_commit"):
        for minute, rate in ((30, 0.5), (31, 0.1), (32, 0.6)):  # fires, resolves, fires again
            alerts_evaluate(
                now=T0 + timedelta(minutes=minute), metrics=FakeMetrics({start: window(rate, 40)})
            )
    first, second = AlertFiring.objects.order_by("started_at")

    (listed,) = api_as(admin_user).get(f"/api/v1/queues/{rule.queue.slug}/alerts/").json()

    assert listed["firing"] == {
        "id": second.pk,
        "started_at": "2026-03-02T10:32:00Z",
        "ended_at": None,
        "value": second.value,
        "baseline": second.baseline,
        "incident": None,
        "containment": None,
    }
    assert [f["id"] for f in listed["recent_firings"]] == [second.pk, first.pk]
    assert listed["recent_firings"][1]["ended_at"] == "2026-03-02T10:31:00Z"


def test_alert_rule_of_another_queue_is_404(
    queue: Queue, other_queue: Queue, admin_user: User, api_as: Any
) -> None:
    rule = alert_rule_create(
        queue=other_queue,
        name="x",
        metric="ece",
        comparison="above",
        threshold=0.1,
        actor=SYSTEM,
    )
    response = api_as(admin_user).patch(
        f"/api/v1/queues/{queue.slug}/alerts/{rule.pk}/", {"active": False}, format="json"
    )
    assert response.status_code == 404


def test_admin_adds_and_changes_rules_through_the_service(queue: Queue, client: Any) -> None:
    boss = User.objects.create_superuser(username="boss", password="pw-for-tests-only")
    client.force_login(boss)
    form = {
        "queue": queue.pk,
        "name": "ece above 0.1",
        "metric": "ece",
        "comparison": "above",
        "threshold": "0.1",
        "window_s": "3600",
        "min_count": "20",
        "slice": "{}",
        "notify": "on",
        "active": "on",
        "firings-TOTAL_FORMS": "0",
        "firings-INITIAL_FORMS": "0",
    }
    response = client.post("/admin/reviews/alertrule/add/", form)
    assert response.status_code == 302, response.content
    rule = AlertRule.objects.get()
    assert rule.created_by == "boss"
    assert AuditEvent.objects.filter(action=AuditAction.ALERT_RULE_CREATED).count() == 1

    bad = client.post(f"/admin/reviews/alertrule/{rule.pk}/change/", {**form, "window_s": "60"})
    assert bad.status_code == 200  # the form again, with the error
    assert b"Whole hours" in bad.content
    changed = client.post(
        f"/admin/reviews/alertrule/{rule.pk}/change/", {**form, "threshold": "0.2"}
    )
    assert changed.status_code == 302
    rule.refresh_from_db()
    assert rule.threshold == 0.2
    event = AuditEvent.objects.get(action=AuditAction.ALERT_RULE_CHANGED)
    assert event.data["changed"] == {"threshold": [0.1, 0.2]}
    assert client.get(f"/admin/reviews/alertrule/{rule.pk}/change/").status_code == 200
    assert client.get("/admin/reviews/calibrationfit/").status_code == 200


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"metric": "happiness"}, "metric"),
        ({"comparison": "sideways"}, "comparison"),
        ({"threshold": "high"}, "threshold"),
        ({"window_s": 5000}, "window_s"),
        ({"slice": ["region", "EU"]}, "slice"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_a_bad_alert_rule_body_is_a_400_and_stores_nothing(
    queue: Queue, admin_user: User, api_as: Any, change: dict[str, Any], field: str
) -> None:
    body = {"name": "r", "metric": "ece", "comparison": "above", "threshold": 0.1, **change}
    client = api_as(admin_user)
    events = AuditEvent.objects.count()

    response = client.post(f"/api/v1/queues/{queue.slug}/alerts/", body, format="json")

    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]
    assert AlertRule.objects.count() == 0
    assert AuditEvent.objects.count() == events
