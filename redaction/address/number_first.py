"""Street lines with the house number first: USPS and UK street types (`221B Baker Street`,
`385 sunset blvd`, `120 26th of july st`), Indian roads (`14th Cross`, `70/16, Dora
Circle`) and French/Greek (`10 rue de la Paix`, `25 Odos Ermou`); with the Asian
number-first forms (asia.py) they are one digit-anchored member (`NUMBER_FIRST_ALL`).
"""

from __future__ import annotations

import re

from redaction.address.asia import (
    JP_NUMBER_FIRST,
    KR_NUMBER_FIRST,
    TH_VN_NUMBER_FIRST,
    VN_LOWER_NUMBER_FIRST,
    VN_NAMED_NUMBER_FIRST,
)
from redaction.address.parts import JOIN, NAME, UNITS, UP
from redaction.literals import expand, trie

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
EN_TYPE_WORDS = trie(expand(_EN_TYPES))
# Street types that end a lower-case street line ("385 sunset blvd", "114 smith st"): not
# "way", "park", "walk"… ("3 dogs on the way home").
_EN_STRONG = trie(
    expand(
        r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|terrace|crescent|court"
        r"|highway|hwy|parkway|pkwy|thanon|soi|marg"
    )
)
# Street types that are common words too ("on the way", "in the park"): in lower case only
# before a unit ("561 lincoln way, apt 5a").
_EN_WEAK = trie(
    expand(r"way|place|close|park|walk|row|square|circle|court|path|loop|trail|grove|hill|pl|ct")
)
# Small words inside an English-written street name ("Prince Mohammed bin Abdulaziz St")
_EN_JOIN = r"(?:bin|ibn|al|el|de|del|la|da|di|van|von|der|du|le|of|the)"
# "221B Baker Street", "1600 Pennsylvania Avenue NW", "12, Elm Rd.", "70/16, Dora Circle",
# "14th Cross", "3rd Main Road"; an ordinal in the name ("36 26th of July St", a Canadian
# unit and house "1601-154 17th Ave SW")
_NUMBER_FIRST = re.compile(
    rf"(?<!\d[.,])\b(?:\d{{1,3}}(?i:st|nd|rd|th)\s+(?i:cross|main|stage|phase|block|sector)\b"
    rf"|\d{{1,5}}(?:[A-Za-z]|st|nd|rd|th)?(?:[\-/]\d{{1,5}}[A-Za-z]?)?"
    rf"(?:,?[ \t]+(?:(?:[{UP}][\w'’.\-]*|{_EN_JOIN}|\d{{1,2}}(?:st|nd|rd|th))[ \t]+){{1,4}}"
    r"|[ \t]+(?=[A-Z]))"
    rf"(?i:{EN_TYPE_WORDS})\b\.?"
    rf"|\d{{1,5}}[a-z]?(?:[\-/]\d{{1,5}}[a-z]?)?,?[ \t]+"
    rf"(?:(?:[a-z][a-z'’.\-]*|\d{{1,2}}(?:st|nd|rd|th))[ \t]+){{1,4}}(?:{_EN_STRONG})\b\.?"
    # a weaker type in lower case when a unit follows: "561 lincoln way, apt 5a"
    rf"|\d{{1,5}}[a-z]?[ \t]+(?:[a-z][a-z'’.\-]*[ \t]+){{1,3}}(?:{_EN_WEAK})\b"
    r"(?=,?[ \t]+(?:(?:apt|apartment|unit|suite|ste|flat)\b|#)))"
    rf"(?:[ \t]+(?i:road|rd)\b\.?)?(?:[ \t]+(?i:N|S|E|W|NE|NW|SE|SW)\b)?"
    rf"(?:,?\s+(?i:suite|ste\.?|apt\.?|apartment|unit|flat|floor|fl\.?|#)\s*\w{{1,5}})?"
    rf"{UNITS}"
)
# "10 rue de la Paix", "3 bis, avenue Victor Hugo", "25 Odos Ermou": number, type, name
_FR = re.compile(
    rf"\b\d{{1,4}}(?:-\d{{1,4}})?(?:\s?(?i:bis|ter))?,?\s+(?i:rue|avenue|av\.|boulevard|bd|place|chemin"
    rf"|all[ée]e|impasse|quai|cours|route|square|cité|passage|sentier|voie|odos|odós|od\.)"
    rf"\s+(?:(?i:{JOIN})\s*){{0,2}}{NAME}(?:[ \t]+(?:(?i:{JOIN})[ \t]*)?{NAME}){{0,3}}{UNITS}"
)
# Each combined member costs the anchored pass a little at every place it is tried, so the
# number-first street forms are one member, and so are the postcodes that begin with a
# letter (postcodes.py; told apart by `fullmatch` when one is found).
NUMBER_FIRST_ALL = re.compile(
    "|".join(
        f"(?:{p.pattern})"
        for p in (
            _FR,
            _NUMBER_FIRST,
            JP_NUMBER_FIRST,
            KR_NUMBER_FIRST,
            TH_VN_NUMBER_FIRST,
            VN_NAMED_NUMBER_FIRST,
            VN_LOWER_NUMBER_FIRST,
        )
    )
)
