"""Facts about one string, computed once and shared by every detector.

Most strings hold no PII and most of a string is far from any, so the engine is fast when
the expensive patterns run only where they can match. Everything here is exact: a detector
built on it finds what its pattern's `finditer` over the whole string would find.

- `Scan.lower`: the string lower-cased, for case-insensitive keyword gates; None when
  `str.lower` and a case-insensitive pattern could disagree (see `_FOLDS_APART`), and the
  caller then scans in full.
- `finditer_at(pattern, text, starts)`: `pattern.finditer(text)` tried only at `starts`, a
  sorted superset of the places where a match can begin.
- Digit-anchored patterns (`ANCHORED`): every match begins at a run of digits (or a "+" or
  "(" before one), or at a word of one to six letters (and a space or dash) right before
  one. They are compiled together into one pattern of look-aheads per kind of character
  such a place is at (a digit, a letter, a sign) and tried only at those places: one C call
  per place instead of one pass over the whole string per pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]  # noqa: PLC2701 - sre is the regex parser
from re import _parser as sre_parse  # type: ignore[attr-defined]  # noqa: PLC2701
from typing import Any

_DIGIT_RUN = re.compile(r"\d+")
# In text whose characters all fit in one byte (Latin-1, ASCII included) `\d` is [0-9] (no
# other code point below 256 is a decimal digit): there the runs are found by mapping every
# byte to "1" (a digit) or " " (anything else) and alternating `bytes.find`, which is several
# times cheaper than the regex engine's scan, one character at a time, for its first digit.
_DIGIT_BYTES = bytes(0x31 if 0x30 <= code <= 0x39 else 0x20 for code in range(256))
# Characters a case-insensitive pattern matches to an ASCII letter that `str.lower` maps
# elsewhere: dotless i and long s ("İ" changes the length and is caught by that), and the
# Greek symbol forms of theta, kappa and epsilon (a birth cue is in Greek letters).
_FOLDS_APART = ("\u0131", "\u017f", "\u03d1", "\u03f0", "\u03f5")


def is_word(ch: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return ch.isalnum() or ch == "_"


def finditer_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text)` yields, trying only the sorted `starts`.

    Exact when every match can only begin at one of `starts` and none is empty (true of every
    detector pattern): finditer tries each position from the end of the last match on, and
    the first that matches is the next match; positions outside `starts` cannot match.
    """
    last = 0
    for start in starts:
        if start >= last and (found := pattern.match(text, start)) is not None:
            yield found
            last = found.end()


# The kinds of character a digit-anchored match can begin at (`Scan._anchor_starts`).
DIGIT, LETTER, SIGN = "digit", "letter", "sign"
_EVERY_KIND = frozenset([DIGIT, LETTER, SIGN])
_CATEGORY_KINDS = {
    sre.CATEGORY_DIGIT: frozenset([DIGIT]),
    sre.CATEGORY_WORD: frozenset([DIGIT, LETTER]),
    sre.CATEGORY_SPACE: frozenset(),
}
_LARGEST_RANGE = 0x3000  # wider character ranges are taken to hold every kind


def _kinds_of(ch: str) -> frozenset[str]:
    """The kinds of anchor character `ch` matches, in any case (none: another character)."""
    if ch.isdecimal():  # what `\d` matches
        return frozenset([DIGIT])
    if any(c.isalpha() for c in ch + ch.lower() + ch.upper()):
        return frozenset([LETTER])
    return frozenset([SIGN]) if ch in "+(" else frozenset()


def _first_kinds(pattern: re.Pattern[str]) -> frozenset[str]:
    """The kinds of character a match of `pattern` can begin with: a superset, read off the
    parsed pattern (a part it does not know holds every kind)."""
    return _sequence_kinds(list(sre_parse.parse(pattern.pattern, pattern.flags)))[0]


def _sequence_kinds(items: list[tuple[Any, Any]]) -> tuple[frozenset[str], bool]:
    """The kinds the first character of a sequence can have, and whether it can be empty."""
    kinds: frozenset[str] = frozenset()
    for op, arg in items:
        first, empty = _item_kinds(op, arg)
        kinds |= first
        if not empty:
            return kinds, False
    return kinds, True


