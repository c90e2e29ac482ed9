"""Street lines without a street word, told by what is around the name or by its form.

Many streets are written with their name and number alone: `Egnatia 40`, `Masarykova
2717/52`, `Auf dem Berg 15b`, `House 78, Shahrah-e-Faisal`. Such a line is taken when

- an address cue comes right before it (`address:`, `lives at`, `ship to`, `wohnhaft in`,
  `domicilio`, the answer to "what's the first line of the address?"): `CUED`;
- the name is a German prepositional street name (`Am Markt 5`, `An der Alster 12`, `Auf dem
  Berg 15b`, `Unter den Linden 77`): `GERMAN`;
- the name has the form street names of a language take and few other capitalised words do:
  romanised Greek genitives (`Ermou`, `Stadiou`, `Mitropoleos`), Czech and Slovak adjectives
  (`Masarykova`, `Vodičkova`, `Národní`, `Palackého`): `SHAPED`;
- a house or villa number comes first and a capitalised street name after it (`House 78,
  Shahrah-e-Faisal,`, `Villa 12, Jumeirah Beach Road`): `HOUSE_THEN_NAME`.

Where they can begin is found by `windows.street_windows`, which already looks at the word
before every house number: `NAME_WORDS_AT` are the cue words it searches for, `SHAPED_ENDINGS`
the endings of the word before the number.
"""

from __future__ import annotations

import re

from redaction.address.parts import JOIN, LETTER, NAME, UNITS, UP
from redaction.address.type_first import PREFIX_REACH
from redaction.dob import MONTH_WORDS
from redaction.literals import expand, trie
from redaction.names.lists import places

