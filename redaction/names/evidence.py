"""What the lists say about a capitalised word: a name, maybe one, a common word, a place."""

from __future__ import annotations

from redaction.names.lists import (
    common_words,
    first_names,
    given_names,
    is_common,
    is_listed_word,
    places,
    surnames,
)
from redaction.names.words import GREETINGS, PLACE_SUFFIXES, ROLES, STOP

# A listed first name that is also a common word is taken as a name on its own evidence
# when it is this popular somewhere ("John", "Mark", "Rose"), not when rarer ("Will", "Grace").
_POPULAR = 8
# How popular a first name must be somewhere to be taken on its own, with no cue or surname.
_ALONE = 3


def is_given(word: str) -> bool:
    lower = word.lower()
    names = first_names()
    return lower in names or lower.split("-")[0] in names


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