def _item_kinds(op: Any, arg: Any) -> tuple[frozenset[str], bool]:
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset(), True  # zero-width: the first character comes after it
    if op is sre.LITERAL:
        return _kinds_of(chr(arg)), False
    if op is sre.IN:
        return _class_kinds(arg), False
    if op is sre.BRANCH:
        branches = [_sequence_kinds(list(branch)) for branch in arg[1]]
        return frozenset().union(*(k for k, _ in branches)), any(e for _, e in branches)
    if op is sre.SUBPATTERN:
        return _sequence_kinds(list(arg[3]))
    if op is sre.ATOMIC_GROUP:
        return _sequence_kinds(list(arg))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        kinds, empty = _sequence_kinds(list(arg[2]))
        return kinds, empty or arg[0] == 0
    return _EVERY_KIND, False  # any character, a back-reference…


def _class_kinds(items: list[tuple[Any, Any]]) -> frozenset[str]:
    kinds: frozenset[str] = frozenset()
    for kind, value in items:
        if kind is sre.LITERAL:
            kinds |= _kinds_of(chr(value))
        elif kind is sre.RANGE and value[1] - value[0] <= _LARGEST_RANGE:
            kinds = kinds.union(*(_kinds_of(chr(code)) for code in range(value[0], value[1] + 1)))
        elif kind is sre.CATEGORY and value in _CATEGORY_KINDS:
            kinds |= _CATEGORY_KINDS[value]
        else:
            return _EVERY_KIND  # a negated class, a wide range, another category
    return kinds


# One kind's combined pattern, and each member's name and group number in it.
_Combined = tuple[re.Pattern[str], tuple[tuple[str, int], ...]]


class Anchored:
    """Patterns that can only match at a digit run, run together at the few places they can.

    Each pattern becomes `(?>(?=(?P<gN>pattern))|)`: matched at a place, the combined pattern
    records where every member matches from there (a look-ahead finds what the pattern's own
    `match` finds; the atomic group spares the engine keeping backtracking state), and
    emulating finditer per member from those records (skip places inside the member's last
    match) gives exactly its matches. Members that share a cheap necessary condition form a
    block behind it, `(?>guard member member …|)`, and are all skipped where it fails. Each
    kind of place (a digit, a letter, a sign) has its own combined pattern of the members that
    can begin with such a character (`_first_kinds`): a letter never begins a card number.
    """

    def __init__(self) -> None:
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._blocks: dict[str, str | None] = {}
        self._guards: dict[str, str] = {}
        self._combined: dict[str, _Combined] | None = None

    @property
    def patterns(self) -> dict[str, re.Pattern[str]]:
        """The members, by name."""
        return dict(self._patterns)

    def guard(self, block: str, condition: str) -> None:
        """Name a block and the zero-width condition every match of its members satisfies."""
        self._guards[block] = condition
        self._combined = None

    def add(self, name: str, pattern: re.Pattern[str], *, block: str | None = None) -> str:
        if pattern.flags & ~(re.UNICODE | re.IGNORECASE) or pattern.groupindex:
            raise ValueError(f"{name}: only IGNORECASE and no named groups can be combined")
        if re.search(r"\\[1-9]|\(\?P=", pattern.pattern):
            raise ValueError(f"{name}: back-references cannot be combined")
        if block is not None and block not in self._guards:
            raise ValueError(f"{name}: unknown block {block}")
        self._patterns[name] = pattern
        self._blocks[name] = block
        self._combined = None
        return name

    def _compile(self) -> dict[str, _Combined]:
        if self._combined is None:
            members = [
                (index, name, pattern, _first_kinds(pattern))
                for index, (name, pattern) in enumerate(self._patterns.items())
            ]
            self._combined = {
                kind: self._compile_kind([m[:3] for m in members if kind in m[3]])
                for kind in _EVERY_KIND
            }
        return self._combined

    def _compile_kind(self, members: list[tuple[int, str, re.Pattern[str]]]) -> _Combined:
        """The combined pattern of `members` (index, name, pattern)."""
        loose: list[str] = []
        parts: dict[str, list[str]] = {}
        for index, name, pattern in members:
            source = pattern.pattern
            if pattern.flags & re.IGNORECASE:
                source = f"(?i:{source})"
            part = f"(?>(?=(?P<g{index}>{source}))|)"
            block = self._blocks[name]
            if block is None:
                loose.append(part)
            else:
                parts.setdefault(block, []).append(part)
        guarded = [f"(?>{self._guards[b]}{''.join(inside)}|)" for b, inside in parts.items()]
        combined = re.compile("".join(loose + guarded))
        groups = tuple((name, combined.groupindex[f"g{index}"]) for index, name, _ in members)
        return combined, groups

    def find(
        self, text: str, starts: Iterable[tuple[int, str]]
    ) -> dict[str, list[tuple[int, int]]]:
        """Every member's matches in `text` as (start, end), given the sorted candidate starts
        and the kind of character each is at."""
        combined = self._compile()
        found: dict[str, list[tuple[int, int]]] = {name: [] for name in self._patterns}
        last = dict.fromkeys(found, 0)
        for start, kind in starts:
            pattern, groups = combined[kind]
            match = pattern.match(text, start)
            if match is None or match.lastindex is None:
                continue
            regs = match.regs
            for name, group in groups:
                end = regs[group][1]
                if end >= 0 and start >= last[name]:
                    found[name].append((start, end))
                    last[name] = end
        return found


