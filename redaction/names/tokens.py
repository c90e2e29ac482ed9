"""The shape of a written name and its words.

A name token is a capitalised word (with hyphenated or apostrophe parts); a name is up to five
of them, with initials and particles between ("J. Kowalska", "Ludwig van der Berg"). Also the
helpers that cut a found run of capitalised words into words and trim it at a stop word.
"""

from __future__ import annotations

import re

from redaction.names.words import GREETINGS, PLACE, STOP, TITLES

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
TOKEN = rf"[{UPPER}][^\W\d_]*(?:[-'’][{UPPER}a-z][^\W\d_]+)*"
PARTICLE = (
    r"(?:van|von|de|der|den|da|di|del|della|du|le|la|ten|ter|af|al|el|bin|binti|ibn|bint|dos"
    r"|das|do|e|y|zu|vom|ben|ould|ap|mac|ni|nic|ua|st\.?)"
)
INITIALS = rf"(?:[{UPPER}]\.(?:[ \t]?[{UPPER}]\.){{0,2}}[ \t]*)"
# Up to five name tokens, allowing initials ("J. Kowalska", "John F. Kennedy") and particles
# ("Ludwig van der Berg", "Maria de la Cruz", "Mohammed bin Rashid Al-Mansouri").
NAME = rf"{INITIALS}?{TOKEN}(?:[ \t]+{INITIALS}?(?:{PARTICLE}[ \t]+){{0,2}}{TOKEN}){{0,4}}"

# Capitalised words after a name, joined to it: "… and Viktoriia", "…, Usman Khan".
JOINED = re.compile(
    rf"(?:[ \t]+(?:and|&|und|et|y|e|og|och|i|ve|ja|és|en)[ \t]+|,[ \t]+)(?P<name>{NAME})"
)
# Every capital letter a name token can begin with, for tests of one character.
CAPITALS = frozenset(chr(code) for code in range(0x2000) if re.fullmatch(rf"[{UPPER}]", chr(code)))
WORD = re.compile(r"\S+")
NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
DATE_AFTER = re.compile(r"[ \t.]*\d")  # "Jan 15", "Mai 2024": a month, not a name


def tokens(name: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(name)]


def trim(name: str) -> str:
    """Cut the name at its first stop word or honorific ("John Smith The" -> "John Smith");
    nothing is left when a place word follows ("John F. Kennedy Avenue", "Anna Hospital")."""
    end = 0
    for start, stop in tokens(name):
        token = name[start:stop]
        if len(token) <= 4 and token.endswith(".") and token[:1].isupper():
            end = stop  # initials, "A." or "A.K."
            continue
        word = token.lower().strip(".,")
        if word in PLACE:
            return ""
        if word in STOP or word in TITLES or word in GREETINGS:
            break
        end = stop
    return name[:end]


def words_of(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", name) if len(w) > 1]
