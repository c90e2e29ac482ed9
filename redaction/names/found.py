"""What a name found once extends to: a first name after it, the other names of a list that
holds it, and its words wherever else they stand in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.names.evidence import acting, is_place, not_a_person
from redaction.names.lists import common_words
from redaction.names.tokens import JOINED, TOKEN, trim, words_of
from redaction.names.words import STOP
from redaction.spans import Span

_BRACKETED = re.compile(rf"[ \t]*\(({TOKEN}(?:[ \t]+{TOKEN})?)\)")
_COMMA_GIVEN = re.compile(rf",[ \t]+({TOKEN})(?=[ \t]*(?:[\n\r.;)(]|$))")
_JOINED_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<name>{TOKEN}(?:[ \t]+{TOKEN}){{1,2}})(?:,[ \t]+|[ \t]+(?:and|&)[ \t]+)$"
)


def listed_with(text: str, found: list[Span]) -> Iterator[Span]:
    """ "Amna Hashmi, Usman Khan and Z.I. Rizvi": the other names of a list that holds a name
    found, each a run of capitalised words that are no common words."""
    for span in found:
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
        before = _JOINED_BEFORE.search(text, max(0, span.start - 80), span.start)
        if before is not None:
            name = before.group("name")
            if (
                all(acting(w) for w in words_of(name))
                and not is_place(name)
                and not not_a_person(text, before.start("name"), before.end("name"))
            ):
                yield Span(before.start("name"), before.end("name"), "PERSON")


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
    for span in found:
        for word in words_of(text[span.start : span.end]):
            word = word.lower()
            if len(word) > 2 and word not in common_words() and word not in STOP:
                words.add(word)
    for word in words:
        start = lower.find(word)
        while start >= 0:
            end = start + len(word)
            if (start == 0 or not lower[start - 1].isalnum()) and (
                end == len(lower) or not lower[end].isalnum()
            ):
                yield Span(start, end, "PERSON")
            start = lower.find(word, end)
