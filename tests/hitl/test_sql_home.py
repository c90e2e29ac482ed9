"""Every written-out SQL statement lives in hitl/sql (docs/architecture.md): a statement
anywhere else is one nobody measured or can find. Migrations are history and exempt."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("accounts", "audit", "datasets", "hitl", "redaction", "reviews", "stats", "webhooks")
# The calls that hand the database SQL we wrote: Manager.raw, a cursor, RawSQL, extra().
SQL_CALLS = {"raw", "cursor", "RawSQL", "extra"}


def _sql_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in SQL_CALLS:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}()")
    return found


def _production_modules() -> list[Path]:
    return [
        path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts and not path.is_relative_to(ROOT / "hitl" / "sql")
    ]


def test_the_scan_finds_what_it_looks_for() -> None:
    """The scan itself works: hitl/sql is full of such calls."""
    assert any(_sql_calls(path) for path in (ROOT / "hitl" / "sql").glob("*.py"))


def test_no_sql_is_written_outside_hitl_sql() -> None:
    found = [call for path in _production_modules() for call in _sql_calls(path)]
    assert not found, "\n".join(found)
