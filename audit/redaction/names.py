"""PERSON: names after honorifics and salutations, and listed first names with a surname.

No statistical model runs here (none ships offline with the installed packages): a name is
found by (1) a cue right before it, "Mr.", "Dr", "Dear", "Name:", "Regards,", "signed by",
followed by capitalised words, or (2) a capitalised first name from `data/first_names.txt`
followed by a capitalised surname. What this misses is said in the README.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from audit.redaction.literals import expand, trie
from audit.redaction.scan import Scan, finditer_at
from audit.redaction.spans import Span

_UPPER = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ"
_TOKEN = rf"[{_UPPER}][^\W\d_]*(?:[-'’][{_UPPER}][^\W\d_]+)?"
_PARTICLE = r"(?:van|von|de|der|den|da|di|del|della|du|le|la|ten|ter|af|al|bin|ibn|dos|das)"
# Up to four name tokens, allowing a middle initial ("John F. Kennedy") and particles
# ("Ludwig van Beethoven", "Maria de la Cruz").
_NAME = rf"{_TOKEN}(?:[ \t]+(?:[{_UPPER}]\.[ \t]+)?(?:{_PARTICLE}[ \t]+){{0,2}}{_TOKEN}){{0,3}}"

_HONORIFICS = (
    r"mr|mrs|ms|mx|miss|dr|prof|sir|dame|lord|lady|herr|frau|mme|mlle|m|sr|sra|srta|sig|sig\.ra"
    r"|dott|dott\.ssa|dhr|mevr|fru"
)
_STRONG_CUES = (
    rf"{_HONORIFICS}|dear|liebe|lieber|cher|ch[èe]re|estimad[oa]|querid[oa]"
    r"|gentile|caro|cara|beste|name|full name|customer name|patient|patient name|client"
    r"|applicant|employee|signed|signed by|signature|regards|best regards|kind regards"
    r"|warm regards|sincerely|yours sincerely|yours truly|cheers|thanks|thank you|best"
    r"|mit freundlichen gr[üu](?:ß|ss)en|viele gr[üu](?:ß|ss)e|gr[üu](?:ß|ss)e|cordialement"
    r"|bien [àa] vous|saludos|atentamente|un saludo|cordiali saluti|distinti saluti"
    r"|met vriendelijke groet|groeten|med v[äa]nliga h[äa]lsningar|h[äa]lsningar|attn"
    r"|c/o|contact person|account holder|cardholder|beneficiary|nom|nombre|nome|vorname"
    r"|nachname|achternaam|namn"
)
_WEAK_CUES = (
    r"hi|hello|hey|hallo|bonjour|hola|ciao|hej|from|by|with|to|cc|spoke with|spoke to|agent"
)
_CUED = re.compile(
    rf"(?<![\w.])(?:(?i:{_STRONG_CUES})(?P<strong>)|(?i:{_WEAK_CUES}))\.?[ \t]*[:,]?[ \t\r\n]+"
    rf"(?:(?i:{_HONORIFICS})\.?[ \t]+)?(?P<name>{_NAME})"
)
_SEQUENCE = re.compile(_NAME)

# Where a cue can begin, found on the lower-cased text: the same cue words as a trie,
# case-sensitive, after a character that is not a word character or a dot. The cued
# pattern then runs only there (its case-insensitive alternation, tried at every word,
# was the costliest scan of the engine).
_CUE_WORDS = trie(expand(f"{_STRONG_CUES}|{_WEAK_CUES}"))
_CUE_TAIL = r"\.?[ \t]*[:,]?[ \t\r\n]"
_CUE_AFTER = re.compile(rf"[^\w.](?=(?:{_CUE_WORDS}){_CUE_TAIL})")
_CUE_FIRST = re.compile(rf"(?:{_CUE_WORDS}){_CUE_TAIL}")
_WORD = re.compile(r"\S+")

# Capitalised words that are never a name, even after a cue ("Dear Customer", "Hi Team").
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "and",
        "or",
        "but",
        "if",
        "in",
        "on",
        "at",
        "to",
        "for",
        "of",
        "with",
        "from",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "me",
        "us",
        "them",
        "all",
        "any",
        "some",
        "no",
        "not",
        "yes",
        "ok",
        "okay",
        "please",
        "thanks",
        "thank",
        "hello",
        "hi",
        "dear",
        "sir",
        "madam",
        "customer",
        "customers",
        "team",
        "support",
        "service",
        "services",
        "sales",
        "billing",
        "admin",
        "administrator",
        "user",
        "users",
        "client",
        "clients",
        "colleague",
        "colleagues",
        "friends",
        "everyone",
        "all",
        "there",
        "here",
        "team",
        "staff",
        "member",
        "members",
        "manager",
        "department",
        "office",
        "company",
        "inc",
        "ltd",
        "llc",
        "gmbh",
        "ag",
        "sa",
        "bv",
        "ab",
        "plc",
        "corp",
        "corporation",
        "bank",
        "university",
        "hospital",
        "school",
        "group",
        "order",
        "orders",
        "invoice",
        "account",
        "payment",
        "card",
        "street",
        "road",
        "avenue",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "tomorrow",
        "yesterday",
        "new",
        "york",
        "london",
        "paris",
        "berlin",
        "madrid",
        "rome",
        "amsterdam",
        "stockholm",
        "europe",
        "america",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "regards",
        "best",
        "kind",
        "sincerely",
        "cheers",
        "name",
        "signed",
        "from",
        "subject",
        "re",
        "fw",
        "fwd",
        "note",
        "notes",
        "update",
        "status",
        "error",
        "warning",
        "info",
        "debug",
        "true",
        "false",
        "none",
        "null",
        "yes",
    ]
)
_NAMES_FILE = Path(__file__).with_name("data") / "first_names.txt"


@cache
def first_names() -> frozenset[str]:
    lines = _NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(n.strip() for n in lines if n.strip() and not n.startswith("#"))


def _tokens(name: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(name)]


def _trim(name: str) -> str:
    """Cut the name at its first stop word ("John Smith The" -> "John Smith")."""
    end = 0
    for start, stop in _tokens(name):
        if name[start:stop].lower().strip(".") in _STOP:
            break
        end = stop
    return name[:end]


def _cued(text: str, lower: str | None) -> Iterator[re.Match[str]]:
    if lower is None:
        return _CUED.finditer(text)
    starts = [m.end() for m in _CUE_AFTER.finditer(lower)]
    if _CUE_FIRST.match(lower):
        starts.insert(0, 0)
    return finditer_at(_CUED, text, starts)


def detect_person(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if not scan.has_upper:
        return  # no capital letter: no name can begin
    names = first_names()
    for m in _cued(text, scan.lower):
        name = _trim(m.group("name"))
        if not name:
            continue
        first = name.split()[0].title()
        if m.group("strong") is not None or first in names:
            yield Span(m.start("name"), m.start("name") + len(name), "PERSON")
    for m in _SEQUENCE.finditer(text):
        value = m.group()
        if " " not in value and "\t" not in value:
            continue
        yield from _listed(value, m.start(), names)


def _listed(value: str, offset: int, names: frozenset[str]) -> Iterator[Span]:
    """In a run of capitalised words, a listed first name and the surname(s) after it."""
    spans = _tokens(value)
    for index, (start, end) in enumerate(spans):
        word = value[start:end]
        # "Wolf-Dieter", "Jean-Luc": a hyphenated first name counts if its first part does.
        if (
            word.title() not in names
            and word.split("-")[0].title() not in names
            or index + 1 >= len(spans)
        ):
            continue
        rest = _trim(value[spans[index + 1][0] :])
        if not rest or len(rest.split()[0].rstrip(".")) < 2 and len(rest.split()) < 2:
            continue
        stop = spans[index + 1][0] + len(rest)
        yield Span(offset + start, offset + stop, "PERSON")
        return
