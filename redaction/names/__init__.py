"""PERSON: names found by their context and shape, with name lists as one kind of evidence.

No statistical model runs here (none ships offline; ner.py adds one where a user has it).
A name is found by:

1. a cue right before it: honorifics ("Dr.", "Frau", "Pan", "Sayın"), salutations ("Dear",
   "Hi"), introductions ("my name is", "je m'appelle", "benim adım"), references ("talk to",
   "ask for", "cc", "signed by"), labels ("Name:", "Patient:") and sign-offs ("Regards,"):
   capitalised words after a strong cue are a name unless every one is a common word; after
   a weak cue ("from", "with", "by") they need list evidence or two uncommon words;
2. lower-case chat ("ask wojciech about it"): after a cue, a word from the first-name list
   that is no common word, and a surname after it;
3. shape: a first name from the list followed by capitalised words; "Surname, First";
   initials before a surname ("J. Kowalska", "A.K. Sharma"); two or three capitalised
   words none of which is a common word, one of them in the lists.

The lists (see data/build_name_lists.py): 45,000 first names of 54 countries from
gender-guesser's `nam_dict.txt` (Jörg Michael, GNU FDL), read from that package at run
time; 88,799 surnames of the US Census 1990 (public domain); and common words (SCOWL and
wordfreq) that make a listed name ambiguous ("Will", "Grace") or a capitalised word no name.
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from redaction.literals import expand, trie
from redaction.scan import Scan, finditer_at, is_word
from redaction.spans import Span


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _set_of(alternatives: str) -> frozenset[str]:
    return frozenset(alternatives.split("|"))


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
_TOKEN = rf"[{_UPPER}][^\W\d_]*(?:[-'’][{_UPPER}a-z][^\W\d_]+)*"
_PARTICLE = (
    r"(?:van|von|de|der|den|da|di|del|della|du|le|la|ten|ter|af|al|el|bin|binti|ibn|bint|dos"
    r"|das|do|e|y|zu|vom|ben|ould|ap|mac|ni|nic|ua|st\.?)"
)
_INITIALS = rf"(?:[{_UPPER}]\.(?:[ \t]?[{_UPPER}]\.){{0,2}}[ \t]*)"
# Up to five name tokens, allowing initials ("J. Kowalska", "John F. Kennedy") and particles
# ("Ludwig van der Berg", "Maria de la Cruz", "Mohammed bin Rashid Al-Mansouri").
_NAME = rf"{_INITIALS}?{_TOKEN}(?:[ \t]+{_INITIALS}?(?:{_PARTICLE}[ \t]+){{0,2}}{_TOKEN}){{0,4}}"

_HONORIFICS = (
    r"mr|mrs|ms|mx|miss|dr|prof|sir|dame|lord|lady|herr|frau|hr|fr|mme|mlle|m|sr|sra|srta|don"
    r"|do[ñn]a|sig|sig\.ra|signor|signora|dott|dott\.ssa|avv|ing|dhr|mevr|mw|mej|meneer"
    r"|mevrouw|fru|pan|pani|panna|sayın|bay|bayan|shri|sri|smt|kumari|rev|fr|father|sister"
    r"|capt|col|maj|lt|sgt|insp|det|officer|judge|nurse|mag|mgr|doc|dipl|herra|rouva|kyrie"
    r"|kyria|gospodin|gospo[dđ]a|ustaz|sheikh|hajji|haji|mst|md|madame|monsieur|mademoiselle"
    r"|herrn|se[ñn]or|se[ñn]ora|senhor|senhora|sig\.na|signorina|meneer|mevrouw|madam|domnul"
    r"|doamna|dl|dna|tuan|puan|bapak|pak|ibu|bu|khun|ato|w/ro|woizero|dra|lic|arq|abog|eng"
)
# Honorifics that end a run of capitalised words ("… Dott. Bianchi"): only those that are
# never a surname too ("Sheikh", "Don", "Bay" are).
_TITLE_WORDS = (
    r"mr|mrs|ms|mx|miss|dr|prof|herr|herrn|frau|mme|mlle|sra|srta|dott|dott\.ssa|avv|dhr|mevr"
    r"|sayın|shri|smt|pan|pani|madame|monsieur|mademoiselle|se[ñn]or|se[ñn]ora|senhor|senhora"
    r"|signor|signora|domnul|doamna"
)
_STRONG_CUES = (
    rf"{_HONORIFICS}|dear|liebe|lieber|cher|ch[èe]re|estimad[oa]|querid[oa]|gentile|caro|cara"
    r"|beste|geachte|kära|kjære|kære|drogi|droga|szanowny|szanowna|sayın|prezado|prezada"
    r"|hi|hello|hey|hallo|moin|servus|bonjour|salut|hola|buenos d[ií]as|ciao|buongiorno|hej"
    r"|hei|moi|merhaba|ol[áa]|oi|cze[śs][ćc]|dzie[ńn] dobry|ahoj|szia|yassou|namaste"
    r"|salam|habari|jambo|sawubona|good morning|good afternoon|good evening|morning"
    r"|name|full name|customer name|client name|patient|patient name|employee|employee name"
    r"|applicant|applicant name|candidate|tenant|landlord|policyholder|insured|claimant"
    r"|passenger|guest|member|holder|signed|signed by|signature|regards|best regards"
    r"|kind regards|warm regards|warmest regards|many thanks|sincerely|yours sincerely"
    r"|yours truly|yours faithfully|cheers|thanks|thank you|thanks again|best|best wishes"
    r"|all the best|take care|mit freundlichen gr[üu](?:ß|ss)en|freundliche gr[üu](?:ß|ss)e"
    r"|viele gr[üu](?:ß|ss)e|liebe gr[üu](?:ß|ss)e|beste gr[üu](?:ß|ss)e|gr[üu](?:ß|ss)e|lg"
    r"|mfg|cordialement|bien [àa] vous|bien cordialement|salutations|amicalement|saludos"
    r"|atentamente|un saludo|cordiales saludos|cordiali saluti|distinti saluti|saluti"
    r"|met vriendelijke groet|vriendelijke groet|groeten|groetjes|med v[äa]nliga h[äa]lsningar"
    r"|v[äa]nliga h[äa]lsningar|h[äa]lsningar|mvh|med venlig hilsen|venlig hilsen|hilsen"
    r"|med vennlig hilsen|z powa[żz]aniem|pozdrawiam|pozdrowienia|saygılarımla|sayg[ıi]lar"
    r"|atenciosamente|cumprimentos|abra[çc]os|ystävällisin terveisin|terveisin|s pozdravem"
    r"|sayg[ıi]lar[ıi]m[ıi]zla|iyi [çc]al[ıi][şs]malar"
    r"|[üu]dv[öo]zlettel|cu stim[ăa]|attn|c/o|contact person|account holder|cardholder"
    r"|beneficiary|nom|nombre|nome|vorname|nachname|achternaam|voornaam|namn|navn|imi[ęe]"
    r"|nazwisko|ad|soyad|ad soyad|my name is|my name's|my names|name is|name's|names"
    r"|je m['’]appelle|je suis|ich hei(?:ß|ss)e|mein name ist|ich bin|mi chiamo|sono|me llamo"
    r"|mi nombre es|soy|mijn naam is|ik ben|ik heet|jag heter|jeg hedder|jeg heter|jeg er"
    r"|nazywam si[ęe]|mam na imi[ęe]|jestem|benim ad[ıi]m|ad[ıi]m|ben|meu nome [ée]|me chamo"
    r"|chamo-me|sou|minun nimeni on|nimeni on|olen|jmenuji se|a nevem|numele meu este"
    r"|talk to|talked to|speak to|speak with|spoke to|spoke with|speaking with|ask for"
    r"|asked for|ask|asked|tell|told|ping|pinged|call|called|contact|contacted|email|emailed"
    r"|cc|bcc|approved by|reviewed by|escalated to|assigned to|handled by|forwarded to"
    r"|referred by|referred to|written by|reported by|requested by|submitted by|prepared by"
    r"|on behalf of|reporter|recipient|candidate|sorry|welcome|congratulations|congrats|bye"
    r"|goodbye|name as|gave name as|gave her name as|gave his name as|name on it is|named"
    r"|meet|please meet|complainant|respondent|witness|witnesses|interviewer|interviewee"
    r"|defendant|plaintiff|victim|suspect|mitt navn er|mit navn er|mitt namn [äa]r|eu sou"
    r"|mother|father|wife|husband|son|daughter|brother|sister|mum|mom|dad|spouse|referee"
    r"|panel|present|re|deceased|name on the account|name on both accounts|account name"
    r"|hit on|screening hit on|kyc review|review of|checklist for|jmenuji se|heir|adjuster"
    r"|loss adjuster|reviewer|interviewed|guarantor|co-signer|cosigner|landlady|nominee"
    r"|marked|reads|associate|alternative|account of|the account of|accompanied by"
    r"|is now|previously|formerly|n[ée]e|relative|my relative|buddy|mentor|buddy ="
)
# Weak cues: the words after them need a listed name or two unknown words. Roles are weak
# too: "agent: Perfect, …" is a speaker's line, "agent Maria Lopez" a name.
_WEAK_CUES = (
    r"from|by|with|to|and|or|for|of|per|via|this is|it['’]s|its|i['’]m|im|i am|is|says|have"
    r"|colleague|manager|supervisor|agent|doctor|physician|consultant|advisor|adviser"
    r"|engineer|technician|rep|representative|attending|caller|partner|friend|neighbour"
    r"|neighbor|customer|subject|driver|courier|buyer|seller|sender|payer|owner|user|tenant"
    r"|ring|member|family member"
)
_CUED = re.compile(
    rf"(?<![\w.])(?P<cue>(?i:{_STRONG_CUES})(?P<strong>)|(?i:{_WEAK_CUES}))\.?[ \t]{{0,3}}"
    rf"(?:[:,\-–—=]?[ \t\r\n]{{1,4}}|[:=])[(\"“'‘]?"
    rf"(?=(?P<title>(?i:{_HONORIFICS})\.?[ \t]{{1,3}})?"
    rf"(?P<name>(?:{_PARTICLE}[ \t]{{1,3}}){{0,2}}{_NAME}))"
)
# Runs of two or more capitalised words, found without leading initials (a pattern that
# begins with a capital letter is found by a fast scan for one; "J. Kowalska" is found by
# _INITIALED), and single capitalised words.
_RUN = re.compile(rf"{_TOKEN}(?:[ \t]+{_INITIALS}?(?:{_PARTICLE}[ \t]+){{0,2}}{_TOKEN}){{1,4}}")
_CAPITALISED = re.compile(rf"[{_UPPER}][^\W\d_]+")
_INITIALED = re.compile(rf"(?:[{_UPPER}]\.[ \t]?){{1,3}}[ \t]*(?:(?i:{_PARTICLE})[ \t]+)?{_TOKEN}")
# "Otieno, Amani": a surname, a comma and a first name from the list.
_SURNAME_FIRST = re.compile(rf"(?<![\w.])({_TOKEN}),[ \t]+({_TOKEN})(?![\w'’-])")

# Where a cue can begin. A cued name begins with a capital letter after whitespace, and the
# cue ends at most 22 characters before it (the separators' bounds): from each such capital
# the same grammar read backwards, on the reversed lower-cased text, finds where a cue can
# begin (twice: with and without an honorific between cue and name, as both can match).
# The cued pattern then runs only there: tried at every word, its case-insensitive
# alternation of 300 cues was the costliest scan of the engine.
_CUE_WORDS = frozenset(expand(f"{_STRONG_CUES}|{_WEAK_CUES}"))
_BACK = r"[(\"“'‘]?(?:[ \t\r\n]{1,4}[:,\-–—=]?|[:=])[ \t]{0,3}\.?"
_REVERSED_CUE = trie(frozenset(word[::-1] for word in _CUE_WORDS))
_REVERSED_HONORIFIC = trie(frozenset(word[::-1] for word in expand(_HONORIFICS)))
_REVERSED_PARTICLES = (
    rf"(?:[ \t]{{1,3}}(?:{trie(frozenset(word[::-1] for word in expand(_PARTICLE)))})){{0,2}}"
)
_CUE_BEFORE = re.compile(rf"{_REVERSED_PARTICLES}{_BACK}(?:{_REVERSED_CUE})(?![\w.])")
_CUE_BEFORE_HONORIFIC = re.compile(
    rf"{_REVERSED_PARTICLES}[ \t]{{1,3}}\.?(?:{_REVERSED_HONORIFIC}){_BACK}(?:{_REVERSED_CUE})"
    r"(?![\w.])"
)
_CAPITAL = re.compile(rf"[{_UPPER}]")
_ANY_CUE_BEFORE = re.compile(
    rf"{_REVERSED_PARTICLES}(?:[ \t]{{1,3}}\.?(?:{_REVERSED_HONORIFIC}))?{_BACK}"
    rf"(?:{_REVERSED_CUE})(?![\w.])"
)
_CAPITAL_AFTER_SPACE = re.compile(rf"[ \t\r\n(\"“'‘=:,][{_UPPER}]")
_WORD = re.compile(r"\S+")

# Lower-case chat: a cue, then a lower-case word that is a listed first name.
_LOWER_CUES = (
    r"hi|hey|hello|hallo|thanks|thx|ty|ask|asked|ask for|asked for|tell|told|ping|pinged|cc"
    r"|talk to|talked to"
    r"|speak to|spoke to|spoke with|speak with|chat with|call|called"
    r"|this is|its|it's|im|i'm|i am|my name is|my names|name is|names|me llamo|je m'appelle"
    r"|ich bin|ich heiße|mi chiamo|ik ben|jag heter|jestem|benim adım|adım|sono|soy|sou"
    r"|son|daughter|mum|mom|mother|dad|father|wife|husband|brother|sister|member|sorry"
    r"|name as|named|name on it is|user|customer|ring|-|–|—|relative|my relative|buddy"
)
_LOWER_CUE_TRIE = trie(expand(_LOWER_CUES))
# The first word of each lower-case cue: a text holds one, split as _lower_case splits it,
# wherever the cue pattern matches (its cue ends at a space, comma, colon or bracket).
_LOWER_CUE_WORDS = frozenset(
    word.replace(",", " ").replace(".", " ").replace(":", " ").replace("(", " ").split()[0]
    for word in expand(_LOWER_CUES)
)
_LOWER_LETTER = "^\\W\\d_"  # any letter: the pattern runs on the lower-cased text
# The name is in a look-ahead: a cue followed by a word that is no name ("hi its wojciech")
# leaves that word free to be the next match's cue.
_LOWER_NAME = re.compile(
    rf"(?<![\w.'])(?P<cue>{_LOWER_CUE_TRIE})[ \t,:(]+"
    rf"(?=(?P<first>[{_LOWER_LETTER}]{{2,}}(?:-[{_LOWER_LETTER}]{{2,}})?)"
    rf"(?P<rest>(?:[ \t]+[{_LOWER_LETTER}](?:[{_LOWER_LETTER}]|['\-]){{1,}}){{0,3}}))"
)

# Capitalised words that are never a name, even after a cue ("Dear Customer", "Hi Team").
STOP_WORDS = _STOP = _set(
    """
    a an the this that these those and or but if in on at to for of with from by as is are
    was were be been it its i we you he she they my our your his her their me us them all
    any some no not yes ok okay please thanks thank hello hi dear sir madam customer
    customers team support service services sales billing admin administrator user users
    client clients colleague colleagues friends everyone there here staff member members
    manager department office company inc ltd llc gmbh ag sa bv ab plc corp corporation bank
    university hospital clinic school group order orders invoice account payment card street
    road avenue monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december today tomorrow
    yesterday new york london paris berlin madrid rome amsterdam stockholm europe america mr
    mrs ms dr prof regards best kind sincerely cheers name signed subject re fw fwd note
    notes update status error warning info debug true false none null ticket case ref id
    i've i'm i'll i'd i’ve i’m i’ll i’d
    dept hr it ops qa devops crm api sla faq pdf url uk us usa eu un feb mar apr jun jul
    aug sep sept oct nov dec mon tue wed fri sat dob id tel fax env
    german french spanish italian dutch english polish turkish greek thai chinese japanese
    korean indian russian ukrainian swedish danish norwegian finnish portuguese brazilian
    son daughter mother father wife husband brother sister mum mom dad min din sin bien dane
    """
)
# Honorifics of more than one letter: inside a run of capitalised words they end a name.
_TITLES = frozenset(word.rstrip(".") for word in expand(_TITLE_WORDS))
_HONORIFIC_WORDS = frozenset(expand(_HONORIFICS))
# Words that make the capitalised words before them a place or an institution's name.
_PLACE = _set(
    """
    avenue street st road rd boulevard blvd lane drive square place bridge airport station
    hospital university college school institute foundation center centre building tower hall
    stadium prize award church cathedral museum library gallery highway way plaza memorial
    straße strasse platz allee weg rue via calle plaza piazza corso ulica utca caddesi
    biotech telecom pharma pharmaceuticals analytics labs lab systems solutions software
    technologies technology tech insurance logistics foods motors airlines airways holdings
    partners capital consulting media studio studios clinic bank group ventures energy
    networks cloud robotics dynamics industries international global services airport
    """
)
# Greetings: capitalised at a sentence's start, never a name ("Bonjour Marie": the cue).
_GREETINGS = _set(
    """
    bonjour bonsoir salut guten tag morgen abend hola buenos buenas hallo hello hi hey hej
    hei ciao buongiorno buonasera merhaba namaste salam habari jambo olá ola oi cześć dzień
    szia ahoj moin servus sawubona kia ora shalom privet zdravstvuyte konnichiwa annyeong
    """
)
_DATA = Path(__file__).parent.with_name("data")


@cache
def _given() -> dict[str, int]:
    """Lower-cased first names and how common each is where it is most common (1-13).

    gender-guesser's list (its data file, not its code): a column per country holds a
    hexadecimal frequency class; the largest is the name's popularity.
    """
    data = importlib.resources.files("gender_guesser") / "data" / "nam_dict.txt"
    found: dict[str, int] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        if line and line[0] not in "#=":
            name = line.split()[1].lower()
            classes = [int(c, 16) for c in line[30:-1] if c in _HEX]
            popularity = max(classes, default=1)
            for variant in {name.replace("+", joiner) for joiner in ("", "-")}:
                found[variant] = max(found.get(variant, 0), popularity)
                # Romanian is written with comma-below letters, the list has cedillas; chat
                # often drops the accents ("radoslaw" for "radosław").
                for other in (variant.translate(_COMMA_BELOW), folded(variant)):
                    found[other] = max(found.get(other, 0), popularity)
    return found


_COMMA_BELOW = str.maketrans("şţ", "șț")
_UNACCENTED = str.maketrans("łøđßæœı", "lodsaei")


def folded(word: str) -> str:
    """`word` without its accents: "radosław" -> "radoslaw", "müller" -> "muller"."""
    plain = unicodedata.normalize("NFKD", word.translate(_UNACCENTED))
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


_HEX = frozenset("0123456789ABCDEF")
# A listed first name that is also a common word is taken as a name on its own evidence
# when it is this popular somewhere ("John", "Mark", "Rose"), not when rarer ("Will", "Grace").
_POPULAR = 8


@cache
def _titled_given() -> frozenset[str]:
    """The first names as a capitalised word is written ("Annika", "Jean-Luc")."""
    return frozenset(name[:1].upper() + name[1:] for name in _given())


@cache
def first_names() -> frozenset[str]:
    """Lower-cased first names of 54 countries (gender-guesser's list)."""
    return frozenset(_given())


def _lines(name: str) -> frozenset[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return frozenset(line.lower() for line in text.splitlines() if line and line[0] != "#")


@cache
def surnames() -> frozenset[str]:
    """Lower-cased surnames: the US Census 1990 list."""
    return _lines("surnames.txt")


@cache
def places() -> frozenset[str]:
    """Lower-cased names of cities, countries and US states (GeoNames)."""
    return _lines("places.txt")


@cache
def common_words() -> frozenset[str]:
    """Lower-cased common words of 16 languages (data/build_name_lists.py)."""
    return _lines("common_words.txt")


def is_common(word: str) -> bool:
    return word.lower() in common_words()


def is_listed_word(word: str) -> bool:
    """Whether `word` (or a part of a hyphenated one) is in the first-name or surname list."""
    lower = word.lower().replace("’", "'")
    given, family = first_names(), surnames()
    if lower in given or lower in family:
        return True
    return any(p in given or p in family for p in re.split(r"[-']", lower) if len(p) > 1)


def _is_given(word: str) -> bool:
    lower = word.lower()
    names = first_names()
    return lower in names or lower.split("-")[0] in names


def _evidence(word: str) -> str:
    """ "name": a listed word that is no common word, or a popular first name ("John");
    "maybe": listed and common ("Will"); "unknown": in no list and no common word; "word": a
    common word only, or an acronym ("IBAN")."""
    if len(word) > 1 and word.isupper():
        return "word"
    listed, common = is_listed_word(word), is_common(word)
    if listed:
        if not common or _given().get(word.lower(), 0) >= _POPULAR:
            return "name"
        return "maybe"
    return "word" if common else "unknown"


def _tokens(name: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(name)]


def _trim(name: str) -> str:
    """Cut the name at its first stop word or honorific ("John Smith The" -> "John Smith");
    nothing is left when a place word follows ("John F. Kennedy Avenue", "Anna Hospital")."""
    end = 0
    for start, stop in _tokens(name):
        token = name[start:stop]
        if len(token) <= 4 and token.endswith(".") and token[:1].isupper():
            end = stop  # initials, "A." or "A.K."
            continue
        word = token.lower().strip(".,")
        if word in _PLACE:
            return ""
        if word in _STOP or word in _TITLES or word in _GREETINGS:
            break
        end = stop
    return name[:end]


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", name) if len(w) > 1]


def _cued(text: str, lower: str | None) -> Iterator[re.Match[str]]:
    if lower is None:
        return _CUED.finditer(text)
    reverse = lower[::-1]
    size = len(text)
    starts: set[int] = set()
    for m in _CAPITAL_AFTER_SPACE.finditer(text):
        at = size - m.end() + 1  # the whitespace before the capital, in the reversed text
        if _ANY_CUE_BEFORE.match(reverse, at) is None:
            continue  # most capitals follow no cue: one test instead of two
        for pattern in (_CUE_BEFORE, _CUE_BEFORE_HONORIFIC):
            found = pattern.match(reverse, at)
            if found is not None:
                starts.add(size - found.end())
    return finditer_at(_CUED, text, sorted(starts))


def _accept_cued(name: str, strong: bool, after: str) -> bool:
    """Whether the capitalised words `name` after a cue are a name; `after` is the text that
    follows them."""
    words = _words(name)
    if not words:
        return False  # a lone letter is a name only after a title ("M. X", see _capitalised)
    if _is_place(name) and (len(words) > 1 or not strong and not is_popular(words[0])):
        return False  # "to São Paulo"; but "Hi Sofia", "Ring Anna" are people
    if all(word.lower() in _CUE_WORDS for word in words):
        return False  # "Cordialement,\nHälsningar": a sign-off after a sign-off
    kinds = [_evidence(w) for w in words]
    if "name" in kinds:
        return True
    if strong:
        if "unknown" in kinds:
            return True
        # "Hi Will," is Will; "Thanks, Can you …" and "Dear Data Protection Officer," not.
        ends = not after.strip(" \t") or after.lstrip(" \t")[0] in _ENDS
        return kinds == ["maybe"] and ends
    if kinds.count("unknown") >= 2:
        return True
    if len(words) >= 2 and _is_given(words[0]) and words[-1].lower() in surnames():
        return True  # "from Heather Walker": a first name and a surname, both listed
    # "Cover arranged with Iqra.": one unknown word that ends the sentence.
    return kinds == ["unknown"] and after[:1] in (".", "!", "?", ";", "\n", "")


_ENDS = frozenset(",.!?:;)\n\r")


def is_popular(word: str) -> bool:
    """A first name this common somewhere is a name first, even if it is a word ("John")."""
    return _given().get(word.lower(), 0) >= _POPULAR


def _is_place(name: str) -> bool:
    lower = name.lower().strip(" .,")
    return lower in places() or " ".join(lower.split()[:2]) in places()


def detect_person(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if " " not in text and "\n" not in text and "\t" not in text:
        return _one_word(text)
    found: list[Span] = []
    if scan.has_upper:
        found.extend(_capitalised(text, scan))
    lower = scan.lower if scan.lower is not None else text.lower()
    # Offsets in the lower-cased text must be offsets in the text.
    aligned = len(lower) == len(text)
    if aligned:
        found.extend(_lower_case(text, lower, _casual(text, scan)))
    if "\n" in text:
        found.extend(_lines_of(text))
    if found:
        found = [_with_first_name(text, span) for span in found]
        found.extend(list(_listed_with(text, list(found))))
        if aligned:
            found.extend(_again(text, lower, found))
    return iter(found)


def _listed_with(text: str, found: list[Span]) -> Iterator[Span]:
    """ "Amna Hashmi, Usman Khan and Z.I. Rizvi": the other names of a list that holds a name
    found, each a run of capitalised words that are no common words."""
    for span in found:
        end = span.end
        while (joined := _JOINED.match(text, end)) is not None:
            name = _trim(joined.group("name"))
            if not name or not all(_acting(w) for w in _words(name)) or _is_place(name):
                break
            end = joined.start("name") + len(name)
            yield Span(joined.start("name"), end, "PERSON")
        before = _JOINED_BEFORE.search(text, max(0, span.start - 80), span.start)
        if before is not None:
            name = before.group("name")
            if all(_acting(w) for w in _words(name)) and not _is_place(name):
                yield Span(before.start("name"), before.end("name"), "PERSON")


def _with_first_name(text: str, span: Span) -> Span:
    """ "Name: Hernández Gómez, Pablo": a surname found, then a comma and a first name."""
    m = _COMMA_GIVEN.match(text, span.end)
    if m is not None and "," not in text[span.start : span.end] and _acting(m.group(1)):
        return Span(span.start, m.end(), span.entity)
    # "Dr. Saarinen (Ville)": a first name in brackets after a surname.
    m = _BRACKETED.match(text, span.end)
    if m is not None and all(_acting(w) for w in _words(m.group(1))):
        return Span(span.start, m.end(), span.entity)
    return span


_ROLE = re.compile(r"(?:[a-z][a-z\-]+[ \t]?){1,3}\)")
_RUN_BEFORE = re.compile(rf"(?<![\w'’-])({_TOKEN}(?:[ \t]+{_TOKEN}){{1,2}})[ \t]+$")
_BRACKETED_PAIR = re.compile(rf"\(({_TOKEN},[ \t]+{_TOKEN}|{_TOKEN}[ \t]+{_TOKEN})\)")
_BRACKETED = re.compile(rf"[ \t]*\(({_TOKEN}(?:[ \t]+{_TOKEN})?)\)")
_COMMA_GIVEN = re.compile(rf",[ \t]+({_TOKEN})(?=[ \t]*(?:[\n\r.;)(]|$))")


def _capitalised(text: str, scan: Scan) -> Iterator[Span]:
    """Names among the capitalised words of `text`: after a cue, by shape, and alone."""
    yield from _cued_names(text, scan.lower)
    if "-" in text and _SUFFIX_GATE.search(text) is not None:
        for m in _HONORIFIC_SUFFIX.finditer(text):
            yield Span(m.start(1), m.end(1), "PERSON")  # "Yoshida-san"
    yield from _initialed(text)
    if "(" in text:
        yield from _bracketed(text)
    # Runs of two or more capitalised words.
    runs = list(_RUN.finditer(text))
    yield from _runs(text, runs)
    if ", " in text:
        yield from _surnames_first(text)
    yield from _first_names_alone(text, [m.span() for m in runs])


def _cued_names(text: str, lower: str | None) -> Iterator[Span]:
    """Capitalised words after a cue ("Dr. Saarinen", "Hi Will,", "from Heather Walker"),
    and the names joined to one after a strong cue ("Hello Vasyl and Viktoriia,")."""
    for m in _cued(text, lower):
        name = _trim(m.group("name"))
        start, end = m.start("name"), m.start("name") + len(name)
        strong = m.group("strong") is not None
        titled = m.group("title") is not None or m.group("cue").lower() in _HONORIFIC_WORDS
        if (
            not name
            or _DATE_AFTER.match(text, end) is not None
            and " " not in name  # "and Mai 2024"
            or not (
                titled
                and (_words(name) or _CAPITAL.fullmatch(name.strip()) is not None)  # "M X"
                and not _is_place(name)
                or _accept_cued(name, strong, text[end : end + 2])
            )
        ):
            continue
        yield Span(start, end, "PERSON")
        # "Hello Vasyl and Viktoriia,": a name joined to a cued one is cued the same way.
        while strong and (joined := _JOINED.match(text, end)) is not None:
            name = _trim(joined.group("name"))
            start, end = joined.start("name"), joined.start("name") + len(name)
            if not name or not _accept_cued(name, strong, text[end : end + 2]):
                break
            yield Span(start, end, "PERSON")


def _runs(text: str, runs: list[re.Match[str]]) -> Iterator[Span]:
    """The names in runs of two or more capitalised words."""
    for m in runs:
        value = m.group()
        # "ÖZKAN Zeynep", "AL SHAMSI, Latifa": a surname in capitals, then a first name.
        if (
            value[1:2].isupper()
            and (caps := _CAPS_SURNAME.match(text, m.start())) is not None
            and (m.start() == 0 or not is_word(text[m.start() - 1]))
            and _caps_surname(caps.group(1), caps.group(2))
        ):
            yield Span(caps.start(), caps.end(), "PERSON")
        else:
            yield from _shaped(value, m.start(), acts=_acts(text, m.end()))


def _first_names_alone(text: str, runs: list[tuple[int, int]]) -> Iterator[Span]:
    """Capitalised words that are first names, wherever they stand alone (outside `runs`,
    the runs of capitalised words) or before a verb a person does."""
    for word in _titled_given().intersection(_CAPITALISED.findall(text)):
        if not (_alone(word) or _popular_enough(word)):
            continue
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (
                (at == 0 or not _is_name_char(text[at - 1]))
                and (end == len(text) or not _is_name_char(text[end]))
                and (_alone(word) or _acts(text, end))
                and not _DATE_AFTER.match(text, end)
                and not any(start <= at < stop for start, stop in runs)
            ):
                yield Span(at, end, "PERSON")
            at = text.find(word, end)


def _is_name_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"


def _bracketed(text: str) -> Iterator[Span]:
    """Names in or before brackets: "(Mendoza, Joel)", "Riaan Mokoena (specialist nurse)",
    "Kovács Tamás (logistics)". Tried at each "(" only."""
    at = text.find("(")
    while at >= 0:
        pair = _BRACKETED_PAIR.match(text, at)
        if pair is not None and all(_acting(w) for w in _words(pair.group(1))):
            yield Span(pair.start(1), pair.end(1), "PERSON")
        elif _ROLE.match(text, at + 1) is not None:
            before = _RUN_BEFORE.search(text, max(0, at - 60), at)
            if (
                before is not None
                and all(_acting(w) for w in _words(before.group(1)))
                and not _is_place(before.group(1))
            ):
                yield Span(before.start(1), before.end(1), "PERSON")
        at = text.find("(", at + 1)


def _surnames_first(text: str) -> Iterator[Span]:
    """ "Otieno, Amani", "SIKORA, Beata": a surname, a comma and a first name."""
    at = text.find(", ")
    while at > 0:
        begin = at
        while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] in "'’-"):
            begin -= 1
        if (
            text[begin:at][:1] in _CAPITALS
            and (begin == 0 or not text[begin - 1].isalnum())
            and _surname_first_at(text, begin)
        ):
            pair = _SURNAME_FIRST.match(text, begin)
            if pair is not None:
                yield Span(begin, pair.end(), "PERSON")
        at = text.find(", ", at + 2)


def _acts(text: str, end: int) -> bool:
    """Whether a verb a person does follows at `end` ("… reports", "… said")."""
    verb = _NEXT_WORD.match(text, end)
    return verb is not None and verb.group(1) in _VERBS


def _surname_first_at(text: str, start: int) -> bool:
    pair = _SURNAME_FIRST.match(text, start)
    return pair is not None and _surname_first(pair.group(1), pair.group(2))


def _initialed(text: str) -> Iterator[Span]:
    """ "J. Kowalska", "A.K. Sharma", "A. Di Stefano": initials before an uncommon
    capitalised word. Initials end in a capital letter and ". ": found from there."""
    at = text.find(". ")
    last = 0
    while at > 0:
        if text[at - 1] in _CAPITALS:
            start = at - 1
            while start >= 2 and text[start - 1] == "." and text[start - 2] in _CAPITALS:
                start -= 2  # "A.K."
            m = _INITIALED.match(text, start)
            if (
                m is not None
                and start >= last
                and (start == 0 or not _is_word_or_dot(text[start - 1]))
                and (surname := _words(m.group()))
                and _evidence(surname[-1]) != "word"
                and _trim(text[start : m.end() + 24]).strip() != ""
            ):
                last = m.end()
                yield Span(start, m.end(), "PERSON")
        at = text.find(". ", at + 2)


_CAPITALS = frozenset(
    chr(code) for code in range(0x2000) if re.fullmatch(rf"[{_UPPER}]", chr(code))
)
_SUFFIX_GATE = re.compile(r"-(?:san|sama|kun|chan|sensei|senpai|ssi|nim|ji|jee|bhai|didi)(?![\w-])")


def _alone(word: str) -> bool:
    """A capitalised word on its own that is a first name: listed, popular enough somewhere,
    no common word, no place ("Annalisa reports …", "Ring Sofia" is lost to the city)."""
    lower = word.lower()
    return (
        len(word) > 2
        and not word.isupper()
        and _given().get(lower, 0) >= _ALONE
        and lower not in common_words()
        and lower not in _STOP
        and lower not in _GREETINGS
        and lower not in places()
    )


# How popular a first name must be somewhere to be taken on its own, with no cue or surname.
_ALONE = 3


def _popular_enough(word: str) -> bool:
    """A listed first name, before a verb ("Sofia reports"): an unknown capitalised word there
    is as often a noun ("Erstattung will …")."""
    lower = word.lower()
    return lower in _given() and lower not in _STOP and lower not in common_words()


def _acting(word: str) -> bool:
    """A capitalised word before a verb a person does ("Sofia reports", "Heather says"):
    a listed first name, or a word no list or dictionary knows."""
    lower = word.lower()
    if (
        len(word) < 3
        or word.isupper()
        or lower in _STOP
        or lower in _GREETINGS
        or lower in _ROLES
        or "'" in lower
        or "’" in lower
        or lower.endswith(_PLACE_SUFFIXES)
    ):
        return False
    if lower in _given() or lower in surnames() and lower not in common_words():
        return True
    return lower not in common_words() and lower not in places()


# Verbs that, right after capitalised words, make them the name of someone who acts.
_VERBS = _set(
    """
    says said joins joined forwarded reports reported wrote writes confirmed confirms asked
    asks added called calls emailed mentioned mentions told replied complained requested
    agreed claims claimed insists insisted explained noted stated accepted declined signed
    approved refused visited arrived left phoned rang texted messaged explains thinks thought
    wants wanted needs needed will would can could has had was is reported tested presented
    attended attends underwent received receives collected collects lives lived works worked
    disputes disputed contacted contacts apologised apologized promised denies denied
    exceeded exceeds completed completes met missed led leads managed manages handled
    delivered resigned started finished passed failed scored earned improved improves
    opened opens closed raised logged filed sent sends paid pays ordered bought booked
    """
)
# Romanised Japanese and Korean place parts: "Shimogyo-ku", "Gangnam-gu", "Teheran-ro".
_PLACE_SUFFIXES = ("-ku", "-cho", "-shi", "-machi", "-mura", "-gun", "-gu", "-dong", "-ro", "-gil")
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
_DATE_AFTER = re.compile(r"[ \t.]*\d")  # "Jan 15", "Mai 2024": a month, not a name
_HONORIFIC_SUFFIX = re.compile(
    rf"({_TOKEN})-(?:san|sama|kun|chan|sensei|senpai|ssi|nim|ji|jee|bhai|didi)(?![\w-])"
)
_CAPS_SURNAME = re.compile(
    rf"([{_UPPER}]{{2,}}(?:[ \-'’][{_UPPER}]{{2,}})?),?[ \t]+([{_UPPER}][^\W\d_{_UPPER}]+"
    rf"(?:-[^\W\d_]+)?)(?![\w'’])"
)
_JOINED_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{1,2}})(?:,[ \t]+|[ \t]+(?:and|&)[ \t]+)$"
)
_JOINED = re.compile(
    rf"(?:[ \t]+(?:and|&|und|et|y|e|og|och|i|ve|ja|és|en)[ \t]+|,[ \t]+)(?P<name>{_NAME})"
)


