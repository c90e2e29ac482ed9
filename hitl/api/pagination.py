"""Limit/offset pages with bounds, so a hostile ?limit= or ?offset= cannot reach SQL.

DRF's LimitOffsetPagination passes any positive integer through: ?limit=10**21 made
SQLite fail with "datatype mismatch" and PostgreSQL with "bigint out of range", a 500
(found by the API fuzzer, tests/fuzz/). A larger limit is cut to MAX_LIMIT, as DRF does
with max_limit; a larger offset to MAX_OFFSET, past any table's end: an empty page.
"""

from __future__ import annotations

from typing import Any

from rest_framework import pagination

MAX_LIMIT = 1000
MAX_OFFSET = 10**12


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    max_limit = MAX_LIMIT

    def get_offset(self, request: Any) -> int:
        return min(super().get_offset(request), MAX_OFFSET)
