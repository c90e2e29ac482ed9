"""PHONE: candidates by a cheap pattern, decided by phonenumbers' validity metadata.

The pattern only finds digit runs that could be a number (7 to 15 digits with the usual
separators); `phonenumbers.is_valid_number` decides:

1. written internationally (+45 …, 0045 …): valid in its own country;
2. national, in the default regions for its leading digit (`TRUNK_REGIONS` for a trunk
   prefix "0", `NO_TRUNK_REGIONS` otherwise), grouped as that region writes its numbers or
   after a phone word;
3. national, in a region the text points to (`regions.region_hints`: a country or city
   name, a phone word in the local language, a currency, an e-mail's country domain, a
   "+45" number elsewhere): valid and written in groups (not `1 234 567`, an amount), or
   after a phone word;
4. national, in one of `BROAD_REGIONS`: valid and grouped exactly as the region writes its
   numbers (`33 12 45 67` in Denmark, `03-1234-5678` in Japan, `(11) 91234-5678` in Brazil)
   in three groups or more or with a trunk prefix, or after a phone word (in English or the
   local language: `soita`, `kontakt`, `ruf … an`).

A number read off a bill, an invoice or a statement ("the number on my bill …") is a
reference on it, like one after an order or invoice word.

Each region is tried only when the candidate's digit count and national number pattern can
fit it (`_fits`, a necessary condition of validity): parsing is the costliest step of the
engine. This is what `PhoneNumberMatcher` does at leniency VALID, without running its heavier
pattern over the whole text once per region.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberFormat

from redaction.regions import region_hints
from redaction.scan import ANCHORED, Scan
from redaction.spans import DECOY_CONTEXT, IBAN_HEAD, Span, preceding

# phonenumbers compiles its metadata's patterns per call through `re.compile`, whose cache
# holds 512: trying numbers in the ~30 regions below overflows it, and every parse then
# recompiled patterns (a third of the engine's time on the development records). Its own
# cache keeps each compiled pattern instead; the metadata is fixed, so it is bounded.
phonenumbers.enable_pattern_cache()


def _words(text: str) -> list[str]:
    """The whitespace-separated words of `text` (long word lists read better as prose)."""
    return text.split()


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
#: Regions whose numbers are taken without a hint in the text when written in their own
#: grouping (step 4 above).
BROAD_REGIONS: tuple[str, ...] = tuple(
    _words(
        """DK NO FI IS PT GR CZ SK HU RO BG HR SI RS UA RU TR EE LV LT LU IL EG SA AE MA ZA NG KE
    GH CN HK TW JP KR SG MY ID PH VN TH PK BD NZ MX BR AR CL CO PE"""
    )
)

_CANDIDATE = re.compile(
    r"(?<![\w+.\-/,])(?:\+|00|\(\+?)?\d[\d \u00a0\u202f\u2009().\-/]{5,24}\d(?![\w]|[.\-/,]\d)"
)
ANCHORED.add("PHONE", _CANDIDATE)
_CARD_SHAPED = re.compile(r"\d{4}(?:[ \-]\d{4}){2,}$|\d{4}[ \-]\d{6}[ \-]\d{5}$")
_SEPARATOR = re.compile(r"[ \u00a0\u202f\u2009().\-/]+")
# Dates and times that look like numbers: 2024-01-15, 15/01/2024, 15.01.2024 10.30.
_DATE_LIKE = re.compile(
    r"(?:19|20)\d{2}([\-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\d)"
    r"|\d{1,2}([\-./])\d{1,2}\2(?:19|20)\d{2}(?!\d)"
)
# An amount with thousands separators and cents: "4 111 111.11".
_AMOUNT = re.compile(r"\d{1,3}(?:[ ,.\u00a0\u202f\u2009]\d{3})+[.,]\d{2}$")
# Thousands groups without cents, "1 234 567": an amount unless the region writes so.
_THOUSANDS = re.compile(r"\d{1,3}(?:[ ,.\u00a0\u202f\u2009]\d{3})+$")
# A decimal number, "142.454913" (a coordinate, a measurement): one dot and no other break.
_DECIMAL = re.compile(r"\d+\.\d+$")
# The shapes of national ids (checked or not) and postcodes: a personnummer or CPR
# "811218-9876", a CPF "123.456.789-09", a resident number "971013-9019902", a Belgian
# "85.07.30-033.28", a Czech "660928/3032", a Swiss AHV "756.1234.5678", a Pakistani CNIC
# "35202-3519412", postcodes "02327-969" (BR), "3081-513" (PT), "71736-47329" (IR); and a
# dotted quad, "846.118.49.169" (an address or a version, valid or not; "013.77.02.68" with
# its trunk zero is a Belgian number).
_ID_SHAPED = re.compile(
    r"(?:\d{2})?\d{6}[\-+/]\d{3,4}$|\d{3}\.\d{3}\.\d{3}-\d{2}$|\d{6}-\d{7}$"
    r"|\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}$|756\.\d{4}\.\d{4}|\d{5}-\d{7}$"
    r"|\d{4,5}-\d{3}$|\d{5}-\d{5}$|[1-9]\d{0,2}(?:\.\d{1,3}){3}$"
)
# Before a number, words that make it a reference: "order", and one or two short words
# ("tracking says", "klantnummer is", "invoice no.") between them.
_DECOY_GAP = re.compile(
    r"(?:\s+(?:is|was|says|said|shows|reads|are|es|ist|est|er|är|on)\b)?\s*:?\s*$"
)


# A version or build number, "10.0.19045.3803": dots only, three groups or more, one of
# them a single digit or five and more (dotted phone numbers group by 2 to 4).
_VERSION = re.compile(r"(?=\d+(?:\.\d+){2,}$)(?:.*\.)?(?:\d|\d{5,})(?:\.|$)")
# Only whether it is there counts: "phone" anywhere in a word ("telephone", "smartphone")
# is found as such, without a `\w*` before it that the engine would try at every position.
_PHONE_CONTEXT = re.compile(
    r"(?:phone|\b(?:tel(?!\s+aviv)|mobile|mob|cell\w*|call|fax|whatsapp|sms|text|handy"
    r"|telefon|portable|m[óo]vil|cellulare|telefoon|ring|contact|reach|dial|puhelin|telefone"
    r"|celular|rufnummer|telem[óo]vel|tel[ée]fono|hotline|mobil|móvel|τηλ|sđt"
    # "call"/"contact" in the local language: "Soita numeroon", "Ta kontakt på", "Ruf mich
    # an unter", "appelez le", "llámame al", "chiamami al", "zadzwoń pod"
    r"|soita|soittakaa|kontakt|kontakta|kontakte|anrufen|ruf|appel\w*|ll[áa]m\w*|chiam\w*"
    r"|zadzwo[ńn]|ligue|ligar|bel)"
    r"(?:e?s|ed|ing|nummer|nr|no|numbers?|numero|number)?\b|\b(?:tlf|puh|gsm|hp|wa)\b"
    r"|電話|携帯|手机|电话|전화|휴대폰"
    r"|연락처|โทร)\W{0,4}(?:\w+\W{1,3}){0,4}$"
)
# The phone words of a language other than English: they point at the plans of the regions
# that speak it, where an English one ("phone fields like 313 35 236", "call us on …")
# points at none of fifty (`_valid`: the broad regions).
_LOCAL_PHONE_CONTEXT = re.compile(
    r"(?:\b(?:telefon|portable|m[óo]vil|cellulare|telefoon|ring|puhelin|telefone|celular"
    r"|rufnummer|telem[óo]vel|tel[ée]fono|mobil|móvel|τηλ|sđt|soita|soittakaa|kontakt|kontakta"
    r"|kontakte|anrufen|ruf|appel\w*|ll[áa]m\w*|chiam\w*|zadzwo[ńn]|ligue|ligar|bel)"
    r"(?:e?s|ed|ing|nummer|nr|no|numbers?|numero|number)?\b|\b(?:tlf|puh|gsm|hp|wa)\b"
    r"|電話|携帯|手机|电话|전화|휴대폰"
    r"|연락처|โทร)\W{0,4}(?:\w+\W{1,3}){0,4}$"
)
# A word after a number run: its last group may be a count ("… 0123 2 times").
_COUNT_AFTER = re.compile(r"[ \t]+[^\W\d_]")
# A number read off a document of ours is a reference on it, not a line to call: "the
# number on my bill 0195 687 33", "the code from the invoice: …", "on your statement".
_ON_DOCUMENT = re.compile(
    r"\b(?:on|from|in)\s+(?:my|the|your|our|this|that|an?)\s+(?:bill|invoice|statement"
    r"|receipt|rechnung|facture|factura|fattura|fatura|faktura)\s*:?\s*$"
)
# A date written without separators, "20230415" (a birth date, a booking date).
_COMPACT_DATE = re.compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$")
# A unit or currency right after the number: "512 345 678 bytes", "12 500 000 kr".
_UNIT_AFTER = re.compile(
    r"\s?(?:bytes|[kmgt]i?b|kr|dkk|nok|sek|eur|usd|gbp|chf|pln|zł|czk|huf|inr|units|vnd|idr"
    r"|krw|jpy|cny|rmb|brl|mxn|rub|uah|ngn|kes|zar|egp|ils|thb|myr|sgd|hkd|twd|aud|nzd|ars"
    r"|clp|ron|bgn|đ|₫|₹|¥|₩|₺|₦|฿|₪|₱|items|pcs|stk|km|kg|mg|ml|cm|mm|€|\$|£|%)(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Plan:
    """What a region's numbering plan says about a candidate before it is parsed."""

    lengths: frozenset[int]  # possible lengths of the national significant number
    pattern: re.Pattern[str] | None  # the general national number pattern
    prefix: str | None  # the trunk prefix when parsing only strips it; None otherwise
    simple: bool  # the national significant number is the digits, or them minus `prefix`
    transformed: bool  # parsing may insert digits: no filter applies


