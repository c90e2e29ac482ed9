"""Postcodes that belong to an address.

A code of a postcode's shape is masked near a street line, after a postcode or address word,
after a city that ends an address, before a city and a street line, on a "postcode city"
line, or answering a postcode question a few lines up; and only when it is valid for a
country the text names (else for a default set, countries.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.address.countries import Hints, code_valid
from redaction.address.parts import ANY_NAME, JOIN, LETTER, NAME, NUMBER, UNITS, UP
from redaction.literals import trie
from redaction.names.lists import places
from redaction.scan import Scan, is_word
from redaction.spans import Span

# Postcodes, by shape ("00-238", "160-0023", "1100-053", "01310-200", "110 00", "1017 GC",
# "560 038", "10115", "560038"); each is decided by its context and country (`postcodes`).
POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}-)?\d\d(?:-\d{3}|\d(?:-\d{4}| \d{2,3}(?!\d)"
    r"|\d(?:-\d{3}| ?[A-Z]{2}(?!\w)|\d-\d{3,5}|\d{0,3})))(?![\w\-/]|[.,]\d)"
)
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
_CA_POSTCODE = re.compile(r"\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b")
# The unique part of an Eircode is written with other letters too (typed by hand), and an
# Eircode is masked only in an address context anyway.
_EIRCODE = re.compile(r"\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9A-Z]{4}\b")
_AR_CPA = re.compile(r"\b[A-HJ-NP-Z]\d{4}(?:[A-Z]{3})?\b")
_GH_GPS = re.compile(r"\b[A-Z]{2}-\d{3,4}-\d{4}\b")
US_ZIP = re.compile(
    r"\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE"
    r"|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)"
    r" (\d{5}(?:-\d{4})?)\b"
)
# The postcodes that begin with a letter are one digit-anchored member, as the number-first
# street forms are (number_first.py), told apart by `fullmatch` when one is found.
LETTER_POSTCODE = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (_UK_POSTCODE, _CA_POSTCODE, _EIRCODE, _AR_CPA, _GH_GPS)),
    re.IGNORECASE,
)


# Words before a postcode ("PLZ: 10115", "kod pocztowy 00-238", "PIN - 560038"), matched
# as the lower-cased end of the text before it (`_after_postcode_word`).
_POSTCODE_WORDS = (
    "post code", "postcode", "postal code", "postal", "zip", "zip code", "zipcode", "plz",
    "postleitzahl", "code postal", "cap", "cp", "c.p", "código postal", "codigo postal",
    "postnummer", "postnr", "kod pocztowy", "psč", "psc", "irányítószám", "cod poștal",
    "cod postal", "posta kodu", "pin code", "pincode", "t.k", "〒", "postinumero", "cep",
    "address", "addr", "adresse", "adres", "adresa", "anschrift", "dirección", "direccion",
    "indirizzo", "endereço", "morada", "cím", "adress", "osoite", "gps", "digital address",
)  # fmt: skip
# Abbreviated district words before a district's name: Mexican "Col." (colonia), "Fracc.",
# Spanish "Urb.", "Pol.", "Bo.", Brazilian "Jd.", Indonesian "Kel.", "Kec.", "Kab.".
_DISTRICT_ABBR = r"(?:Col|Fracc|Urb|Pol|Bo|Jd|Jard|Kel|Kec|Kab|Distr?|Sect?|Bl)\."
# What lies between a street line and its postcode: commas, line breaks, and up to four
# capitalised words (a district, a city before a postcode that follows it).
_BETWEEN = re.compile(
    rf"[\s,;|(\-–\"]*(?:(?:{_DISTRICT_ABBR}[ \t]*)?(?:{ANY_NAME}|\d{{1,3}}(?:st|nd|rd|th)?\s+{NAME}"
    rf"|{ANY_NAME}[ \t]\d{{1,2}})(?<!\.)[\s,;|(\-–\"]+){{0,5}}"
)
_NEAR = 70
# Two more digit groups after a code: it begins a longer number (a phone, an account).
_MORE_GROUPS = re.compile(r"[ \t]\d{2,4}[ \t]\d{2,4}(?!\w)")
_REGION_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,3}[ \t]$")
_CITY_WORD = rf"[{UP}]{LETTER}*(?:['’\-]{LETTER}+)*"
# A city right before a postcode that ends an address: ", Islamabad 44000", ", Dhaka-1257"
_CITY_BEFORE = re.compile(
    rf"(?:^|(?<=[,\n:|;])\s*)(?P<city>{_CITY_WORD}(?:[ \-]+{_CITY_WORD}){{0,2}})"
    r"(?:[ \-–]{1,3}|, |[ \t]*\n[ \t]*)$"
)
# A city the place list knows, then the code, anywhere in a sentence ("sat nav says
# Soweto, 1804.", "the parcel is in Rosario S2000"): the start of a part is not needed.
_PLACE_BEFORE = re.compile(rf"(?<![\w\-'’.])(?P<city>{_CITY_WORD}(?:[ \-]{_CITY_WORD}){{0,2}}),? $")
# A city that starts a part, perhaps with its district number, and a comma right before a
# letter postcode: "Dublin 2, D02 B132"
_LETTER_CITY_BEFORE = re.compile(
    rf"(?:^|(?<=[,\n:|;\"])[ \t]*){_CITY_WORD}(?:[ \-]{_CITY_WORD}){{0,2}}(?:[ \t]\d{{1,2}})?, $"
)
# A Canadian province before its postcode: "Halifax, NS B2B 0P2", "Toronto ON M5V 3L9"
_PROVINCE_BEFORE = re.compile(
    r"[{UP}]\w+,?[ \t]+(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)[ \t]$".replace("{UP}", UP)
)
# (in any case: a street line must follow, "1052 budapest, petőfi utca 7")
_ANY_CITY_WORD = rf"{LETTER}+(?:['’\-]{LETTER}+)*"
_CITY_THEN = re.compile(rf",?[ \t]+{_ANY_CITY_WORD}(?:[ \-]+{_ANY_CITY_WORD}){{0,2}},[ \t]*")
# The end of an address part after a postcode: the end of the text or line, a comma…
_PART_END = re.compile(r"\s*(?:$|[\n|;,()\"]|\.(?:\s|$)|\s[-–]\s)")
# A question or label about the postcode a few lines before a bare code ("Can you confirm the
# postcode?\nVisitor: Cape Town\n8001", "Qual o CEP?").
_POSTCODE_ASKED = re.compile(
    r"post ?code|postal|\bzip|\bcep\b|pin ?code|\bplz\b|c[óo]digo postal|code postal|\bcap\b"
    r"|kod pocztowy|postnummer|irányítószám|\bpsč|posta kodu|postinumero",
    re.IGNORECASE,
)
_ASKED_REACH = 150
# The part of a line right before a postcode: a capitalised name (with small words) and a
# house number, then a comma or a line break.
_STREET_BEFORE = re.compile(
    rf"(?<![\w\-'’.])(?P<line>(?P<first>{NAME})"
    rf"(?:[ \t]+(?:{JOIN}[ \t]+)?(?:{NAME}|{LETTER}{{3,20}})){{0,3}}"
    rf"[ \t]{{1,2}}{NUMBER}{UNITS})"
    r"\s*(?:,\s*|\n\s*)$"
)
# First words of numbered things that are not streets.
_NOT_STREET = frozenset([
    "order", "invoice", "ticket", "case", "ref", "reference", "nr", "no", "number", "tel",
    "phone", "fax", "room", "version", "page", "item", "items", "sipariş", "bestellung",
    "bestellnummer", "commande", "pedido", "ordine", "zamówienie", "objednávka", "rendelés",
    "ordre", "factuur", "rechnung", "facture", "fattura", "factura", "box", "id", "account",
    "konto", "customer", "kunde", "client", "cliente",
])  # fmt: skip
# After a "postcode city" line's code: the city (one to three words), then the end of the
# address (end of text or line, a comma, a bracket, a full stop, a country after a dash).
# Amounts and counts ("1500 EUR,", "2048 Users") are not cities.
_NOT_CITY = (
    r"(?!(?:EUR|Euros?|USD|GBP|CHF|PLN|SEK|NOK|DKK|CZK|HUF|RON|TRY|INR|JPY|Dollars?|Pounds?"
    r"|Francs?|Kronor|Kroner|Złotych|Zloty|Stück|Users?|Items?|Units?|Records?|Rows?|Points?"
    r"|Pages?|Words?|Bytes?|KB|MB|GB|TB|Hz|Steps|Orders?|Tickets?|Customers?|Requests?"
    r"|Errors?|Files?|Calls?|Messages?|Emails?|Days?|Hours?|Minutes?|Seconds?|Years?|Jahre"
    r"|Tage|Stunden|Kunden|Mal|Pcs|Pieces|Total|Sum|Q[1-4]|H[12]|AD|BC|CE)\b)"
)
_CITY_AFTER = re.compile(
    rf"\s+{_NOT_CITY}(?P<city>{NAME}(?:[\s\-]+(?:(?:am|an|de|del|sur|im|la|le|di)\s+)?{NAME}){{0,2}})"
    r"(?:\s+\d{1,2})?(?:[ \t]\([A-Z]{2}\))?\s*(?:$|[,;)\n\"]|\.(?:\s|$)|\s[-–]\s)"
)


_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
# Words before a number that make it no postcode: "Order 12345", "Room 1201", "Total 1500".
_NOT_A_PLACE = frozenset(
    ["order", "invoice", "ticket", "case", "ref", "room", "total", "version", "page", "item",
     "build", "release", "year", "since", "in", "from", "until", "tracking", "account", "id",
     "no", "nr", "number", "code", "pin", "step", "phase", "level", "floor", "unit", "suite",
     "apt", "flat", "house", "block", "sector", "gate", "terminal", "flight", "batch",
     "model", "chapter", "section", "table", "figure", "score", "week", "day", "q1", "q2",
     "q3", "q4", "eur", "usd", "gbp", "chf", "pln", "sek", "inr", "amount", "sum", "balance",
     "hi", "hello", "hey", "thanks", "thank", "yes", "ok", "okay", "dear", "regards", "sorry",
     "please", "customer", "visitor", "agent", "cliente", "client", "kunde", "user", "me"]
)  # fmt: skip


# A postcode word in a longer frame before the code: a label that names the city too
# ("Postal code & city", "PLZ/Ort", "CP et ville", "CAP e città"), a form's value marker
# ("Field: Postal code | Value:"), or a verb ("the postcode is", "die PLZ ist", "le code
# postal est", "o CEP é", "postnummeret er").
_CITY_LABEL = (
    r"city|town|ort|wohnort|ville|localité|ciudad|localidad|población|città|comune|località"
    r"|cidade|localidade|by|poststed|plaats|woonplaats|miejscowość|miasto|obec|město|mesto"
    r"|város|település|localitate|oraș|oras|şehir|sehir|kaupunki|postitoimipaikka|place"
)
_VALUE_LABEL = r"value|wert|valeur|valor|valore|waarde|wartość|värde|verdi|værdi|arvo|érték"
_COPULA = (
    r"is|was|ist|lautet|war|est|était|es|era|è|era|é|är|var|er|var|on|oli|to|je|jest|este|az"
    r"|would be|will be"
)
_POSTCODE_FRAME = re.compile(
    rf"(?<![^\W_])(?:{trie(frozenset(_POSTCODE_WORDS))})"
    rf"(?:[ \t]*(?:&|/|\+|and|und|et|e|y|i|og|och|en|ja|és|și|ve|a)[ \t]*(?:{_CITY_LABEL}))?"
    rf"(?:[ \t]*[:|=\-–][ \t]*(?:{_VALUE_LABEL}))?"
    rf"(?:[ \t]*[:=\-–]?[ \t]*(?:{_COPULA}))?"
    r"[^\w〒]{0,3}$"
)


def _after_postcode_word(text: str, scan: Scan, start: int) -> bool:
    """A postcode word ends right before `start` (then at most three other characters), or
    a frame around one does (`_POSTCODE_FRAME`)."""
    tail = text[max(0, start - 24) : start].lower()
    for _ in range(3):
        if tail and not is_word(tail[-1]) and tail[-1] != "〒":
            tail = tail[:-1]
    if tail.endswith(_POSTCODE_WORDS) and any(
        tail.endswith(word) and (len(tail) == len(word) or not is_word(tail[-len(word) - 1]))
        for word in _POSTCODE_WORDS
    ):
        return True
    # The scan's lower-cased copy is `text.lower()`: no need to lower the whole text again.
    lower = scan.lower if scan.lower is not None else text.lower()
    return _POSTCODE_FRAME.search(lower, max(0, start - 60), start) is not None


def postcodes(
    text: str, scan: Scan, streets: list[tuple[int, int]]
) -> Iterator[tuple[int, int, int]]:
    """(start, end, street start or -1) of each postcode that belongs to an address."""
    hints = Hints(text)
    for start, end in scan.anchored["ADDRESS:postcode"]:
        if _MORE_GROUPS.match(text, end):
            continue  # the first group of a longer number: "0801 081 5254" (a phone)
        code = text[start:end]
        street = _street_near(text, streets, start, code)
        ends_part = _PART_END.match(text, end) is not None
        if (
            street >= 0
            or _after_postcode_word(text, scan, start)
            or (
                ends_part
                and _starts_part(text, start)
                and _POSTCODE_ASKED.search(text, max(0, start - _ASKED_REACH), start)
            )
        ):
            if code_valid(code, ()) or ((named := hints.countries()) and code_valid(code, named)):
                yield start, end, street
            continue
        # After a city, ending the address: ", Islamabad 44000", ", Dhaka-1257."
        city = _CITY_BEFORE.search(text, max(0, start - 40), start) if ends_part else None
        if city is None and ends_part:
            city = _PLACE_BEFORE.search(text, max(0, start - 40), start)
            if city is not None and city.group("city").lower() not in places():
                city = None
        if city is not None:
            if _after_city(text, start, code, city.group("city"), hints):
                yield start, end, -1
            continue
        # Before a city and a street line: "7608 Pécs, Bartók Béla út 37", "61002, Kharkiv,
        # vul. Shevchenka, 34"
        then = _CITY_THEN.match(text, end)
        if then is not None and any(s_start == then.end() for s_start, _ in streets):
            named = hints.countries()
            if code_valid(code, named) if named else code_valid(code, ()):
                yield start, end, -1
            continue
        line_street = _postcode_city_line(text, start, end, code, hints)
        if line_street is not None:
            yield start, end, line_street


def _street_near(text: str, streets: list[tuple[int, int]], start: int, code: str) -> int:
    """The start of the last street line that ends shortly before the postcode at `start`,
    with only address text between them; -1 if there is none."""
    street = -1
    for s_start, s_end in streets:
        lower = not any(ch.isupper() for ch in text[s_start:s_end])
        if 0 <= start - s_end <= _NEAR and _between(text, s_end, start, code, lower):
            street = s_start
    return street


def _after_city(text: str, start: int, code: str, name: str, hints: Hints) -> bool:
    """A postcode after the city `name` that ends an address is one, unless the "city" is
    a word before a number ("Order 12345") or a code's prefix ("TKT-44322")."""
    attached = text[start - 1] == "-" and name.isupper()  # "TKT-44322", not "Dhaka-1257"
    words = {word.lower() for word in name.split()}
    named = hints.countries()
    return (
        not attached
        and words.isdisjoint(_NOT_A_PLACE)
        and (
            code_valid(code, named)
            if named
            else not _YEAR_LIKE.fullmatch(code) and code_valid(code, ())
        )
    )