# Words after which a capitalised name and a number are a street line: address labels in
# many languages and the phrases that say where someone lives or a parcel goes.
_CUES = (
    r"address|addr\.|adres|adresse|adresa|adress|anschrift|wohnhaft in|wohnt in|wohne in"
    r"|lives at|living at|lives on|resides at|residing at|resident at|reside at|left at"
    r"|ship to|shipped to|deliver to|delivered to|delivery to|send to|sent to|moved to"
    r"|domicilio|domiciliado en|domiciliada en|endereço|endereco|morada|indirizzo|residente in"
    r"|direccion|dirección|domicile|demeurant|demeurant au|bor|bor på|bosatt på|bor på"
    r"|asuu|osoite|cím|lakcím|bydliště|bytem|zamieszkały przy|zamieszkała przy|mieszka przy"
    r"|woont aan|woonachtig aan|first line of the address|first line of your address"
    r"|street address|address line"
)
# Prepositions of place before a street line that ends its clause: "komt naar Lange Voorhout
# 13.", "Den ligger på Strøget 32.", "na Poříčí 12.", "chez" too; not English "at" ("at Gate 5").
_PLACE_PREPOSITIONS = r"naar|bij|på|à|chez|em|na|przy"
# Labels of a form's street field, cues only with a label's colon, bar or equals sign after
# them ("Street: Kifisias 56", "Field: Street | Value: Kifisias 56", "Straße = Am Hang 3").
_LABELS = (
    r"street|street name|street and number|street & number|straße|strasse|straßenname"
    r"|straße und hausnummer|straße/hausnummer|str\.|rue|voie|calle|calle y número|rua"
    r"|logradouro|strada|ulica|ulice|utca|közterület|gata|gatuadress|gateadresse|gade|vej"
    r"|vejnavn|katu|katuosoite|cadde|sokak|straat|straatnaam|odos|odós|road|strada|stradă"
)
# A form's value marker after a label ("| Value:", "| Wert:", "| Valeur:")
_VALUE_MARK = r"value|wert|valeur|valor|valore|waarde|wartość|värde|verdi|værdi|arvo|érték|hodnota"
# The last words of the cues: a number right after one may begin a street line.
CUE_LAST_WORDS = frozenset(
    word.rsplit(" ", 1)[-1].rstrip(".") for word in expand(_CUES) | expand(_LABELS)
)
# German street names made of a preposition, an article and a noun: "Am Markt 5", "An der
# Alster 12", "Auf dem Berg 15b", "Im Winkel 3", "Zum Hafen 7", "Unter den Linden 77".
_GERMAN_PREPOSITIONS = (
    r"am|im|zum|zur|an der|an den|auf dem|auf der|auf den|unter den|hinter der|hinter dem"
    r"|vor dem|vor der|bei der|über der|neben der|neben dem|zwischen den"
)
# Capitalised, as street names are written ("Auf dem Berg"; "auf dem Berg 3" is a hill).
_GERMAN_CAPITALISED = frozenset(w[0].upper() + w[1:] for w in expand(_GERMAN_PREPOSITIONS))
# Houses before a street without a number: "House 78, Shahrah-e-Faisal", "Villa 12, …"
_HOUSE_WORDS = r"house|villa|plot|bungalow|haveli"
_NAME_CUE_WORDS = (
    expand(_CUES)
    | expand(_LABELS)
    | expand(_GERMAN_PREPOSITIONS)
    | expand(_HOUSE_WORDS)
    | expand(_PLACE_PREPOSITIONS)
)
# Found by `street_windows` in the lower-cased text before a house number.
NAME_WORDS_AT = re.compile(
    rf"(?<![\w.])(?:{trie(_NAME_CUE_WORDS)})"
    r"(?![^\W\d_])"
)
# Endings of street names in romanised Greek (genitives: Ermou, Stadiou, Panepistimiou,
# Mitropoleos, Ippokratous is left out: "Famous 5") and in Czech and Slovak (adjectives:
# Masarykova, Vodičkova, Národní, Palackého, Hlavná); checked on the lower-cased word.
SHAPED_ENDINGS = ("ou", "eos", "ova", "ová", "ovo", "ní", "ého", "ská", "ské", "ná", "ovej")
# Capitalised words with those endings that are no street: "Windows", "You", "Nova 3"…
_NOT_SHAPED = frozenset(
    ["nova", "casanova", "supernova", "moldova", "bijou", "bayou", "genova", "padova",
     "terranova", "villanova", "kosovo", "videos", "stereos", "rodeos", "cameos", "oreos",
     "lenovo"]
)  # fmt: skip
# A house number that is no year: "40", "15b", "49 B 20", "2717/52", "12-14", "12-II", "Nr. 7"
# (on one line: "… 2717/52\n- 30. srpna" is a number and a list item).
_HOUSE = (
    r"(?:(?i:nr\.?|no\.?|n[º°]\.?)[ \t]?)?(?!(?:19|20)\d\d(?![ \t]?/))\d{1,4}(?!\d)"
    r"(?:[ \t]?[A-Za-z](?![\w'’.])(?:[ \t]\d{1,3}(?!\w))?)?"
    r"(?:[ \t]?/[ \t]?\d{1,4}[A-Za-z]?(?!\w))?(?:-(?:\d{1,4}[A-Za-z]?|[IVX]{1,4})(?!\w))?"
)
# Not a number of things: "Marketing 3 days ago", "Sprint 14 tickets", "5 kg", "40 %".
_NOT_AFTER = (
    r"(?![.,]\d|\d|\s?(?:%|€|\$|£|kg|km|m²|mm|cm|EUR|USD|Uhr|h\b|min\b)"
    r"|[ \t](?i:days?|weeks?|hours?|hrs?|times?|minutes?|mins?|months?|years?|yrs?|people"
    r"|persons?|items?|pieces?|pcs|units?|tickets?|orders?|users?|points?|pts|pages?|copies"
    r"|boxes|parcels?|packages?|percent|euros?|dollars?|pounds?|tage|stunden|jahre|stück"
    r"|jours|heures|días|horas|giorni|ore|dagen|uur|dni|dní|napok|krát|mal|fois|veces|volte"
    r"|keer|razy|kertaa|gånger|ganger|gange|pallets?)\b)"
)
_NAME_RUN = rf"{NAME}(?:[ \t]+(?:{JOIN}[ \t]+)?{NAME}){{0,3}}"
# Weekdays, months and other words that a German preposition and a number also follow ("Am
# Montag 5 Pakete", "Im Jahr 2020", "Am Ende 3 Tage").
_NOT_GERMAN = (
    r"(?!(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Januar|Februar|März"
    r"|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jahr|Ende|Anfang|Tag"
    r"|Wochenende|Abend|Morgen|Mittag|Schnitt|Durchschnitt|Moment|Monat|Quartal|Vergleich"
    r"|Ganzen|Rahmen|Bereich|Jänner|Kapitel|Abschnitt|Paragraph|Punkt|Seite|Level|Stock"
    r"|Gleis|Bahnsteig|Raum|Zimmer|Platz|Team|Sommer|Winter|Herbst|Frühjahr|Frühling|Test"
    r"|Fall|Wert|Vorjahr|Schritt|Hintergrund|Vordergrund|Detail|Einzelnen|Allgemeinen)\b)"
)

