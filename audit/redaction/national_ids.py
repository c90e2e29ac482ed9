"""NATIONAL_ID: US SSN and the national ids python-stdnum validates, with context where needed.

A check digit alone is weak evidence: one random 9-digit number in eleven passes the Dutch
BSN "11-proof". Ids whose shape is distinctive (letters in fixed places: UK NINO, ES DNI/NIE,
IT codice fiscale, IN PAN) or whose checksum is strong (FR NIR, mod 97) are taken on their
own; ids that are bare digit runs with a weak check are taken only after a context word
("SSN", "BSN", "Steuer-ID", "Aadhaar", ...) within the 40 characters before them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from stdnum.ca import sin
from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.gb import nhs
from stdnum.in_ import aadhaar, pan
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.pl import pesel
from stdnum.se import personnummer
from stdnum.us import ssn

from audit.redaction.scan import ANCHORED, Scan
from audit.redaction.spans import Span, has_context


def _nino_ok(value: str) -> bool:
    """UK National Insurance number: HMRC's prefix rules (python-stdnum has no NINO module)."""
    compact = value.replace(" ", "").upper()
    prefix = compact[:2]
    return not (
        prefix[0] in "DFIQUV"
        or prefix[1] in "DFIQUVO"
        or prefix in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
    )


def _ssn_ok(value: str) -> bool:
    return ssn.is_valid(value)


@dataclass(frozen=True)
class IdKind:
    """One kind of national id: how it looks, how it is checked, when context is needed."""

    name: str
    pattern: re.Pattern[str]
    valid: Callable[[str], bool]
    context: re.Pattern[str] | None = None  # None: the shape and checksum are enough


def _p(body: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w\-/.]){body}(?![\w]|[\-/.]\w)", flags)


_KINDS: tuple[IdKind, ...] = (
    # US SSN written AAA-GG-SSSS is taken on the SSA rules alone; other spellings need context.
    IdKind("us_ssn_dashed", _p(r"\d{3}-\d{2}-\d{4}"), _ssn_ok),
    IdKind(
        "us_ssn",
        _p(r"\d{3}[ .]?\d{2}[ .]?\d{4}"),
        _ssn_ok,
        re.compile(r"\bssn\b|social security|\bss#|\bsocial sec"),
    ),
    IdKind(
        "gb_nino",
        _p(r"[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]", re.IGNORECASE),
        _nino_ok,
    ),
    IdKind("gb_nhs", _p(r"\d{3}[ \-]?\d{3}[ \-]?\d{4}"), nhs.is_valid, re.compile(r"\bnhs\b")),
    IdKind(
        "de_idnr",
        _p(r"\d{2} ?\d{3} ?\d{3} ?\d{3}"),
        idnr.is_valid,
        re.compile(r"steuer-?id|\bidnr|identifikationsnummer|\btin\b|tax id|steuernummer"),
    ),
    # FR NIR: 13 digits and a mod-97 key; shape 1 85 05 78 006 084 36 or compact.
    IdKind(
        "fr_nir",
        _p(r"[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}", re.IGNORECASE),
        nir.is_valid,
    ),
    IdKind("es_dni", _p(r"\d{8}[ \-]?[A-Z]", re.IGNORECASE), dni.is_valid),
    IdKind("es_nie", _p(r"[XYZ][ \-]?\d{7}[ \-]?[A-Z]", re.IGNORECASE), nie.is_valid),
    IdKind(
        "it_codicefiscale",
        _p(r"[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]", re.IGNORECASE),
        codicefiscale.is_valid,
    ),
    IdKind(
        "nl_bsn",
        _p(r"(?:\d{4}[ .]?\d{2}[ .]?\d{3}|\d{9})"),
        bsn.is_valid,
        re.compile(r"\bbsn\b|burgerservicenummer|sofi"),
    ),
    IdKind("se_personnummer_dashed", _p(r"(?:\d{2})?\d{6}[\-+]\d{4}"), personnummer.is_valid, None),
    IdKind(
        "se_personnummer",
        _p(r"(?:\d{2})?\d{10}"),
        personnummer.is_valid,
        re.compile(r"personnummer|\bpnr\b|person nr"),
    ),
    IdKind(
        "in_aadhaar",
        _p(r"[2-9]\d{3}[ \-]?\d{4}[ \-]?\d{4}"),
        aadhaar.is_valid,
        re.compile(r"aadhaar|aadhar|\buid\b|uidai"),
    ),
    IdKind("in_pan", _p(r"[A-Z]{3}[ABCFGHLJPTK][A-Z]\d{4}[A-Z]"), pan.is_valid),
    IdKind("pl_pesel", _p(r"\d{11}"), pesel.is_valid, re.compile(r"pesel")),
    IdKind(
        "ca_sin",
        _p(r"\d{3}[ \-]?\d{3}[ \-]?\d{3}"),
        sin.is_valid,
        re.compile(r"\bsin\b|social insurance|\bnas\b"),
    ),
)

# Every kind begins with digits, or with 1-6 letters right before them: all are run
# together, only where a digit run begins (see scan.py). The kinds that begin with digits
# all begin with five digits, at most one separator between two, after no word character,
# dash, slash or dot; the others with a letter.
_LETTER_FIRST = frozenset(["gb_nino", "es_nie", "it_codicefiscale", "in_pan"])
_UNGUARDED: frozenset[str] = frozenset()
ANCHORED.guard("national_id_digits", r"(?<![\w\-/.])(?=\d(?:[ .\-+]?\d){4})")
ANCHORED.guard("national_id_letters", r"(?<![\w\-/.])(?=[^\W\d_])")
for _kind in _KINDS:
    _block = "national_id_letters" if _kind.name in _LETTER_FIRST else "national_id_digits"
    ANCHORED.add(
        f"NATIONAL_ID:{_kind.name}",
        _kind.pattern,
        block=None if _kind.name in _UNGUARDED else _block,
    )


_KEYED = tuple((kind, f"NATIONAL_ID:{kind.name}") for kind in _KINDS)


def detect_national_id(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if not scan.has_digit:
        return
    found = scan.anchored
    for kind, key in _KEYED:
        for start, end in found[key]:
            if kind.context is not None and not has_context(kind.context, text, start):
                continue
            if kind.valid(text[start:end]):
                yield Span(start, end, "NATIONAL_ID")