def _postcode_city_line(text: str, start: int, end: int, code: str, hints: Hints) -> int | None:
    """A "postcode city" line: the code starts the text, a line or a comma-separated part,
    and a city follows it. The street start before it (or -1) if the code is one, else None."""
    after = _CITY_AFTER.match(text, end)
    if after is None:
        return None
    if not _starts_part(text, start) and not _known_place(text, start, after):
        return None
    # A street line of any form right before it: "Národní 12, 110 00 Praha 1"
    line = _STREET_BEFORE.search(text, max(0, start - 80), start)
    if line is not None and line.group("first").lower() in _NOT_STREET:
        line = None
    street = -1 if line is None else line.start("line")
    named = hints.countries()
    if named:
        return street if code_valid(code, named) else None
    if (street >= 0 or not _YEAR_LIKE.fullmatch(code)) and code_valid(code, ()):
        return street
    return None


def _known_place(text: str, start: int, after: re.Match[str]) -> bool:
    """The city after a code is one the place list knows, and the word before the code is
    no word numbered things follow ("sat nav says 2326 ZR LEIDEN", not "Order 12345 Paris")."""
    before = text[max(0, start - 30) : start].split()
    if before and before[-1].strip(".,:;#").lower() in _NOT_A_PLACE | _NOT_STREET:
        return False
    return after.group("city").lower() in places()