_SHORT_PARTICLES = frozenset(w for w in expand(_PARTICLE) if len(w) < 3)


def _caps_surname(last: str, first: str) -> bool:
    lower, given = last.lower(), first.lower()
    if lower in _STOP or not _acting(first) and given not in _given():
        return False
    if any(len(part) < 3 and part not in _SHORT_PARTICLES for part in re.split(r"[ \-'’]", lower)):
        # "SEPA DD Hooli": short capitals are an acronym, unless a particle ("AL", "DE") or a
        # short surname before a listed first name ("LI Jiayi", "HAN Jae-won").
        return given in _given() or given.split("-")[0] in _given()
    if lower in common_words():
        return given in _given()  # "KISS Bence": a word in capitals, then a first name
    return given in _given() or given not in common_words()


def _surname_first(last: str, first: str) -> bool:
    if last.isupper() and len(last) > 1:
        return _caps_surname(last, first)  # "SANTOS, Camila", "OMONDI, Nyambura"
    if last.lower() in _STOP or last.lower() in places():
        return False
    if first.lower() in places() and not is_popular(first):
        return False  # "Malqa, Riyadh": a district and its city
    surname = last.isupper() and len(last) > 1 and not is_common(last) or _evidence(last) != "word"
    if not surname or is_common(first):
        return False
    return _is_given(first) or is_listed_word(last) and _acting(first)


