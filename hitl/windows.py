"""Time windows as people type them ("24h", "7d") and ISO times a window may start or end at.

Shared by the metrics API, the dashboard and dataset filters: one parser, one set of bounds.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from django.utils import timezone
from django.utils.dateparse import parse_datetime

WINDOW = re.compile(r"^(\d{1,4})([hd])$")
MAX_WINDOW = timedelta(days=366)
# The times a window may start or end at: far from the calendar's edges, which overflow.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


def parse_window(value: str) -> timedelta:
    """'24h', '7d' → a timedelta; ValueError with a message otherwise."""
    match = WINDOW.match(value.strip())
    if not match:
        raise ValueError("Use a number of hours or days, such as 24h or 7d.")
    amount, unit = int(match[1]), match[2]
    span = timedelta(hours=amount) if unit == "h" else timedelta(days=amount)
    if not timedelta(hours=1) <= span <= MAX_WINDOW:
        raise ValueError("The window must be between 1h and 366d.")
    return span


def parse_time(value: str) -> datetime | None:
    """An ISO 8601 time with its offset, between EARLIEST and LATEST; None otherwise.

    parse_datetime raises ValueError for a time of the right shape that is no date
    (2026-13-45T99:99), and the calendar's edges overflow once the roll-up query turns
    them into UTC: both were 500s (tests/security/test_limits_and_injection.py).
    """
    try:
        parsed = parse_datetime(value)
        if parsed is None or timezone.is_naive(parsed):
            return None
        in_range = EARLIEST <= parsed.astimezone(UTC) <= LATEST
    except (ValueError, OverflowError):
        return None
    return parsed if in_range else None
