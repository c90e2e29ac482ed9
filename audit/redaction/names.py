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
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from audit.redaction.literals import expand, trie
from audit.redaction.scan import Scan, finditer_at
from audit.redaction.spans import Span


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


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
    r"|kyria|gospodin|gospo[dđ]a|ustaz|sheikh|hajji|haji|mst|md"
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
    r"|on behalf of|colleague|manager|supervisor|agent|doctor|physician|consultant|advisor"
    r"|adviser|engineer|technician|rep|representative|attending|caller|mother|father|wife"
    r"|husband|son|daughter|brother|sister|partner|spouse|friend|neighbour|neighbor"
)
_WEAK_CUES = r"from|by|with|to|and|or|for|of|per|via|this is|it['’]s|its|i['’]m|im|i am|is"
_CUED = re.compile(
    rf"(?<![\w.])(?:(?i:{_STRONG_CUES})(?P<strong>)|(?i:{_WEAK_CUES}))\.?[ \t]{{0,3}}[:,\-–—]?"
    rf"[ \t\r\n]{{1,4}}(?=(?:(?i:{_HONORIFICS})\.?[ \t]{{1,3}})?"
    rf"(?P<name>(?:{_PARTICLE}[ \t]{{1,3}}){{0,2}}{_NAME}))"
)
# Runs of capitalised words, found without the leading initials (a pattern that begins with
# a capital letter is found by a fast scan for one); "J. Kowalska" is found by _INITIALED.
_SEQUENCE = re.compile(
    rf"{_TOKEN}(?:[ \t]+{_INITIALS}?(?:{_PARTICLE}[ \t]+){{0,2}}{_TOKEN}){{0,4}}"
)
_INITIALED = re.compile(rf"(?:[{_UPPER}]\.[ \t]?){{1,3}}[ \t]*{_TOKEN}")
# "Otieno, Amani": a surname, a comma and a first name from the list.
_SURNAME_FIRST = re.compile(rf"(?<![\w.])({_TOKEN}),[ \t]+({_TOKEN})(?![\w'’-])")

# Where a cue can begin. A cued name begins with a capital letter after whitespace, and the
# cue ends at most 22 characters before it (the separators' bounds): from each such capital
# the same grammar read backwards, on the reversed lower-cased text, finds where a cue can
# begin (twice: with and without an honorific between cue and name, as both can match).
# The cued pattern then runs only there: tried at every word, its case-insensitive
# alternation of 300 cues was the costliest scan of the engine.
_CUE_WORDS = frozenset(expand(f"{_STRONG_CUES}|{_WEAK_CUES}"))
_BACK = r"[ \t\r\n]{1,4}[:,\-–—]?[ \t]{0,3}\.?"
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
_CAPITAL_AFTER_SPACE = re.compile(rf"[ \t\r\n][{_UPPER}]")
_WORD = re.compile(r"\S+")