def _shaped(value: str, offset: int, *, acts: bool = False) -> Iterator[Span]:
    """In a run of capitalised words, the part that is a name by the lists and its shape."""
    spans = _tokens(value)
    if len(spans) < 2:
        return
    words = [value[s:e] for s, e in spans]
    for index, word in enumerate(words[:-1]):
        lower = word.lower().strip(".")
        if lower in _STOP or lower in _GREETINGS or lower in _TITLES:
            continue
        rest = _trim(value[spans[index + 1][0] :])
        if not rest:
            continue
        tail = _words(rest)
        if word.endswith(".") and len(word) <= 5 or not tail:
            continue  # initials are _INITIALED's
        if _is_place(f"{word} {rest}"):
            return
        kind, after = _evidence(word), _evidence(tail[0])
        # A listed first name before a surname or an unknown word ("Amani Otieno"); a
        # popular-but-common one ("Will") only before a listed surname that is no word.
        if _is_given(word) and (
            kind == "name" and after != "word" or kind == "maybe" and after == "name"
        ):
            stop = spans[index + 1][0] + len(rest)
            yield Span(offset + spans[index][0], offset + stop, "PERSON")
            return
        if acts and index == 0 and len(words) <= 3 and all(_acting(w) for w in _words(value)):
            # "Riaan Ndlovu joins the team", "Szabó Erzsébet says"
            yield Span(offset, offset + len(value), "PERSON")
            return
        if _alone(word):
            yield Span(offset + spans[index][0], offset + spans[index][1], "PERSON")
            return


