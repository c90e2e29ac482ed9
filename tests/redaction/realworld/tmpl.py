"""Template records: a kind, a body (text or JSON-like object) and a few options."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    kind: str
    body: object
    lower: bool = False
    clean: bool = False
    countries: tuple[str, ...] | None = None


def T(
    kind: str,
    text: str,
    lower: bool = False,
    clean: bool = False,  # noqa: N802
    countries: tuple[str, ...] | None = None,
) -> Template:
    return Template(kind, text, lower, clean, countries)


def J(
    kind: str,
    obj: object,
    clean: bool = False,  # noqa: N802
    countries: tuple[str, ...] | None = None,
) -> Template:
    return Template(kind, obj, False, clean, countries)
