"""PERSON: names found by their context and shape, with name lists as one kind of evidence.

No statistical model runs here (none ships offline; ner.py adds one where a user has it).
A name is found by:

1. a cue right before it: honorifics ("Dr.", "Frau", "Pan", "Sayın"), salutations ("Dear",
   "Hi"), introductions ("my name is", "je m'appelle", "benim adım"), references ("talk to",
   "ask for", "cc", "signed by"), labels ("Name:", "Patient:") and sign-offs ("Regards,"):
   capitalised words after a strong cue are a name unless every one is a common word; after
   a weak cue ("from", "with", "by") they need list evidence or two uncommon words;
2. lower-case chat ("ask wojciech about it"): after a cue, a word from the first-name list
   that is no common word, and a surname after it;
3. shape: a first name from the list followed by capitalised words; "Surname, First";
   initials before a surname ("J. Kowalska", "A.K. Sharma"); two or three capitalised
   words none of which is a common word, one of them in the lists.

The lists (see data/build_name_lists.py): 45,000 first names of 54 countries from
gender-guesser's `nam_dict.txt` (Jörg Michael, GNU FDL), read from that package at run
time; 88,799 surnames of the US Census 1990 (public domain); and common words (SCOWL and
wordfreq) that make a listed name ambiguous ("Will", "Grace") or a capitalised word no name.

The modules: `words` (word sets: stop words, roles, verbs…), `tokens` (the shape of a written
name), `lists` (the lists and their loaders), `evidence` (what the lists say about a word),
`cues` (1), `capitalised` (3), `lower` (2), `lines` (names a line's place gives away), `found`
(what a name found once extends to), `brands` (organisations named after people). This module
puts them together and keeps the public API.
"""

from __future__ import annotations

from collections.abc import Iterator

from redaction.names.brands import outside_brands
from redaction.names.capitalised import capitalised, one_word
from redaction.names.evidence import is_popular, not_a_person
from redaction.names.found import again, listed_with, with_first_name
from redaction.names.layouts import laid_out, spaced_rows
from redaction.names.lines import group_events, lines_of
from redaction.names.lists import (
    common_words,
    first_names,
    folded,
    is_common,
    is_listed_word,
    places,
    surnames,
)
from redaction.names.lower import casual, lower_case
from redaction.names.words import STOP_WORDS
from redaction.scan import Scan
from redaction.spans import Span

__all__ = [
    "STOP_WORDS",
    "common_words",
    "detect_person",
    "first_names",
    "folded",
    "is_common",
    "is_listed_word",
    "is_popular",
    "places",
    "surnames",
]


def detect_person(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if " " not in text and "\n" not in text and "\t" not in text and "=" not in text:
        return one_word(text)  # but "first_name=Amit&last_name=Avraham" holds a name
    found: list[Span] = []
    if scan.has_upper:
        found.extend(capitalised(text, scan))
    lower = scan.lower if scan.lower is not None else text.lower()
    # Offsets in the lower-cased text must be offsets in the text.
    aligned = len(lower) == len(text)
    if aligned:
        found.extend(lower_case(text, lower, casual(text, scan)))
    if "\n" in text:
        found.extend(lines_of(text, lower))
    if "\u200e" in text:
        found.extend(group_events(text))  # "\u200eharry taylor changed the group name"
    found.extend(s for s in laid_out(text) if not not_a_person(text, s.start, s.end))
    if spaced := spaced_rows(text):
        # "Nam e: Mahmuda Akter": the label's parts are no name ("Nam"), its value is one.
        labels = [label for label, _ in spaced]
        found = [s for s in found if not any(a < s.end and s.start < b for a, b in labels)]
        found.extend(name for _, name in spaced if name is not None)
    if found:
        # Cues and shapes often find the same name: each is extended and followed once.
        found = list(dict.fromkeys(with_first_name(text, span) for span in dict.fromkeys(found)))
        found.extend(list(listed_with(text, list(found))))
        if aligned:
            found.extend(again(text, lower, found))
            found = outside_brands(lower, found)
    return iter(found)
