"""Where a street line of the street-word forms can be, found without running their patterns.

In every such line the first digit of the house number follows a word; only the few
characters before each such number are looked at on the lower-cased text (`street_windows`).
Exact: tests/redaction/test_fast_paths.py checks it against full scans.
"""

from __future__ import annotations

import re
from itertools import repeat

from redaction.address.named import CUE_LAST_WORDS, LOWER_PLACE_WORDS, NAME_WORDS_AT
from redaction.address.type_first import PREFIX_REACH, PREFIX_WORDS
from redaction.address.type_last import (
    EN_AFTER_WORDS,
    ENDINGS_OF,
    STRONG_ENDINGS,
    SUFFIX_ENDINGS,
)
from redaction.address.units import UNIT_FIRST_WORDS
from redaction.literals import expand, trie
from redaction.scan import Scan, is_word

# The words a type-first or unit-first street line begins with, found where they can be.
_GATE_WORDS = expand(PREFIX_WORDS) | expand(UNIT_FIRST_WORDS)
_STREET_WORD_AT = re.compile(rf"(?<![\w.])(?<!(?i:et) )(?:{trie(_GATE_WORDS)})")
# The words of the street words, without dots ("ul", "house", "no"), and the number words
# before a house number ("No: 12", "n. 5", "Nr. 7", "nº 4").
_PREFIX_PARTS = frozenset(
    part for word in _GATE_WORDS for part in re.split(r"[\s.]+", word) if part
)
_NUMBER_WORDS = frozenset(
    ["n", "no", "nr", "nº", "núm", "número", "numero", "nro", "d", "dom", "bud", "số"]
)
# Characters between a word and the number after it in any of these forms.
_BEFORE_NUMBER = frozenset(" \t\n\r\u00a0,.:#°º/-'’")
_BEFORE_REACH = 6
# A letter, then separators and a digit ("Roma, 12", "No: 5"), or a letter right before a
# digit after a space ("Apt A19"): where `street_windows` has anything to look at.
_SHORT = 100  # in longer text one search costs more than the loop it would spare
_WORD_THEN_NUMBER = re.compile(r"[^\W\d_][ \t\n\r\u00a0,.:#°º/'’\-]{1,6}\d|[ \t][^\W\d_]\d")
_STRIP = ".,:;#º°/'’-()"


def street_windows(
    text: str, lower: str, scan: Scan
) -> tuple[list[int], frozenset[str], list[int]]:
    """Where a type-first street line can begin, which type-last patterns can match (names
    of `ENDINGS_OF`), and where a street line without a street word can begin (named.py).

    In every street line of those forms, the first digit follows a word (then at most
    `_BEFORE_REACH` of `_BEFORE_NUMBER`, and perhaps a number word: "No: 12", "n. 5"). For a
    type-first line that word is capitalised (the end of the name) or a street word ("ul. 3
    Maja 5"), and the street word begins at most `PREFIX_REACH` characters before the
    digit: only those windows of the lower-cased text are searched. For a type-last line
    the word ends in a street word of that pattern's ("…straße", "utca", "Cad.", "-ro") and
    it, or the word before it, is capitalised. A line without a street word has a
    capitalised word before its number too, with a cue or a German preposition before it
    (searched in the same window), or a word of a street name's form or a unit after the
    number (the capitalised word itself is a start); or it puts its number first right
    after a cue or a label ("address: 8 Deansgate").
    """
    starts: set[int] = set()
    named: set[int] = set()
    suffix: frozenset[str] = frozenset()
    if len(text) <= _SHORT and _WORD_THEN_NUMBER.search(text) is None:
        return [], frozenset(), []  # no number follows a word: most ids, hashes and timestamps
    last = 0
    for run, _ in scan.digit_runs:
        if run >= 3 and text[run - 1].isalpha() and text[run - 2] in " \t":
            run -= 1  # a unit number with a letter first: "Apt A19"
        if run < 2 or text[run - 1] not in _BEFORE_NUMBER or text[run - 2].isdigit():
            continue  # inside a word or a number ("2024-05", "1.2"), or after another character
        end = _word_end(text, run)
        if end < 0:
            continue
        begin = _word_start(text, end)
        if text[begin].isupper():
            named.add(begin)  # "Nr. 7": the number word itself may begin a street match
        if lower[begin:end] in _NUMBER_WORDS:
            end = _word_end(text, begin)
            if end < 0:
                continue
            begin = _word_start(text, end)
        word = lower[begin:end]
        capital = text[begin].isupper()
        if (
            capital
            or word in _PREFIX_PARTS
            or word in CUE_LAST_WORDS
            or text[end] in ":?"
            or _keyword_before(text, lower, begin)
        ):
            low = max(0, run - PREFIX_REACH - 1, last)
            starts.update(found.start() for found in _STREET_WORD_AT.finditer(lower, low, run))
            named.update(found.start() for found in NAME_WORDS_AT.finditer(lower, low, run))
            last = run
        if capital:
            named.add(begin)  # a shaped name, or one with an address unit after the number
        elif (
            begin > 1
            and text[begin - 1] == " "
            and lower[_word_start(text, begin - 1) : begin - 1] in LOWER_PLACE_WORDS
        ):
            named.add(begin)  # a lower-case name after a preposition ("stin egnatia 48")
        if len(suffix) < len(ENDINGS_OF):
            ending = _patterns_ending(lower, begin, end) | _patterns_ending(lower, begin, end + 1)
            if not ending <= suffix and (
                _capital_before(text, end)
                or word in EN_AFTER_WORDS
                or (word.endswith(STRONG_ENDINGS))
            ):
                suffix |= ending
    return sorted(starts), suffix, sorted(named)


