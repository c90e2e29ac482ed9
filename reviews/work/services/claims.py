"""Leases: claiming the next item, giving it back, and expiring leases nobody finished.

Claim order, within one queue and tier (SPEC §2, issue 3):
  1. due_at — the tier's time-to-decision deadline, earliest first (SLA first);
  2. risk_rank — the routing policy's risk, high before medium before low;
  3. received_at, then id — oldest first, and a total order so ties never flap.

Which tier a claim works: the caller may name one (`tier`); without it a reviewer
holding QueuePerm.ESCALATIONS works the SME tier and everyone else Tier 1. Tier 1
needs QueuePerm.REVIEW. There is no fall-through: an SME with an empty SME tier gets
nothing until they ask for tier1 explicitly.

Race-freedom: on PostgreSQL the candidate row is taken with
`SELECT … ORDER BY … LIMIT 1 FOR UPDATE SKIP LOCKED` over the partial index
item_claim_idx, so concurrent claimers never wait on each other and never get the
same lease; the lease count lives on the item row (leases_active, votes_in,
votes_needed) and a check constraint keeps leases + verdicts within consensus k.
On SQLite every transaction is IMMEDIATE, so claims simply run one at a time and
SKIP LOCKED is not needed (Django leaves FOR UPDATE out there).

Lock order everywhere in this module and in decisions.py: the item row, then its
assignment rows — so a claim, a decision, a release and the sweep never deadlock.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import ClassVar, cast

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from audit.actions import AuditAction
from audit.services import Actor, Entry, audit_record, audit_record_many
from hitl.errors import Kind, ServiceError
from hitl.sql.claims import claim_candidate, item_of_assignment_locked, take_lease
from hitl.sql.rows import key_share, prepared, row_by_pk, save_columns
from reviews.choices import Tier
from reviews.intake.models import Item
from reviews.queues.models import Queue, TierPolicy
from reviews.queues.permissions import QueuePerm
from reviews.queues.selectors import QueueAccess, QueueNotFound, queue_access
from reviews.work.models import Assignment
from reviews.work.services.qualification import gold_candidate, serve_gold

# The permission each tier asks of its reviewers.
TIER_PERMS: dict[str, QueuePerm] = {Tier.TIER1: QueuePerm.REVIEW, Tier.SME: QueuePerm.ESCALATIONS}

# Leases the sweep ends per transaction: bounds how long it holds item locks.
EXPIRE_BATCH = 200


class ClaimError(ServiceError):
    """A claim that cannot be made."""

    code = "claim_refused"
    kind = "forbidden"


class TierNotAllowed(ClaimError):
    """The reviewer may not work that queue or tier (the API names the `tier` field)."""

    code = "tier_not_allowed"

    def __init__(self, message: str) -> None:
        super().__init__(message, fields={"tier": [message]})


class NotQualified(ClaimError):
    """The reviewer fell below the queue's qualification bar (services/qualification.py)."""

    code = "not_qualified"


class AssignmentError(ServiceError):
    """An assignment that cannot be released or decided; `code` names why."""

    kind: ClassVar[Kind] = "conflict"

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code=code)


class AssignmentNotFound(AssignmentError):
    """No such assignment, or another reviewer's: the same answer for both."""

    kind = "not_found"

    def __init__(self) -> None:
        super().__init__("assignment_not_found", "No such assignment, or it is not yours.")


def reviewer_tiers(access: QueueAccess) -> list[str]:
    """The tiers of the queue the reviewer may work, lowest first."""
    return [tier for tier, perm in TIER_PERMS.items() if access.holds(perm)]


def claim_tier(*, access: QueueAccess, tier: str | None = None) -> str:
    """The tier a claim works: `tier` if the reviewer may work it, else their highest."""
    allowed = reviewer_tiers(access)
    if tier is None:
        if not allowed:
            raise TierNotAllowed(f"You may not review queue {access.queue.slug!r}.")
        return allowed[-1]
    if tier not in allowed:
        raise TierNotAllowed(f"You may not work the {tier} tier of queue {access.queue.slug!r}.")
    return tier


def review_access(*, reviewer: User, queue: Queue) -> QueueAccess:
    """The reviewer's access to `queue`, asked afresh (one query)."""
    try:
        return queue_access(user=reviewer, slug=queue.slug, perms=TIER_PERMS.values())
    except QueueNotFound:
        raise TierNotAllowed(f"You may not review queue {queue.slug!r}.") from None


