"""CARD (Luhn and issuer prefix) and IBAN (ISO 13616 checksum) detectors."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import iban, luhn
from stdnum.exceptions import ValidationError

from audit.redaction.scan import ANCHORED, Scan
from audit.redaction.spans import IBAN_HEAD, Span

# 12 to 19 digits, grouped by single spaces or dashes (or not at all).
_CARD = re.compile(r"(?<![\w\-.,/])\d(?:[ \-]?\d){11,18}(?![\w\-]|[.,/]\d)")
ANCHORED.add("CARD", _CARD)
_GROUP_SEPARATOR = re.compile(r"[ \-]")

# Issuer prefixes of the card networks (Visa 4, Mastercard 51-55 and 2221-2720, Amex 34/37,
# Discover/UnionPay/Maestro 6, JCB/Diners 3, JCB's 15-digit 1800/2131, Maestro 50/56-58 and
# 0604). A Luhn-valid number starting otherwise with 0, 1, 7, 8 or 9 is some other identifier.
_ISSUER = re.compile(r"4|5[0-8]|2[2-7]|3[0-9]|6|1800|2131|0604")


# Only Maestro issues 12-digit cards; a 12-digit Luhn number with another prefix is not one.
_MAESTRO = re.compile(r"50|5[6-9]|6|0604")


def _card_ok(digits: str) -> bool:
    if not 12 <= len(digits) <= 19 or _ISSUER.match(digits) is None:
        return False
    if len(digits) == 12 and _MAESTRO.match(digits) is None:
        return False
    return luhn.is_valid(digits)


def detect_card(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if not scan.has_digit:
        return
    for start, end in scan.anchored["CARD"]:
        if IBAN_HEAD.search(text, max(0, start - 40), start):
            continue
        value = text[start:end]
        digits = value.replace(" ", "").replace("-", "")
        if _card_ok(digits):
            yield Span(start, end, "CARD")
            continue
        # "4111 1111 1111 1111 2024": a greedy match that took one group too many.
        groups = _GROUP_SEPARATOR.split(value)
        if len(groups) > 2:
            head = value[: len(value) - len(groups[-1]) - 1]
            if _card_ok(head.replace(" ", "").replace("-", "")):
                yield Span(start, start + len(head), "CARD")


# --- IBAN -------------------------------------------------------------------------

# Country code, check digits, then 10-30 alphanumerics, optionally in groups of four.
_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,30}(?![\w])", re.IGNORECASE)
ANCHORED.add("IBAN", _IBAN)


def detect_iban(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if not scan.has_digit:
        return
    for start, end in scan.anchored["IBAN"]:
        value = text[start:end]
        # The greedy match may run into a following word ("DE89 3704 0044 0532 0130 00 THE"):
        # drop trailing space-separated groups until the checksum holds, or give up.
        while True:
            compact = value.replace(" ", "").upper()
            if len(compact) >= 15 and _iban_ok(compact):
                yield Span(start, start + len(value), "IBAN")
                break
            if " " not in value:
                break
            value = value.rsplit(" ", 1)[0]


def _iban_ok(compact: str) -> bool:
    try:
        iban.validate(compact)
    except ValidationError:
        return False
    return True
