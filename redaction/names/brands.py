"""Organisations named after people: a name inside "a Hugo Boss jacket" is the brand's.

The phrases are `data/brands.txt` (written by hand, see its header): brands, firms and
charities whose name is a person's or holds one, and which are rarely a writer's own full
name. A found name that overlaps one of them is dropped, in any letter case ("ben & jerry's").
The list is matched only in strings where a name was found, as one trie-shaped pattern.
"""

from __future__ import annotations

import re
from functools import cache

from redaction.literals import trie
from redaction.names.lists import data_lines
from redaction.spans import Span


@cache
def _brands() -> re.Pattern[str]:
    phrases = set(data_lines("brands.txt"))
    phrases |= {phrase.replace("'", "’") for phrase in phrases}  # typographic apostrophes
    return re.compile(rf"(?<!\w)(?:{trie(frozenset(phrases))})(?!\w)")


def outside_brands(lower: str, found: list[Span]) -> list[Span]:
    """`found` less the names that overlap a brand in `lower`, the lower-cased text."""
    brands = [match.span() for match in _brands().finditer(lower)]
    if not brands:
        return found
    return [
        span
        for span in found
        if not any(start < span.end and span.start < end for start, end in brands)
    ]