def _lines_of(text: str) -> Iterator[Span]:
    """Names that a line's place gives away:
    - chat speakers, "[7:30] guadalupe: …", "Jean-François: Welcome …", when the label is a
      listed first name and no role ("agent", "bot");
    - the answer to "What's your name?" on the next line ("user: ifeoma adeyemi");
    - a signature line under a dash, "- Kwesi", "— Girma Tesfaye"."""
    offset, asked = 0, False
    for line in text.split("\n"):
        m = _SPEAKER.match(line) if ":" in line else None
        if m is not None:
            words = _words(m.group("name"))
            if words and _speaker(words):
                yield Span(offset + m.start("name"), offset + m.end("name"), "PERSON")
            if asked:
                answer = _ANSWER.fullmatch(line, m.end())
                if answer is not None and not any(is_common(w) for w in _words(answer.group(1))):
                    yield Span(offset + answer.start(1), offset + answer.end(1), "PERSON")
        elif line[:1] in _DASHES or line.lstrip()[:1] in _DASHES:
            sign = _SIGNATURE.fullmatch(line)
            if sign is not None and all(_acting(w) for w in _words(sign.group(1))):
                yield Span(offset + sign.start(1), offset + sign.end(1), "PERSON")
        for pattern in _NAME_LINES:
            found = pattern.fullmatch(line)
            if found is not None and _name_line(_words(found.group(1))):
                yield Span(offset + found.start(1), offset + found.end(1), "PERSON")
                break
        asked = _ASKS_NAME.search(line) is not None
        offset += len(line) + 1


