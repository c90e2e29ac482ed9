"""What the lists say about a capitalised word: a name, maybe one, a common word, a place."""

from __future__ import annotations

import re
from functools import lru_cache

from redaction.names.lists import (
    common_words,
    first_names,
    given_names,
    is_common,
    is_listed_word,
    places,
    surnames,
)
from redaction.names.tokens import TOKEN, UPPER, words_of
from redaction.names.words import (
    COMPASS,
    CONTRACTIONS,
    GREETINGS,
    LABEL_ENDINGS,
    LABELS,
    LOCATIVES,
    ORGANISATIONS,
    PLACE_SUFFIXES,
    ROLES,
    STOP,
    word_set,
)

# A listed first name that is also a common word is taken as a name on its own evidence
# when it is this popular somewhere ("John", "Mark", "Rose"), not when rarer ("Will", "Grace").
_POPULAR = 8
# How popular a first name must be somewhere to be taken on its own, with no cue or surname.
_ALONE = 3
# What the lists say about a word never changes, and texts repeat words ("Dear", "Team",
# the same names): the judgements below are remembered, for this many words each.
_REMEMBERED = 1 << 16


def is_given(word: str) -> bool:
    lower = word.lower()
    names = first_names()
    return lower in names or lower.split("-")[0] in names


@lru_cache(maxsize=_REMEMBERED)
def evidence(word: str) -> str:
    """ "name": a listed word that is no common word, or a popular first name ("John");
    "maybe": listed and common ("Will"); "unknown": in no list and no common word; "word": a
    common word only, or an acronym ("IBAN")."""
    if len(word) > 1 and word.isupper():
        return "word"
    listed, common = is_listed_word(word), is_common(word)
    if listed:
        if not common or given_names().get(word.lower(), 0) >= _POPULAR:
            return "name"
        return "maybe"
    return "word" if common else "unknown"


def is_popular(word: str) -> bool:
    """A first name this common somewhere is a name first, even if it is a word ("John")."""
    return given_names().get(word.lower(), 0) >= _POPULAR


@lru_cache(maxsize=_REMEMBERED)
def is_place(name: str) -> bool:
    lower = name.lower().strip(" .,")
    return lower in places() or " ".join(lower.split()[:2]) in places()


def alone(word: str) -> bool:
    """A capitalised word on its own that is a first name: listed, popular enough somewhere,
    no common word, no place ("Annalisa reports …", "Ring Sofia" is lost to the city)."""
    lower = word.lower()
    return (
        len(word) > 2
        and not word.isupper()
        and given_names().get(lower, 0) >= _ALONE
        and lower not in common_words()
        and lower not in STOP
        and lower not in GREETINGS
        and lower not in places()
    )


def popular_enough(word: str) -> bool:
    """A listed first name, before a verb ("Sofia reports"): an unknown capitalised word there
    is as often a noun ("Erstattung will …")."""
    lower = word.lower()
    return lower in given_names() and lower not in STOP and lower not in common_words()


@lru_cache(maxsize=_REMEMBERED)
def acting(word: str) -> bool:
    """A capitalised word before a verb a person does ("Sofia reports", "Heather says"):
    a listed first name, or a word no list or dictionary knows."""
    lower = word.lower()
    if (
        len(word) < 3
        or word.isupper()
        or lower in STOP
        or lower in GREETINGS
        or lower in ROLES
        or "'" in lower
        or "’" in lower
        or lower.endswith(PLACE_SUFFIXES)
    ):
        return False
    if lower in given_names() or lower in surnames() and lower not in common_words():
        return True
    return lower not in common_words() and lower not in places()


