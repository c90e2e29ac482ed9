"""Facts about one string, computed once and shared by every detector.

Most strings hold no PII and most of a string is far from any, so the engine is fast when
the expensive patterns run only where they can match. Everything here is exact: a detector
built on it finds what its pattern's `finditer` over the whole string would find.

- `Scan.lower`: the string lower-cased, for case-insensitive keyword gates; None when
  `str.lower` and a case-insensitive pattern could disagree (see `_FOLDS_APART`), and the
  caller then scans in full.
- `finditer_at(pattern, text, starts)`: `pattern.finditer(text)` tried only at `starts`, a
  sorted superset of the places where a match can begin.
- Digit-anchored patterns (`ANCHORED`): every match begins at a run of digits, or at a word
  of one to six letters (and a space or dash) right before one. They are compiled together
  into one pattern of look-aheads and tried only at those places: one C call per place
  instead of one pass over the whole string per pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_DIGIT_RUN = re.compile(r"\d+")
# The letters of an IBAN, NINO, NIE, codice fiscale, PAN, UK postcode or "NY 10001" head:
# a word of 1-6 letters, then an optional space or dash, ending where the digits begin.
_LETTER_HEAD = re.compile(r"(?<!\w)[^\W\d_]{1,6}[ \-]?\Z")
# Characters a case-insensitive pattern matches to an ASCII letter that `str.lower` maps
# elsewhere: dotless i and long s ("İ" changes the length and is caught by that).
_FOLDS_APART = ("\u0131", "\u017f")


def is_word(ch: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return ch.isalnum() or ch == "_"


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
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


class Anchored:
    """Patterns that can only match at a digit run, run together at the few places they can.

    Each pattern becomes `(?:(?=(?P<gN>pattern))|)`: matched at a place, the combined pattern
    records where every member matches from there, and emulating finditer per member from
    those records (skip places inside the member's last match) gives exactly its matches.
    """

    def __init__(self) -> None:
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._combined: tuple[re.Pattern[str], tuple[tuple[str, int], ...]] | None = None

    def add(self, name: str, pattern: re.Pattern[str]) -> str:
        if pattern.flags & ~(re.UNICODE | re.IGNORECASE) or pattern.groupindex:
            raise ValueError(f"{name}: only IGNORECASE and no named groups can be combined")
        if re.search(r"\\[1-9]|\(\?P=", pattern.pattern):
            raise ValueError(f"{name}: back-references cannot be combined")
        self._patterns[name] = pattern
        self._combined = None
        return name

    def _compile(self) -> tuple[re.Pattern[str], tuple[tuple[str, int], ...]]:
        if self._combined is None:
            parts = []
            for index, pattern in enumerate(self._patterns.values()):
                source = pattern.pattern
                if pattern.flags & re.IGNORECASE:
                    source = f"(?i:{source})"
                parts.append(f"(?:(?=(?P<g{index}>{source}))|)")
            combined = re.compile("".join(parts))
            groups = tuple(
                (name, combined.groupindex[f"g{index}"])
                for index, name in enumerate(self._patterns)
            )
            self._combined = (combined, groups)
        return self._combined

    def find(self, text: str, starts: Iterable[int]) -> dict[str, list[tuple[int, int]]]:
        """Every member's matches in `text` as (start, end), given the sorted candidate starts."""
        combined, groups = self._compile()
        found: dict[str, list[tuple[int, int]]] = {name: [] for name, _ in groups}
        last = dict.fromkeys(found, 0)
        for start in starts:
            match = combined.match(text, start)
            if match is None or match.lastindex is None:
                continue
            regs = match.regs
            for name, group in groups:
                end = regs[group][1]
                if end >= 0 and start >= last[name]:
                    found[name].append((start, end))
                    last[name] = end
        return found


#: The digit-anchored patterns of all detectors; each module adds its own at import.
ANCHORED = Anchored()


class Scan:
    """One string and what the detectors look up about it, each computed at most once."""

    __slots__ = ("_anchored", "_lower", "_runs", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: str | None | bool = False
        self._runs: list[int] | None = None
        self._anchored: dict[str, list[tuple[int, int]]] | None = None

    @property
    def lower(self) -> str | None:
        """`text.lower()`, or None when it would not agree with case-insensitive matching."""
        if self._lower is False:
            text = self.text
            lower = text.lower()
            trusted = len(lower) == len(text) and (
                text.isascii() or not any(ch in text for ch in _FOLDS_APART)
            )
            self._lower = lower if trusted else None
        return self._lower  # type: ignore[return-value]

    @property
    def digit_runs(self) -> list[int]:
        """Where each run of digits (`\\d+`) begins."""
        if self._runs is None:
            self._runs = [m.start() for m in _DIGIT_RUN.finditer(self.text)]
        return self._runs

    @property
    def has_digit(self) -> bool:
        return bool(self.digit_runs)

    def anchored(self, name: str) -> list[tuple[int, int]]:
        """The (start, end) of each match of the digit-anchored pattern `name`, in order."""
        if self._anchored is None:
            self._anchored = ANCHORED.find(self.text, self._anchor_starts())
        return self._anchored[name]

    def _anchor_starts(self) -> list[int]:
        text = self.text
        starts: set[int] = set()
        for run in self.digit_runs:
            if run == 0:
                starts.add(0)
                continue
            before = text[run - 1]
            if not is_word(before):
                starts.add(run)  # a number on its own: cards, ids, phones, house numbers
                if before in "+(":
                    starts.add(run - 1)  # "+44 …", "(212) …"
                    if text[run - 2 : run] == "(+":
                        starts.add(run - 2)  # "(+44) …"
            if before.isalpha() or before in " -":
                head = _LETTER_HEAD.search(text, max(0, run - 8), run)
                if head is not None:
                    starts.add(head.start())  # "DE89 …", "AB 12 34 56 C", "NY 10001"
        return sorted(starts)