def _byte_digit_runs(raw: bytes) -> list[tuple[int, int]]:
    """(start, end) of each run of ASCII digits in `raw`: a str's one-byte encoding, so the
    offsets are the str's."""
    mapped = raw.translate(_DIGIT_BYTES)
    find = mapped.find
    runs: list[tuple[int, int]] = []
    start = find(0x31)
    while start >= 0:
        end = find(0x20, start)
        if end < 0:
            runs.append((start, len(mapped)))
            break
        runs.append((start, end))
        start = find(0x31, end)
    return runs


#: The digit-anchored patterns of all detectors; each module adds its own at import.
ANCHORED = Anchored()


class Scan:
    """One string and what the detectors look up about it, each computed at most once.

    - `lower`: `text.lower()`, or None when it could disagree with case-insensitive matching;
    - `digit_runs`: (start, end) of each run of digits (`\\d+`); `has_digit`: there is one;
    - `has_upper`: the text may hold a capital letter (False only when it surely holds none);
    - `anchored`: the matches of every digit-anchored pattern, by name (computed on first use).
    """

    __slots__ = ("_anchored", "digit_runs", "has_digit", "has_upper", "lower", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        lower = text.lower()
        if text.isascii():
            self.lower: str | None = lower
            self.digit_runs = _byte_digit_runs(text.encode("ascii"))
        else:
            try:
                raw: bytes | None = text.encode("latin-1")
            except UnicodeEncodeError:
                raw = None
            if raw is not None:
                # Every `_FOLDS_APART` character is above U+00FF, and no Latin-1 character
                # lower-cases to more than one.
                self.lower = lower
                self.digit_runs = _byte_digit_runs(raw)
            else:
                trusted = len(lower) == len(text) and not any(ch in text for ch in _FOLDS_APART)
                self.lower = lower if trusted else None
                self.digit_runs = [m.span() for m in _DIGIT_RUN.finditer(text)]
        self.has_digit = bool(self.digit_runs)
        self.has_upper = lower != text
        self._anchored: dict[str, list[tuple[int, int]]] | None = None

    @property
    def anchored(self) -> dict[str, list[tuple[int, int]]]:
        """The (start, end) of each match of every digit-anchored pattern, by its name."""
        if self._anchored is None:
            self._anchored = ANCHORED.find(self.text, self._anchor_starts())
        return self._anchored

    def _anchor_starts(self) -> list[tuple[int, str]]:
        """The sorted places a digit-anchored match can begin at, each with its kind."""
        text = self.text
        starts: dict[int, str] = {}
        for run, _ in self.digit_runs:
            if run == 0:
                starts[0] = DIGIT
                continue
            before = text[run - 1]
            if before.isalpha():
                end = run
            elif before == " " or before == "-":
                starts[run] = DIGIT
                end = run - 1
            elif before.isalnum() or before == "_":
                continue  # inside a word: nothing begins here
            else:
                starts[run] = DIGIT  # a number on its own: cards, ids, phones, house numbers
                if before == "+" or before == "(":
                    starts[run - 1] = SIGN  # "+44 …", "(212) …"
                    if text[run - 2 : run] == "(+":
                        starts[run - 2] = SIGN  # "(+44) …"
                continue
            # "DE89 …", "AB 12 34 56 C", "NY 10001": a word of 1-6 letters (the letters those
            # patterns take are all alphabetic), a space or dash, then the digits.
            head, stop = end, max(0, end - 7)
            while head > stop and text[head - 1].isalpha():
                head -= 1
            if 0 < end - head <= 6 and (head == 0 or not is_word(text[head - 1])):
                starts[head] = LETTER
        return sorted(starts.items())