def _plan(region: str) -> _Plan:
    meta = PhoneMetadata.metadata_for_region(region)
    if meta is None or meta.general_desc is None:  # every listed region has one
        raise ValueError(f"phonenumbers has no numbering plan for {region}")
    general = meta.general_desc
    parsing = meta.national_prefix_for_parsing
    simple = parsing is None or parsing == meta.national_prefix
    pattern = (
        re.compile(general.national_number_pattern) if general.national_number_pattern else None
    )
    return _Plan(
        lengths=frozenset(general.possible_length or ()),
        pattern=pattern,
        prefix=meta.national_prefix if simple else None,
        simple=simple,
        transformed=meta.national_prefix_transform_rule is not None,
    )


_PLANS: dict[str, _Plan] = {
    region: _plan(region)
    for region in dict.fromkeys(TRUNK_REGIONS + NO_TRUNK_REGIONS + BROAD_REGIONS)
}


def _fits(region: str, digits: str) -> bool:
    """A necessary condition for `digits` to parse as a valid national number of `region`.

    Parsing strips a national prefix from the front (and keeps a suffix of the digits) unless
    the plan transforms it; the rest must have a possible length and match the plan's
    general pattern.
    """
    plan = _PLANS.get(region) or _PLANS.setdefault(region, _plan(region))
    if plan.transformed or plan.pattern is None:
        return True
    size = len(digits)
    if plan.simple:
        tails = [digits]
        if plan.prefix and digits.startswith(plan.prefix):
            tails.append(digits[len(plan.prefix) :])
    else:
        tails = [digits[size - length :] for length in plan.lengths if length <= size]
    return any(
        len(tail) in plan.lengths and plan.pattern.fullmatch(tail) is not None for tail in tails
    )


