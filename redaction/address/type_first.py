"""Street lines with the street word first: Polish, Czech/Slovak, Romanian, Greek, Spanish,
Catalan, Italian, Portuguese, French, Indonesian, Russian/Ukrainian and Hebrew romanised
forms (`ul. Długa 12/4`, `Via Roma, 12`, `Calle de Alcalá 45, 3º Izq.`, `Jl. Malioboro No.
28`); ambiguous words (`Via`, `Plaza`) only capitalised, before a capitalised name.
"""

from __future__ import annotations

import re

from redaction.address.parts import ANY_NAME_WORDS, JOIN, NAME_WORDS, NUMBER, UNITS
from redaction.literals import expand, trie

# Street words that come before the name (lower-case literals; matched case-insensitively).
PREFIX_WORDS = (
    # Polish, Czech/Slovak, Romanian, Greek (romanised), Hungarian abbreviations
    r"ul\.|ulica|al\.|aleja|aleje|pl\.|plac|os\.|osiedle|ulice|nám\.|náměstí|námestie"
    r"|strada|str\.|bulevardul|b-dul|bd\.|bdul\.|calea|șoseaua|soseaua|piața|piata|aleea"
    r"|intrarea|splaiul|odos|odós|od\.|leoforos|leof\.|plateia"
    # Spanish, Catalan
    r"|calle|c/|c\.|avenida|avda\.|avd\.|av\.|paseo|pº|plaza|pza\.|camino|callejón|callejon"
    r"|ronda|carrera|cra\.|travesía|travesia|carretera|ctra\.|glorieta|rambla|carrer|passeig"
    r"|plaça|costanilla|cuesta|urbanización|urb\.|bv\.|bvar\.|bulevar"
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
_PREFIX = trie(expand(PREFIX_WORDS))
# Words that are street words only when they are capitalised (or in an all-caps line): in
# lower case they are common words in English text ("sent via DHL 2", "in place 3").
CASED_ONLY = frozenset(
    ["via", "place", "plaza", "largo", "corso", "ronda", "camino", "route", "cours", "square",
     "c.", "v.", "r.", "bd", "borgo", "galleria", "salita", "contrada", "stretto", "cuesta",
     "carrera", "beco", "laan", "straat", "platz", "od.", "tv."]
)  # fmt: skip
PREFIX_REACH = 64  # a type-first match's first digit is at most this far from its start
TYPE_FIRST = re.compile(
    rf"(?<![\w.])(?<!(?i:et) )(?=\D{{0,{PREFIX_REACH}}}\d)(?i:{_PREFIX})(?:(?<=[./º])|(?!\w))\s?"
    rf"(?:(?:{JOIN}\s+)?{ANY_NAME_WORDS}|\d{{1,2}}\s+{NAME_WORDS}|\d{{1,3}})"
    rf",?\s{{1,2}}{NUMBER}{UNITS}"
)
