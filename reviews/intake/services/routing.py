"""The routing decision of SPEC §3: pure, fast, and explained step by step.

No database access here: the caller hands in the policy and the queue's active
containment switches, so a bulk call routes a thousand items with no queries.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from reviews.choices import Mode, Release, Route, SampleReason, Tier
from reviews.intake.models import Item
from reviews.queues.models import TierPolicy


class _Containment(Protocol):
    pk: Any
    slice: dict[str, str]


@dataclass(frozen=True)
class RouteDecision:
    route: str
    tier: str
    state: str  # where the item ends up; see `path`
    release: str
    sample_reason: str
    required_skill: str
    trace: list[dict[str, Any]]

    @property
    def path(self) -> tuple[str, ...]:
        """The states the item moves through from `received` (an audit sample goes via both)."""
        if self.route == Route.AUTO_APPROVED and self.state == Item.State.QUEUED:
            return (Item.State.AUTO_APPROVED, Item.State.QUEUED)
        return (self.state,)


def slice_matches(when: Mapping[str, Any], tags: Mapping[str, str]) -> bool:
    """Every key of `when` must match: a string equals the tag, a list contains it."""
    for key, expected in when.items():
        value = tags.get(key)
        if isinstance(expected, list):
            if value not in expected:
                return False
        elif value != expected:
            return False
    return True


def sample_fraction(key: str) -> float:
    """A stable number in [0, 1) per item: the same item is always sampled or never."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big") / 2**64


def _by_thresholds(policy: TierPolicy, confidence: float) -> str:
    if confidence >= policy.auto_approve_at:
        return Route.AUTO_APPROVED
    if confidence < policy.sme_below:
        return Route.SME
    return Route.TIER1


def route_prediction(
    *,
    policy: TierPolicy,
    containments: Sequence[_Containment],
    raw_confidence: float,
    confidence: float,
    slice_tags: Mapping[str, str],
    sample_key: str,
    calibrated: bool = False,
) -> RouteDecision:
    """Decide where one prediction goes.

    1. Calibration: `confidence` is the calibrated value (`calibrated`: the queue's map was
       applied; without one it equals the raw value).
    2. Containment on the queue or a matching slice forbids auto-approval and holds.
    3. The first matching slice rule forces its route and/or requires a skill.
    4. Otherwise the thresholds decide: auto-approve, Tier 1, or straight to SMEs.
    5. An auto-approved item may be drawn for the random audit sample (Tier 1, post hoc).
    6. Release: auto-approved and post-hoc items go out at once; in-path items are held
       until a person decides; shadow mode never holds; containment always holds.
    """
    trace: list[dict[str, Any]] = [
        {
            "step": "calibrate",
            "raw": raw_confidence,
            "calibrated": confidence,
            "why": "queue calibration map applied"
            if calibrated
            else "no calibration map fitted; calibrated = raw",
        }
    ]
    contained = _containment(containments, slice_tags, trace)
    route, required_skill = _route(policy, confidence, slice_tags, trace)
    if contained is not None and route == Route.AUTO_APPROVED:
        route = Route.TIER1
        trace.append(
            {
                "step": "containment",
                "route": route,
                "why": "auto-approval is contained: sent to Tier 1 instead",
            }
        )
    state, tier, sample_reason = Item.State.QUEUED, route, SampleReason.NONE
    if route == Route.AUTO_APPROVED:
        state, tier, sample_reason = _audit_sample(policy, sample_key, trace)
    release, why = _release(policy, route, contained is not None)
    trace.append({"step": "release", "release": release, "why": why})
    return RouteDecision(
        route=route,
        tier=tier,
        state=state,
        release=release,
        sample_reason=sample_reason,
        required_skill=required_skill,
        trace=trace,
    )