CUED = re.compile(
    rf"(?<![\w.])(?=\D{{0,{PREFIX_REACH}}}\d)(?i:(?:{trie(expand(_CUES))})(?![^\W\d_])"
    rf"|(?:{trie(expand(_LABELS))})(?![^\W\d_])(?=[ \t]*[:|=]))"
    r"[ \t]*[:?\-|=]?[ \t]*"
    rf"(?:(?i:{_VALUE_MARK})[ \t]*[:=][ \t]*)?"
    r"(?:\n[ \t]*(?:[A-Za-z]{2,12}[ \t]?:[ \t]*)?)?"
    rf"(?:(?i:in|at|on|to|en|em|a|au|aan|na|przy|v|ve|på)[ \t]+)?"
    rf"(?P<street>{_NAME_RUN}[ \t]{{1,2}}{_HOUSE}{_NOT_AFTER}{UNITS}"
    # number first, a one- or two-word street ending the part: "address: 8 Deansgate,"
    rf"|\d{{1,4}}[A-Za-z]?(?:[/\-]\d{{1,4}}[A-Za-z]?)?,?[ \t]+{NAME}(?:[ \t]+{NAME})?"
    r"(?=[ \t]*(?:[,;]|\n|$)))"
)
PLACED = re.compile(
    rf"(?<![\w.])(?=\D{{0,{PREFIX_REACH}}}\d)(?:{trie(expand(_PLACE_PREPOSITIONS))})[ \t]+"
    rf"(?P<street>{_NAME_RUN}[ \t]{{1,2}}{_HOUSE}{_NOT_AFTER})(?=[ \t]*(?:[.,;!?]|\n|$))"
)
GERMAN = re.compile(
    rf"(?<![\w.\-])(?=\D{{0,{PREFIX_REACH}}}\d)(?P<street>(?:{trie(_GERMAN_CAPITALISED)})"
    rf"[ \t]+{_NOT_GERMAN}{NAME}(?:[ \t]+{NAME})?[ \t]{{1,2}}{_HOUSE}{_NOT_AFTER}{UNITS})"
)
SHAPED = re.compile(
    rf"(?<![\w\-'’.])(?P<street>[{UP}]{LETTER}{{2,24}}[ \t]{_HOUSE}{_NOT_AFTER}{UNITS})"
)
# A capitalised name and number with a unit after it that only addresses have: "MEIR 78 BUS
# 5", "Storgatan 3 lgh 1102", "Egnatia 40, 3rd floor", "Berg 15b, 5. OG", "Mayor 5, 2º".
_ADDRESS_UNIT = (
    r"(?:(?i:bus|bte|boîte|lgh|lägenhet|wohnung|whg|apt|apto|appt|piso|puerta|kv|byt|daire"
    r"|flat|suite)\.?[ \t]?[:#]?[ \t]?\w{1,4}(?!\w)"
    r"|\d{1,2}\.?[ \t]?(?i:og|stock|etage|étage|piso|andar|floor|fl)\b\.?"
    r"|\d{1,2}(?:\.[ \t]?(?i:th|tv|mf)\b\.?|[ \t](?i:th|tv|mf)\.)"  # "2. th.", not "14th"
    r"|\d{1,2}[ \t]?[ºª°](?!\w)"
    r"|\d{1,2}(?i:st|nd|rd|th)[ \t](?i:floor|fl)\b\.?)"
)
UNIT_AFTER = re.compile(
    rf"(?<![\w\-'’.])(?P<street>{NAME}[ \t]{_HOUSE},?[ \t]+{_ADDRESS_UNIT}{UNITS})"
)
# The capitalised words of a street name before the word a match begins at ("Grote Markt 5
# bus 3" is found at "Markt").
_NAME_BEFORE = re.compile(rf"(?<![\w\-'’.])(?:{NAME}[ \t]+(?:{JOIN}[ \t]+)?){{1,3}}$")
HOUSE_THEN_NAME = re.compile(
    rf"(?<![\w.])(?P<street>(?i:{_HOUSE_WORDS})\.?[ \t]?(?:(?i:no)\.?[ \t]?)?\d{{1,5}}[A-Za-z]?"
    rf"(?:/\d{{1,4}})?,[ \t]+[{UP}]{LETTER}+(?:[\-'’]{LETTER}+){{0,3}}"
    rf"(?:[ \t]+[{UP}]{LETTER}+){{0,2}})(?=[ \t]*(?:,|\n|$))"
)


# A street name typed in lower case in a chat, after a preposition of place: romanised Greek
# ones take any name ("menei stin egnatia 48", "stin patision 71"); the short ones of other
# languages ("at", "na", "v", "przy") only a name of a street's form ("at palackého 31", "at
# stadiou 234").
_LOWER_PLACE_GREEK = frozenset(["stin", "stis", "ston", "sto", "sti", "odos", "odo"])
LOWER_PLACE_WORDS = _LOWER_PLACE_GREEK | frozenset(
    ["at", "in", "on", "na", "v", "ve", "u", "w", "przy", "aan", "op", "på", "em", "en"]
)
LOWER_PLACED = re.compile(
    rf"(?P<street>[^\W\d_A-Z{UP}]{LETTER}{{2,24}}(?:[ \t][^\W\d_A-Z{UP}]{LETTER}{{2,24}})?"
    rf"[ \t]{_HOUSE}{_NOT_AFTER}{UNITS})"
)

