"""The threshold simulator over the API (SPEC §5), checked against a brute-force replay
written in the test, and drafting a policy version from a chosen point."""

from __future__ import annotations

import random
from typing import Any

import pytest

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from reviews.intake.models import Item
from reviews.quality.services.calibration import calibration_fit
from reviews.queues.models import Queue, TierPolicy
from stats.calibration import CalibrationMap
from tests.factories import SYSTEM, make_queue
from tests.reviews.quality_helpers import decided_items
from tests.reviews.reviewing import reviewer

pytestmark = pytest.mark.django_db

WINDOW_DAYS = 7


@pytest.fixture
def sim_queue() -> Queue:
    return make_queue("simulated", sme_below=0.0, auto_approve_at=0.9, audit_sample_rate=0.1)


@pytest.fixture
def history(sim_queue: Queue) -> None:
    rng = random.Random(3)
    confidences = [round(rng.uniform(0.0, 0.89), 2) for _ in range(60)]
    wrong = [rng.random() > c for c in confidences]
    decided_items(sim_queue, reviewer("sim-person", sim_queue), confidences, wrong)


def brute_force(confidences: list[float], correct: list[bool], t: float) -> dict[str, Any]:
    """SPEC §5 by hand: auto-approved at or above t; errors among them; human load/day."""
    auto = [ok for c, ok in zip(confidences, correct, strict=True) if c >= t]
    below = sum(1 for c in confidences if c < t)
    return {
        "n_auto": len(auto),
        "auto_share": len(auto) / len(confidences),
        "error_rate": (len(auto) - sum(auto)) / len(auto) if auto else None,
        "human_per_day": (below + 0.1 * len(auto)) / WINDOW_DAYS,
    }


def replay(queue: Queue, calibrate: CalibrationMap | None) -> tuple[list[float], list[bool]]:
    rows = Item.objects.filter(queue=queue, state=Item.State.DECIDED).values_list(
        "confidence", "output_label", "final_label"
    )
    conf = [calibrate.apply(r[0]) if calibrate else r[0] for r in rows]
    return conf, [r[1] == r[2] for r in rows]


def check_curve(body: dict[str, Any], conf: list[float], correct: list[bool]) -> None:
    assert body["n"] == len(conf) == 60
    assert body["span_days"] == pytest.approx(WINDOW_DAYS)
    points = {round(p["threshold"], 6): p for p in body["points"]}
    for t in (0.0, 0.25, 0.5, 0.62, 0.8, 0.9, 1.0):
        expected = brute_force(conf, correct, t)
        point = points[t]
        assert point["n_auto"] == expected["n_auto"], t
        assert point["auto_share"] == pytest.approx(expected["auto_share"]), t
        if expected["error_rate"] is None:
            assert point["error_rate"] is None
        else:
            assert point["error_rate"] == pytest.approx(expected["error_rate"]), t
        assert point["human_per_day"] == pytest.approx(expected["human_per_day"]), t
    assert body["current"]["threshold"] == 0.9
    assert [p["threshold"] for p in body["points"] if p["is_current"]] == [0.9]


def test_curve_matches_a_brute_force_replay(
    sim_queue: Queue, history: None, admin_user: User, api_as: Any
) -> None:
    response = api_as(admin_user).get(f"/api/v1/queues/{sim_queue.slug}/simulator/?window=7d")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["confidence"] == "raw"
    assert body["auto_approve_at"] == 0.9
    check_curve(body, *replay(sim_queue, None))


def test_curve_uses_the_active_calibration_map(
    sim_queue: Queue, history: None, admin_user: User, api_as: Any
) -> None:
    fit = calibration_fit(queue=sim_queue, method="platt", actor=SYSTEM)
    response = api_as(admin_user).get(f"/api/v1/queues/{sim_queue.slug}/simulator/")
    body = response.json()
    assert body["confidence"] == f"calibrated (fit {fit.pk})"
    check_curve(body, *replay(sim_queue, CalibrationMap.from_json(fit.params)))


