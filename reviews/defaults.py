"""Defaults of JSON fields: named functions, since migrations refer to them by path."""

from __future__ import annotations


def empty_list() -> list[object]:
    return []


def empty_dict() -> dict[str, object]:
    return {}
