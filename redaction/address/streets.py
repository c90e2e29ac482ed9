"""Street lines of every form in a text, each as (start, end)."""

from __future__ import annotations

import re

from redaction.address.asia import JP, KR
from redaction.address.named import named_lines
from redaction.address.parts import NAME_SMALL
from redaction.address.type_first import CASED_ONLY, TYPE_FIRST
from redaction.address.type_last import (
    COMPOUND,
    EN_AFTER,
    ENDINGS_OF,
    LOWER_SPACED,
    SPACED,
    TR,
    TR_LOWER,
)
from redaction.address.units import HOUSE_NUMBER, UNIT_FIRST
from redaction.address.windows import street_windows
from redaction.scan import Scan, finditer_at

_DIGIT = re.compile(r"\d")
# The street-word-last patterns, by their names in ENDINGS_OF.
_TYPE_LAST = (
    ("COMPOUND", COMPOUND),
    ("SPACED", SPACED),
    ("LOWER_SPACED", LOWER_SPACED),
    ("TR", TR),
    ("TR_LOWER", TR_LOWER),
    ("KR", KR),
    ("EN_AFTER", EN_AFTER),
)
# A house number with its number word ("nr. 52", "no: 7", "nº 4"), or a floor-and-door or
# a flat unit after it ("193, 4º dcha.", "52, bl. c4, ap. 64").
_MARKED = re.compile(
    r"(?i:\b(?:nr|no|n[º°]|núm|número)[.:]?\s?\d|\d[,.]?\s{1,2}(?:\d{1,2}\s?[ºª°]"
    r"|(?:bl|ap|apt|apto|sc|esc|et|piso|int)\.\s?\w))"
)


def street_lines(text: str, scan: Scan, full: bool = False) -> list[tuple[int, int]]:
    found = list(scan.anchored["ADDRESS:number_first"])
    lower = scan.lower
    if full or lower is None:
        prefix = [m for p in (TYPE_FIRST, HOUSE_NUMBER, UNIT_FIRST) for m in p.finditer(text)]
        suffix, japanese = frozenset(ENDINGS_OF), True
        named = list(range(len(text)))
    else:
        starts, suffix, named = street_windows(text, lower, scan)
        prefix = []
        if starts:
            prefix = list(finditer_at(TYPE_FIRST, text, starts))
            prefix.extend(finditer_at(HOUSE_NUMBER, text, starts))
            prefix.extend(finditer_at(UNIT_FIRST, text, starts))
        japanese = "chome" in lower
    for match in prefix:
        words = _DIGIT.split(match.group(), maxsplit=1)[0].split()  # the name: up to a digit
        word = words[0]
        name = [w for w in words[1:] if w[0].isalpha() and w.lower().rstrip(".,") not in NAME_SMALL]
        if word.lower() in CASED_ONLY or word.lower().rstrip(".,") in CASED_ONLY:
            # "sent via DHL 2", "in place 3", "Via Ferrata route is 5": capitalised, and so
            # is every word of the name after it
            # In lower case only with a number word or a unit, which only addresses have
            # ("plaza del pilar 193, 4º dcha.", "bd. carol i nr. 52, bl. c4").
            if (word[0].islower() and not _MARKED.search(match.group())) or (
                word[0].isupper() and (not name or not all(w[0].isupper() for w in name))
            ):
                continue
        elif word[0].isupper() and not all(w[0].isupper() for w in name):
            continue  # after a capitalised street word, a capitalised name ("Avenue and can…")
        found.append(match.span())
    for form, pattern in _TYPE_LAST:
        if form in suffix:
            found.extend(m.span() for m in pattern.finditer(text))
    if japanese:
        found.extend(m.span() for m in JP.finditer(text))
    if named:
        found.extend(named_lines(text, named))
    return found