def _between(text: str, end: int, start: int, code: str, lower: bool = False) -> bool:
    """What lies between a street line and a postcode is address text: separators and a
    few names; lower-case words only after a comma or a line break ("…, portland, or
    97237", not "26 Main Street on 19 September 2023"), and no name before a year-like
    code ("Hauptstraße 12, 2000 Antwerpen" is one). After a street line in lower case
    (`lower`), as chat is typed, lower-case words are a district and a city too."""
    if not _BETWEEN.fullmatch(text, end, start):
        return False
    between = text[end:start]
    if not any(ch.isalpha() for ch in between):
        return True
    if _YEAR_LIKE.fullmatch(code):
        return _REGION_BEFORE.search(between) is not None  # "Bondi NSW 2026"
    if lower:
        return True  # all in lower case, as the street line is: "…, chuo-ku, kobe 650-0021"
    lower_word = any(word[0].islower() for word in between.split() if word[0].isalpha())
    return not lower_word or between.lstrip(" \t")[:1] in (",", "|", "\n", ";", "-", "–")


def _starts_part(text: str, start: int) -> bool:
    """The text, a line or a comma-separated part begins at `start`."""
    before = text[max(0, start - 2) : start]
    return start == 0 or before.endswith(("\n", ", ", ": ", "\t", "| ")) or before == "  "


