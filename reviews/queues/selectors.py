"""Reads that filter by permission: the one place where "who may see what" lives."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from django.db.models import QuerySet

from accounts.models import User
from hitl.sql.queues import (
    HeldColumns,
    active_containment_rows,
    codenames_held,
    permitted_queue_ids,
    queue_with_held_perms,
    queues_by_slug,
)
from hitl.sql.rows import prepared, rows_by_pks
from reviews.queues.models import (
    Containment,
    Queue,
    TierPolicy,
)
from reviews.queues.permissions import QUEUE_VISIBLE_PERMS, QueuePerm


class QueueNotFound(Exception):
    """The queue does not exist, or the caller may not reach it: the same answer for both."""

    def __init__(self, slug: str) -> None:
        super().__init__(slug)
        self.slug = slug


# Codenames are our own constants (reviews/queues/permissions.py), never user input.
_QUEUE_CODENAMES: tuple[str, ...] = tuple(
    dict.fromkeys(["view_queue", *(str(perm) for perm in QueuePerm)])
)


@dataclass(frozen=True)
class QueueAccess:
    """One queue as one user may use it: what they hold on it, and whether the queue
    disqualified them (services/qualification.py). From `queue_access`, one query."""

    queue: Queue
    user: User
    perms: frozenset[str]
    disqualified: bool

    def holds(self, *perms: str) -> bool:
        """Whether the user holds any of `perms` on the queue."""
        return not self.perms.isdisjoint(str(perm) for perm in perms)

    @property
    def visible(self) -> bool:
        return self.holds(*QUEUE_VISIBLE_PERMS)


@prepared()
def queue_access(
    *, user: User, slug: str, perms: Iterable[str] = QUEUE_VISIBLE_PERMS
) -> QueueAccess:
    """The queue `slug` with the user's permissions on it, if they hold any of `perms`.

    One written-out query for what the claim path used to ask in four (the queue, a
    permission check per tier, the qualification): it runs on every claim. Raises
    QueueNotFound when the queue does not exist or the user holds none of `perms` on it.
    """
    rows = (
        queue_with_held_perms(user_id=user.pk, slug=slug, codenames=_QUEUE_CODENAMES)
        if user.is_active
        else []
    )
    if not rows:
        raise QueueNotFound(slug)
    columns = cast("list[HeldColumns]", rows)  # the query selects both on every row
    held = (
        frozenset(_QUEUE_CODENAMES)
        if user.is_superuser
        else frozenset(row.held_codename for row in columns if row.held_codename)
    )
    access = QueueAccess(
        queue=rows[0], user=user, perms=held, disqualified=bool(columns[0].held_disqualified)
    )
    if not access.holds(*perms):
        raise QueueNotFound(slug)
    return access


def queues_for(*, user: User, perms: Iterable[str] = QUEUE_VISIBLE_PERMS) -> QuerySet[Queue]:
    """Queues on which the user holds any of `perms`: on the queue itself (directly or
    through a group, django-guardian's tables), or globally on every queue.

    The same answer as guardian's get_objects_for_user(any_perm=True,
    accept_global_perms=True), in one query instead of three.
    """
    queues = Queue.objects.select_related("active_policy")
    if not user.is_active:
        return queues.none()
    if user.is_superuser:
        return queues
    codenames = [str(p) for p in perms]
    return queues.filter(pk__in=permitted_queue_ids(user_id=user.pk, codenames=codenames))


def queue_for(*, user: User, slug: str, perms: Iterable[str] = QUEUE_VISIBLE_PERMS) -> Queue:
    queue = queues_for(user=user, perms=perms).filter(slug=slug).first()
    if queue is None:
        raise QueueNotFound(slug)
    return queue


@prepared()
def queues_for_submit(*, user: User, slugs: Iterable[str]) -> dict[str, Queue]:
    """The queues among `slugs` that the user may submit to, with their active policies.

    Written out (two short queries) rather than composed by the ORM: it runs on every
    ingest, and compiling the equivalent queryset cost more than running it. Prepared:
    PostgreSQL spent 1.0 ms planning the queue query for 0.2 ms running it
    (bench/cpu_budget.py).
    """
    wanted = sorted(set(slugs))
    if not wanted or not user.is_active:
        return {}
    # active_fit_id rides along for routing's calibration (intake's active_calibration).
    queues = queues_by_slug(
        slugs=wanted,
        submitter_id=None if user.is_superuser else user.pk,
        codename=QueuePerm.SUBMIT.value,
    )
    policy_ids = [q.active_policy_id for q in queues if q.active_policy_id]
    policies = {policy.pk: policy for policy in rows_by_pks(TierPolicy, policy_ids)}
    for queue in queues:
        policy_id = queue.active_policy_id
        queue.active_policy = policies.get(policy_id) if policy_id is not None else None
    return {queue.slug: queue for queue in queues}


def active_containments(*, queue: Queue) -> list[Containment]:
    return active_containment_rows(queue_id=queue.pk)


@prepared()
def queue_perms_held(*, user: User) -> frozenset[str]:
    """Every queue permission the user holds on at least one queue (one query): what the
    navigation needs to know which desks (escalations, incidents) to offer. Prepared: every
    page asks, and PostgreSQL planned it for 1.0 ms (bench/cpu_budget.py)."""
    if not user.is_active:
        return frozenset()
    if user.is_superuser:
        return frozenset(_QUEUE_CODENAMES)
    return codenames_held(user_id=user.pk, codenames=_QUEUE_CODENAMES)
