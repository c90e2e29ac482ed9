"""Active learning (SPEC §5): auto-approved items pulled into Tier 1, post hoc, by doubt.

On top of the random audit sample drawn at ingest (services/routing.py), each queue whose
active policy has an `al_budget_per_day` gets up to that many of its auto-approved items
a UTC day looked at by Tier 1: the ones the model was least sure of (margin or entropy
of their `scores`, stats/uncertainty.py), with a share of the budget spread
across slices. Their outputs stay released; the review is after the fact, and its
verdicts become labels where the model most needs them.

One run per queue, from beat every few minutes (reviews.tasks.sample_for_review):

1. Lock the queue's SamplerCursor: runs of one queue take turns, so two at once can
   neither overspend the budget nor pick one item twice.
2. Quota: the budget paced over the day, minus what was sampled since midnight UTC.
   Paced: by `s` seconds past midnight, ceil(budget × s / 86400) may have been sampled.
   Rounded up, not down: the first item is allowed as soon as the day starts (a small
   budget does not wait hours for it), and the last one before midnight — rounded down,
   the whole budget would only be reached at 24:00, that is never. Either way the pace
   is never more than one item ahead of a straight line, and never above the budget.
3. Candidates: the queue's auto-approved items, not gold and not already sampled,
   received in [cursor, now − settle). `settle` leaves time for ingest transactions
   that began before `now` to commit, so none is skipped unseen. Read in chunks through
   item_queue_received_idx; only each slice's `quota` most uncertain are kept
   (uncertainty.Shortlist), so a busy window costs constant memory.
4. Pick (select_for_review), lock the picks (SKIP LOCKED: a row someone else holds is
   left alone), re-check each is still auto-approved, and queue it at Tier 1 the way
   ingest queues an audit sample: SLA clocks from the policy version that routed it,
   its consensus k, and a trace step saying why. One ITEM_SAMPLED event per item.
5. Move the cursor to the window's end, in the same transaction.

When the quota is 0 the run changes nothing and the cursor stays: the items wait for the
next run with a quota, which then picks the most uncertain of everything since the last
pick. The window never reaches back more than LOOKBACK, so a budget switched on after a
long pause does not scan the queue's history.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from audit.actions import AuditAction
from audit.services import Actor, Entry, audit_record_many, target_of
from reviews.choices import ACTIVE_LEARNING_REASONS, SampleReason, Tier
from reviews.intake.models import Item
from reviews.quality.models import SamplerCursor
from reviews.quality.services.rollups import slice_key
from reviews.queues.models import Queue, TierPolicy
from stats.uncertainty import (
    MEASURES,
    UNCERTAINTY,
    Candidate,
    Pick,
    Shortlist,
    select_for_review,
)

SETTLE = timedelta(seconds=60)
LOOKBACK = timedelta(days=1)
CHUNK = 2000
DAY_SECONDS = 86400
ACTOR = Actor.system("active-learning")

# The columns a pick changes, for one bulk UPDATE.
_SAMPLED_FIELDS = (
    "state", "tier", "sample_reason", "sampled_at", "trace", "enqueued_at", "due_at",
    "human_due_at", "claimed_at", "breach_at", "votes_needed", "votes_in", "leases_active",
)  # fmt: skip


def day_start(at: datetime) -> datetime:
    """Midnight UTC of the day `at` falls in."""
    return at.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def paced_allowance(*, budget: int, now: datetime) -> int:
    """How many of a day's `budget` may have been sampled by `now` (see step 2)."""
    if budget <= 0:
        return 0
    elapsed = (now - day_start(now)).total_seconds()
    return min(budget, math.ceil(budget * elapsed / DAY_SECONDS))