def _name_line(words: list[str]) -> bool:
    """Capitalised words alone on a line, each a listed or unknown word (no common word,
    place, role or title): a signature, an addressee, an entry of a list."""
    if not words or len(words) > 4 or any(w.lower() in _CUE_WORDS for w in words):
        return False  # "Cordialement,", "Hälsningar": a sign-off is no name
    return all(_acting(w) for w in words) and not _is_place(" ".join(words))


# Lines that hold nothing but a name: "Kiprono Ochieng" (under a sign-off or above an
# address), "2. Getachew Girma - https://…", "Solomon -" (as a greeting), "Cauã Nogueira
# (logistics) for …".
_NAME_LINES = (
    re.compile(rf"[ \t]*({_TOKEN}(?:[ \t]+{_TOKEN}){{1,3}})[ \t]*"),
    re.compile(
        rf"[ \t]*(?:\d{{1,2}}[.)]|[*•])[ \t]+({_TOKEN}(?:[ \t]+{_TOKEN}){{0,3}})"
        r"[ \t]*(?:[-–—(,:].*)?"
    ),
    re.compile(rf"[ \t]*({_TOKEN}(?:[ \t]+{_TOKEN}){{0,2}})[ \t]*[-–—,][ \t]*"),
    re.compile(rf"[ \t]*({_TOKEN}(?:[ \t]+{_TOKEN}){{1,2}})[ \t]+[-–—][ \t].*"),
)