_WORD_BEFORE = re.compile(r"(?<!\w)(\w+) $")


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text` (long word lists read better as prose)."""
    return frozenset(text.split())


# The name of a street line that begins with it: the words before the first digit.
_NAME_PART = re.compile(r"\D+(?=\d)")
# First words of numbered things that are no street ("moved to Room 12", "sent to Windows
# 11", "ship to Gate 4", "address: March 3"), and months and weekdays.
_NOT_STREET = MONTH_WORDS | _words(
    """room rooms raum zimmer sala salle aula hall halle saal gate gates terminal level floor
    platform gleis bahnsteig stage phase step version chapter page section part volume issue
    season episode round team group class grade year week day days desk table seat row
    booth stand track box locker bay dock zone area sector block ward bed office suite unit
    building order invoice ticket case windows android ios macos ubuntu model series model
    python java office iphone galaxy pixel level monday tuesday wednesday thursday friday
    saturday sunday montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi
    mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado
    domingo today tomorrow yesterday morning tonight next last the a an my our your his her
    their this that q1 q2 q3 q4 covid top no nr n nº n° núm número sprint release milestone
    iteration build batch wave cohort lot slot tier plan pack pro max plus mini ultra lite
    lenovo rev revision appendix annex figure fig item line exit junction mile km door
    counter pump checkpoint window hole minute lap position rank place number station
    kasse schalter tür ausgang guichet porte caisse puerta caja ventanilla uitgang loket"""
)


def _street_first_word(match: re.Match[str]) -> str:
    return match.group("street").split(None, 1)[0].rstrip(".,:").lower()


def _not_a_street(match: re.Match[str]) -> bool:
    """A numbered thing, or a city and a number ("shipped to Berlin 2 pallets", "address:
    Praha 3" names a district): the name before the number is no street's."""
    street = match.group("street")
    if _street_first_word(match) in _NOT_STREET:
        return True
    name = _NAME_PART.match(street)
    return name is not None and name.group().strip().lower() in places()


def _shaped(name: str) -> bool:
    """A name of the form street names take: a Greek genitive or a Slavic adjective."""
    lower = name.lower()
    if lower.endswith("ou") and len(lower) < 5:
        return False  # "You", "Zhou", "Lou": Ermou, Aiolou and Stadiou are longer
    return lower.endswith(SHAPED_ENDINGS) and lower not in _NOT_SHAPED


def named_lines(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """Street lines without a street word beginning at one of the sorted `starts` (cue
    words and shaped names, `street_windows`), as (start, end)."""
    found: list[tuple[int, int]] = []
    last = 0
    for start in starts:
        if start < last:
            continue
        match = _match_at(text, start)
        if match is not None:
            if match.re is UNIT_AFTER:
                found.append(_with_name_before(text, *match.span("street")))
            else:
                found.append(match.span("street"))
            last = match.end()
    return found


def _match_at(text: str, start: int) -> re.Match[str] | None:
    """The street line of any of these forms that begins at `start`, if any."""
    for pattern in (CUED, GERMAN, HOUSE_THEN_NAME, PLACED):
        match = pattern.match(text, start)
        if match is not None:
            if _not_a_street(match):
                return None
            # "residing at House 78, Shahrah-e-Faisal": the house and its street
            house = HOUSE_THEN_NAME.match(text, match.start("street"))
            return house if house is not None and house.end() > match.end() else match
    match = SHAPED.match(text, start)
    if match is not None and _shaped(_street_first_word(match)):
        return match
    match = UNIT_AFTER.match(text, start)
    if match is not None and not _not_a_street(match):
        return match
    if text[start].islower() and start > 1 and text[start - 1] == " ":
        before = _WORD_BEFORE.search(text, max(0, start - 8), start)
        match = LOWER_PLACED.match(text, start)
        if before is not None and match is not None and not _not_a_street(match):
            preposition = before.group(1).lower()
            word = _street_first_word(match)
            if preposition in LOWER_PLACE_WORDS and (
                (preposition in _LOWER_PLACE_GREEK and len(word) > 4) or _shaped(word)
            ):
                return match
    return None


def _with_name_before(text: str, start: int, end: int) -> tuple[int, int]:
    """The street line from `start` to `end`, with the capitalised words of its name before
    `start` on the same line ("Grote Markt 5 bus 3")."""
    before = _NAME_BEFORE.search(text, max(0, start - 80), start)
    if before is None or before.group().split(None, 1)[0].lower() in _NOT_STREET:
        return start, end
    return before.start(), end
