"""Street lines with the street word last: German, Dutch, Nordic and Finnish compounds
(`Hauptstraße 12a`, `Nørrebrogade 5`), separate street words (`Váci utca 12`, `Karl Johans
gate 5`, `Berliner Straße 12`), English types before the number (`Jabotinsky St 38`) and
Turkish forms (`Atatürk Cad. No: 12 D: 5`); and the street words that end them, for the gate.
"""

from __future__ import annotations

import re

from redaction.address.parts import ANY_NAME, LETTER, NAME, UNITS, UP
from redaction.literals import expand, trie

# Compound street names: "Hauptstraße 12", "Kerkstraat 5a", "Nørrebrogade 5", "Storgatan 3"
_COMPOUND_SUFFIX = (
    r"stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|markt"
    r"|straat|laan|plein|gracht|kade|singel|dijk|steeg|hof|pad|dreef|wal|park"
    r"|gatan|gata|gate|gade|vej|vejen|veien|vegen|vei|v[äa]gen|torget|torv|torg|gr[äa]nd"
    r"|all[ée]|plads|plass|stræde|stien|stigen|backe|katu|tie|kuja|polku|tori|väylä|ranta"
)
# Suffixes that make a street name in lower case too ("landstraßer hauptstraße 81")
_STRONG_SUFFIX = (
    r"stra(?:ß|ss)e|str\.|gasse|straat|gracht|gatan|gata|vägen|veien|vegen|gade|vej|allee|platz"
)
COMPOUND = re.compile(
    rf"(?<![\w\-])(?:{NAME}[ \t]+|{LETTER}+er[ \t]+)?(?:[{UP}][\w\-]*(?i:{_COMPOUND_SUFFIX})"
    rf"|{LETTER}[\w\-]*(?:{_STRONG_SUFFIX}))(?:,\s|\s?)(?:(?i:nr\.?|no\.?)\s?)?"
    rf"\d{{1,4}}(?:\s?[A-Za-z](?!\w)(?:\s\d{{1,3}}(?!\w))?)?"
    rf"(?:[ \t]?[\-/][ \t]?\d{{1,4}}[A-Za-z]?(?!\w)){{0,2}}{UNITS}"
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
SPACED = re.compile(
    rf"(?<![\w\-]){NAME}(?:\s+{NAME}){{0,2}}\s+(?:{_SPACED_TYPE})(?!\w)"
    rf"(?:,\s|\s?)(?:(?i:nr\.?|no\.?|d\.),?\s?)?\d{{1,4}}(?:\s?[A-Za-z](?!\w))?"
    rf"(?:[ \t]?[\-/][ \t]?\d{{1,4}}[A-Za-z]?(?!\w)){{0,2}}{UNITS}"
)
# Street words no other word is, so that the name before them may be in lower case too, as
# people type it: "fő utca 118", "kossuth körút 5", "długa ulica 3".
# The Nordic ones too ("dronningens gate 140a", "storgata 5" is a compound): "gate" only
# after a genitive ("kongens gate", "karl johans gate"), as "gate 5" is an airport's.
_LOWER_SPACED_WORDS = (
    r"utca|körút|ulica|ulice|vei|veien|vej|vejen|gade|gata|gatan|vägen|plass|plads|torg|torv"
)
LOWER_SPACED = re.compile(
    rf"(?<![\w\-])(?:{ANY_NAME}[ \t]+(?i:{_LOWER_SPACED_WORDS})"
    rf"|{ANY_NAME}(?:[ \t]+{LETTER}+)?[ns]s[ \t]+(?i:gate))(?!\w)[ \t]?"
    rf"\d{{1,4}}(?:[ \t]?[A-Za-z](?!\w))?"
    rf"(?:[ \t]?[\-/][ \t]?\d{{1,4}}[A-Za-z]?(?!\w)){{0,2}}{UNITS}"
)
# English types with the number after: "Jabotinsky St 38, Apt 23", "weizmann st 56"
_EN_AFTER_TYPES = r"st|street|rd|road|ave|avenue|blvd|boulevard"
EN_AFTER = re.compile(
    rf"(?<![\w\-]){ANY_NAME}(?:[ \t]+{ANY_NAME}){{0,2}}[ \t]+(?i:{_EN_AFTER_TYPES})\b\.?[ \t]?"
    rf"\d{{1,4}}(?:[A-Za-z](?!\w))?(?!\d)(?![.,]\d){UNITS}"
)
# Turkish: "Atatürk Cad. No: 12 D: 5", "Moda Mah. Şair Nefi Sok. No: 7/3", "İnönü Bulvarı 10"
_TR_TYPES = (
    r"cad\.|caddesi|cd\.|sok\.|sokak|soka[ğg][ıi]|sk\.|bulvar[ıi]|blv\.|bulv\.|yolu|meydan[ıi]"
)
TR = re.compile(
    rf"(?<![\w\-])(?:{NAME}(?:\s+{NAME}){{0,2}}\s+(?i:mah\.|mahallesi|mh\.),?\s+)?"
    rf"{NAME}(?:\s+{NAME}){{0,3}}\s+(?i:{_TR_TYPES})"
    rf",?\s{{1,3}}(?i:no\s?[:.]?\s?)?\d{{1,4}}(?:[A-Z](?!\w))?(?:\s?/\s?\d{{1,4}}[A-Z]?)?"
    rf"(?:,?\s+(?i:d|daire|kat|k)\s?[:.]?\s?\d{{1,3}}(?!\w))*"
)

# Turkish as typed in a chat, in lower case: only with the number word after the street word
# ("istiklal cad. no: 41", "cumhuriyet mah. gül sok. no: 174 d: 15").
_TR_LOWER_TYPES = r"cad\.|caddesi|sok\.|sokak|soka[ğg][ıi]|bulvar[ıi]"
TR_LOWER = re.compile(
    rf"(?<![\w\-.@])(?:{ANY_NAME}[ \t]+(?i:mah\.|mahallesi|mh\.),?[ \t]+)?"
    rf"{ANY_NAME}(?:[ \t]+{ANY_NAME})?[ \t]+(?i:{_TR_LOWER_TYPES}),?[ \t]{{1,3}}"
    rf"(?i:no\s?[:.]\s?)"
    rf"\d{{1,4}}(?:[A-Za-z](?!\w))?(?:\s?/\s?\d{{1,4}}[A-Za-z]?)?"
    rf"(?:,?\s+(?i:d|daire|kat|k)\s?[:.]?\s?\d{{1,3}}(?!\w))*"
)


# The street words that end the word before the house number, for each type-last pattern
# (KR is asia.py's): a text runs only the patterns whose words it has before a number.
ENDINGS_OF: dict[str, frozenset[str]] = {
    "COMPOUND": expand(_COMPOUND_SUFFIX) | expand(_STRONG_SUFFIX),
    "SPACED": frozenset(word.lower() for word in _SPACED_WORDS),
    "LOWER_SPACED": expand(_LOWER_SPACED_WORDS) | {"gate"},
    "EN_AFTER": expand(_EN_AFTER_TYPES),
    "TR": expand(_TR_TYPES),
    "TR_LOWER": expand(_TR_LOWER_TYPES),
    "KR": frozenset(["-ro", "-gil", "-daero"]),
}
_SUFFIX_WORDS = frozenset().union(*ENDINGS_OF.values())


EN_AFTER_WORDS = expand(_EN_AFTER_TYPES)
STRONG_ENDINGS = tuple(
    sorted(
        {w.rstrip(".") for w in expand(_STRONG_SUFFIX)}
        | {"-ro", "-gil", "-daero"}
        | expand(_LOWER_SPACED_WORDS)
        | {"gate"}
        | {w.rstrip(".") for w in expand(_TR_LOWER_TYPES)}
    )
)
# A type-last street word at the end of the word before the number, or with its dot.
SUFFIX_ENDINGS = tuple(sorted(_SUFFIX_WORDS))