# The word right after a name ("Tyrell Biotech", "Hugo Boss AG", "S.A."), dots dropped.
_NEXT_CAPITALISED = re.compile(rf"[ \t]+([{UPPER}][\w.]*)")
# "Procter & Gamble", "Ben & Jerry's": a single capitalised word on each side of "&".
_AMPERSAND_AFTER = re.compile(rf"[ \t]*&[ \t]*({TOKEN})(['’]s)?(?![ \t]+[{UPPER}])")
_AMPERSAND_BEFORE = re.compile(rf"(?<![\w'’-])({TOKEN})[ \t]*&[ \t]*$")
_CAPITALISED_BEFORE = re.compile(rf"{TOKEN}[ \t]+$")
# "coffee from Kellogg's,": a possessive that owns nothing after it is a shop or a brand.
_BARE_POSSESSIVE = re.compile(r"['’]s(?![ \t]+[a-z])(?!\w)")
_POSSESSIVE = re.compile(r"['’]s\b")
_LOCATIVE_BEFORE = re.compile(r"(?<![\w'’-])(\w+)[ \t]+$")
# A postcode before a word that ends its line or phrase: "410 45 Larisa", "79104 Freiburg".
_POSTCODE_BEFORE = re.compile(r"(?<![\w-])(?:\d{3}[ ]\d{2}|\d{4,6})[ \t]+$")
_PHRASE_END = re.compile(r"[ \t]*(?:[,;.\n\r]|$)")
_NUMBER_AFTER = re.compile(r"[ \t]+\d{4}")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n][ \t]*)$")
_PARTICLES = word_set("de del della di do da dos das du")


def not_a_person(text: str, start: int, end: int) -> bool:
    """Whether the capitalised words text[start:end], found where a name stands, are by their
    own words or the words around them an organisation's, a brand's, a place's name or a
    form's label: "Orion Payroll", "Tyrell Biotech", "Procter & Gamble", "Kellogg's",
    "in Verona", "410 45 Larisa", "Santiago de Chile", "Hobart TAS", "Geburtsdatum"."""
    words = words_of(text[start:end])
    if not words:
        return False  # a lone initial after a title ("M. X") is the cue's to judge
    lowers = [w.lower() for w in words]
    if len(words) > 1 and (lowers[-1] in ORGANISATIONS or lowers[-1] in COMPASS):
        return True  # "Marie Curie Hospice", "Denpasar Selatan"
    if any(w in LABELS or _is_compound_label(w) for w in lowers):
        return True  # "Anamnese", "DHL Sendungsnummer"
    nxt = _NEXT_CAPITALISED.match(text, end)
    if nxt is not None and (
        (head := nxt.group(1).replace(".", "").lower()) in ORGANISATIONS or head in COMPASS
    ):
        return True  # "Tyrell" in "Tyrell Biotech", "Antonio, Makati" before "City"
    if "&" in text and _ampersand(text, start, end, words):
        return True
    if text[end : end + 1] in ("'", "’") and _BARE_POSSESSIVE.match(text, end) is not None:
        return True
    if len(words) == 1:
        return _place_alone(text, start, end, words[0]) or _label_alone(text, end, lowers[0])
    if text[start - 2 : start - 1].isalpha() and _noun_after_contraction(text, start, words[0]):
        return True  # "im Urlaub, Vertretung macht …"
    return _place_shaped(text, start, words, lowers)


def _is_compound_label(word: str) -> bool:
    """ "geburtsdatum", "sendungsnummer": a compound that ends in a label's word."""
    return len(word) > 8 and word.endswith(LABEL_ENDINGS)


def _ampersand(text: str, start: int, end: int, words: list[str]) -> bool:
    """ "Procter & Gamble", "Marks & Spencer", "Ben & Jerry's": single words joined by "&"
    are a company, unless both are first names and none owns ("Tom & Anna")."""
    if len(words) != 1:
        return False
    after = _AMPERSAND_AFTER.match(text, end)
    if after is not None:
        other, owns = after.group(1), after.group(2) is not None
    else:
        before = _AMPERSAND_BEFORE.search(text, max(0, start - 40), start)
        if before is None or _CAPITALISED_BEFORE.search(
            text, max(0, before.start() - 40), before.start()
        ):
            return False  # "Amna Hashmi & Usman": a name of two words is a person's
        other, owns = before.group(1), _POSSESSIVE.match(text, end) is not None
    both_given = all(is_given(w) and evidence(w) == "name" for w in (words[0], other))
    return owns or not both_given