def _parse_valid(candidate: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def _ends(groups: list[str]) -> frozenset[int]:
    """Where the groups of a digit string break, counted from its end."""
    ends: set[int] = set()
    position = 0
    for group in reversed(groups[1:]):
        position += len(group)
        ends.add(position)
    return frozenset(ends)


def _digit_groups(value: str) -> list[str]:
    return [group for group in _SEPARATOR.split(value) if group]


def _written_as(number: phonenumbers.PhoneNumber, groups: list[str]) -> bool:
    """`groups` break the number where its region's national format does."""
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    wanted = [g for g in re.split(r"\D+", national) if g]
    return _ends(groups) == _ends(wanted)


class _Hints:
    """The regions a text points to, looked up on first need (most strings never need it)."""

    __slots__ = ("_regions", "lower", "text")

    def __init__(self, text: str, lower: str | None, given: tuple[str, ...] = ()) -> None:
        self.text = text
        self.lower = lower
        self._regions: tuple[str, ...] | None = given or None

    @property
    def regions(self) -> tuple[str, ...]:
        if self._regions is None:
            self._regions = region_hints(self.text, self.lower)
        return self._regions


# Narrow and thin spaces (French typography) that phonenumbers does not take as separators.
_SPACES = str.maketrans({"\u202f": " ", "\u2009": " "})


def _valid(candidate: str, *, context: bool, hints: _Hints, local: bool = False) -> bool:
    candidate = candidate.translate(_SPACES)
    digits = "".join(ch for ch in candidate if ch.isdigit())
    if not 7 <= len(digits) <= 15 or _DATE_LIKE.match(candidate) or _AMOUNT.match(candidate):
        return False
    stripped = candidate.lstrip("(")
    if stripped.startswith(("+", "00")):
        international = "+" + stripped.lstrip("+")[2 if stripped.startswith("00") else 0 :]
        return _parse_valid(international, None) is not None
    first = digits[0]
    defaults = TRUNK_REGIONS if first == "0" else NO_TRUNK_REGIONS
    grouped = _SEPARATOR.search(candidate) is not None
    if not context and not grouped:
        # A bare run of digits without a phone word is most often some other number: an
        # order, a customer or tracking number, an id. People write phone numbers grouped.
        return False
    groups = _digit_groups(candidate)
    # "73.820.059", "1 234 567": grouped in thousands, an amount unless written so by the
    # region ("512 345 678" in Poland) or after a phone word.
    thousands = _THOUSANDS.match(candidate) is not None and not context
    # Without a phone word, a national number is taken in a default region only when it is
    # grouped as that region writes its numbers: "0195 687 33" parses in Sweden but nobody
    # there writes it so; it is an account or order number. Where the text points to the
    # region, any grouping will do.
    parsed: dict[str, phonenumbers.PhoneNumber | None] = {}
    for region in defaults:
        if _fits(region, digits):
            number = parsed[region] = _parse_valid(candidate, region)
            if number is not None and (context or _written_as(number, groups)):
                return True
    tried = set(defaults)
    for region in hints.regions:
        if region in tried and parsed.get(region) is None:
            continue  # not valid there, or not tried as it cannot fit
        tried.add(region)
        if not _fits(region, digits):
            continue
        number = parsed[region] if region in parsed else _parse_valid(candidate, region)
        if number is not None and (context or not thousands or _written_as(number, groups)):
            return True
    if not context and len(groups) < 3 and first != "0" and "(" not in candidate:
        return False
    # The other regions only for a number grouped exactly as the region writes them, or
    # after a phone word: a grouping that is merely phone-like ("0327 584 2735", "160 838
    # 08") is as often an account or order number valid by chance in one of fifty plans.
    for region in BROAD_REGIONS:
        if region in tried or not _fits(region, digits):
            continue
        number = _parse_valid(candidate, region)
        if number is not None and (local or _written_as(number, groups)):
            return True
    return False


def _decoy_behind_gap(before: str) -> bool:
    """A reference word one or two short words before the number ("tracking says"); the
    caller has ruled out one right before it."""
    gap = _DECOY_GAP.search(before)
    return (
        gap is not None
        and gap.start() < len(before)
        and DECOY_CONTEXT.search(before, 0, gap.start()) is not None
    )


def _trims(value: str, *, count_after: bool, lead: bool) -> Iterator[tuple[int, int]]:
    """The whole candidate, then without its last group when a word follows it (a count:
    "… 0123 2 times") or its first when no phone word points at it (at most two each)."""
    bounds = [m.span() for m in _SEPARATOR.finditer(value)]
    yield 0, len(value)
    if _CARD_SHAPED.match(value):
        return  # a failed card number is not a phone number plus digits
    # Only short groups are dropped ("+1 212 555 0123 2 times", "room 5 030 1234567"): a
    # longer one means the run is some other number, not a phone number beside a count.
    # Only at spaces: "921-0708291-2358511" and "1-21-12-201" are one identifier each.
    # Not "validation failed for 278 440 6510 265;": the last group ends the run written.
    for cut in reversed(bounds[-2:]) if count_after else ():
        if len(value) - cut[1] <= 3 and value[cut[0] : cut[1]].isspace():
            yield 0, cut[0]
    # Not "Join by phone: 57 8910 9215": the phone word says where the number begins.
    for cut in bounds[:2] if lead else ():
        if cut[0] <= 2 and value[cut[0] : cut[1]].isspace():
            yield cut[1], len(value)


def detect_phone(
    text: str, scan: Scan | None = None, regions: tuple[str, ...] = ()
) -> Iterator[Span]:
    """Phone numbers in `text`; `regions` (e.g. a record's "country" field) adds hints."""
    scan = scan or Scan(text)
    if not scan.has_digit:
        return
    found = scan.anchored["PHONE"]
    if not found:
        return
    hints = _Hints(text, scan.lower, tuple(r.upper() for r in regions))
    for begin, finish in found:
        if text[begin] == "(" and ")" not in text[begin:finish]:
            begin += 1  # "(141.90.34.32)", "SIN (270 706 195)": an aside, not an area code
            if not text[begin].isdigit() and text[begin] != "+":
                continue
        value = text[begin:finish]
        # What the value alone rules out, before any look at the words around it.
        if _DATE_LIKE.match(value) or _COMPACT_DATE.match(value):
            continue  # a date, with a time or more after it: no part of it is a number
        if ("." in value and _VERSION.match(value)) or sum(map(str.isdigit, value)) < 7:
            continue
        before = preceding(text, begin, 30)
        international = text[begin] in "+(" and "+" in text[begin : begin + 2]
        if not international and (
            DECOY_CONTEXT.search(before) or before.endswith("#") or _ON_DOCUMENT.search(before)
        ):
            continue  # "Tracking 0321163611": the word right before says what it is
        context = _PHONE_CONTEXT.search(before) is not None
        # Each check below rules the number out, the cheap ones of its shape first.
        if not context and (
            value.count("/") > 1  # "64/3772/5678", "INV/2024/00123": a reference
            or _ID_SHAPED.match(value)
            or _UNIT_AFTER.match(text, finish)
            or ("." in value and _DECIMAL.match(value))
        ):
            continue
        if IBAN_HEAD.search(text, max(0, begin - 40), begin) or (
            not context and not international and _decoy_behind_gap(before)
        ):
            continue
        local = context and _LOCAL_PHONE_CONTEXT.search(before) is not None
        after = _COUNT_AFTER.match(text, finish) is not None
        for start, end in _trims(value, count_after=after, lead=not context):
            part = value[start:end].strip(" \u00a0\u202f\u2009-./")
            if part.startswith(")"):
                continue
            if part and _valid(part, context=context, hints=hints, local=local):
                offset = begin + value.index(part, start)
                yield Span(offset, offset + len(part), "PHONE")
                break
