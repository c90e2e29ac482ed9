"""Queue reads by permission (reviews.queues.selectors): which queues a user may reach,
and with what. Every API call runs one of them.

Asking through django-guardian's API or the ORM's Exists() filters cost ~6 ms of CPU per
call to compose, more than the queries (hitl/sql/permissions.py has the grant tables).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

from django.db import connection
from django.db.models.expressions import RawSQL

from hitl.sql.permissions import held_permissions_sql, permitted_ids_sql
from hitl.sql.rows import placeholders
from reviews.quality.models import CalibrationFit
from reviews.queues.models import Containment, Queue, QueueGroupPermission, QueueUserPermission
from reviews.work.models import Qualification


@cache
def permitted_queue_ids_sql(codename_count: int) -> str:
    """The ids of queues a user holds one of N permissions on. Parameters: the N
    codenames, then the user id, four times over."""
    return permitted_ids_sql(
        objects=Queue,
        user_grants=QueueUserPermission,
        group_grants=QueueGroupPermission,
        codename_count=codename_count,
    )


def permitted_queue_ids(*, user_id: int, codenames: Sequence[str]) -> RawSQL:
    """`permitted_queue_ids_sql` with its parameters, for a queryset's `pk__in`."""
    params = [*codenames, user_id] * 4
    return RawSQL(permitted_queue_ids_sql(len(codenames)), params)  # noqa: S611 - static SQL


@cache
def _held_sql(codenames: tuple[str, ...]) -> str:
    """(object_id, codename) of each of `codenames` a user holds on a queue; object_id is
    NULL for a global grant. Parameters: the user id, four times over."""
    return held_permissions_sql(
        app_label=Queue._meta.app_label,
        user_grants=QueueUserPermission,
        group_grants=QueueGroupPermission,
        codenames=codenames,
    )


class HeldColumns(Protocol):
    """The columns `queue_with_held_perms` adds to each Queue row it selects."""

    held_codename: str | None
    held_disqualified: bool | int  # EXISTS: SQLite answers 0 or 1


@cache
def _queue_access_sql(codenames: tuple[str, ...]) -> str:
    return (
        f"SELECT q.*, held.codename AS held_codename, EXISTS ("  # noqa: S608
        f"SELECT 1 FROM {Qualification._meta.db_table} ql WHERE ql.queue_id = q.id "
        "AND ql.reviewer_id = %s AND ql.state = %s) AS held_disqualified "
        f"FROM {Queue._meta.db_table} q LEFT JOIN ({_held_sql(codenames)}) held "
        "ON held.object_id = q.id OR held.object_id IS NULL WHERE q.slug = %s"
    )


def queue_with_held_perms(*, user_id: int, slug: str, codenames: tuple[str, ...]) -> list[Queue]:
    """The queue `slug`, once per permission among `codenames` the user holds on it (or
    once, with held_codename NULL, when none), each row with HeldColumns: held_codename,
    and held_disqualified (the queue disqualified the user). Empty when no such queue.

    One query for what the claim path used to ask in four (the queue, a permission check
    per tier, the qualification). `codenames` are the caller's own constants.
    """
    params = [user_id, Qualification.State.DISQUALIFIED.value, *[user_id] * 4, slug]
    return list(Queue.objects.raw(_queue_access_sql(codenames), params))


def codenames_held(*, user_id: int, codenames: tuple[str, ...]) -> frozenset[str]:
    """Each of `codenames` the user holds on at least one queue (or globally)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT codename FROM ({_held_sql(codenames)}) held", [user_id] * 4
        )  # noqa: S608
        return frozenset(row[0] for row in cursor.fetchall())


def queues_by_slug(*, slugs: Sequence[str], submitter_id: int | None, codename: str) -> list[Queue]:
    """The queues among `slugs`, each with `active_fit_id` (its active calibration fit,
    served by the calibration_one_active partial unique index); with `submitter_id`,
    only those on which that user holds `codename`. Ingest runs it on every call: the
    equivalent queryset cost more to compile than to run.
    """
    sql = (
        f"SELECT q.*, (SELECT f.id FROM {CalibrationFit._meta.db_table} f "  # noqa: S608
        "WHERE f.queue_id = q.id AND f.active) AS active_fit_id "
        f"FROM {Queue._meta.db_table} q WHERE q.slug IN ({placeholders(len(slugs))})"
    )
    params: list[Any] = list(slugs)
    if submitter_id is not None:
        sql += f" AND q.id IN ({permitted_queue_ids_sql(1)})"
        params += [codename, submitter_id] * 4
    return list(Queue.objects.raw(sql, params))


def active_containment_rows(*, queue_id: int) -> list[Containment]:
    """The queue's active containments, oldest first (containment_active_idx). On the
    ingest path: the ORM took 0.6 ms of CPU to compose this one-index read."""
    return list(
        Containment.objects.raw(
            f"SELECT * FROM {Containment._meta.db_table} "  # noqa: S608
            "WHERE queue_id = %s AND active ORDER BY set_at",
            [queue_id],
        )
    )
