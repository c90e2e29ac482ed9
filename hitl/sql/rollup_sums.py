"""The dashboard's sums over the roll-ups, done by PostgreSQL
(reviews.quality.services.measure: queue_metrics, queue_series, reviewer_quality).

Read row by row, a 30-day window cost ~360 ms of Python for ~60 ms of PostgreSQL: the
ORM built every MetricRollup and ReviewerRollup row, psycopg and stdlib json decoded
every JSON column, and Python added them up (bench/README.md, "CPU budget per hot
path"). Here `SUM` adds the integer columns and `jsonb_each` / `jsonb_array_elements`
take the histograms and tables apart, so only one number per (group, field, key) comes
back.

The caller rebuilds Python values that are *identical* to the row-by-row sums, so each
cell carries what that needs:
- `first`: the position (row rank, key position in the row, key position in the
  nested object) where the key first appears. Rows are ranked in the order the Python
  path reads them (window part, hour, id) and jsonb keeps an object's keys in its own
  order, which is the order json.loads sees; inserting keys by `first` gives each dict
  the key order the Python path builds (some statistics add floats in key order);
- `total`: the exact (numeric) sum, for integers;
- `float_total`: for the float columns (an ECE bin's Σ confidence, seconds of review),
  the float8 sum in row order, as Python adds floats one by one (each value's text read
  by float8in, correctly rounded like Python's float()). The other JSON values are
  counts, integers by construction, hashed and summed exactly in any order;
- `is_float`: a value was a JSON number with a fraction (json.loads makes a float of it)
  or is one by definition (an ECE bin's Σ confidence).
Integers that Python truncates with int() (ECE counts, Fleiss counts) are truncated per
row here too. PostgreSQL only: the caller keeps its Python path for other databases.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple

from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper

from accounts.models import User
from reviews.quality.models import MetricRollup, ReviewerRollup

_reading: ContextVar[CursorWrapper | None] = ContextVar("rollup_sums_reading", default=None)


@contextmanager
def reading() -> Iterator[CursorWrapper]:
    """A cursor in a transaction that does not JIT-compile and may hash in memory, for
    one or more of the statements below (nested: the same cursor, set once).

    The planner guesses 100 rows from every jsonb_each(), so these statements look
    costly enough (up to millions) for JIT, and compiling took 1.5 s for a statement that
    then ran in 50 ms (bench/dashboard.py). Both settings end with the transaction (the
    caller's, when it runs in one)."""
    cursor = _reading.get()
    if cursor is not None:
        yield cursor
        return
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        # work_mem: the sums hash ~10^5 cells; at the default 4 MB PostgreSQL sorted them
        # on disk instead (3x slower).
        cursor.execute(
            "SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)"
        )
        token = _reading.set(cursor)
        try:
            yield cursor
        finally:
            _reading.reset(token)


class Cell(NamedTuple):
    """One summed value of a window (or of one step of a series)."""

    group: int  # the part's group (queue_metrics: 0 window, 1 reference), or the step
    field: str  # a MetricRollup column, or "fleiss_totals" / "fleiss_raters"
    key: str | None  # dict key, array position, table row, Fleiss raters key
    subkey: str | None  # table column, ECE slot (0, 1, 2), Fleiss part or category
    first: int | None  # where it first appears (_pos: rank, position, inner position)
    total: Decimal | None
    float_total: float | None
    is_float: bool


class Part(NamedTuple):
    """Rows of one span with hour in [start, end), summed into `group` (unless the sums
    are by step)."""

    span: str
    start: datetime
    end: datetime
    group: int = 0


_METRIC_FIELDS = {f.column for f in MetricRollup._meta.concrete_fields}


def _pos(rank: str, position: str, inner: str) -> str:
    """Where a value sits, as one bigint that sorts like (rank, position, inner position):
    an object of at most 65,535 keys, in a window of at most 2^31 rows."""
    return f"({rank} * 4294967296 + {position} * 65536 + {inner})"


def _object(column: str) -> str:
    return f"CASE jsonb_typeof({column}) WHEN 'object' THEN {column} ELSE '{{}}'::jsonb END"


def _array(column: str) -> str:
    return f"CASE jsonb_typeof({column}) WHEN 'array' THEN {column} ELSE '[]'::jsonb END"


@cache
def metric_sums_sql(  # noqa: PLR0913 - one flag per kind of column
    *,
    parts: tuple[int, ...],
    by_slice: bool,
    by_model: bool,
    stepped: bool,
    counters: tuple[str, ...],
    arrays: tuple[str, ...],
    dicts: tuple[str, ...],
    tables: tuple[str, ...],
    ece: bool,
    fleiss: bool,
    float_dicts: tuple[str, ...] = (),
) -> str:
    """`parts`: the group of each part. Parameters, in order: with `stepped`, the origin
    and the step in microseconds; then per part: its span, start and end, the queue id,
    and the slice key and the model version when filtered by them.

    Sums of float values (an ECE bin's Σ confidence, the `float_dicts`: seconds) are
    float8 sums in row order, the order Python adds them in. Every other JSON value is a
    count, an integer by construction (services/rollups.py): its exact sum comes back
    (and, were a value ever a fraction, that sum as a float)."""
    for name in (*counters, *arrays, *dicts, *tables, *float_dicts):
        if name not in _METRIC_FIELDS:
            raise ValueError(f"not a roll-up column: {name}")
    table = connection.ops.quote_name(MetricRollup._meta.db_table)
    group = (
        "floor((extract(epoch FROM w.hour) - extract(epoch FROM %s::timestamptz)) "
        "* 1000000 / %s)::bigint"
        if stepped
        else "w.part_group"
    )
    where = "m.queue_id = %s"
    if by_slice:
        where += " AND m.slice_key = %s"
    if by_model:
        where += " AND m.model_version = %s"
    # One index range scan (rollup_unique) per part, ranked as the Python path reads them.
    window = " UNION ALL ".join(
        f"SELECT m.*, {n} AS part, {int(part_group)}::bigint AS part_group "  # noqa: S608
        f"FROM {table} m WHERE m.span = %s AND m.hour >= %s AND m.hour < %s AND {where}"
        for n, part_group in enumerate(parts)
    )
    counts = []  # (grp, field, k1, k2, pos, v text): counts, summed exactly
    floats = []  # the same and fl (a float whatever its text): floats, summed in row order
    for name in arrays:
        counts.append(
            f"SELECT r.grp, '{name}' AS field, (e.o - 1)::text AS k1, NULL::text AS k2, "
            f"{_pos('r.rank', 'e.o', '0')} AS pos, e.v AS v "
            f"FROM r CROSS JOIN LATERAL jsonb_array_elements_text({_array('r.' + name)}) "
            "WITH ORDINALITY AS e(v, o)"
        )
    if ece:
        # Each bin is [n, Σ confidence, correct]; Python takes int(n), float(Σ), int(correct).
        bins = f"jsonb_array_elements({_array('r.ece_bins')}) WITH ORDINALITY AS e(v, o)"
        counts.append(
            "SELECT r.grp, 'ece_bins', (e.o - 1)::text, c.i::text, "
            f"{_pos('r.rank', 'e.o', 'c.i')}, trunc((e.v ->> c.i)::numeric)::text "
            f"FROM r CROSS JOIN LATERAL {bins} CROSS JOIN (VALUES (0), (2)) AS c(i)"
        )
        floats.append(
            "SELECT r.grp, 'ece_bins' AS field, (e.o - 1)::text AS k1, '1' AS k2, "
            f"{_pos('r.rank', 'e.o', '1')} AS pos, e.v ->> 1 AS v, true AS fl "
            f"FROM r CROSS JOIN LATERAL {bins}"
        )
    for names, into in ((dicts, counts), (float_dicts, floats)):
        if names:
            docs = ", ".join(f"('{name}', r.{name})" for name in names)
            into.append(
                f"SELECT r.grp, d.field, e.key, NULL, {_pos('r.rank', 'e.o', '0')}, e.value"
                f"{', false' if into is floats else ''} "
                f"FROM r CROSS JOIN LATERAL (VALUES {docs}) AS d(field, doc) "
                f"CROSS JOIN LATERAL jsonb_each_text({_object('d.doc')}) "
                "WITH ORDINALITY AS e(key, value, o)"
            )
    if tables:
        docs = ", ".join(f"('{name}', r.{name})" for name in tables)
        counts.append(
            f"SELECT r.grp, t.field, a.key, b.key, {_pos('r.rank', 'a.o', 'b.o')}, b.value "
            f"FROM r CROSS JOIN LATERAL (VALUES {docs}) AS t(field, doc) "
            f"CROSS JOIN LATERAL jsonb_each({_object('t.doc')}) "
            "WITH ORDINALITY AS a(key, value, o) "
            f"CROSS JOIN LATERAL jsonb_each_text({_object('a.value')}) "
            "WITH ORDINALITY AS b(key, value, o)"
        )
    if fleiss:
        # FleissCounts.from_dict: int() of items, sum_squares and each category total.
        counts.append(
            f"SELECT r.grp, 'fleiss', a.key, s.name, {_pos('r.rank', 'a.o', '0')}, "
            "trunc((a.value ->> s.name)::numeric)::text "
            f"FROM r CROSS JOIN LATERAL jsonb_each({_object('r.fleiss')}) "
            "WITH ORDINALITY AS a(key, value, o) "
            "CROSS JOIN (VALUES ('items'), ('sum_squares')) AS s(name)"
        )
        counts.append(
            f"SELECT r.grp, 'fleiss_totals', a.key, b.key, {_pos('r.rank', 'a.o', 'b.o')}, "
            "trunc(b.value::numeric)::text "
            f"FROM r CROSS JOIN LATERAL jsonb_each({_object('r.fleiss')}) "
            "WITH ORDINALITY AS a(key, value, o) "
            "CROSS JOIN LATERAL jsonb_each_text(a.value -> 'totals') "
            "WITH ORDINALITY AS b(key, value, o)"
        )
    rows = (
        f"r AS (SELECT w.*, {group} AS grp, "
        f"row_number() OVER (ORDER BY w.part, w.hour, w.id) AS rank FROM ({window}) AS w)"
    )
    selects = []
    if counts:  # hashed, in any order
        selects.append(
            "SELECT grp, field, k1, k2, min(pos), sum(v::numeric), NULL::float8, "
            f"bool_or(strpos(v, '.') > 0) FROM ({' UNION ALL '.join(counts)}) AS counts "
            "GROUP BY grp, field, k1, k2"
        )
    if floats:  # each key's values sorted into row order
        selects.append(
            "SELECT grp, field, k1, k2, min(pos), sum(v::numeric), sum(v::float8 ORDER BY pos), "
            f"bool_or(fl OR strpos(v, '.') > 0) FROM ({' UNION ALL '.join(floats)}) AS floats "
            "GROUP BY grp, field, k1, k2"
        )
    if counters:
        pairs = ", ".join(f"('{name}', r.{name})" for name in counters)
        selects.append(
            "SELECT r.grp, c.name, NULL, NULL, NULL::bigint, sum(c.n)::numeric, NULL::float8, "
            f"false FROM r CROSS JOIN LATERAL (VALUES {pairs}) AS c(name, n) GROUP BY r.grp, c.name"
        )
    if fleiss:
        # FleissCounts.__add__ keeps the raters of the first counts with items, else takes
        # the newest: the raters of the first row with items, else of the last row.
        raters = "trunc((a.value ->> 'raters')::numeric)"
        selects.append(
            f"SELECT r.grp, 'fleiss_raters', a.key, NULL, min({_pos('r.rank', 'a.o', '0')}), "
            f"coalesce((array_agg({raters} ORDER BY r.rank) "
            "FILTER (WHERE trunc((a.value ->> 'items')::numeric) > 0))[1], "
            f"(array_agg({raters} ORDER BY r.rank DESC))[1]), NULL::float8, false "
            f"FROM r CROSS JOIN LATERAL jsonb_each({_object('r.fleiss')}) "
            "WITH ORDINALITY AS a(key, value, o) GROUP BY r.grp, a.key"
        )
    if not selects:
        raise ValueError("nothing to sum")
    return f"WITH {rows} " + " UNION ALL ".join(selects)


def metric_sums(  # noqa: PLR0913 - the window, its filters and what to sum
    *,
    queue_id: int,
    parts: Sequence[Part],
    slice_key: str | None,
    model_version: str | None,
    step: tuple[datetime, int] | None = None,
    counters: tuple[str, ...] = (),
    arrays: tuple[str, ...] = (),
    dicts: tuple[str, ...] = (),
    tables: tuple[str, ...] = (),
    ece: bool = False,
    fleiss: bool = False,
    float_dicts: tuple[str, ...] = (),
) -> list[Cell]:
    """The sums of the MetricRollup rows in `parts`, as cells, by the parts' groups; with
    `step` (origin, step in microseconds) by step index from the origin instead."""
    if not parts:
        return []
    sql = metric_sums_sql(
        parts=tuple(part.group for part in parts),
        by_slice=slice_key is not None,
        by_model=bool(model_version),
        stepped=step is not None,
        counters=counters,
        arrays=arrays,
        dicts=dicts,
        tables=tables,
        ece=ece,
        fleiss=fleiss,
        float_dicts=float_dicts,
    )
    params: list[Any] = [*step] if step is not None else []
    for part in parts:
        params.extend([part.span, part.start, part.end, queue_id])
        if slice_key is not None:
            params.append(slice_key)
        if model_version:
            params.append(model_version)
    with reading() as cursor:
        cursor.execute(sql, params)
        return [Cell(*row) for row in cursor.fetchall()]


class ReviewerSums(NamedTuple):
    reviewer_id: int
    username: str
    verdicts: int
    settled: int
    agreed: int
    gold_seen: int
    gold_correct: int
    hist_keys: list[str] | None  # handling_hist buckets, and their summed counts
    hist_totals: list[Decimal] | None


@cache
def reviewer_sums_sql() -> str:
    """Parameters: the queue id, the window's first hour and its end."""
    quote = connection.ops.quote_name
    rollups = quote(ReviewerRollup._meta.db_table)
    users = quote(User._meta.db_table)
    return (
        f"WITH w AS (SELECT * FROM {rollups} "  # noqa: S608 - names from the models
        "WHERE queue_id = %s AND hour >= %s AND hour < %s), "
        "s AS (SELECT reviewer_id, sum(verdicts) AS verdicts, sum(settled) AS settled, "
        "sum(agreed) AS agreed, sum(gold_seen) AS gold_seen, sum(gold_correct) AS gold_correct "
        "FROM w GROUP BY reviewer_id), "
        "h AS (SELECT reviewer_id, array_agg(key) AS ks, array_agg(total) AS ns FROM ("
        "SELECT w.reviewer_id, e.key, sum(e.value::numeric) AS total FROM w "
        f"CROSS JOIN LATERAL jsonb_each_text({_object('w.handling_hist')}) AS e(key, value) "
        "GROUP BY w.reviewer_id, e.key) AS x GROUP BY reviewer_id) "
        "SELECT s.reviewer_id, u.username, s.verdicts, s.settled, s.agreed, s.gold_seen, "
        f"s.gold_correct, h.ks, h.ns FROM s JOIN {users} u ON u.id = s.reviewer_id "
        "LEFT JOIN h ON h.reviewer_id = s.reviewer_id"
    )


def reviewer_sums(*, queue_id: int, start: datetime, end: datetime) -> list[ReviewerSums]:
    """Per reviewer with ReviewerRollup rows in [start, end): the summed counts and
    handling-time histogram, in no particular order."""
    with reading() as cursor:
        cursor.execute(reviewer_sums_sql(), [queue_id, start, end])
        return [ReviewerSums(*row) for row in cursor.fetchall()]
