"""The audit chain head's two statements (audit.services): read it locked, move it.

Every state change in hitl runs both, inside its own transaction; the ORM's compiling of
them cost more than the statements themselves.
"""

from __future__ import annotations

from django.db import connection

from audit.models import AuditChainHead

_HEAD = AuditChainHead._meta.db_table
_READ_HEAD_SQL = f"SELECT seq, hash FROM {_HEAD} WHERE id = 1"  # noqa: S608
_MOVE_HEAD_SQL = f"UPDATE {_HEAD} SET seq = %s, hash = %s WHERE id = 1"  # noqa: S608


def head_locked() -> tuple[int, str] | None:
    """(seq, hash) of the chain's tip, its row locked FOR UPDATE until commit; None when
    the row does not exist yet. SQLite has no FOR UPDATE; its immediate transactions
    already serialize writers."""
    sql = _READ_HEAD_SQL
    if connection.features.has_select_for_update:
        sql += " FOR UPDATE"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    return None if row is None else (row[0], row[1])


def head_move(*, seq: int, digest: str) -> None:
    """Point the chain's head at the event `seq` whose hash is `digest`."""
    with connection.cursor() as cursor:
        cursor.execute(_MOVE_HEAD_SQL, [seq, digest])
