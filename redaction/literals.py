"""Keyword alternations as a trie, for the lower-case gates that find where a cue can begin.

A case-insensitive alternation of a hundred cue words is tried branch by branch at every
word of a text, the single most expensive pattern of the engine. The same words as a trie
(`mr|mrs|ms` -> `m(?:rs?|s)`), matched case-sensitively on the lower-cased text, test one
character per level instead. `expand` lists the words a literal-only pattern matches
(character classes, optional parts and small alternations are expanded), so the trie is
built from the detector's own pattern and cannot drift from it.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]  # noqa: PLC2701 - sre is the regex parser
from re import _parser as sre_parse  # type: ignore[attr-defined]  # noqa: PLC2701
from typing import Any

_MAX_WORDS = 5000


def expand(pattern: str) -> frozenset[str]:
    """Every string `pattern` matches; ValueError if it is not a finite literal pattern."""
    words = _sequence(list(sre_parse.parse(pattern)))
    if len(words) > _MAX_WORDS:
        raise ValueError("too many words")
    return frozenset(words)


def _sequence(items: list[tuple[Any, Any]]) -> set[str]:
    words = {""}
    for op, arg in items:
        words = {head + tail for head in words for tail in _item(op, arg)}
    return words


def _item(op: Any, arg: Any) -> set[str]:
    if op is sre.LITERAL:
        return {chr(arg)}
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in arg:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] < 64:
                chars.update(chr(code) for code in range(value[0], value[1] + 1))
            else:
                raise ValueError(f"unsupported class member {kind}")
        return chars
    if op is sre.BRANCH:
        return set().union(*(_sequence(list(branch)) for branch in arg[1]))
    if op is sre.SUBPATTERN:
        return _sequence(list(arg[3]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[1] <= 4:
        low, high, body = arg
        variants, words, current = _sequence(list(body)), set(), {""}
        for count in range(high + 1):
            if count >= low:
                words |= current
            current = {head + tail for head in current for tail in variants}
        return words
    raise ValueError(f"unsupported pattern element {op}")


def trie(words: frozenset[str]) -> str:
    """A pattern matching exactly `words` (as an alternation), one character per level."""
    return _node(sorted(words))


def _node(words: list[str]) -> str:
    if words == [""]:
        return ""
    children: dict[str, list[str]] = {}
    for word in words:
        if word:
            children.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(ch) + _node(rest) for ch, rest in sorted(children.items())]
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in words else body
