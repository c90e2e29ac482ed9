"""DOB (a date near a birth word) and ADDRESS (street lines, postcodes near them)."""

from __future__ import annotations

import re
from collections.abc import Iterator

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


def detect_dob(text: str) -> Iterator[Span]:
    ends = [m.end() for m in _BIRTH.finditer(text)]
    if not ends:
        return
    # The first date after each birth word, if it is close: "born 12 May 1985, joined
    # 03.04.2020" masks the first date only.
    dates = [m.span() for m in _DATE.finditer(text)]
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
# "221B Baker Street", "1600 Pennsylvania Avenue NW", "12, Elm Rd."
_NUMBER_FIRST = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?(?:-\d{{1,5}})?,?\s+(?:{_CAP}\s+){{0,3}}(?i:{_EN_TYPES})\b\.?"
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
_COMPOUND = re.compile(
    r"\b[A-ZÄÖÜÅ][\wäöüßåé\-]*(?:stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm|ufer"
    r"|chaussee|straat|laan|plein|gracht|kade|singel|dijk|steeg|hof|markt|pad|dreef|gatan"
    r"|v[äa]gen|torget|gr[äa]nd)"
    r"\s?\d{1,4}(?:[\-/]\d{1,4})?\s?[a-zA-Z]?\b"
)
# "Calle Mayor 5", "Via Roma, 12", "Piazza della Signoria 4", "Rua Augusta 100"
_TYPE_FIRST = re.compile(
    r"\b(?:Calle|C/|Avenida|Avda\.|Plaza|Paseo|Carrer|Camino|Via|Viale|Piazza|Corso|Largo"
    r"|Vicolo|Rua|Travessa)\s+(?:(?:de|del|de la|della|dei|delle|di|do|da|dos)\s+)?"
    r"[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’\-]*){0,3},?\s+(?:n\.?\s*)?\d{1,4}[a-zA-Z]?\b"
)
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


def detect_address(text: str) -> Iterator[Span]:
    streets: list[Span] = []
    for pattern in (_NUMBER_FIRST, _FR, _COMPOUND, _TYPE_FIRST):
        for m in pattern.finditer(text):
            streets.append(Span(m.start(), m.end(), "ADDRESS"))
    yield from streets
    for m in _UK_POSTCODE.finditer(text):
        yield Span(m.start(), m.end(), "ADDRESS")
    for m in _US_ZIP.finditer(text):
        yield Span(m.start(1), m.end(1), "ADDRESS")
    for m in _POSTCODE.finditer(text):
        near = any(0 <= m.start() - s.end <= _NEAR_STREET for s in streets)
        if near or _POSTCODE_CONTEXT.search(text[max(0, m.start() - 20) : m.start()]):
            yield Span(m.start(), m.end(), "ADDRESS")
