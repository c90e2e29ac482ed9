"""Revealing an item's raw input: the one way to read what a client submitted (SPEC §6).

Everything else in hitl shows `Item.input`, redacted at ingest. A holder of the queue's
view_raw_pii permission may ask for one item's raw input with a reason; the reveal is
audited in the same transaction as the read, so there is no reveal without its event.
Who may ask: `raw_revealable_item` (the item visible to the user, on a queue where they
hold view_raw_pii), used by both the API view and the review page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from accounts.models import User
from audit.actions import AuditAction
from audit.services import Actor, audit_record
from reviews.intake.models import Item
from reviews.intake.selectors import items_visible_to
from reviews.queues.permissions import QueuePerm
from reviews.queues.selectors import queues_for

MAX_REASON = 2000


class RawInputPurged(Exception):
    """Retention purged this item's raw input; only the redacted input remains."""

    def __init__(self, *, item_id: int, purged_at: datetime | None) -> None:
        super().__init__(f"the raw input of item {item_id} was purged")
        self.item_id = item_id
        self.purged_at = purged_at


class RevealReasonInvalid(ValueError):
    """A reveal needs a reason someone can read in the audit trail later."""


@dataclass(frozen=True)
class RawReveal:
    item_id: int
    raw_input: Any
    revealed_at: datetime
    audit_seq: int


def raw_revealable_item(*, user: User, pk: int) -> Item | None:
    """The item, if the user can see it and holds view_raw_pii on its queue; else None
    (callers answer 404, as for an item that does not exist)."""
    queues = queues_for(user=user, perms=[QueuePerm.RAW_PII])
    return items_visible_to(user=user).filter(pk=pk, queue__in=queues).first()


def reveal_reason_clean(reason: Any) -> str:
    """The reason as recorded; raises RevealReasonInvalid when missing, blank or too long."""
    if not isinstance(reason, str) or not reason.strip():
        raise RevealReasonInvalid("Say why you need the raw input.")
    cleaned = reason.strip()
    if len(cleaned) > MAX_REASON:
        raise RevealReasonInvalid(f"At most {MAX_REASON} characters.")
    if "\x00" in cleaned:
        raise RevealReasonInvalid("Must not contain NUL characters.")
    return cleaned


@transaction.atomic
def item_raw_reveal(*, item: Item, actor: Actor, reason: str) -> RawReveal:
    """The item's raw input as submitted, after recording who asked and why.

    Raises RawInputPurged when retention got there first, RevealReasonInvalid for a
    missing reason. The raw input is read afresh inside the transaction (the caller's copy
    may predate a purge), and the event carries the reason, never the input.
    """
    reason = reveal_reason_clean(reason)
    raw_input, purged_at = Item.objects.filter(pk=item.pk).values_list(
        "raw_input", "raw_purged_at"
    )[0]
    if raw_input is None:
        raise RawInputPurged(item_id=item.pk, purged_at=purged_at)
    event = audit_record(
        action=AuditAction.RAW_INPUT_REVEALED,
        actor=actor,
        target=item,
        data={"queue": item.queue.slug, "external_id": item.external_id, "reason": reason},
    )
    return RawReveal(
        item_id=item.pk, raw_input=raw_input, revealed_at=event.at, audit_seq=event.seq
    )