def active_learning_sample(*, now: datetime | None = None, settle: timedelta = SETTLE) -> int:
    """Run the sampler on every queue whose active policy has a budget; items sampled.

    `settle`: how far behind `now` the window ends (step 3); seed_demo, which has just
    committed its own predictions and runs alone, passes 0.
    """
    now = now or timezone.now()
    queue_ids = list(
        Queue.objects.filter(active_policy__al_budget_per_day__gt=0)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return sum(_queue_sample(queue_id=pk, now=now, settle=settle) for pk in queue_ids)


def _queue_sample(*, queue_id: int, now: datetime, settle: timedelta) -> int:
    # Created outside the run's transaction: get_or_create settles a race between two
    # first runs by the unique queue key, and the loser then reads the winner's row.
    SamplerCursor.objects.get_or_create(
        queue_id=queue_id, defaults={"received_through": day_start(now)}
    )
    with transaction.atomic():
        cursor = SamplerCursor.objects.select_for_update().get(queue_id=queue_id)
        queue = Queue.objects.select_related("active_policy").get(pk=queue_id)
        policy = queue.active_policy
        if policy is None or policy.al_budget_per_day <= 0:
            return 0  # switched off since the run began
        end = now - settle
        start = max(cursor.received_through, end - LOOKBACK)
        quota = paced_allowance(budget=policy.al_budget_per_day, now=now) - _sampled_today(
            queue_id=queue_id, now=now
        )
        if end <= start or quota <= 0:
            return 0
        shortlist = _shortlist(queue_id, policy, start, end, quota)
        picks = select_for_review(shortlist.candidates(), quota, policy.al_diversity)
        sampled = _queue_picks(queue, policy, picks, shortlist, now)
        cursor.received_through = end
        cursor.save(update_fields=["received_through"])
    return sampled


def _sampled_today(*, queue_id: int, now: datetime) -> int:
    """Items the sampler pulled in on `now`'s UTC day (served by item_sampled_idx)."""
    start = day_start(now)
    return Item.objects.filter(
        queue_id=queue_id,
        sampled_at__gte=start,
        sampled_at__lt=start + timedelta(days=1),
        sample_reason__in=ACTIVE_LEARNING_REASONS,
    ).count()


def _candidates(queue_id: int, start: datetime, end: datetime) -> Any:
    """The window's auto-approved, unsampled, non-gold items as (id, scores, confidence,
    slice), streamed in chunks; the range is item_queue_received_idx's."""
    return (
        Item.objects.filter(
            queue_id=queue_id,
            received_at__gte=start,
            received_at__lt=end,
            state=Item.State.AUTO_APPROVED,
            sample_reason=SampleReason.NONE,
            is_gold=False,
        )
        .values_list("id", "scores", "confidence", "slice")
        .iterator(chunk_size=CHUNK)
    )


def _shortlist(
    queue_id: int, policy: TierPolicy, start: datetime, end: datetime, quota: int
) -> Shortlist:
    measure = MEASURES[policy.al_uncertainty]
    shortlist = Shortlist(quota)
    for pk, scores, confidence, tags in _candidates(queue_id, start, end):
        shortlist.add(Candidate(pk, measure(scores, confidence), slice_key(tags)))
    return shortlist


def _queue_picks(
    queue: Queue, policy: TierPolicy, picks: list[Pick], shortlist: Shortlist, now: datetime
) -> int:
    """Queue the picks at Tier 1 and audit each; how many were still there to take."""
    if not picks:
        return 0
    by_id = {pick.id: pick for pick in picks}
    # Re-checked under the lock: a row changed since it was read is no longer a candidate.
    # of=("self",): lock the item rows only, not the policy rows joined for the clocks.
    items = list(
        Item.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("policy")
        .filter(
            pk__in=by_id,
            state=Item.State.AUTO_APPROVED,
            sample_reason=SampleReason.NONE,
            is_gold=False,
        )
        .order_by("pk")
    )
    entries = []
    for item in items:
        pick = by_id[item.pk]
        step = _trace_step(item, pick, policy, shortlist)
        item.transition(to=Item.State.QUEUED)
        # Set up as ingest sets up an audit sample: clocks and consensus k from the
        # policy version that routed the item; the output stays released.
        item.start_clock(tier=Tier.TIER1, now=now)
        item.sample_reason = pick.reason
        item.sampled_at = now
        item.votes_needed = item.policy.consensus_reviewers
        item.votes_in = item.leases_active = 0
        item.trace = [*item.trace, step]
        entries.append(
            Entry(
                AuditAction.ITEM_SAMPLED,
                *target_of(item),
                {
                    "queue": queue.slug,
                    "reason": pick.reason,
                    "measure": step["measure"],
                    "uncertainty": step["uncertainty"],
                    "rank": pick.rank,
                    "policy_version": policy.version,
                    "tier": item.tier,
                    "state": item.state,
                    "why": step["why"],
                },
            )
        )
    Item.objects.bulk_update(items, _SAMPLED_FIELDS)
    audit_record_many(actor=ACTOR, entries=entries)  # last: the chain's lock until commit
    return len(items)


def _ordinal(n: int) -> str:
    if n == 1:
        return "most uncertain"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} most uncertain"


def _trace_step(item: Item, pick: Pick, policy: TierPolicy, shortlist: Shortlist) -> dict[str, Any]:
    measure = policy.al_uncertainty
    # The measure's own reading, for people: the gap p₁ − p₂, or the normalised entropy.
    value = 1.0 - pick.uncertainty if measure == "margin" else pick.uncertainty
    reading = f"{measure} {value:.2f}"
    if pick.reason == UNCERTAINTY:
        why = (
            f"{_ordinal(pick.rank)} of {shortlist.seen} auto-approved items ({reading}) "
            "in this window"
        )
    else:
        tags = ", ".join(f"{k}={v}" for k, v in sorted(item.slice.items())) or "no tags"
        why = (
            f"slice diversity: {_ordinal(pick.rank)} in slice {{{tags}}} "
            f"({reading}; {shortlist.per_slice.get(pick.slice_key, 0)} auto-approved there "
            "in this window)"
        )
    return {
        "step": "active_learning",
        "measure": measure,
        "uncertainty": round(pick.uncertainty, 6),
        "value": round(value, 6),
        "reason": pick.reason,
        "rank": pick.rank,
        "policy_version": policy.version,
        "why": why,
    }
