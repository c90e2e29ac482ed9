"""Single-row reads and writes for the request hot paths (claims, decisions).

Django's ORM spends more CPU composing a one-row SELECT or UPDATE than PostgreSQL spends
running it (~0.5 ms of compiling per statement on a claim or a decision). These helpers
write the statement once per model (and per column set) and reuse it. Values still go
through each field's own `get_db_prep_save`, so JSON, datetimes and choices are stored
exactly as `Model.save()` would store them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar

from django.db import connection, models

M = TypeVar("M", bound=models.Model)


@cache
def _select_sql(model: type[models.Model], lock: bool) -> str:
    meta = model._meta
    quote = connection.ops.quote_name
    sql = f"SELECT * FROM {quote(meta.db_table)} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608
    if lock and connection.features.has_select_for_update:
        sql += " FOR UPDATE"
    return sql


def rows_by_pks(model: type[M], pks: Sequence[Any]) -> list[M]:
    """The rows whose primary key is among `pks`, in no particular order."""
    if not pks:
        return []
    meta = model._meta
    quote = connection.ops.quote_name
    sql = (
        f"SELECT * FROM {quote(meta.db_table)} "  # noqa: S608
        f"WHERE {quote(meta.pk.column)} IN ({placeholders(len(pks))})"
    )
    return list(model._default_manager.raw(sql, list(pks)))


def row_by_pk(model: type[M], pk: Any, *, lock: bool = False) -> M | None:
    """The row with primary key `pk`, or None; `lock` takes FOR UPDATE (where supported:
    SQLite has no row locks and runs one writer at a time)."""
    return next(iter(model._default_manager.raw(_select_sql(model, lock), [pk])), None)


@cache
def _update_plan(
    model: type[models.Model], names: tuple[str, ...]
) -> tuple[str, tuple[models.Field[Any, Any], ...]]:
    meta = model._meta
    quote = connection.ops.quote_name
    fields: list[models.Field[Any, Any]] = []
    columns: list[str] = []
    for name in names:
        field = meta.get_field(name)
        if not isinstance(field, models.Field) or field.column is None:
            raise TypeError(f"{model.__name__}.{name} is not a column")
        fields.append(field)
        columns.append(field.column)
    assignments = ", ".join(f"{quote(column)} = %s" for column in columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608
    return sql, tuple(fields)


def save_columns(obj: models.Model, names: Sequence[str]) -> None:
    """obj.save(update_fields=names), with the UPDATE written once per column set.

    Like save(update_fields=…) it sends no signals we rely on (hitl uses none) and
    writes only these columns; unlike it, it does not check that the row exists.
    """
    sql, fields = _update_plan(type(obj), tuple(names))
    values = [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, obj.pk])


# Prepare a statement the second time a connection runs it inside `prepared()`.
PREPARE_AFTER = 1


@contextmanager
def prepared() -> Iterator[None]:
    """Let psycopg prepare the statements run inside, so PostgreSQL plans each once per
    connection. For the request hot paths only (claims, decisions): their statements are
    few and repeat on every call. Needs server-side binding (hitl/settings.py); does
    nothing on SQLite or with DB_PREPARED_STATEMENTS=false.
    """
    if connection.vendor != "postgresql" or not connection.settings_dict.get("OPTIONS", {}).get(
        "server_side_binding"
    ):
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    before = raw.prepare_threshold
    raw.prepare_threshold = PREPARE_AFTER
    try:
        yield
    finally:
        raw.prepare_threshold = before


def key_share(model: type[models.Model], pk: int) -> None:
    """Take FOR KEY SHARE on one row now (PostgreSQL; SQLite runs one writer at a time).

    Django's foreign keys are DEFERRABLE INITIALLY DEFERRED, so the key-share lock an
    insert needs on its parent row is taken at COMMIT, after the audit chain head is
    locked. A parent locked FOR UPDATE by a transaction that then waits on the chain
    head (reviews.queues.services.queues locks a queue's siblings that way) would
    deadlock with us. Taking the lock first keeps our order: parent rows, then the head.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {model._meta.db_table} WHERE id = %s FOR KEY SHARE",  # noqa: S608
            [pk],
        )


def placeholders(count: int) -> str:
    """`%s, %s, …` for an IN list of `count` values."""
    return ", ".join(["%s"] * count)
