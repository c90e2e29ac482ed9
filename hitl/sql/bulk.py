"""Fast multi-row inserts for the ingest hot path.

On PostgreSQL, many rows go in with COPY (ids reserved from the table's sequence in
one query), which costs a fraction of an INSERT whose parameters psycopg must quote
one by one. A few rows, and every insert elsewhere (the embedded SQLite), go through
plain `bulk_create`. Either way it runs inside the caller's transaction and raises
Django's IntegrityError on a constraint violation, so callers need not know which.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import cache
from operator import attrgetter
from typing import Any, TypeVar

from django.db import connection, models
from psycopg import sql

M = TypeVar("M", bound=models.Model)

# Below this many rows, one INSERT … RETURNING beats reserving ids and then copying.
COPY_FROM_ROWS = 20


def _json(value: Any) -> Any:
    # Pre-encoded: COPY's text format hands the string to jsonb's own parser.
    return None if value is None else json.dumps(value, ensure_ascii=False)


@cache
def _attnames(model: type[models.Model]) -> tuple[str, ...]:
    return tuple(f.attname for f in model._meta.concrete_fields)


def new_instance(model: type[M], values: dict[str, Any]) -> M:
    """model(**values) for every concrete field, built positionally: Django's keyword
    constructor costs 2.5x as much, which shows when a request builds thousands.
    Raises KeyError when `values` lacks a field, so a new field cannot be forgotten."""
    return model(*[values[name] for name in _attnames(model)])


@cache
def _copy_plan(
    model: type[models.Model],
) -> tuple[sql.Composed, Callable[[Any], tuple[Any, ...]], tuple[int, ...]]:
    """The COPY statement, a getter of every column's value, and which columns are JSON."""
    fields = [f for f in model._meta.concrete_fields if not f.generated]
    if any(getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) for f in fields):
        raise TypeError(f"{model.__name__}: fill auto_now fields before a COPY insert")
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(model._meta.db_table),
        sql.SQL(", ").join(sql.Identifier(f.column) for f in fields),
    )
    json_columns = tuple(i for i, f in enumerate(fields) if isinstance(f, models.JSONField))
    return statement, attrgetter(*(f.attname for f in fields)), json_columns


def bulk_insert(objs: Sequence[M]) -> None:
    """Insert unsaved instances of one model, setting their primary keys."""
    if not objs:
        return
    model = type(objs[0])
    if connection.vendor != "postgresql" or len(objs) < COPY_FROM_ROWS:
        model._default_manager.bulk_create(objs)
        return
    pk = model._meta.pk
    if isinstance(pk, models.AutoField | models.BigAutoField):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [model._meta.db_table, pk.column, len(objs)],
            )
            for obj, (new_id,) in zip(objs, cursor.fetchall(), strict=True):
                setattr(obj, pk.attname, new_id)
    statement, columns_of, json_columns = _copy_plan(model)
    with (
        connection.cursor() as cursor,
        connection.wrap_database_errors,
        cursor.cursor.copy(statement) as copy,
    ):
        for obj in objs:
            row = list(columns_of(obj))
            for i in json_columns:
                row[i] = _json(row[i])
            copy.write_row(row)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
