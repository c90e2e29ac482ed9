"""What a name found once extends to: a first name after it, the other names of a list that
holds it, and its words wherever else they stand in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.names.evidence import acting, is_place, not_a_person
from redaction.names.lists import common_words, given_names, places
from redaction.names.tokens import JOINED, TOKEN, trim, words_of
from redaction.names.words import ROLES, STOP, VERBS
from redaction.spans import Span

_BRACKETED = re.compile(rf"[ \t]*\(({TOKEN}(?:[ \t]+{TOKEN})?)\)")
_COMMA_GIVEN = re.compile(rf",[ \t]+({TOKEN})(?=[ \t]*(?:[\n\r.;)(]|$))")
_JOINED_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<name>{TOKEN}(?:[ \t]+{TOKEN}){{1,2}})(?:,[ \t]+|[ \t]+(?:and|&)[ \t]+)$"
)


def listed_with(text: str, found: list[Span]) -> Iterator[Span]:
    """ "Amna Hashmi, Usman Khan and Z.I. Rizvi": the other names of a list that holds a name
    found, each a run of capitalised words that are no common words. A name joined before
    one is looked at in turn ("A B, C D and E. F": E. F, then C D, then A B)."""
    pending = list(found)
    seen = {(s.start, s.end) for s in found}
    while pending:
        span = pending.pop()
        end = span.end
        while (joined := JOINED.match(text, end)) is not None:
            name = trim(joined.group("name"))
            words = words_of(name)
            # "D.O.B.", "R knee": initials or one letter with no surname are no name.
            if not words or not all(acting(w) for w in words) or is_place(name):
                break
            start, end = joined.start("name"), joined.start("name") + len(name)
            if not_a_person(text, start, end):
                break  # "…, Visa 4437", "Ben & Jerry's"
            yield Span(start, end, "PERSON")
        before = None
        if _joined_at(text, span.start):
            before = _JOINED_BEFORE.search(text, max(0, span.start - 80), span.start)
        if before is None and _joined_at(text, span.start, comma=False):
            # "a shout-out to Ville and Riikka": one listed first name, no common word.
            one = _ONE_JOINED_BEFORE.search(text, max(0, span.start - 40), span.start)
            if one is not None and _lone_given(one.group("name")):
                before = one
        if before is not None:
            name = before.group("name")
            if (
                all(acting(w) for w in words_of(name))
                and not is_place(name)
                and not not_a_person(text, before.start("name"), before.end("name"))
            ):
                joined_before = Span(before.start("name"), before.end("name"), "PERSON")
                yield joined_before
                if (joined_before.start, joined_before.end) not in seen:
                    seen.add((joined_before.start, joined_before.end))
                    pending.append(joined_before)


def _joined_at(text: str, start: int, *, comma: bool = True) -> bool:
    """Whether a name's join ends at `start`: spaces after a comma, "and" or "&" (what
    `_JOINED_BEFORE` and `_ONE_JOINED_BEFORE` end in, tested before their searches)."""
    at = start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    if at == start or at == 0:
        return False
    return (
        comma and text[at - 1] == "," or text[at - 1] == "&" or text[max(0, at - 3) : at] == "and"
    )


# Mid-sentence: after a lower-case word ("to Ville and Riikka"), not a sentence's first word.
_ONE_JOINED_BEFORE = re.compile(rf"(?<=[a-z] )(?P<name>{TOKEN})[ \t]+(?:and|&)[ \t]+$")


def _lone_given(word: str) -> bool:
    low = word.lower()
    return (
        len(word) > 2
        and not word.isupper()
        and low in given_names()
        and low not in places()
        and low not in STOP
        and low not in ROLES
    )


def with_first_name(text: str, span: Span) -> Span:
    """ "Name: Hernández Gómez, Pablo": a surname found, then a comma and a first name."""
    m = _COMMA_GIVEN.match(text, span.end)
    if m is not None and "," not in text[span.start : span.end] and acting(m.group(1)):
        return Span(span.start, m.end(), span.entity)
    # "Dr. Saarinen (Ville)": a first name in brackets after a surname.
    m = _BRACKETED.match(text, span.end)
    if m is not None and all(acting(w) for w in words_of(m.group(1))):
        return Span(span.start, m.end(), span.entity)
    return span


def again(text: str, lower: str, found: list[Span]) -> Iterator[Span]:
    """Each word of a name found once, wherever else it stands in the text ("Sienna Campbell
    … Sienna will coordinate"), whatever its case ("Nikolaj" … "nikolaj")."""
    words: set[str] = set()
    placed: set[str] = set()
    for span in found:
        written = words_of(text[span.start : span.end])
        for word in written:
            low = word.lower()
            if len(low) > 2 and low not in common_words() and low not in STOP:
                words.add(low)
            elif (
                len(written) > 1
                and len(word) > 2
                and word[1:].islower()
                and low not in STOP
                and low not in VERBS
                and low not in ROLES
            ):
                placed.add(word)  # "Line Madsen" … "Line": a common word, as it was written
    if placed:
        yield from _placed(text, placed)
    for word in words:
        start = lower.find(word)
        while start >= 0:
            end = start + len(word)
            if (start == 0 or not lower[start - 1].isalnum()) and (
                end == len(lower) or not lower[end].isalnum()
            ):
                yield Span(start, end, "PERSON")
            start = lower.find(word, end)


# Where a word is a name by its place in a line alone: a speaker's label ("Amber: hi"), a
# sign-off on a line of its own ("\n\nLine"), a possessive ("Amber's").
_PLACED = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*)?(?:[-–—~][ \t]*)?(?P<word>[^\W\d_]{3,})"
    r"(?=[ \t]*(?::[ \t]|[.!]?[ \t]*$))"
)


def _placed(text: str, placed: set[str]) -> Iterator[Span]:
    """A common word that was part of a name found ("Line Madsen", "harry taylor") where it
    stands again, written the same, as a speaker's label or a sign-off on its own line."""
    if "\n" not in text:
        return
    for m in _PLACED.finditer(text):
        if m.group("word") in placed:
            yield Span(m.start("word"), m.end("word"), "PERSON")
