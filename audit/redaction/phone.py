"""PHONE: candidates by a cheap pattern, decided by phonenumbers' validity metadata.

The pattern only finds digit runs that could be a number (7 to 15 digits with the usual
separators); `phonenumbers.is_valid_number` decides, for the number's own country when it is
written internationally (+44 …, 0044 …), otherwise for the default regions a number with that
leading digit can belong to. This is what `PhoneNumberMatcher` does at leniency VALID, without
running its heavier pattern over the whole text once per region.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from audit.redaction.scan import ANCHORED, Scan
from audit.redaction.spans import DECOY_CONTEXT, IBAN_HEAD, Span, preceding

#: National (no country code) numbers are tried in these regions. A number with a trunk
#: prefix "0" belongs to the first group, one without to the second (NANP and the plans
#: without a trunk prefix: Spain, Italian mobiles, Indian mobiles).
TRUNK_REGIONS: tuple[str, ...] = (
    "GB",
    "DE",
    "FR",
    "NL",
    "SE",
    "IT",
    "BE",
    "AT",
    "CH",
    "IE",
    "AU",
    "IN",
)
NO_TRUNK_REGIONS: tuple[str, ...] = ("US", "CA", "ES", "IT", "IN", "PL")

_CANDIDATE = re.compile(
    r"(?<![\w+.\-/,])(?:\+|00|\(\+?)?\d[\d \u00a0().\-/]{5,24}\d(?![\w]|[.\-/,]\d)"
)
ANCHORED.add("PHONE", _CANDIDATE)
_CARD_SHAPED = re.compile(r"\d{4}(?:[ \-]\d{4}){2,}$|\d{4}[ \-]\d{6}[ \-]\d{5}$")
_SEPARATOR = re.compile(r"[ \u00a0().\-/]+")
# Dates and times that look like numbers: 2024-01-15, 15/01/2024, 15.01.2024 10.30.
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([./])\d{1,2}\1(?:19|20)\d{2}(?!\d)")
# An amount with thousands separators and cents: "4 111 111.11".
_AMOUNT = re.compile(r"\d{1,3}(?:[ ,.\u00a0]\d{3})+[.,]\d{2}$")
_PHONE_CONTEXT = re.compile(
    r"(?:phone|tel|mobile|mob|cell|call|fax|whatsapp|sms|text|handy|telefon|portable|"
    r"t[ée]l[ée]phone|m[óo]vil|cellulare|telefoon|ring|contact|reach|dial)\W{0,4}(?:\w+\W{1,3}){0,3}$"
)


def _valid(candidate: str, *, context: bool) -> bool:
    digits = sum(ch.isdigit() for ch in candidate)
    if not 7 <= digits <= 15 or _DATE_LIKE.match(candidate) or _AMOUNT.match(candidate):
        return False
    stripped = candidate.lstrip("(")
    if stripped.startswith(("+", "00")):
        number = "+" + stripped.lstrip("+")[2 if stripped.startswith("00") else 0 :]
        return _valid_in(number, (None,))
    first = next(ch for ch in candidate if ch.isdigit())
    regions = TRUNK_REGIONS if first == "0" else NO_TRUNK_REGIONS
    if not context and _SEPARATOR.search(candidate) is None and first != "0" and digits != 10:
        # A bare run of digits without a trunk prefix or a phone word is most often some
        # other number; ten digits (NANP, Indian mobiles) is the one shape common enough.
        return False
    return _valid_in(candidate, regions)


def _valid_in(candidate: str, regions: tuple[str | None, ...]) -> bool:
    for region in regions:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


def _trims(value: str) -> Iterator[tuple[int, int]]:
    """The whole candidate, then without its last or first group (at most two each)."""
    bounds = [m.span() for m in _SEPARATOR.finditer(value)]
    yield 0, len(value)
    if _CARD_SHAPED.match(value):
        return  # a failed card number is not a phone number plus digits
    # Only short groups are dropped ("+1 212 555 0123 2 times", "room 5 030 1234567"): a
    # longer one means the run is some other number, not a phone number beside a count.
    for cut in reversed(bounds[-2:]):
        if len(value) - cut[1] <= 3:
            yield 0, cut[0]
    for cut in bounds[:2]:
        if cut[0] <= 3:
            yield cut[1], len(value)


def detect_phone(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if not scan.has_digit:
        return
    for begin, finish in scan.anchored["PHONE"]:
        before = preceding(text, begin, 30)
        context = _PHONE_CONTEXT.search(before) is not None
        if (
            not context
            and DECOY_CONTEXT.search(before)
            or IBAN_HEAD.search(text, max(0, begin - 40), begin)
        ):
            continue
        value = text[begin:finish]
        for start, end in _trims(value):
            part = value[start:end].strip(" \u00a0-./")
            if part.startswith(")"):
                continue
            if part and _valid(part, context=context):
                offset = begin + value.index(part, start)
                yield Span(offset, offset + len(part), "PHONE")
                break
