"""SLA clocks: deadlines stored on the item, swept by beat (SPEC §2, §10).

When an item is queued at a tier its clocks start: time-to-human (enqueue → first
claim) and time-to-decision (enqueue → decision), both from the policy version that
routed it. `breach_at` is the one deadline the sweep must act on next:

    queued at a tier          breach_at = human_due_at
    first claim at the tier   breach_at = due_at          (services/claims.py)
    decided / in an incident  breach_at = None

A lost broker message cannot lose a breach: the deadline is a column, and the beat
sweep (sla_escalate_breached) finds every row whose breach_at has passed through the
partial index item_breach_idx, so a sweep costs what the breaches cost.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from reviews.models import Item


def start_clock(item: Item, *, tier: str, now: datetime) -> None:
    """Queue `item` at `tier` from `now`: its deadlines there, and no claim yet."""
    policy = item.policy
    item.tier = tier
    item.enqueued_at = now
    item.due_at = now + timedelta(seconds=policy.time_to_decision_s(tier))
    item.human_due_at = now + timedelta(seconds=policy.time_to_human_s(tier))
    item.claimed_at = None
    item.breach_at = item.human_due_at


def stop_clock(item: Item) -> None:
    """No deadline is pending any more: the item is decided or has left the tiers."""
    item.breach_at = None
