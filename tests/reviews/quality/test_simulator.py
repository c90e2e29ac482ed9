"""Threshold simulator against a brute-force replay and the real routing rule."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from reviews.choices import Mode, RiskTier, Route
from reviews.intake.services.routing import route_prediction
from reviews.queues.models import TierPolicy
from stats.simulator import simulate_thresholds

START = datetime(2025, 3, 1, tzinfo=UTC)


def _decided(seed: int, n: int) -> tuple[np.ndarray, np.ndarray, list[datetime]]:
    rng = np.random.default_rng(seed)
    # Two-decimal confidences, so many items sit exactly on candidate thresholds.
    confidence = rng.beta(6, 2, size=n).round(2)
    correct = rng.random(n) < confidence
    created = [START + timedelta(seconds=float(s)) for s in np.sort(rng.uniform(0, 14 * 86400, n))]
    return confidence, correct, created


def _brute_force(
    confidence: np.ndarray, correct: np.ndarray, t: float, days: float, audit: float
) -> tuple[int, float | None, float, float]:
    auto = [c >= t for c in confidence]
    n_auto = sum(auto)
    wrong = sum(1 for a, ok in zip(auto, correct, strict=True) if a and not ok)
    error_rate = wrong / n_auto if n_auto else None
    human = (len(confidence) - n_auto + audit * n_auto) / days
    return n_auto, error_rate, human, wrong / days


@pytest.mark.parametrize("audit", [0.0, 0.05])
def test_curve_matches_a_brute_force_replay(audit: float) -> None:
    confidence, correct, created = _decided(1, 3000)
    curve = simulate_thresholds(
        confidences=confidence, correct=correct, created_at=created, audit_sample_rate=audit
    )
    days = (created[-1] - created[0]).total_seconds() / 86400
    assert curve.span_days == pytest.approx(days)
    assert [p.threshold for p in curve.points] == [k / 100 for k in range(101)]
    for point in curve.points:
        n_auto, error_rate, human, errors = _brute_force(
            confidence, correct, point.threshold, days, audit
        )
        assert point.n_auto == n_auto
        assert point.auto_share == pytest.approx(n_auto / 3000)
        if error_rate is None:
            assert point.error_rate is None
        else:
            assert point.error_rate == pytest.approx(error_rate, abs=1e-12)
        assert point.human_per_day == pytest.approx(human, rel=1e-12)
        assert point.errors_per_day == pytest.approx(errors, rel=1e-12)
    assert curve.current is None


def test_current_value_is_added_and_marked() -> None:
    confidence, correct, _ = _decided(2, 500)
    curve = simulate_thresholds(
        confidences=confidence,
        correct=correct,
        span_days=7,
        candidates=[0.8, 0.9, 0.95],
        current=0.925,
    )
    assert [p.threshold for p in curve.points] == [0.8, 0.9, 0.925, 0.95]
    assert [p.is_current for p in curve.points] == [False, False, True, False]
    assert curve.current is not None
    n_auto, error_rate, human, _ = _brute_force(confidence, correct, 0.925, 7, 0.0)
    assert (curve.current.n_auto, curve.current.error_rate) == (n_auto, pytest.approx(error_rate))
    assert curve.current.human_per_day == pytest.approx(human)
    json.dumps(curve.as_dict())


def test_auto_approved_share_agrees_with_the_routing_rule() -> None:
    """The simulator auto-approves exactly the items route_prediction auto-approves."""
    confidence, correct, _ = _decided(3, 300)
    candidates = [0.5, 0.75, 0.8, 0.9, 0.97]
    curve = simulate_thresholds(
        confidences=confidence, correct=correct, span_days=1, candidates=candidates
    )
    for point in curve.points:
        policy = TierPolicy(
            version=1,
            auto_approve_at=point.threshold,
            sme_below=0.0,
            risk_tier=RiskTier.MEDIUM,
            mode=Mode.IN_PATH,
            shadow=False,
            audit_sample_rate=0.0,
            slice_rules=[],
        )
        routed = [
            route_prediction(
                policy=policy,
                containments=[],
                raw_confidence=float(c),
                confidence=float(c),
                slice_tags={},
                sample_key=f"1:{i}",
            ).route
            for i, c in enumerate(confidence)
        ]
        assert point.n_auto == routed.count(Route.AUTO_APPROVED)


def test_span_rules() -> None:
    with pytest.raises(ValueError, match="span_days"):
        simulate_thresholds(confidences=[0.5], correct=[True])
    with pytest.raises(ValueError, match="span no time"):
        simulate_thresholds(
            confidences=[0.5, 0.6], correct=[True, False], created_at=[START, START]
        )
    with pytest.raises(ValueError, match="positive"):
        simulate_thresholds(confidences=[0.5], correct=[True], span_days=0)


def test_no_items_gives_an_empty_but_well_formed_curve() -> None:
    curve = simulate_thresholds(
        confidences=[], correct=[], span_days=7, candidates=[0.9], current=0.9
    )
    assert curve.n == 0
    assert curve.current is not None
    assert (curve.current.n_auto, curve.current.error_rate, curve.current.human_per_day) == (
        0,
        None,
        0.0,
    )