def test_bad_window_is_a_400(sim_queue: Queue, admin_user: User, api_as: Any) -> None:
    response = api_as(admin_user).get(f"/api/v1/queues/{sim_queue.slug}/simulator/?window=3w")
    assert response.status_code == 400
    assert "window" in response.json()["error"]["fields"]


def test_draft_creates_an_inactive_version(sim_queue: Queue, admin_user: User, api_as: Any) -> None:
    active = sim_queue.active_policy
    response = api_as(admin_user).post(
        f"/api/v1/queues/{sim_queue.slug}/simulator/draft/",
        {"auto_approve_at": 0.95},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["active"] is False
    draft = TierPolicy.objects.get(queue=sim_queue, version=response.json()["version"])
    assert draft.version == active.version + 1
    assert draft.auto_approve_at == 0.95
    sim_queue.refresh_from_db()
    assert sim_queue.active_policy_id == active.pk  # an admin still activates it
    mine, theirs = draft.as_json(), active.as_json()
    for json in (mine, theirs):
        json.pop("version")
        json.pop("auto_approve_at")
    assert mine == theirs
    event = AuditEvent.objects.filter(action=AuditAction.POLICY_CREATED).last()
    assert event is not None and event.target_id == str(draft.pk)
    activated = AuditEvent.objects.filter(action=AuditAction.POLICY_ACTIVATED)
    assert draft.version not in [event.data["version"] for event in activated]


def test_draft_below_sme_below_is_a_400(admin_user: User, api_as: Any) -> None:
    queue = make_queue("banded", sme_below=0.5, auto_approve_at=0.9)
    response = api_as(admin_user).post(
        f"/api/v1/queues/{queue.slug}/simulator/draft/", {"auto_approve_at": 0.4}, format="json"
    )
    assert response.status_code == 400
    assert "auto_approve_at" in response.json()["error"]["fields"]
    assert TierPolicy.objects.filter(queue=queue).count() == 1


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "simulator/", None),
        ("post", "simulator/draft/", {"auto_approve_at": 0.95}),
        ("get", "calibration/", None),
        ("post", "calibration/", {"method": "platt"}),
        ("get", "alerts/", None),
        (
            "post",
            "alerts/",
            {"name": "r", "metric": "override_rate", "comparison": "above", "threshold": 0.2},
        ),
    ],
)
def test_outsiders_and_annotators_get_404(
    queue: Queue,
    outsider: User,
    annotator: User,
    api_as: Any,
    method: str,
    path: str,
    body: dict[str, Any] | None,
) -> None:
    """An outsider reaches nothing; an annotator may not manage (nor read quality data)."""
    for person in (outsider, annotator):
        client = api_as(person)
        response = getattr(client, method)(
            f"/api/v1/queues/{queue.slug}/{path}", body, format="json"
        )
        assert response.status_code == 404, (person, path)
        assert response.json()["error"]["code"] == "queue_not_found"
    assert TierPolicy.objects.filter(queue=queue).count() == 1


def test_calibration_api_fits_and_shows_the_active_fit(
    sim_queue: Queue, history: None, admin_user: User, api_as: Any
) -> None:
    client = api_as(admin_user)
    url = f"/api/v1/queues/{sim_queue.slug}/calibration/"
    assert client.get(url).json() == {"active": None}
    created = client.post(url, {"method": "platt"}, format="json")
    assert created.status_code == 201, created.content
    shown = client.get(url).json()["active"]
    assert shown["id"] == created.json()["id"]
    assert shown["method"] == "platt"
    assert shown["n_items"] == 60
    assert len(shown["reliability_before"]["bins"]) == 10
    assert len(shown["reliability_after"]["bins"]) == 10


def test_calibration_api_refuses_too_few(admin_user: User, api_as: Any, queue: Queue) -> None:
    response = api_as(admin_user).post(
        f"/api/v1/queues/{queue.slug}/calibration/", {"method": "isotonic"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "too_few_items"