def _containment(
    containments: Sequence[_Containment], slice_tags: Mapping[str, str], trace: list[Any]
) -> _Containment | None:
    """Step 2: the first containment switch on the queue or a matching slice, if any."""
    contained = next((c for c in containments if slice_matches(c.slice, slice_tags)), None)
    if contained is not None:
        scope = contained.slice or "whole queue"
        trace.append(
            {
                "step": "containment",
                "matched": contained.pk,
                "slice": contained.slice,
                "why": f"containment on {scope}: no auto-approval, output held",
            }
        )
    return contained


def _route(
    policy: TierPolicy, confidence: float, slice_tags: Mapping[str, str], trace: list[Any]
) -> tuple[str, str]:
    """Steps 3 and 4: (route, required skill) from the first matching slice rule, else the
    thresholds."""
    rule_index, rule = next(
        ((i, r) for i, r in enumerate(policy.slice_rules) if slice_matches(r["when"], slice_tags)),
        (None, None),
    )
    threshold_route = _by_thresholds(policy, confidence)
    if rule is None:
        trace.append(
            {
                "step": "thresholds",
                "confidence": confidence,
                "auto_approve_at": policy.auto_approve_at,
                "sme_below": policy.sme_below,
                "route": threshold_route,
                "why": _threshold_reason(policy, confidence, threshold_route),
            }
        )
        return threshold_route, ""
    required_skill = rule.get("skill", "")
    route = rule.get("route") or threshold_route
    trace.append(
        {
            "step": "slice_rule",
            "rule": rule_index,
            "when": rule["when"],
            "route": route,
            "skill": required_skill or None,
            "why": f"slice rule #{rule_index} matched"
            + (f": forced to {route}" if rule.get("route") else "")
            + (f", needs skill {required_skill!r}" if required_skill else ""),
        }
    )
    return route, required_skill


def _audit_sample(
    policy: TierPolicy, sample_key: str, trace: list[Any]
) -> tuple[Item.State, str, SampleReason]:
    """Step 5: an auto-approved item's (state, tier, sample reason), drawn for the random
    audit sample or not."""
    if policy.audit_sample_rate <= 0:
        return Item.State.AUTO_APPROVED, "", SampleReason.NONE
    drawn = sample_fraction(sample_key) < policy.audit_sample_rate
    trace.append(
        {
            "step": "audit_sample",
            "rate": policy.audit_sample_rate,
            "sampled": drawn,
            "why": "drawn for the random audit sample: Tier 1 reviews it post hoc"
            if drawn
            else "not drawn for the random audit sample",
        }
    )
    if drawn:
        # Still auto-approved and released; also queued for Tier 1 to look at.
        return Item.State.QUEUED, Tier.TIER1, SampleReason.AUDIT
    return Item.State.AUTO_APPROVED, "", SampleReason.NONE


def _threshold_reason(policy: TierPolicy, confidence: float, route: str) -> str:
    if route == Route.AUTO_APPROVED:
        return f"confidence {confidence:g} >= auto_approve_at {policy.auto_approve_at:g}"
    if route == Route.SME:
        return f"confidence {confidence:g} < sme_below {policy.sme_below:g}: straight to SMEs"
    return (
        f"sme_below {policy.sme_below:g} <= confidence {confidence:g} "
        f"< auto_approve_at {policy.auto_approve_at:g}: Tier 1"
    )


def _release(policy: TierPolicy, route: str, contained: bool) -> tuple[str, str]:
    if route == Route.AUTO_APPROVED:
        return Release.RELEASED, "auto-approved outputs go out at once"
    if contained:
        return Release.HELD, "contained: held until a person decides"
    if policy.shadow:
        return Release.RELEASED, "shadow mode: never held, queued for people only to learn"
    if policy.effective_mode == Mode.IN_PATH:
        why = "high risk implies in path" if policy.mode != Mode.IN_PATH else "in-path mode"
        return Release.HELD, f"{why}: held until a person decides"
    return Release.RELEASED, "post-hoc mode: released now, reviewed afterwards"