_DASHES = frozenset("-–—~")
_ASKS_NAME = re.compile(
    r"(?i)\b(?:your|ur|the) (?:full |first |last |sur)?name\b|\bname\?|\bspell\b"
)
_ANSWER = re.compile(r"[ \t]*([^\W\d_]+(?:[ \t][^\W\d_]+){0,2})[ \t.!]*")
_SIGNATURE = re.compile(rf"[ \t]*[-–—~]{{1,2}}[ \t]*({_TOKEN}(?:[ \t]+{_TOKEN}){{0,2}})[ \t]*")


_SPEAKER = re.compile(
    r"[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*|\d{1,2}:\d{2}(?::\d{2})?[ \t]+)?"
    r"(?P<name>[^\W\d_][^\W\d_'’.\-]*(?:[ \t][^\W\d_][^\W\d_'’.\-]*){0,2})[ \t]*:[ \t]"
)


def _speaker(words: list[str]) -> bool:
    """A name, not a role or a field label ("Cliente:", "Anschrift:"): no word may be a
    common word, a role, a title or a place."""
    lowers = [w.lower() for w in words]
    if any(w in _ROLES or w in _STOP or w in common_words() or w in places() for w in lowers):
        return False
    if any(w.isupper() and len(w) > 1 for w in words):
        return False  # "RRN:", "IBAN:": an acronym labels a field
    return all(len(w) > 2 for w in lowers)


