"""The parts every street form is built of: a street name, its small joining words, a house
number, and the units after a street line (flat, floor, door… in several languages).
"""

from __future__ import annotations

from redaction.literals import expand

UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽȘȚΑ-Ω"
LETTER = r"[^\W\d_]"
# A capitalised (or all-caps) word of a street name: no digits, bounded length.
NAME = rf"[{UP}](?:{LETTER}|['’.\-]){{0,24}}"
JOIN = (
    r"(?:de|del|de la|de las|de los|della|delle|dei|degli|dello|di|da|dal|dalla|do|dos|das"
    r"|du|des|la|le|les|l'|d'|l’|d’|von|van|der|den|dem|y|e|i|al|el|sur|sous|en|am|an|zum|zur"
    r"|op|het|ter|ten)"
)
_JOINS = expand(JOIN)


# Small words in a street name that may be in lower case: joins and number words.
NAME_SMALL = _JOINS | {"n", "no", "nr", "nº", "núm", "número", "d", "dom", "bud", "số"}
# A street name: one to five words, joined by the small words of the language.
NAME_WORDS = rf"{NAME}(?:[ \t]+(?:{JOIN}[ \t]*)?{NAME}){{0,4}}"
# The same in any case, after a street word ("calle defensa 1603", "ul. lenina, d. 42").
ANY_NAME = rf"{LETTER}(?:{LETTER}|['’.\-]){{0,24}}"
ANY_NAME_WORDS = rf"{ANY_NAME}(?:[ \t]+{ANY_NAME}){{0,4}}"
# A house number: "12", "5a", "12 bis", "12/4", "14-16", "Nr. 7", "n. 12", "nº 4", "No: 12".
NUMBER = (
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
    r"|(?i:bajo|entlo|ático|hs)\b\.?|\d{1,4}-(?:dong|ho)\b"
    # Dutch floors after a dash: "59-II", "53-hs", "12-bg", "7-boven"
    r"|(?<=\d)-(?:I{1,3}|IV|(?i:hs|huis|bg|bel|boven|sous))(?!\w))"
)
UNITS = rf"(?:[,.]?\s{{0,2}}{_UNIT}){{0,3}}"
