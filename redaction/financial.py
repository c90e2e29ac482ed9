"""CARD (Luhn and issuer prefix) and IBAN (ISO 13616 checksum) detectors."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import ean, iban, luhn
from stdnum.exceptions import ValidationError

from redaction.scan import ANCHORED, Scan
from redaction.spans import DECOY_CONTEXT, IBAN_HEAD, Span, preceding

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


# A card word before the number: "card", "Visa", "Mastercard", "Karte", "carte", "tarjeta"…
_CARD_CONTEXT = re.compile(
    r"\b(?:card|visa|master|amex|maestro|discover|jcb|diners|karte|carte|tarjeta|carta|kort"
    r"|pan|cc|cvv|credit|debit|kredit|charged|paid|payment|pay|billed)\w*\W{0,6}"
    r"(?:\w+\W{1,3}){0,2}$"
)


# How card numbers are grouped: fours (the last group shorter), Amex/Diners 4-6-5 and 4-6-4,
# 19 digits as 4-4-4-4-3 or 6-13.
_CARD_GROUPS = re.compile(
    r"\d{4}(?:([ \-])\d{4})+(?:\1\d{1,4})?$|\d{4}([ \-])\d{6}\2\d{4,5}$|\d{6}[ \-]\d{13}$"
)
# A national-id word right before: the number is that id even when Luhn holds.
_ID_WORD = re.compile(
    r"\b(?:id|identity|national|cnic|nic|citizen|personal|ssn|sin|tax|amka|cnp|pesel|cpr|nhs"
    r"|aadhaar)\b\W{0,4}(?:\w+\W{1,3}){0,2}$"
)


def _barcode(digits: str, before: str) -> bool:
    """An ungrouped 12-14 digit run after a reference word ("EAN", "order", "tracking"), or
    13 digits with a valid EAN check digit (the only 13-digit cards, old Visas, are no
    longer issued; EAN-13 codes of German products begin with 4 too): a product or
    reference number, unless a card word says otherwise.
    """
    if not 12 <= len(digits) <= 14 or _CARD_CONTEXT.search(before):
        return False
    return (len(digits) == 13 and ean.is_valid(digits)) or DECOY_CONTEXT.search(before) is not None


def detect_card(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if not scan.has_digit:
        return
    for start, end in scan.anchored["CARD"]:
        if IBAN_HEAD.search(text, max(0, start - 40), start):
            continue
        value = text[start:end]
        if not _card_ok(value.replace(" ", "").replace("-", "")):
            # "4111 1111 1111 1111 2024": a greedy match that took one group too many.
            groups = _GROUP_SEPARATOR.split(value)
            if len(groups) <= 2:
                continue
            value = value[: len(value) - len(groups[-1]) - 1]
            if not _card_ok(value.replace(" ", "").replace("-", "")):
                continue
        if not _card_shaped(text, start, value):
            continue
        yield Span(start, start + len(value), "CARD")


def _card_shaped(text: str, start: int, value: str) -> bool:
    """A Luhn-valid number is still no card when it is grouped otherwise than cards are
    ("35202-6571995-9"), is a barcode or reference number, or follows an id word ("SA ID
    number (6606262832080)": an id with a Luhn check digit)."""
    digits = value.replace(" ", "").replace("-", "")
    if len(digits) != len(value) and not _CARD_GROUPS.match(value):
        return False
    before = preceding(text, start, 30)
    if len(digits) == len(value) and _barcode(digits, before):
        return False
    return not (_ID_WORD.search(before) and not _CARD_CONTEXT.search(before))


# --- IBAN -------------------------------------------------------------------------

# Country code, check digits, then 10-30 alphanumerics, optionally in groups of four.
_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,30}(?![\w])", re.IGNORECASE)
ANCHORED.add("IBAN", _IBAN)


def detect_iban(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if not scan.has_digit:
        return
    for begin, end in scan.anchored["IBAN"]:
        covered = _valid_iban_end(text, begin, end)
        if covered > begin:
            yield Span(begin, covered, "IBAN")
        else:
            covered = begin
        # The greedy match may run into following words, even another IBAN ("BE93 4116 4853
        # 8867 instead of BE95 8018 …"): try the IBAN pattern at each country code inside it.
        if text.find(" ", covered, end) < 0:
            continue
        for head in _IBAN_HEAD_INSIDE.finditer(text, covered + 1, end):
            if head.start() < covered:
                continue
            inner = _IBAN.match(text, head.start())
            if inner is not None:
                stop = _valid_iban_end(text, head.start(), inner.end())
                if stop > head.start():
                    yield Span(head.start(), stop, "IBAN")
                    covered = stop


_IBAN_HEAD_INSIDE = re.compile(r"(?<= )[A-Z]{2}\d{2}")


def _valid_iban_end(text: str, start: int, stop: int) -> int:
    """Where the IBAN starting at `start` ends: drop trailing space-separated groups of the
    match until the checksum holds (it may have run into a following word); -1 if none."""
    value = text[start:stop]
    while True:
        compact = value.replace(" ", "").upper()
        if len(compact) >= 15 and _iban_ok(compact):
            return start + len(value)
        if " " not in value:
            return -1
        value = value.rsplit(" ", 1)[0]


def _iban_ok(compact: str) -> bool:
    try:
        iban.validate(compact)
    except ValidationError:
        return False
    return True