def _by_last_character(endings: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """`endings` grouped by their last character."""
    grouped: dict[str, list[str]] = {}
    for ending in endings:
        grouped.setdefault(ending[-1], []).append(ending)
    return {last: tuple(group) for last, group in grouped.items()}


# `str.endswith` with a tuple tries every member in turn: only the few type-last street
# words that end in the character the word ends in can match.
_SUFFIX_ENDINGS_BY_LAST = _by_last_character(SUFFIX_ENDINGS)


_PATTERNS_OF = {
    ending: frozenset(name for name, endings in ENDINGS_OF.items() if ending in endings)
    for ending in SUFFIX_ENDINGS
}


def _patterns_ending(lower: str, begin: int, end: int) -> frozenset[str]:
    """The type-last patterns one of whose street words `lower[begin:end]` ends in (`end` is
    at most its length)."""
    found: frozenset[str] = frozenset()
    for ending in _SUFFIX_ENDINGS_BY_LAST.get(lower[end - 1], ()):
        if lower.endswith(ending, begin, end):
            found |= _PATTERNS_OF[ending]
    return found


def _keyword_before(text: str, lower: str, begin: int) -> bool:
    """One of the seven words before the word at `begin` is a street word ("calle defensa
    1603", "jl. ahmad yani no. 45"): a street name after one has at most six words."""
    words = lower[max(0, begin - 80) : begin].split()[-7:]
    return not _PREFIX_PARTS.isdisjoint(map(str.strip, words, repeat(_STRIP)))


def _word_end(text: str, at: int) -> int:
    """The end of the word before `at`, across at most `_BEFORE_REACH` separators; -1 if
    there is none (a digit, another character, or nothing)."""
    end = at
    while end > 0 and at - end < _BEFORE_REACH and text[end - 1] in _BEFORE_NUMBER:
        end -= 1
    if end == at or end == 0 or not text[end - 1].isalpha():
        return -1
    return end


def _word_start(text: str, end: int) -> int:
    begin = end - 1
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] in "-'’"):
        begin -= 1
    return begin


def _capital_before(text: str, end: int) -> bool:
    """The word ending at `end` (letters, digits, dashes, dots), or the word before it,
    starts with a capital letter."""
    at = end
    for _ in range(2):
        while at > 0 and (is_word(text[at - 1]) or text[at - 1] in "-.'’"):
            at -= 1
        if at < len(text) and text[at].isupper():
            return True
        while at > 0 and text[at - 1].isspace():
            at -= 1
    return False