@prepared()
def assignment_claim(
    *,
    queue: Queue,
    reviewer: User,
    tier: str | None = None,
    now: datetime | None = None,
    access: QueueAccess | None = None,
) -> Assignment | None:
    """Lease the next item of the tier to the reviewer, or None when nothing waits.

    At Tier 1, with probability queue.gold_rate, the lease is of a gold item the
    reviewer has not seen (services/qualification.py), when there is one.

    `access` is the reviewer's QueueAccess to `queue` when the caller has just read it
    (the API view has); otherwise it is read here. Raises TierNotAllowed when the
    reviewer may not work that tier of the queue, and NotQualified when they were
    disqualified on the queue and not yet re-qualified.
    """
    access = access or review_access(reviewer=reviewer, queue=queue)
    tier = claim_tier(access=access, tier=tier)
    if access.disqualified:
        raise NotQualified(
            f"Your accuracy on the gold items of queue {queue.slug!r} fell below its bar; "
            "you may not review it until an admin re-qualifies you."
        )
    if tier == Tier.TIER1 and serve_gold(queue):
        assignment = _claim_gold(queue=queue, reviewer=reviewer, tier=tier, now=now)
        if assignment is not None:
            return assignment
    with transaction.atomic():
        item_id = claim_candidate(queue_id=queue.pk, tier=tier, reviewer_id=reviewer.pk)
        if item_id is None:
            return None
        now = now or timezone.now()
        item = take_lease(item_id=item_id, now=now)
        assignment = _lease(item=item, reviewer=reviewer, tier=tier, now=now)
        item.queue = queue  # the caller renders it: no second fetch of the queue
        audit_record(
            actor=Actor.for_user(reviewer),
            action=AuditAction.ASSIGNMENT_CLAIMED,
            target=assignment,
            data={
                "item": item.pk,
                "queue": queue.slug,
                "tier": tier,
                "expires_at": assignment.expires_at.isoformat(),
                "leases_active": item.leases_active,
                "votes_in": item.votes_in,
                "votes_needed": item.votes_needed,
            },
        )
    return assignment


def lease_for(*, item: Item, reviewer: User, tier: str, now: datetime | None = None) -> Assignment:
    """Lease this very item to the reviewer (an SME taking a ticket, a responder deciding
    an incident's item). The caller holds the item's row lock. Raises AssignmentError
    when consensus has no room left or the reviewer already had it at this tier."""
    if item.votes_needed <= item.votes_in + item.leases_active:
        raise AssignmentError("no_room", f"Item {item.pk} has all the reviewers it needs.")
    if Assignment.objects.filter(item=item, reviewer=reviewer, tier=tier).exists():
        raise AssignmentError("already_seen", f"You already reviewed item {item.pk} at {tier}.")
    now = now or timezone.now()
    assignment = _lease(item=item, reviewer=reviewer, tier=tier, now=now)
    item.leases_active += 1
    fields = ["leases_active"]
    if item.state == Item.State.QUEUED:
        item.transition(to=Item.State.IN_REVIEW)
        fields.append("state")
    if item.state == Item.State.IN_REVIEW and item.claimed_at is None:
        item.claimed_at = now  # the first claim at the tier: time-to-decision runs next
        item.first_claimed_at = item.first_claimed_at or now
        item.breach_at = item.due_at
        fields += ["claimed_at", "first_claimed_at", "breach_at"]
    save_columns(item, fields)
    audit_record(
        actor=Actor.for_user(reviewer),
        action=AuditAction.ASSIGNMENT_CLAIMED,
        target=assignment,
        data={
            "item": item.pk,
            "queue": item.queue.slug,
            "tier": tier,
            "expires_at": assignment.expires_at.isoformat(),
            "targeted": True,
        },
    )
    return assignment


def assignment_claim_item(
    *, access: QueueAccess, item_id: int, tier: str | None = None
) -> Assignment:
    """Lease one named item of the queue to the reviewer (an SME opening a ticket from the
    inbox), at the tier it waits at, if the reviewer may work that tier."""
    reviewer = access.user
    if access.disqualified:
        raise NotQualified(f"You may not review queue {access.queue.slug!r} until re-qualified.")
    with transaction.atomic():
        item = (
            Item.objects.select_for_update(of=("self",))
            .select_related("queue", "policy")
            .filter(pk=item_id, queue=access.queue, is_gold=False)
            .first()
        )
        if item is None:
            raise AssignmentNotFound()
        if item.state not in Item.CLAIMABLE_STATES:
            raise AssignmentError("not_waiting", f"Item {item.pk} is {item.state}, not waiting.")
        claim_tier(access=access, tier=tier or item.tier)
        if tier is not None and tier != item.tier:
            raise AssignmentError("wrong_tier", f"Item {item.pk} waits at {item.tier}.")
        return lease_for(item=item, reviewer=reviewer, tier=item.tier)


def _lease(*, item: Item, reviewer: User, tier: str, now: datetime | None) -> Assignment:
    """A new active lease of `item` to `reviewer`, for HITL_LEASE_SECONDS."""
    now = now or timezone.now()
    return Assignment.objects.create(
        item=item,
        reviewer=reviewer,
        tier=tier,
        leased_at=now,
        expires_at=now + timedelta(seconds=settings.HITL_LEASE_SECONDS),
        state=Assignment.State.ACTIVE,
    )


