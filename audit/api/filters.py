"""The audit trail's query parameters, checked before any of them reaches the database.

audit.selectors.audit_events filters on what it is given; a hostile value that parses
can still be one the database refuses, which would answer a 500 instead of a 400: a NUL
character (PostgreSQL's text cannot hold one), an integer past 64 bits (SQLite's driver
and PostgreSQL's bigint both refuse it), or a time that exists with its offset but not
in UTC (0001-01-01T00:00+14:00, which Django converts before the query). The API and the
audit browser both pass their parameters through here, so they refuse the same things.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC

from django.utils.dateparse import parse_datetime

from audit.selectors import BadFilter

INTEGER_FILTERS = ("action", "after_seq", "before_seq")
TIME_FILTERS = ("since", "until")
# The widest integer both databases compare against a bigint column.
MAX_INTEGER = 2**63 - 1


def _checked_integer(name: str, raw: str) -> None:
    try:
        value = int(raw)
    except ValueError:
        raise BadFilter(name, "Must be an integer.") from None
    if abs(value) > MAX_INTEGER:
        raise BadFilter(name, f"Must be between -{MAX_INTEGER} and {MAX_INTEGER}.")


def _checked_time(name: str, raw: str) -> None:
    try:
        when = parse_datetime(raw)
        if when is not None and when.tzinfo is not None:
            when.astimezone(UTC)
    except (ValueError, OverflowError):
        raise BadFilter(name, "Must be a time between the years 1 and 9999, in UTC.") from None


def audit_params_checked(params: Mapping[str, str]) -> dict[str, str]:
    """The parameters as a plain dict; raises BadFilter naming the first unusable one.

    Only what the database would refuse is checked here; the meaning of each filter
    (an ISO time with its zone, say) stays audit_events's to judge.
    """
    checked = {name: params[name] for name in params}
    for name, raw in checked.items():
        if "\x00" in name or "\x00" in raw:
            raise BadFilter(name.replace("\x00", ""), "Must not contain NUL characters.")
        if not raw:
            continue
        if name in INTEGER_FILTERS:
            _checked_integer(name, raw)
        elif name in TIME_FILTERS:
            _checked_time(name, raw)
    return checked
