"""Fast multi-row inserts for the ingest hot path.

On PostgreSQL, rows go in with COPY (ids reserved from the table's sequence in one
query), which costs a fraction of an INSERT whose parameters psycopg must quote
one by one. Elsewhere (the embedded SQLite) it is plain `bulk_create`.
Either way it runs inside the caller's transaction and raises Django's
IntegrityError on a constraint violation, so callers need not know which it was.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TypeVar

from django.db import connection, models
from psycopg import sql

M = TypeVar("M", bound=models.Model)


def _column_value(field: models.Field[Any, Any], obj: models.Model) -> Any:
    value = field.pre_save(obj, add=True)  # fills auto_now_add and friends, as save() would
    if isinstance(field, models.JSONField):
        # Pre-encoded: COPY's text format hands the string to jsonb's own parser.
        if value is None and field.null:
            return None
        return json.dumps(value, ensure_ascii=False)
    return value


def bulk_insert(objs: Sequence[M]) -> None:
    """Insert unsaved instances of one model, setting their primary keys."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        type(objs[0]).objects.bulk_create(objs)
        return
    meta = type(objs[0])._meta
    pk = meta.pk
    if isinstance(pk, models.AutoField | models.BigAutoField):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, pk.column, len(objs)],
            )
            for obj, (new_id,) in zip(objs, cursor.fetchall(), strict=True):
                setattr(obj, pk.attname, new_id)
    fields = [f for f in meta.concrete_fields if not f.generated]
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(meta.db_table), sql.SQL(", ").join(sql.Identifier(f.column) for f in fields)
    )
    with (
        connection.cursor() as cursor,
        connection.wrap_database_errors,
        cursor.cursor.copy(statement) as copy,
    ):
        for obj in objs:
            copy.write_row([_column_value(f, obj) for f in fields])
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