def letter_postcodes(text: str, scan: Scan, streets: list[tuple[int, int]]) -> Iterator[Span]:
    """Postcodes that begin with a letter: a UK postcode in upper case anywhere; a Canadian
    postcode, an Eircode, or one in lower case only in an address."""
    for start, end in scan.anchored["ADDRESS:letter_postcode"]:
        if _UK_POSTCODE.fullmatch(text, start, end):
            yield Span(start, end, "ADDRESS")  # upper case: a UK postcode
            continue
        # A Canadian postcode, an Eircode, or one in lower case: near a street line or after
        # a postcode word, or ending a line a postcode question comes before.
        near = any(
            0 <= start - e <= _NEAR and _BETWEEN.fullmatch(text, e, start) for _, e in streets
        )
        if (
            near
            or _after_postcode_word(text, scan, start)
            or (
                _PART_END.match(text, end)
                and _POSTCODE_ASKED.search(text, max(0, start - _ASKED_REACH), start)
            )
            or (
                (after := _CITY_AFTER.match(text, end)) is not None
                and (_starts_part(text, start) or _known_place(text, start, after))
            )
            or (
                _CA_POSTCODE.fullmatch(text, start, end)
                and _PROVINCE_BEFORE.search(text, max(0, start - 40), start) is not None
            )
            or (_PART_END.match(text, end) and _city_ends_before(text, start))
        ):
            yield Span(start, end, "ADDRESS")


def _city_ends_before(text: str, start: int) -> bool:
    """A city (and a district number) on its own part right before `start`, after a comma:
    "Dublin 2, D02 B132", "Cork, T12 X70A"."""
    return _LETTER_CITY_BEFORE.search(text, max(0, start - 40), start) is not None
