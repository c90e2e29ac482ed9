"""route_prediction is pure: unsaved policies and containments in, a decision out, no database."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from reviews.choices import Mode, Release, RiskTier, Route, SampleReason, Tier
from reviews.intake.models import Item
from reviews.intake.services.routing import RouteDecision, route_prediction, sample_fraction
from reviews.queues.models import Containment, TierPolicy


def policy(**fields: Any) -> TierPolicy:
    """An unsaved policy: auto at 0.9, SMEs below 0.5, medium risk, in path, no sampling."""
    values: dict[str, Any] = {
        "version": 1,
        "auto_approve_at": 0.9,
        "sme_below": 0.5,
        "risk_tier": RiskTier.MEDIUM,
        "mode": Mode.IN_PATH,
        "shadow": False,
        "audit_sample_rate": 0.0,
        "slice_rules": [],
    }
    values.update(fields)
    return TierPolicy(**values)


def contain(pk: int, **tags: str) -> Containment:
    return Containment(pk=pk, slice=dict(tags), reason="test", set_by="tests")


def route(
    tier_policy: TierPolicy,
    confidence: float,
    *,
    tags: Mapping[str, str] | None = None,
    containments: Sequence[Containment] = (),
    raw: float | None = None,
    key: str = "1:ext-1",
) -> RouteDecision:
    return route_prediction(
        policy=tier_policy,
        containments=containments,
        raw_confidence=confidence if raw is None else raw,
        confidence=confidence,
        slice_tags=tags or {},
        sample_key=key,
        calibrated=raw is not None,
    )


def steps(decision: RouteDecision) -> list[str]:
    return [step["step"] for step in decision.trace]


# --- Thresholds ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("confidence", "expected_route", "expected_state", "expected_tier"),
    [
        (1.0, Route.AUTO_APPROVED, Item.State.AUTO_APPROVED, ""),
        (0.9, Route.AUTO_APPROVED, Item.State.AUTO_APPROVED, ""),  # == auto_approve_at
        (0.8999, Route.TIER1, Item.State.QUEUED, Tier.TIER1),
        (0.5, Route.TIER1, Item.State.QUEUED, Tier.TIER1),  # == sme_below
        (0.4999, Route.SME, Item.State.QUEUED, Tier.SME),
        (0.0, Route.SME, Item.State.QUEUED, Tier.SME),
    ],
)
def test_thresholds_decide_the_route_at_each_boundary(
    confidence: float, expected_route: str, expected_state: str, expected_tier: str
) -> None:
    decision = route(policy(), confidence)

    assert decision.route == expected_route
    assert decision.state == expected_state
    assert decision.path == (expected_state,)
    assert decision.tier == expected_tier
    assert decision.required_skill == ""
    assert decision.sample_reason == SampleReason.NONE
    (thresholds,) = [s for s in decision.trace if s["step"] == "thresholds"]
    assert thresholds["route"] == expected_route
    assert thresholds["confidence"] == confidence


def test_equal_thresholds_leave_no_tier1_band() -> None:
    tier_policy = policy(auto_approve_at=0.7, sme_below=0.7)

    assert route(tier_policy, 0.7).route == Route.AUTO_APPROVED
    assert route(tier_policy, 0.6999).route == Route.SME


def test_thresholds_use_the_calibrated_confidence_not_the_raw_one() -> None:
    decision = route(policy(), 0.95, raw=0.4)

    assert decision.route == Route.AUTO_APPROVED
    calibrate = decision.trace[0]
    assert calibrate == {
        "step": "calibrate",
        "raw": 0.4,
        "calibrated": 0.95,
        "why": "queue calibration map applied",
    }


# --- Release ------------------------------------------------------------------------


def test_auto_approved_output_is_released_even_in_path() -> None:
    decision = route(policy(mode=Mode.IN_PATH, risk_tier=RiskTier.HIGH), 0.95)

    assert decision.release == Release.RELEASED


def test_in_path_holds_what_goes_to_people() -> None:
    assert route(policy(mode=Mode.IN_PATH), 0.7).release == Release.HELD
    assert route(policy(mode=Mode.IN_PATH), 0.1).release == Release.HELD


def test_post_hoc_releases_what_goes_to_people() -> None:
    decision = route(policy(mode=Mode.POST_HOC), 0.7)

    assert decision.route == Route.TIER1
    assert decision.state == Item.State.QUEUED
    assert decision.release == Release.RELEASED
    assert "post-hoc" in decision.trace[-1]["why"]


def test_high_risk_implies_in_path_so_post_hoc_is_held() -> None:
    decision = route(policy(mode=Mode.POST_HOC, risk_tier=RiskTier.HIGH), 0.7)

    assert decision.route == Route.TIER1
    assert decision.release == Release.HELD
    assert "high risk implies in path" in decision.trace[-1]["why"]


def test_low_and_medium_risk_post_hoc_are_released() -> None:
    for risk in (RiskTier.LOW, RiskTier.MEDIUM):
        assert route(policy(mode=Mode.POST_HOC, risk_tier=risk), 0.1).release == Release.RELEASED


def test_shadow_mode_releases_but_still_queues_for_people() -> None:
    tier_policy = policy(shadow=True, mode=Mode.IN_PATH, risk_tier=RiskTier.HIGH)

    for confidence, expected_route in ((0.7, Route.TIER1), (0.2, Route.SME)):
        decision = route(tier_policy, confidence)
        assert decision.route == expected_route
        assert decision.state == Item.State.QUEUED
        assert decision.tier == expected_route
        assert decision.release == Release.RELEASED
        assert "shadow" in decision.trace[-1]["why"]


# --- Slice rules --------------------------------------------------------------------


def test_slice_rule_with_a_string_value_forces_its_route() -> None:
    tier_policy = policy(slice_rules=[{"when": {"region": "EU"}, "route": "sme"}])

    forced = route(tier_policy, 0.99, tags={"region": "EU", "product": "card"})
    assert forced.route == Route.SME
    assert forced.tier == Tier.SME
    assert forced.state == Item.State.QUEUED
    assert forced.release == Release.HELD
    assert "thresholds" not in steps(forced)
    (rule_step,) = [s for s in forced.trace if s["step"] == "slice_rule"]
    assert rule_step["rule"] == 0
    assert rule_step["route"] == Route.SME
    assert "forced to sme" in rule_step["why"]

    assert route(tier_policy, 0.99, tags={"region": "US"}).route == Route.AUTO_APPROVED
    assert route(tier_policy, 0.99, tags={}).route == Route.AUTO_APPROVED


def test_slice_rule_with_a_list_value_matches_any_member() -> None:
    tier_policy = policy(
        slice_rules=[{"when": {"region": "EU", "product": ["mortgage", "heloc"]}, "route": "tier1"}]
    )

    for product in ("mortgage", "heloc"):
        decision = route(tier_policy, 0.99, tags={"region": "EU", "product": product})
        assert decision.route == Route.TIER1
    # Every key must match: the list alone is not enough, nor the region alone.
    assert route(tier_policy, 0.99, tags={"region": "US", "product": "mortgage"}).route == (
        Route.AUTO_APPROVED
    )
    assert route(tier_policy, 0.99, tags={"region": "EU", "product": "card"}).route == (
        Route.AUTO_APPROVED
    )
    assert route(tier_policy, 0.99, tags={"region": "EU"}).route == Route.AUTO_APPROVED


def test_first_matching_slice_rule_wins() -> None:
    tier_policy = policy(
        slice_rules=[
            {"when": {"region": "US"}, "route": "sme"},
            {"when": {"region": "EU"}, "route": "tier1", "skill": "eu-lending"},
            {"when": {"region": "EU", "product": "mortgage"}, "route": "sme"},
        ]
    )

    decision = route(tier_policy, 0.99, tags={"region": "EU", "product": "mortgage"})

    assert decision.route == Route.TIER1
    assert decision.required_skill == "eu-lending"
    (rule_step,) = [s for s in decision.trace if s["step"] == "slice_rule"]
    assert rule_step["rule"] == 1


def test_skill_only_rule_keeps_the_threshold_route_and_requires_the_skill() -> None:
    tier_policy = policy(slice_rules=[{"when": {"lang": "de"}, "skill": "german"}])

    tier1 = route(tier_policy, 0.7, tags={"lang": "de"})
    assert tier1.route == Route.TIER1
    assert tier1.required_skill == "german"
    (rule_step,) = [s for s in tier1.trace if s["step"] == "slice_rule"]
    assert rule_step["skill"] == "german"
    assert "needs skill 'german'" in rule_step["why"]

    assert route(tier_policy, 0.2, tags={"lang": "de"}).route == Route.SME
    assert route(tier_policy, 0.7, tags={"lang": "fr"}).required_skill == ""


def test_rule_with_route_and_skill_sets_both() -> None:
    tier_policy = policy(slice_rules=[{"when": {"region": "EU"}, "route": "sme", "skill": "gdpr"}])

    decision = route(tier_policy, 0.7, tags={"region": "EU"})

    assert (decision.route, decision.tier, decision.required_skill) == ("sme", "sme", "gdpr")


# --- Containment --------------------------------------------------------------------


def test_whole_queue_containment_stops_auto_approval_and_holds() -> None:
    decision = route(policy(mode=Mode.POST_HOC), 0.99, containments=[contain(7)])

    assert decision.route == Route.TIER1
    assert decision.state == Item.State.QUEUED
    assert decision.tier == Tier.TIER1
    assert decision.release == Release.HELD
    assert steps(decision) == ["calibrate", "containment", "thresholds", "containment", "release"]
    assert decision.trace[1]["matched"] == 7
    assert "whole queue" in decision.trace[1]["why"]


def test_containment_holds_people_routes_even_post_hoc() -> None:
    for confidence, expected_route in ((0.7, Route.TIER1), (0.1, Route.SME)):
        decision = route(policy(mode=Mode.POST_HOC), confidence, containments=[contain(1)])
        assert decision.route == expected_route
        assert decision.release == Release.HELD


def test_containment_holds_even_in_shadow_mode() -> None:
    decision = route(policy(shadow=True), 0.99, containments=[contain(1)])

    assert decision.route == Route.TIER1
    assert decision.release == Release.HELD
    assert "contained" in decision.trace[-1]["why"]


def test_slice_containment_applies_only_to_matching_items() -> None:
    containments = [contain(3, region="EU")]
    tier_policy = policy(mode=Mode.POST_HOC)

    eu = route(
        tier_policy, 0.99, tags={"region": "EU", "product": "card"}, containments=containments
    )
    assert eu.route == Route.TIER1
    assert eu.release == Release.HELD
    assert eu.trace[1]["slice"] == {"region": "EU"}

    us = route(tier_policy, 0.99, tags={"region": "US"}, containments=containments)
    assert us.route == Route.AUTO_APPROVED
    assert us.release == Release.RELEASED
    assert "containment" not in steps(us)

    untagged = route(tier_policy, 0.99, tags={}, containments=containments)
    assert untagged.route == Route.AUTO_APPROVED


def test_containment_keeps_a_slice_rules_forced_sme_route() -> None:
    tier_policy = policy(slice_rules=[{"when": {"region": "EU"}, "route": "sme"}])

    decision = route(tier_policy, 0.99, tags={"region": "EU"}, containments=[contain(1)])

    assert decision.route == Route.SME
    assert decision.release == Release.HELD


def test_contained_item_is_never_drawn_for_the_audit_sample() -> None:
    decision = route(policy(audit_sample_rate=1.0), 0.99, containments=[contain(1)])

    assert decision.route == Route.TIER1
    assert decision.sample_reason == SampleReason.NONE
    assert "audit_sample" not in steps(decision)


# --- Audit sampling -----------------------------------------------------------------


def test_audit_sample_is_deterministic_per_key() -> None:
    tier_policy = policy(audit_sample_rate=0.5)
    keys = [f"4:ext-{n}" for n in range(200)]

    first = [route(tier_policy, 0.95, key=k).sample_reason for k in keys]
    second = [route(tier_policy, 0.95, key=k).sample_reason for k in keys]

    assert first == second
    assert {SampleReason.AUDIT, SampleReason.NONE} == set(first)
    assert all(0.0 <= sample_fraction(k) < 1.0 for k in keys)
    assert sample_fraction("4:ext-1") == sample_fraction("4:ext-1")
    assert sample_fraction("4:ext-1") != sample_fraction("5:ext-1")


def test_audit_sample_rate_zero_never_samples() -> None:
    tier_policy = policy(audit_sample_rate=0.0)

    for n in range(500):
        decision = route(tier_policy, 0.95, key=f"k{n}")
        assert decision.sample_reason == SampleReason.NONE
        assert decision.tier == ""
        assert decision.path == (Item.State.AUTO_APPROVED,)
        assert "audit_sample" not in steps(decision)


def test_audit_sample_rate_one_always_samples_post_hoc() -> None:
    tier_policy = policy(audit_sample_rate=1.0, mode=Mode.IN_PATH, risk_tier=RiskTier.HIGH)

    for n in range(500):
        decision = route(tier_policy, 0.95, key=f"k{n}")
        assert decision.route == Route.AUTO_APPROVED
        # Auto-approved first, then queued for Tier 1 to look at after the fact.
        assert decision.path == (Item.State.AUTO_APPROVED, Item.State.QUEUED)
        assert decision.state == Item.State.QUEUED
        assert decision.tier == Tier.TIER1
        assert decision.sample_reason == SampleReason.AUDIT
        # Sampled items are reviewed post hoc: the output still goes out.
        assert decision.release == Release.RELEASED
        (sample_step,) = [s for s in decision.trace if s["step"] == "audit_sample"]
        assert sample_step["sampled"] is True


def test_audit_sample_rate_is_close_to_the_share_sampled() -> None:
    tier_policy = policy(audit_sample_rate=0.1)

    sampled = sum(
        route(tier_policy, 0.95, key=f"7:ext-{n}").sample_reason == SampleReason.AUDIT
        for n in range(10_000)
    )

    # Binomial(10,000, 0.1) has a standard deviation of 30; five of them either side.
    assert 850 <= sampled <= 1150


def test_only_auto_approved_items_are_sampled() -> None:
    tier_policy = policy(audit_sample_rate=1.0)

    for confidence in (0.7, 0.2):
        decision = route(tier_policy, confidence)
        assert decision.sample_reason == SampleReason.NONE
        assert "audit_sample" not in steps(decision)


# --- Trace --------------------------------------------------------------------------


def test_trace_explains_every_step_in_order() -> None:
    tier_policy = policy(
        audit_sample_rate=1.0, slice_rules=[{"when": {"region": "EU"}, "skill": "gdpr"}]
    )

    plain = route(tier_policy, 0.7)
    assert steps(plain) == ["calibrate", "thresholds", "release"]
    assert plain.trace[0]["why"] == "no calibration map fitted; calibrated = raw"
    assert plain.trace[1]["why"] == "sme_below 0.5 <= confidence 0.7 < auto_approve_at 0.9: Tier 1"
    assert plain.trace[2] == {
        "step": "release",
        "release": "held",
        "why": "in-path mode: held until a person decides",
    }

    sme = route(tier_policy, 0.3)
    assert sme.trace[1]["why"] == "confidence 0.3 < sme_below 0.5: straight to SMEs"

    sampled = route(tier_policy, 0.95)
    assert steps(sampled) == ["calibrate", "thresholds", "audit_sample", "release"]
    assert sampled.trace[1]["why"] == "confidence 0.95 >= auto_approve_at 0.9"
    assert "audit sample" in sampled.trace[2]["why"]
    assert sampled.trace[3]["why"] == "auto-approved outputs go out at once"

    ruled = route(tier_policy, 0.7, tags={"region": "EU"}, containments=[contain(2)])
    assert steps(ruled) == ["calibrate", "containment", "slice_rule", "release"]

    for decision in (plain, sme, sampled, ruled):
        for step in decision.trace:
            assert isinstance(step["why"], str)
            assert step["why"]