# Roles and field labels that stand before a colon at a line's start, in the languages of
# the cues: never a speaker's name.
_ROLES = _set(
    """
    agent bot assistant customer client visitor user guest support system operator admin
    moderator host staff me you note subject from to cc bcc date time status re fw fwd sent
    reply summary reason action result outcome issue problem question answer update error
    warning info comment comments tags tag priority channel source type category label
    callback officer manager caller patient doctor nurse advisor adviser consultant rep
    cliente clienta kunde kundin klient klientka klant asiakas kund müşteri musteri
    agente agent operatore operatrice operador operadora opérateur operateur operatør
    atendente atendimento asesor asesora berater beraterin medewerker konsultant konsulent
    temsilci danışman pracownik doradca konzultant ügyfél ügyintéző tanácsadó
    usuario usuaria utente utilisateur benutzer gebruiker kullanıcı użytkownik uživatel
    suporte soporte supporto support assistente asistente vendedor venditore verkäufer
    anschrift adresse adres adress address indirizzo direccion dirección endereço endereco
    morada osoite adresa cím postadresse telefon teléfono telefone telefono puhelin
    nome nombre nom navn namn imię imie ad soyad geburtsdatum email correo betreff asunto
    oggetto objet onderwerp ämne emne konu temat bewerbung candidatura solicitud
    iban bic swift account konto cuenta conto rekening hesap tc cnp pesel nif nie dni ssn pan
    """
)


