"""The name lists and their loaders (see data/build_name_lists.py).

45,000 first names of 54 countries from gender-guesser's `nam_dict.txt` (Jörg Michael, GNU
FDL), read from that package at run time, with how popular each is; 88,799 surnames of the US
Census 1990 (public domain); the most common given names and surnames of 106 and 75 countries
(Wikipedia's lists, CC0 as packaged by sigpwned/popular-names-by-country-dataset); places
(GeoNames); and common words (SCOWL and wordfreq) that make a listed name ambiguous ("Will",
"Grace") or a capitalised word no name. Each list is loaded once, on first use.
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata
from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent.with_name("data")


@cache
def given_names() -> dict[str, int]:
    """Lower-cased first names and how common each is where it is most common (1-13).

    gender-guesser's list (its data file, not its code): a column per country holds a
    hexadecimal frequency class; the largest is the name's popularity.
    """
    data = importlib.resources.files("gender_guesser") / "data" / "nam_dict.txt"
    found: dict[str, int] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        if line and line[0] not in "#=":
            name = line.split()[1].lower()
            classes = [int(c, 16) for c in line[30:-1] if c in _HEX]
            popularity = max(classes, default=1)
            for variant in {name.replace("+", joiner) for joiner in ("", "-")}:
                _add_given(found, variant, popularity)
    # A country's most common names are popular there, though not so popular that a name
    # which is also a common word ("Lovely", "Junior") is taken on its own (see evidence.py).
    for name in data_lines("world_forenames.txt"):
        _add_given(found, name, _WORLD_POPULARITY)
    return found


_WORLD_POPULARITY = 7


def _add_given(found: dict[str, int], name: str, popularity: int) -> None:
    # Romanian is written with comma-below letters, gender-guesser has cedillas; chat often
    # drops the accents ("radoslaw" for "radosław").
    for variant in (name, name.translate(_COMMA_BELOW), folded(name)):
        found[variant] = max(found.get(variant, 0), popularity)


_COMMA_BELOW = str.maketrans("şţ", "șț")
_UNACCENTED = str.maketrans("łøđßæœı", "lodsaei")


def folded(word: str) -> str:
    """`word` without its accents: "radosław" -> "radoslaw", "müller" -> "muller"."""
    plain = unicodedata.normalize("NFKD", word.translate(_UNACCENTED))
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


_HEX = frozenset("0123456789ABCDEF")


@cache
def titled_given() -> frozenset[str]:
    """The first names as a capitalised word is written ("Annika", "Jean-Luc")."""
    return frozenset(name[:1].upper() + name[1:] for name in given_names())


@cache
def first_names() -> frozenset[str]:
    """Lower-cased first names of 54 countries (gender-guesser) and the world list."""
    return frozenset(given_names())


def data_lines(name: str) -> frozenset[str]:
    """The lower-cased lines of a file in data/, less its comment lines."""
    text = (_DATA / name).read_text(encoding="utf-8")
    return frozenset(line.lower() for line in text.splitlines() if line and line[0] != "#")


@cache
def surnames() -> frozenset[str]:
    """Lower-cased surnames: the US Census 1990 list and each country's most common ones,
    these also without their accents ("gonzalez" beside "gonzález", as chat writes them)."""
    world = data_lines("world_surnames.txt")
    return data_lines("surnames.txt") | world | {folded(name) for name in world}


@cache
def places() -> frozenset[str]:
    """Lower-cased names of cities, countries and US states (GeoNames)."""
    return data_lines("places.txt")


@cache
def common_words() -> frozenset[str]:
    """Lower-cased common words of 16 languages (data/build_name_lists.py)."""
    return data_lines("common_words.txt")


def is_common(word: str) -> bool:
    return word.lower() in common_words()


def is_listed_word(word: str) -> bool:
    """Whether `word` (or a part of a hyphenated one) is in the first-name or surname list."""
    lower = word.lower().replace("’", "'")
    given, family = first_names(), surnames()
    if lower in given or lower in family:
        return True
    return any(p in given or p in family for p in re.split(r"[-']", lower) if len(p) > 1)
