"""The readiness probe's statement (hitl/health.py)."""

from __future__ import annotations

from django.db import connection


def ping() -> None:
    """Run `SELECT 1`: the database answers a query, not only holds a socket open. Raises
    whatever the driver raises when it cannot."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
