"""Calibration maps per queue (SPEC §3 step 3): fitted from human decisions, used by routing.

Decisions go through the real services; the stored map is checked against scikit-learn
fitted in the test on the items read back from the database, and the ECE against a numpy
computation of the SPEC's definition.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression

from accounts.models import User
from audit.actions import AuditAction
from audit.models import AuditEvent
from reviews.choices import Release, Route
from reviews.intake.models import Item
from reviews.quality.models import CalibrationFit
from reviews.quality.services.calibration import CalibrationRefused, calibration_fit
from reviews.queues.models import Queue
from reviews.queues.services.access import client_create
from stats.calibration import CalibrationMap
from tests.conftest import token_client
from tests.factories import SYSTEM, ingest, make_queue, prediction_body
from tests.reviews.quality_helpers import decided_items
from tests.reviews.reviewing import reviewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def tier1_queue() -> Queue:
    """Everything below 0.9 goes to Tier 1 (no straight-to-SME band)."""
    return make_queue("calibrated", sme_below=0.0, auto_approve_at=0.9)


@pytest.fixture
def person(tier1_queue: Queue) -> User:
    return reviewer("calibrator", tier1_queue)


def overconfident(queue: Queue, person: User, n: int = 80, seed: int = 5) -> list[Item]:
    """Items whose model is right far less often than its confidence says: right with
    probability (confidence − 0.3), confidences in [0.5, 0.89]."""
    rng = random.Random(seed)
    confidences = [round(rng.uniform(0.5, 0.89), 3) for _ in range(n)]
    wrong = [rng.random() > c - 0.3 for c in confidences]
    return decided_items(queue, person, confidences, wrong)


def truth(queue: Queue) -> tuple[np.ndarray, np.ndarray]:
    """Raw confidence and correctness of the decided items, read independently."""
    rows = list(
        Item.objects.filter(queue=queue, state=Item.State.DECIDED).values_list(
            "confidence", "output_label", "final_label"
        )
    )
    return (
        np.array([r[0] for r in rows]),
        np.array([r[1] == r[2] for r in rows]),
    )


def numpy_ece(conf: np.ndarray, correct: np.ndarray) -> float:
    """SPEC §4: 10 equal-width bins, the last closed at 1.0."""
    ece = 0.0
    for b in range(10):
        lo, hi = b / 10, (b + 1) / 10
        mask = (conf >= lo) & ((conf < hi) if b < 9 else (conf <= hi))
        if mask.any():
            ece += mask.sum() / conf.size * abs(correct[mask].mean() - conf[mask].mean())
    return float(ece)


def test_fit_refuses_too_few_items(tier1_queue: Queue, person: User) -> None:
    decided_items(tier1_queue, person, [0.6] * 10, [False, True] * 5)
    with pytest.raises(CalibrationRefused) as refused:
        calibration_fit(queue=tier1_queue, method="isotonic", actor=SYSTEM)
    assert refused.value.code == "too_few_items"
    assert not CalibrationFit.objects.exists()


def test_fit_refuses_a_single_class(tier1_queue: Queue, person: User) -> None:
    decided_items(tier1_queue, person, [0.6] * 6, [False] * 6)
    with pytest.raises(CalibrationRefused) as refused:
        calibration_fit(queue=tier1_queue, method="platt", actor=SYSTEM, min_items=5)
    assert refused.value.code == "one_class"


def test_isotonic_fit_matches_scikit_learn_and_reports_ece(
    tier1_queue: Queue, person: User
) -> None:
    overconfident(tier1_queue, person)
    fit = calibration_fit(queue=tier1_queue, method="isotonic", actor=SYSTEM)

    conf, correct = truth(tier1_queue)
    reference = IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip").fit(
        conf, correct.astype(float)
    )
    grid = np.linspace(0, 1, 201)
    stored = CalibrationMap.from_json(fit.params)
    assert [stored.apply(x) for x in grid] == pytest.approx(reference.predict(grid), abs=1e-9)
    assert fit.n_items == conf.size == 80
    assert fit.ece_before == pytest.approx(numpy_ece(conf, correct), abs=1e-12)
    after = np.array([stored.apply(x) for x in conf])
    assert fit.ece_after == pytest.approx(numpy_ece(after, correct), abs=1e-12)
    assert fit.ece_after < fit.ece_before  # in-sample, isotonic can only help
    assert fit.report["before"]["n"] == 80
    assert len(fit.report["after"]["bins"]) == 10
    event = AuditEvent.objects.get(action=AuditAction.CALIBRATION_FITTED)
    assert event.data["params"] == fit.params


def test_platt_fit_matches_logistic_regression(tier1_queue: Queue, person: User) -> None:
    overconfident(tier1_queue, person)
    fit = calibration_fit(queue=tier1_queue, method="platt", actor=SYSTEM)
    conf, correct = truth(tier1_queue)
    model = LogisticRegression(C=1e4, max_iter=1000).fit(conf.reshape(-1, 1), correct)
    stored = CalibrationMap.from_json(fit.params)
    grid = np.linspace(0, 1, 11)
    expected = model.predict_proba(grid.reshape(-1, 1))[:, 1]
    assert [stored.apply(x) for x in grid] == pytest.approx(expected, abs=1e-6)


def test_a_new_fit_replaces_the_active_one(tier1_queue: Queue, person: User) -> None:
    overconfident(tier1_queue, person)
    first = calibration_fit(queue=tier1_queue, method="isotonic", actor=SYSTEM)
    second = calibration_fit(queue=tier1_queue, method="platt", actor=SYSTEM)
    first.refresh_from_db()
    assert not first.active
    assert second.active
    assert list(CalibrationFit.objects.filter(queue=tier1_queue, active=True)) == [second]
    event = AuditEvent.objects.filter(action=AuditAction.CALIBRATION_FITTED).last()
    assert event is not None and event.data["replaced"] == [first.pk]


def test_ingest_routes_on_calibrated_confidence_and_keeps_both(
    tier1_queue: Queue, person: User
) -> None:
    overconfident(tier1_queue, person)
    before = ingest(tier1_queue, output={"label": "approve", "confidence": 0.95})
    assert before.route == Route.AUTO_APPROVED  # no map yet: 0.95 ≥ 0.9

    # Platt extrapolates the trend past the highest confidence seen (isotonic is flat there).
    fit = calibration_fit(queue=tier1_queue, method="platt", actor=SYSTEM)
    expected = CalibrationMap.from_json(fit.params).apply(0.95)
    assert expected < 0.9  # the model is overconfident: 0.95 means much less

    item = ingest(tier1_queue, output={"label": "approve", "confidence": 0.95})
    item.refresh_from_db()
    assert item.confidence == 0.95
    assert item.calibrated_confidence == pytest.approx(expected)
    assert item.route == Route.TIER1
    assert item.state == Item.State.QUEUED
    assert item.release == Release.HELD  # the test queue is in path
    assert item.trace[0]["step"] == "calibrate"
    assert item.trace[0]["calibrated"] == pytest.approx(expected)
    received = AuditEvent.objects.filter(action=AuditAction.ITEM_RECEIVED).last()
    assert received is not None
    assert received.data["confidence"] == 0.95
    assert received.data["calibrated_confidence"] == pytest.approx(expected)


def test_ingest_over_the_api_uses_the_newest_fit(tier1_queue: Queue, person: User) -> None:
    """The API reads the active fit's id with the queue; a new fit takes over at once."""
    api = token_client(client_create(name="scorer", queues=[tier1_queue], actor=SYSTEM)[1])
    overconfident(tier1_queue, person)
    calibration_fit(queue=tier1_queue, method="platt", actor=SYSTEM)
    body = prediction_body(tier1_queue, output={"label": "approve", "confidence": 0.95})
    response = api.post("/api/v1/predictions/", body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["route"] == "tier1"

    # Sixty more items at 0.89, every one right: the new map puts 0.95 near 1.
    decided_items(tier1_queue, person, [0.89] * 60, [False] * 60)
    second = calibration_fit(queue=tier1_queue, method="isotonic", actor=SYSTEM)
    assert CalibrationMap.from_json(second.params).apply(0.95) >= 0.9
    body = prediction_body(tier1_queue, output={"label": "approve", "confidence": 0.95})
    response = api.post("/api/v1/predictions/", body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["route"] == "auto_approved"