def _again(text: str, lower: str, found: list[Span]) -> Iterator[Span]:
    """Each word of a name found once, wherever else it stands in the text ("Sienna Campbell
    … Sienna will coordinate"), whatever its case ("Nikolaj" … "nikolaj")."""
    words: set[str] = set()
    for span in found:
        for word in _words(text[span.start : span.end]):
            word = word.lower()
            if len(word) > 2 and word not in common_words() and word not in _STOP:
                words.add(word)
    for word in words:
        start = lower.find(word)
        while start >= 0:
            end = start + len(word)
            if (start == 0 or not lower[start - 1].isalnum()) and (
                end == len(lower) or not lower[end].isalnum()
            ):
                yield Span(start, end, "PERSON")
            start = lower.find(word, end)


def _is_word_or_dot(ch: str) -> bool:
    return ch.isalnum() or ch in "_."


def _one_word(text: str) -> Iterator[Span]:
    """A string that is one word ("approve", "EUR", "Maria", "Yoshida-san"): a name only when
    it is a first name standing alone or carries a Japanese honorific."""
    if text[:1] in _CAPITALS:
        if _alone(text):
            yield Span(0, len(text), "PERSON")
        elif "-" in text and (m := _HONORIFIC_SUFFIX.fullmatch(text)) is not None:
            yield Span(0, m.end(1), "PERSON")


def _casual(text: str, scan: Scan) -> bool:
    """Text typed as chat is: without capitals, or a message (a line of at most 280
    characters, after a speaker's label) that begins in lower case. Only there is a word in
    lower case taken for a name after most cues."""
    if not scan.has_upper:
        return True
    if text[:1].islower() and len(text.split("\n", 1)[0]) <= _MESSAGE:
        return True
    return "\n" in text and _LOWER_LINE.search(text) is not None


_MESSAGE = 280
_LOWER_LINE = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*)?(?:[\w ]{1,20}:[ \t]*)?[a-z][^\n]{0,280}$"
)


def _lower_case(text: str, lower: str, is_casual: bool) -> Iterator[Span]:
    """Names written in lower case: chat ("ask wojciech about it"), and a few cues in any
    text ("Son ethan will collect", "a family member (amna)", "gave name as fernando")."""
    if "'s " in lower:
        yield from _possessives(text, lower)
    if not is_casual and _ANYWHERE.search(lower) is None:
        return
    # The words of the text, split at white space, commas and full stops (a cheap split:
    # other punctuation left on a word only hides it from these two gates).
    words = set(
        lower.replace(",", " ").replace(".", " ").replace(":", " ").replace("(", " ").split()
    )
    names = words & _lower_names()
    if not names and words.isdisjoint(_LOWER_GATE):
        return  # no introduction or dash, and no word is a first name but no common word
    for name in names:
        yield from _acting_lower(text, lower, name)
    cues = words & _LOWER_CUE_WORDS
    if not cues:
        return  # no cue: the cue pattern cannot match
    common = common_words()
    # The cue pattern, tried only where one of the cue words present begins.
    starts: set[int] = set()
    for cue_word in cues:
        at = lower.find(cue_word)
        while at >= 0:
            starts.add(at)
            at = lower.find(cue_word, at + 1)
    for m in finditer_at(_LOWER_NAME, lower, sorted(starts)):
        first, cue = m.group("first"), m.group("cue")
        if text[m.start("first")] != first[0] or first in _STOP:
            continue
        if cue in _INTRODUCTIONS:
            pass  # "my name is amber": whatever follows is the name
        elif first in common or first in _SLANG or len(first) < 3:
            continue  # "im waiting", "ask about", "thx pls"
        end = m.end("first")
        for part in _WORD.finditer(m.group("rest")):
            word = part.group()
            listed = word in _given() or word in surnames()
            if (
                word in _STOP
                or word in _SLANG
                or word in _VERBS
                or not (listed or word not in common and len(word) > 4)
            ):
                break  # "jennifer young" is a name, "anna about" is not
            end = m.start("rest") + part.end()
        yield Span(m.start("first"), end, "PERSON")


# Chat words that no dictionary lists but no one is named.
_SLANG = _set("pls plz thx btw lol asap tmrw ur u ok okay np idk imo tbh omg hru gonna wanna")
# Lower-case cues that are looked for in any text, not only in chat-like text.
_ANYWHERE = re.compile(r"son |daughter |member|name as|named |mum |mom |caller")


def _acting_lower(text: str, lower: str, name: str) -> Iterator[Span]:
    """ "ok so yevgeny said …", "halima from your team": a listed lower-case first name
    before a verb or "from"."""
    start = lower.find(name)
    while start >= 0:
        end = start + len(name)
        before = lower[start - 1] if start else " "
        if not before.isalnum() and before not in "'’.@/_" and text[start] == name[0]:
            verb = _NEXT_WORD.match(lower, end)
            if verb is not None and (verb.group(1) in _VERBS or verb.group(1) == "from"):
                yield Span(start, end, "PERSON")
        start = lower.find(name, end)


def _possessives(text: str, lower: str) -> Iterator[Span]:
    """ "do u have golnaz's number": an uncommon word before a possessive of someone's
    details."""
    for m in _POSSESSIVE.finditer(lower):
        word = m.group(1)
        if text[m.start(1)] == word[0] and word not in common_words() and word not in _STOP:
            yield Span(m.start(1), m.end(1), "PERSON")


_POSSESSIVE = re.compile(
    rf"(?<![\w'’.@/])([{_LOWER_LETTER}]{{3,}})'s[ \t]+(?:number|phone|email|e-mail|address|mum"
    r"|mom|dad|wife|husband|son|daughter|cv|contact|details|account)\b"
)


_INTRODUCTIONS = _set_of(
    "my name is|my names|name is|names|me llamo|je m'appelle|ich heiße|mi chiamo|ik ben"
    "|jag heter|jestem|benim adım|adım|name as|named|name on it is"
)
# Words one of which a text needs before a lower-case word that is in no list is a name.
_LOWER_GATE = _set(
    "name names llamo appelle heiße chiamo heter adım named im i'm its it's - – — son daughter"
    " mum mom wife husband member relative ask asked tell told ping cc talk spoke speak call"
    " called hi hey hello thanks thx sorry"
)


@cache
def _lower_names() -> frozenset[str]:
    """First names that are no common word, as a lower-case chat name can be."""
    excluded = common_words() | places() | _STOP | _ROLES
    return frozenset(n for n in first_names() if len(n) >= 3 and n not in excluded)
