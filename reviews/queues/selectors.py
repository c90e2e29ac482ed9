"""Reads that filter by permission: the one place where "who may see what" lives."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol, cast

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from accounts.models import User
from hitl.sql.permissions import held_permissions_sql, permitted_ids_sql
from hitl.sql.rows import placeholders, prepared
from reviews.quality.models import CalibrationFit
from reviews.queues.models import (
    Containment,
    Queue,
    QueueGroupPermission,
    QueueUserPermission,
    TierPolicy,
)
from reviews.queues.permissions import QUEUE_VISIBLE_PERMS, QueuePerm
from reviews.work.models import Qualification


class QueueNotFound(Exception):
    """The queue does not exist, or the caller may not reach it: the same answer for both."""

    def __init__(self, slug: str) -> None:
        super().__init__(slug)
        self.slug = slug


@cache
def permitted_queue_ids_sql(codename_count: int) -> str:
    """The ids of queues a user holds one of N permissions on, as plain SQL
    (hitl/sql/permissions.py: it runs on every API call). Parameters: the codenames, then
    the user id, four times over."""
    return permitted_ids_sql(
        objects=Queue,
        user_grants=QueueUserPermission,
        group_grants=QueueGroupPermission,
        codename_count=codename_count,
    )


@cache
def _held_perms_sql() -> str:
    """(object_id, codename) of every queue permission a user holds; object_id is NULL for
    a global grant. Parameters: the user id, four times over."""
    return held_permissions_sql(
        app_label=Queue._meta.app_label,
        user_grants=QueueUserPermission,
        group_grants=QueueGroupPermission,
        codenames=_QUEUE_CODENAMES,
    )


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


class _HeldColumns(Protocol):
    """The columns _queue_access_sql adds to each Queue row it selects."""

    held_codename: str | None
    held_disqualified: bool | int  # EXISTS: SQLite answers 0 or 1


@cache
def _queue_access_sql() -> str:
    return (
        f"SELECT q.*, held.codename AS held_codename, EXISTS ("
        f"SELECT 1 FROM {Qualification._meta.db_table} ql WHERE ql.queue_id = q.id "
        "AND ql.reviewer_id = %s AND ql.state = %s) AS held_disqualified "
        f"FROM {Queue._meta.db_table} q LEFT JOIN ({_held_perms_sql()}) held "
        "ON held.object_id = q.id OR held.object_id IS NULL WHERE q.slug = %s"
    )


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
        list(
            Queue.objects.raw(
                _queue_access_sql(),
                [user.pk, Qualification.State.DISQUALIFIED.value, *[user.pk] * 4, slug],
            )
        )
        if user.is_active
        else []
    )
    if not rows:
        raise QueueNotFound(slug)
    columns = cast("list[_HeldColumns]", rows)  # the query selects both on every row
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
    params = [*codenames, user.pk] * 4
    permitted = RawSQL(permitted_queue_ids_sql(len(codenames)), params)  # noqa: S611 - static SQL
    return queues.filter(pk__in=permitted)


def queue_for(*, user: User, slug: str, perms: Iterable[str] = QUEUE_VISIBLE_PERMS) -> Queue:
    queue = queues_for(user=user, perms=perms).filter(slug=slug).first()
    if queue is None:
        raise QueueNotFound(slug)
    return queue


def queues_for_submit(*, user: User, slugs: Iterable[str]) -> dict[str, Queue]:
    """The queues among `slugs` that the user may submit to, with their active policies.

    Written out (two short queries) rather than composed by the ORM: it runs on every
    ingest, and compiling the equivalent queryset cost more than running it.
    """
    wanted = sorted(set(slugs))
    if not wanted or not user.is_active:
        return {}
    # active_fit_id rides along for routing's calibration (services/calibration.py,
    # active_calibration): served by the calibration_one_active partial unique index.
    sql = (
        f"SELECT q.*, (SELECT f.id FROM {CalibrationFit._meta.db_table} f "
        "WHERE f.queue_id = q.id AND f.active) AS active_fit_id "
        f"FROM {Queue._meta.db_table} q WHERE q.slug IN ({placeholders(len(wanted))})"
    )
    params: list[Any] = list(wanted)
    if not user.is_superuser:
        sql += f" AND q.id IN ({permitted_queue_ids_sql(1)})"
        params += [QueuePerm.SUBMIT.value, user.pk] * 4
    queues = list(Queue.objects.raw(sql, params))
    policy_ids = [q.active_policy_id for q in queues if q.active_policy_id]
    policies = {
        policy.pk: policy
        for policy in TierPolicy.objects.raw(
            f"SELECT * FROM {TierPolicy._meta.db_table} "
            f"WHERE id IN ({placeholders(len(policy_ids))})",
            policy_ids,
        )
    } if policy_ids else {}  # fmt: skip
    for queue in queues:
        policy_id = queue.active_policy_id
        queue.active_policy = policies.get(policy_id) if policy_id is not None else None
    return {queue.slug: queue for queue in queues}


def active_containments(*, queue: Queue) -> list[Containment]:
    # Served by containment_active_idx; written out for the same reason as above.
    return list(
        Containment.objects.raw(
            f"SELECT * FROM {Containment._meta.db_table} "
            "WHERE queue_id = %s AND active ORDER BY set_at",
            [queue.pk],
        )
    )


def queue_perms_held(*, user: User) -> frozenset[str]:
    """Every queue permission the user holds on at least one queue (one query): what the
    navigation needs to know which desks (escalations, incidents) to offer."""
    if not user.is_active:
        return frozenset()
    if user.is_superuser:
        return frozenset(_QUEUE_CODENAMES)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT DISTINCT codename FROM ({_held_perms_sql()}) held", [user.pk] * 4)
        return frozenset(row[0] for row in cursor.fetchall())