def _place_alone(text: str, start: int, end: int, word: str) -> bool:
    """A single capitalised word that is a place by where it stands: after "in", "aus",
    "stin" ("office in Verona") or a postcode ("410 45 Larisa"), or with a district's suffix
    ("Musashino-shi")."""
    if word.lower().endswith(PLACE_SUFFIXES):
        return True
    if _POSSESSIVE.match(text, end) is not None:
        return False  # "in Anna's absence"
    before = _LOCATIVE_BEFORE.search(text, max(0, start - 12), start)
    if before is not None and (
        before.group(1) in LOCATIVES or _after_contraction(text, before.start(1), word)
    ):
        return True
    return (
        _POSTCODE_BEFORE.search(text, max(0, start - 12), start) is not None
        and _PHRASE_END.match(text, end) is not None
    )


def _after_contraction(text: str, at: int, word: str) -> bool:
    """Whether the German contraction at `at` makes `word` after it no name: "Freiburg im
    Breisgau" (after a place), "Im Sommer" (at a sentence's start, before no first name);
    not chat's "hi im Anna"."""
    contraction = text[at : at + 5].split(" ", 1)[0]
    if contraction.lower() not in CONTRACTIONS:
        return False
    if contraction[0].isupper():
        start = _SENTENCE_START.search(text, max(0, at - 3), at) is not None
        return start and given_names().get(word.lower(), 0) < _ALONE
    if given_names().get(word.lower(), 0) < _ALONE and _german(text, at, contraction):
        return True  # "nicht im Büro", "zum Termin": a noun, not chat's "hi im Anna"
    place = _CAPITALISED_BEFORE.search(text, max(0, at - 40), at)
    return place is not None and place.group().strip().lower() not in GREETINGS


def _noun_after_contraction(text: str, start: int, word: str) -> bool:
    """Whether a lower-case German contraction stands right before `start` ("im Urlaub")."""
    before = _LOCATIVE_BEFORE.search(text, max(0, start - 8), start)
    return (
        before is not None
        and before.group(1) in CONTRACTIONS
        and given_names().get(word.lower(), 0) < _ALONE
        and _german(text, before.start(1), before.group(1))
    )


_CHAT = word_set("yeah yep yup sorry well now also lol btw okay but cos coz cuz tbh")
_WORD_BEHIND = re.compile(r"([^\W\d_]+)[ \t]+$")


def _german(text: str, at: int, contraction: str) -> bool:
    """Whether the contraction at `at` is German, not English "I am" or chat's "hi im", "ok im":
    "am" after no "I", "im" after a word of three letters or more that is no greeting or
    chat filler."""
    if contraction not in ("am", "im"):
        return True
    before = _WORD_BEHIND.search(text, max(0, at - 24), at)
    if before is None:
        return False
    word = before.group(1)
    if contraction == "am":
        return word.lower() != "i"
    lower = word.lower()
    return len(word) > 2 and lower not in GREETINGS and lower not in STOP and lower not in _CHAT


def _label_alone(text: str, end: int, lower: str) -> bool:
    """ "Agent:" under a line that ends in a title ("spoke to Sri.\nAgent: …"): a role before
    a colon labels a line; "Visa 4437 …": a word that is no first name before a number."""
    if text[end : end + 1] == ":" and lower in ROLES:
        return True
    return given_names().get(lower, 0) < _ALONE and _NUMBER_AFTER.match(text, end) is not None


def _place_shaped(text: str, start: int, words: list[str], lowers: list[str]) -> bool:
    """Capitalised words shaped as a place: "Santiago de Chile" (a particle before a place
    that is no name), "Hobart TAS" (a place and its region's code), "Im Jahr" (a German
    contraction at a sentence's start)."""
    last = lowers[-1]
    if (
        last in places()
        and last not in first_names()
        and last not in surnames()
        and _particle_before_last(text[start:], words)
    ):
        return True
    if words[-1].isupper() and len(words[-1]) <= 3 and is_place(" ".join(words[:-1])):
        return True
    return (
        lowers[0] in CONTRACTIONS
        and given_names().get(lowers[1], 0) < _ALONE  # "Im Jisoo" is a Korean name
        and _SENTENCE_START.search(text, max(0, start - 3), start) is not None
    )


def _particle_before_last(name: str, words: list[str]) -> bool:
    """Whether a lower-case particle stands right before the last word ("Santiago de Chile")."""
    before = name[: name.rfind(words[-1])].split()
    return bool(before) and before[-1] in _PARTICLES
