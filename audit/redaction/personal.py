"""DOB (a date near a birth word) and ADDRESS (street lines, postcodes near them)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.redaction.literals import expand, trie
from audit.redaction.scan import ANCHORED, Scan, finditer_at, is_word
from audit.redaction.spans import Span

# --- DOB --------------------------------------------------------------------------

_BIRTH = re.compile(
    r"\bborn\b|\bdob\b|d\.o\.b|date of birth|birth ?date|birthday|\bb\. ?(?=\d)|\bgeb\.|geboren"
    r"|geburtsdatum|geburtstag|\bn[ée]e?\s+le\b|date de naissance|fecha de nacimiento"
    r"|nacid[oa]|\bnat[oa]\s+il\b|data di nascita|geboortedatum|\bf[öo]dd|f[öo]delsedatum",
    re.IGNORECASE,
)
_MONTHS = (
    r"jan(?:uary|uar|vier|\.)?|feb(?:ruary|ruar|\.)?|f[ée]vrier|m[aä]r(?:ch|z|s|\.)?|apr(?:il|\.)?"
    r"|avril|may|mai|ma[gj]gio|june?|juni?|juin|july?|juli|juillet|aug(?:ust|\.)?|ao[uû]t"
    r"|sep(?:t|tember|tembre|\.)?|oct(?:ober|obre|\.)?|okt(?:ober|\.)?|nov(?:ember|embre|\.)?"
    r"|dec(?:ember|\.)?|dez(?:ember|\.)?|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio"
    r"|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|giugno|luglio"
    r"|settembre|ottobre|dicembre|januari|februari|maart|mei|augustus|oktober|augusti|januar"
    r"|februar|avril|juin|januari"
)
_DATE = re.compile(
    rf"\b(?:\d{{4}}[./\-]\d{{1,2}}[./\-]\d{{1,2}}"
    rf"|\d{{1,2}}[./\-]\d{{1,2}}[./\-](?:\d{{4}}|\d{{2}})"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+|of\s+)?(?:{_MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_DOB_WINDOW = 40
# A date begins at a number or at a month name: found on the lower-cased text with the month
# names as a trie, the date pattern is tried only there.
_MONTH_AT = re.compile(rf"(?<!\w)(?={trie(expand(_MONTHS))})")
# On the lower-cased text, a piece of every birth word: where one is found, a birth word can
# begin at most nine characters before it ("fecha de nacimiento"). Text without any (almost
# all text) skips the birth-word pattern, whose long case-insensitive alternation is slow;
# plain substring tests find out first whether there is any.
_BIRTH_PIECES = (
    "born", "dob", "d.o.b", "birth", "b.", "geb", "naissance", "naci", "nato", "nata",
    "nascita", "geboorte", "föd", "fod",
)  # fmt: skip
_NEE_LE = re.compile(r"n[ée]e?\s+le")
_BIRTH_GATE = re.compile(
    r"born|dob|d\.o\.b|birth|b\.|geb|naissance|naci|nat[oa]|nascita|geboorte|f[öo]d|n[ée]e?\s+le"
)
_BIRTH_REACH = 10


def _birth_ends(text: str, scan: Scan) -> list[int]:
    lower = scan.lower
    if lower is None:
        return [m.end() for m in _BIRTH.finditer(text)]
    for piece in _BIRTH_PIECES:
        if piece in lower:
            break
    else:
        if "le" not in lower or _NEE_LE.search(lower) is None:
            return []
    starts: set[int] = set()
    for hit in _BIRTH_GATE.finditer(lower):
        starts.update(range(max(0, hit.start() - _BIRTH_REACH), hit.end()))
    return [m.end() for m in finditer_at(_BIRTH, text, sorted(starts))]


def _dates(text: str, scan: Scan) -> Iterator[re.Match[str]]:
    lower = scan.lower
    if lower is None:
        return _DATE.finditer(text)
    starts = {m.start() for m in _MONTH_AT.finditer(lower)}
    starts.update(run for run, _ in scan.digit_runs if run == 0 or not is_word(text[run - 1]))
    return finditer_at(_DATE, text, sorted(starts))


def detect_dob(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if not scan.has_digit:
        return
    ends = _birth_ends(text, scan)
    if not ends:
        return
    # The first date after each birth word, if it is close: "born 12 May 1985, joined
    # 03.04.2020" masks the first date only.
    dates = [m.span() for m in _dates(text, scan)]
    for end in ends:
        start, stop = next(((s, e) for s, e in dates if s >= end), (-1, -1))
        if 0 <= start - end <= _DOB_WINDOW:
            yield Span(start, stop, "DOB")


# --- ADDRESS ----------------------------------------------------------------------

_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
_EN_TYPES = (  # the common street suffixes of USPS Publication 28 and the UK, with plurals
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|way"
    r"|terrace|close|crescent|square|sq|highway|hwy|parkway|pkwy|circle|cir|trail|row|mews"
    r"|garden|grove|walk|hill|alley|plaza|broadway|bend|bluff|branch|bridge|brook|burg|bypass"
    r"|camp|canyon|cape|causeway|center|centre|cliff|common|corner|course|cove|creek|crest"
    r"|crossing|curve|dale|divide|estate|expressway|extension|fall|ferry|field|flat|ford"
    r"|forest|forge|fork|freeway|gateway|glen|green|harbor|harbour|haven|height|hollow"
    r"|island|junction|knoll|lake|landing|light|lock|lodge|loop|mall|manor|meadow|mill"
    r"|mission|motorway|mount|mountain|orchard|oval|park|pass|path|pike|pine|plain|point|port"
    r"|prairie|ranch|rapid|ridge|river|route|run|shoal|shore|spring|spur|station|stream"
    r"|summit|trace|track|tunnel|turnpike|valley|view|village|ville|vista|wall|well|wharf"
    r"|wood|yard|inlet|isle|key|loaf|neck|pines|radial|rest|skyway|throughway|union)s?"
)
# The street types as a trie ("st(?:reet)?s?"…): it must take a whole word (a word boundary
# follows), so which branch matches first cannot change the match, and a trie tries a
# couple of branches per letter where the list tried all 170 after every house number.
_EN_TYPE_WORDS = trie(expand(_EN_TYPES))
# "221B Baker Street", "1600 Pennsylvania Avenue NW", "12, Elm Rd."
_NUMBER_FIRST = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?(?:-\d{{1,5}})?,?\s+(?:{_CAP}\s+){{0,3}}(?i:{_EN_TYPE_WORDS})\b\.?"
    rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b)?"
    rf"(?:,?\s+(?i:suite|ste\.?|apt\.?|apartment|unit|flat|floor|fl\.?|#)\s*\w{{1,5}})?"
)
# "10 rue de la Paix", "3 bis, avenue Victor Hugo", "5 place d'Italie"
_FR = re.compile(
    r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?i:rue|avenue|av\.|boulevard|bd|place|chemin|all[ée]e"
    r"|impasse|quai|cours|route|square)\s+(?:(?:de|du|des|la|le|les|l'|d')\s*){0,2}"
    r"[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’\-]*){0,3}"
)
# "Hauptstraße 12", "Kerkstraat 5a", "Storgatan 3", "Musterstr. 7"
_COMPOUND_SUFFIX = (
    r"(?:stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm|ufer"
    r"|chaussee|straat|laan|plein|gracht|kade|singel|dijk|steeg|hof|markt|pad|dreef|gatan"
    r"|v[äa]gen|torget|gr[äa]nd)"
)
_COMPOUND = re.compile(
    rf"\b[A-ZÄÖÜÅ][\wäöüßåé\-]*{_COMPOUND_SUFFIX}"
    r"\s?\d{1,4}(?:[\-/]\d{1,4})?\s?[a-zA-Z]?\b"
)
# Its number follows the suffix at once or after one space: a digit run whose text before
# ends so is the cheap test for running the pattern at all.
_COMPOUND_ENDINGS = tuple(sorted(expand(_COMPOUND_SUFFIX)))
# "Calle Mayor 5", "Via Roma, 12", "Piazza della Signoria 4", "Rua Augusta 100"
_STREET_WORD = (
    r"(?:Calle|C/|Avenida|Avda\.|Plaza|Paseo|Carrer|Camino|Via|Viale|Piazza|Corso|Largo"
    r"|Vicolo|Rua|Travessa)"
)
_TYPE_FIRST = re.compile(
    rf"\b{_STREET_WORD}\s+(?:(?:de|del|de la|della|dei|delle|di|do|da|dos)\s+)?"
    r"[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’\-]*){0,3},?\s+(?:n\.?\s*)?\d{1,4}[a-zA-Z]?\b"
)
# Where a street word is, a type-first street line can begin (street words start with the
# only capital they hold, so none hides inside another).
_STREET_WORD_AT = re.compile(_STREET_WORD)
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
_POSTCODE = re.compile(  # 4-5 digits, "D-10115", "1012 AB", "12345-6789", before a city
    r"\b(?:[A-Z]{1,2}-)?\d{4,5}(?:-\d{4})?(?: ?[A-Z]{2}\b)?(?=\s+[A-ZÀ-Þ]|,|\s*$)"
)
_POSTCODE_CONTEXT = re.compile(
    r"(?:post ?code|postal code|zip(?: code)?|plz|code postal|\bcap\b|\bcp\b|postnummer)\W{0,3}$",
    re.IGNORECASE,
)
_US_ZIP = re.compile(
    r"\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE"
    r"|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)"
    r" (\d{5}(?:-\d{4})?)\b"
)
_NEAR_STREET = 60
# A house number, a postcode or ZIP code is where each of these begins (or 1-3 letters
# before it): run with the other digit-anchored patterns (see scan.py).
# Both street-line patterns put whitespace within nine characters after the number's first
# digit ("12 ", "221B ", "7-9, ", "3bis, "): elsewhere neither is tried.
ANCHORED.guard("street_number", r"(?=\d{1,5}\S{0,8}\s)")
ANCHORED.add("ADDRESS:number_first", _NUMBER_FIRST, block="street_number")
ANCHORED.add("ADDRESS:fr", _FR, block="street_number")
ANCHORED.add("ADDRESS:uk_postcode", _UK_POSTCODE)
ANCHORED.add("ADDRESS:postcode", _POSTCODE)
ANCHORED.add("ADDRESS:us_zip", _US_ZIP)


def detect_address(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if not scan.has_digit:
        return
    anchored = scan.anchored
    streets = [
        Span(start, end, "ADDRESS")
        for name in ("ADDRESS:number_first", "ADDRESS:fr")
        for start, end in anchored[name]
    ]
    if scan.has_upper:  # both begin with a capital letter
        if _may_hold_compound(text, scan):
            found = _COMPOUND.finditer(text)
            streets.extend(Span(m.start(), m.end(), "ADDRESS") for m in found)
        starts = [m.start() for m in _STREET_WORD_AT.finditer(text)]
        if starts:
            found = finditer_at(_TYPE_FIRST, text, starts)
            streets.extend(Span(m.start(), m.end(), "ADDRESS") for m in found)
    yield from streets
    for start, end in anchored["ADDRESS:uk_postcode"]:
        yield Span(start, end, "ADDRESS")
    for start, end in anchored["ADDRESS:us_zip"]:
        yield Span(start + 3, end, "ADDRESS")  # the code after "NY "
    for start, end in anchored["ADDRESS:postcode"]:
        near = any(0 <= start - s.end <= _NEAR_STREET for s in streets)
        if near or _POSTCODE_CONTEXT.search(text[max(0, start - 20) : start]):
            yield Span(start, end, "ADDRESS")


def _may_hold_compound(text: str, scan: Scan) -> bool:
    """A run of digits right after a street suffix (each ends in a letter or a dot), or one
    whitespace character after it: the test for running `_COMPOUND` at all."""
    for run, _ in scan.digit_runs:
        if run < 2:
            continue
        before = text[run - 1]
        if before.isalpha() or before == ".":
            if text.endswith(_COMPOUND_ENDINGS, 0, run):
                return True
        elif before.isspace() and text.endswith(_COMPOUND_ENDINGS, 0, run - 1):
            return True
    return False