# Lower-case chat: a cue, then a lower-case word that is a listed first name.
_LOWER_CUES = (
    r"hi|hey|hello|hallo|thanks|thx|ty|ask|asked|tell|told|ping|pinged|cc|talk to|talked to"
    r"|speak to|spoke to|spoke with|speak with|chat with|call|called|with|from|by|and|for"
    r"|this is|its|it's|im|i'm|i am|my name is|my names|name is|names|me llamo|je m'appelle"
    r"|ich bin|ich heiße|mi chiamo|ik ben|jag heter|jestem|benim adım|adım|sono|soy|sou"
)
_LOWER_CUE_TRIE = trie(expand(_LOWER_CUES))
_LOWER_LETTER = "a-zà-öø-ÿąćęłńóśźżčďěňřšťůžğışș"
# The name is in a look-ahead: a cue followed by a word that is no name ("hi its wojciech")
# leaves that word free to be the next match's cue.
_LOWER_NAME = re.compile(
    rf"(?<![\w.'])(?:{_LOWER_CUE_TRIE})[ \t,:]+(?=(?P<first>[{_LOWER_LETTER}]{{3,}})"
    rf"(?:[ \t]+(?P<last>[{_LOWER_LETTER}][{_LOWER_LETTER}'\-]{{2,}}))?)"
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
    dept hr it ops qa devops crm api sla faq pdf url uk us usa eu un
    """
)
# Honorifics of more than one letter: inside a run of capitalised words they end a name.
_TITLES = frozenset(word.rstrip(".") for word in expand(_HONORIFICS) if len(word) > 1)
# Words that make the capitalised words before them a place or an institution's name.
_PLACE = _set(
    """
    avenue street st road rd boulevard blvd lane drive square place bridge airport station
    hospital university college school institute foundation center centre building tower hall
    stadium prize award church cathedral museum library gallery highway way plaza memorial
    straße strasse platz allee weg rue via calle plaza piazza corso ulica utca caddesi
    """
)
_DATA = Path(__file__).with_name("data")


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
    return found


_HEX = frozenset("0123456789ABCDEF")
# A listed first name that is also a common word is taken as a name on its own evidence
# when it is this popular somewhere ("John", "Mark", "Rose"), not when rarer ("Will", "Grace").
_POPULAR = 8


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
def common_words() -> frozenset[str]:
    """Lower-cased common words of 17 languages (data/build_name_lists.py)."""
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
        word = name[start:stop].lower().strip(".,")
        if word in _PLACE:
            return ""
        if word in _STOP or word in _TITLES:
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
        for pattern in (_CUE_BEFORE, _CUE_BEFORE_HONORIFIC):
            found = pattern.match(reverse, at)
            if found is not None:
                starts.add(size - found.end())
    return finditer_at(_CUED, text, sorted(starts))


def _accept_cued(name: str, strong: bool) -> bool:
    words = _words(name)
    if not words:
        return bool(re.fullmatch(rf"[{_UPPER}]", name.strip())) and strong  # "M X"
    kinds = [_evidence(w) for w in words]
    if "name" in kinds:
        return True
    if strong:
        return any(k != "word" for k in kinds)
    return kinds.count("unknown") >= 2


def detect_person(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if scan.has_upper:
        yield from _capitalised(text, scan)
    lower = scan.lower if scan.lower is not None else text.lower()
    # Offsets in the lower-cased text must be offsets in the text.
    if len(lower) == len(text) and _casual(text, scan):
        yield from _lower_case(text, lower)


def _capitalised(text: str, scan: Scan) -> Iterator[Span]:
    for m in _cued(text, scan.lower):
        name = _trim(m.group("name"))
        if name and _accept_cued(name, m.group("strong") is not None):
            yield Span(m.start("name"), m.start("name") + len(name), "PERSON")
    if ". " in text or ".\t" in text:
        for m in _INITIALED.finditer(text):
            # "J. Kowalska", "A.K. Sharma": initials before an uncommon capitalised word.
            start = m.start()
            surname = _words(m.group())
            if (
                (start == 0 or not _is_word_or_dot(text[start - 1]))
                and surname
                and _evidence(surname[-1]) != "word"
                and _trim(text[start : m.end() + 24]).strip() != ""
            ):
                yield Span(start, m.end(), "PERSON")
    comma = "," in text
    for m in _SEQUENCE.finditer(text):
        value = m.group()
        if " " in value or "\t" in value:
            yield from _shaped(value, m.start())
        elif comma and text.startswith(", ", m.end()):
            # "Otieno, Amani": a surname, a comma and a listed first name.
            pair = _SURNAME_FIRST.match(text, m.start())
            if pair is not None and _surname_first(pair.group(1), pair.group(2)):
                yield Span(pair.start(), pair.end(), "PERSON")


def _surname_first(last: str, first: str) -> bool:
    return (
        _is_given(first)
        and not is_common(first)
        and _evidence(last) != "word"
        and last.lower() not in _STOP
    )


def _shaped(value: str, offset: int) -> Iterator[Span]:
    """In a run of capitalised words, the part that is a name by the lists and its shape."""
    spans = _tokens(value)
    if len(spans) < 2:
        return
    words = [value[s:e] for s, e in spans]
    for index, word in enumerate(words[:-1]):
        if word.lower().strip(".") in _STOP:
            continue
        rest = _trim(value[spans[index + 1][0] :])
        if not rest:
            continue
        tail = _words(rest)
        if word.endswith(".") and len(word) <= 5:
            continue  # initials: _INITIALED's
        kind = _evidence(word)
        given = _is_given(word)
        if not tail:
            continue
        after = _evidence(tail[0])
        if given and (kind == "name" and after != "word" or kind == "maybe" and after == "name"):
            ok = True
        elif kind in ("name", "unknown") and after in ("name", "unknown"):
            # Two words no dictionary knows, one in the lists: "Wanjiru Kamau" is not, but
            # "Amani Otieno" is (Amani is a listed first name).
            ok = "name" in (kind, after)
        else:
            ok = False
        if ok:
            stop = spans[index + 1][0] + len(rest)
            yield Span(offset + spans[index][0], offset + stop, "PERSON")
            return


def _is_word_or_dot(ch: str) -> bool:
    return ch.isalnum() or ch in "_."


def _casual(text: str, scan: Scan) -> bool:
    """Text written without capitals at its start or a line's start, as chat often is: only
    there is a lower-case word taken for a name."""
    if not scan.has_upper or text[:1].islower():
        return True
    return "\n" in text and _LOWER_LINE.search(text) is not None


_LOWER_LINE = re.compile(r"\n[ \t]*(?:[\w ]{1,20}:[ \t]*)?[a-z]")


def _lower_case(text: str, lower: str) -> Iterator[Span]:
    if _lower_names().isdisjoint(_LOWER_WORD.findall(lower)):
        return  # no lower-case word of the text is a first name that is no common word
    common = common_words()
    for m in _LOWER_NAME.finditer(lower):
        first = m.group("first")
        if first not in _lower_names() or text[m.start("first")] != first[0]:
            continue
        end = m.end("first")
        last = m.group("last")
        if (
            last
            and last not in common
            and (last in _given() or last in surnames() or len(last) > 4)
        ):
            end = m.end("last")
        yield Span(m.start("first"), end, "PERSON")


_LOWER_WORD = re.compile(rf"[{_LOWER_LETTER}]{{3,}}")


@cache
def _lower_names() -> frozenset[str]:
    """First names that are no common word, as a lower-case chat name can be."""
    return frozenset(n for n in first_names() if len(n) >= 3 and n not in common_words())