def _claim_gold(
    *, queue: Queue, reviewer: User, tier: str, now: datetime | None
) -> Assignment | None:
    """Lease an unseen gold item; the item row is key-share locked, never changed."""
    try:
        with transaction.atomic():
            item = gold_candidate(queue=queue, reviewer=reviewer, tier=tier)
            if item is None:
                return None
            # Key-share, not update: claimers of one gold item never wait on each other,
            # and a decision on it (FOR UPDATE, then the audit head) is waited for here,
            # before we take the audit head, not at our COMMIT after it.
            key_share(Item, item.pk)
            assignment = _lease(item=item, reviewer=reviewer, tier=tier, now=now)
            audit_record(
                actor=Actor.for_user(reviewer),
                action=AuditAction.ASSIGNMENT_CLAIMED,
                target=assignment,
                data={
                    "item": item.pk,
                    "queue": queue.slug,
                    "tier": tier,
                    "expires_at": assignment.expires_at.isoformat(),
                    "gold": True,
                },
            )
    except IntegrityError:
        return None  # the same reviewer's concurrent claim took it: serve a normal item
    return assignment


def lock_assignment(*, assignment_id: int, reviewer: User | None) -> tuple[Assignment, Item]:
    """The assignment and its item, both locked (item first); the reviewer's own only.

    Must run inside a transaction. `reviewer=None` is the system (the sweep). Another
    reviewer's assignment matches no row, so their call locks nothing and waits on nothing.
    """
    item = item_of_assignment_locked(
        assignment_id=assignment_id, reviewer_id=None if reviewer is None else reviewer.pk
    )
    if item is None:
        raise AssignmentNotFound()
    # Not locked: a queue row changes only under its manager's edits, and a policy
    # version never changes (reviews/models.py). Both are the item's foreign keys (PROTECT):
    # the rows exist.
    item.queue = cast(Queue, row_by_pk(Queue, item.queue_id))
    item.policy = cast(TierPolicy, row_by_pk(TierPolicy, item.policy_id))
    assignment = row_by_pk(Assignment, assignment_id, lock=True)
    if assignment is None:  # cannot happen: assignments are never deleted
        raise AssignmentNotFound()
    assignment.item = item
    return assignment, item


def ensure_active(assignment: Assignment, now: datetime) -> None:
    """Refuse a lease that was decided, given back, or has run out."""
    if assignment.state == Assignment.State.DECIDED:
        raise AssignmentError("already_decided", "This assignment has already been decided.")
    if assignment.state == Assignment.State.RELEASED:
        raise AssignmentError("lease_released", "This assignment was given back.")
    if assignment.state == Assignment.State.EXPIRED or assignment.expires_at <= now:
        raise AssignmentError(
            "lease_expired", "This lease has expired; the item went back to the queue."
        )


def _end_lease(assignment: Assignment, item: Item, state: str, now: datetime) -> None:
    """Close an active lease without a verdict and return the item when none is left."""
    assignment.state = state
    assignment.ended_at = now
    assignment.save(update_fields=["state", "ended_at"])
    if item.is_gold:
        return  # a gold lease never counted on the item
    item.leases_active -= 1
    if item.leases_active == 0 and item.state == Item.State.IN_REVIEW:
        item.transition(to=Item.State.QUEUED)
    item.save(update_fields=["leases_active", "state"])


def assignment_release(
    *, assignment_id: int, reviewer: User, now: datetime | None = None
) -> Assignment:
    """Give the item back. The reviewer will not be offered it again at this tier."""
    with transaction.atomic():
        assignment, item = lock_assignment(assignment_id=assignment_id, reviewer=reviewer)
        now = now or timezone.now()
        ensure_active(assignment, now)
        _end_lease(assignment, item, Assignment.State.RELEASED, now)
        audit_record(
            actor=Actor.for_user(reviewer),
            action=AuditAction.ASSIGNMENT_RELEASED,
            target=assignment,
            data={"item": item.pk, "tier": assignment.tier, "item_state": item.state},
        )
    return assignment


def assignments_expire(*, now: datetime | None = None) -> int:
    """End every active lease whose expiry has passed; the number ended.

    Idempotent: a lease that was decided, released or expired meanwhile is skipped,
    and a second run finds nothing to do.
    """
    now = now or timezone.now()
    ended = 0
    while True:
        due = list(
            Assignment.objects.filter(state=Assignment.State.ACTIVE, expires_at__lte=now)
            .order_by("expires_at", "id")
            .values_list("pk", "item_id")[:EXPIRE_BATCH]
        )
        if not due:
            return ended
        with transaction.atomic():
            items = {
                item.pk: item
                for item in Item.objects.select_for_update(of=("self",))
                .filter(pk__in=sorted({item_id for _, item_id in due}))
                .order_by("pk")
            }
            leases = Assignment.objects.select_for_update().filter(
                pk__in=[pk for pk, _ in due], state=Assignment.State.ACTIVE, expires_at__lte=now
            )
            entries = []
            for assignment in leases.order_by("pk"):
                item = items[assignment.item_id]
                _end_lease(assignment, item, Assignment.State.EXPIRED, now)
                entries.append(
                    Entry(
                        AuditAction.ASSIGNMENT_EXPIRED,
                        "reviews.assignment",
                        str(assignment.pk),
                        {
                            "item": item.pk,
                            "reviewer": assignment.reviewer_id,
                            "tier": assignment.tier,
                            "expired_at": assignment.expires_at.isoformat(),
                            "item_state": item.state,
                        },
                    )
                )
            audit_record_many(actor=Actor.system("lease-sweeper"), entries=entries)
            ended += len(entries)
