"""Names written in lower case: in chat ("ask wojciech about it") and after a few cues in
any text ("Son ethan will collect", "gave name as fernando", "golnaz's number").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from redaction.literals import expand, trie
from redaction.names.evidence import is_popular
from redaction.names.lists import common_words, first_names, given_names, places, surnames
from redaction.names.tokens import WORD
from redaction.names.words import ORGANISATIONS, ROLES, STOP, VERBS, set_of, word_set
from redaction.scan import Scan, finditer_at
from redaction.spans import Span

# Weak cues of chat in the main European languages and in romanised Vietnamese: someone
# named in passing ("the keys are with torstein", "é a sofia, minha vizinha mariana", "tu
# dorota z ogłoszenia", "celui que gaël avait appelé", "chào minh anh", "mình là ngọc", "te
# paso el número de facundo"). After one only a listed first name that is no common word is
# taken, and only listed names after it.
_WEAK_CUE_TEXT = (
    r"with|my colleague|my friend|my coworker|my co-worker|my boss"
    r"|my cousin|my flatmate|my roommate|my housemate"
    r"|é a|é o|sou a|sou o|aqui é a|aqui é o|minha vizinha|meu vizinho|minha colega"
    r"|meu colega|minha amiga|meu amigo|com a|com o"
    r"|mi vecina|mi vecino|mi compañera|mi compañero|mi amiga|mi amigo|con"
    r"|ma voisine|mon voisin|ma collègue|mon collègue|mon collegue|ma copine|mon pote"
    r"|celui que|celle que|avec"
    r"|meine nachbarin|mein nachbar|meine kollegin|mein kollege|mit"
    r"|la mia vicina|il mio vicino|la mia collega|il mio collega|con"
    r"|mijn buurvrouw|mijn buurman|mijn collega|met"
    r"|tu|mówi|moja sąsiadka|mój sąsiad"
    r"|chào|xin chào|mình là|tôi là|em là|tên là|tên mình là|tên tôi là"
    r"|número de|numero de|numéro de|nummer von|nummer van|numer do"
    r"|geia sou|geia|kalimera"
    r"|ben|bersama|sama|dengan|saya"
)
_WEAK_CUES = set_of(_WEAK_CUE_TEXT)
# Words of time that are listed surnames too: "hablé con diego ayer".
_WHEN = word_set(
    "ayer hoy mañana manana today tomorrow yesterday tonight hier demain gestern heute morgen"
    " ieri oggi domani ontem hoje amanhã amanha gisteren vandaag wczoraj dziś dzis jutro"
)
# Vietnamese self-introductions: any one or two words that end the clause are a name
# ("mình là hương.", "tôi là thành,").
_SELF_INTRODUCTIONS = set_of("mình là|tôi là|em là|tên là|tên mình là|tên tôi là")
_ENDS_CLAUSE = re.compile(r"[^\W\d_]{2,}(?:[ \t][^\W\d_]{2,})?[ \t]*(?:[,.!?]|$)")
# Vietnamese pronouns and kin words after "chào" / "mình là" that are listed first names:
# "chào anh", "chào em", "chào cả nhà".
_NOT_AFTER_WEAK = word_set("anh em chị chi bạn ban cô co chú bác ông bà mọi cả con cháu")
# Lower-case chat: a cue, then a lower-case word that is a listed first name.
_LOWER_CUES = (
    r"hi|hey|hello|hallo|thanks|thx|ty|ask|asked|ask for|asked for|tell|told|ping|pinged|cc"
    r"|talk to|talked to"
    r"|speak to|spoke to|spoke with|speak with|chat with|call|called"
    r"|this is|its|it's|im|i'm|i am|my name is|my names|name is|names|me llamo|je m'appelle"
    r"|ich bin|ich heiße|mi chiamo|ik ben|jag heter|jestem|benim adım|adım|sono|soy|sou"
    r"|son|daughter|mum|mom|mother|dad|father|wife|husband|brother|sister|member|sorry"
    r"|name as|named|name on it is|user|customer|ring|-|–|—|relative|my relative|buddy"
    # Greetings and introductions of the main European languages and of Turkish and
    # Indonesian ("selam merve", "olá tiago", "oye andrea", "coucou c'est amélie").
    r"|selam|merhaba|coucou|salut|bonjour|ol[áa]|oi|hola|oye|buenas|ciao|hallo|moin|hej|hei"
    r"|halo|cze[śs][ćc]|ahoj|szia|c'est|c’est|sono io|soy yo|sou eu|name on it says"
    # Roles before a name ("engineer jayson never showed up", "dictation patient abena
    # mensah", "recruiter: yaw boateng"), a Portuguese or Spanish title ("a d. filipa") and
    # someone's home ("en casa de luciana", "chez julien").
    r"|patient|engineer|technician|courier|driver|recruiter|tutor|teacher|nurse|doctor"
    r"|cashier|plumber|electrician|cleaner|neighbour|neighbor|landlord|d\.|dona|doña"
    r"|kak|mbak|casa de|casa di|casa da|chez"
    # Weak cues (_WEAK_CUES): a listed first name must follow.
    rf"|{_WEAK_CUE_TEXT}"
)
_LOWER_CUE_TRIE = trie(expand(_LOWER_CUES))
# The first word of each lower-case cue: a text holds one, split as lower_case splits it,
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
_MESSAGE = 280
_LOWER_LINE = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*)?(?:[\w ]{1,20}:[ \t]*)?[a-z][^\n]{0,280}$"
)
# Chat words that no dictionary lists but no one is named.
_SLANG = word_set(
    "pls plz thx btw lol asap tmrw ur u ok okay np idk imo tbh omg hru gonna wanna"
    " saya aku kamu anda dia kami kita gue gw lu"  # Indonesian and Malay pronouns
    # English contractions typed without the apostrophe ("theres a payment", "thats me").
    " theres thats whats wheres heres hows whos dont doesnt didnt cant wont isnt wasnt arent"
    " werent havent hasnt couldnt wouldnt shouldnt ive youre theyre ill lets"
)
# Digits right after a lower-case word make it an identifier: "sunnyside77", "acct-16963".
_IDENTIFIER_AFTER = re.compile(r"[_\-]?\d")
# Lower-case cues that are looked for in any text, not only in chat-like text.
_ANYWHERE = re.compile(r"son |daughter |member|name as|named |mum |mom |caller|name is ")
_POSSESSIVE = re.compile(
    rf"(?<![\w'’.@/])([{_LOWER_LETTER}]{{3,}})'s[ \t]+(?:number|phone|email|e-mail|address|mum"
    r"|mom|dad|wife|husband|son|daughter|cv|contact|details|account)\b"
)
_ANY_POSSESSIVE = re.compile(rf"(?<![\w'’.@/])([{_LOWER_LETTER}]{{3,}})'s[ \t]")
_INTRODUCTIONS = set_of(
    "my name is|my names|name is|names|me llamo|je m'appelle|ich heiße|mi chiamo|ik ben"
    "|jag heter|jestem|benim adım|adım|name as|named|name on it is"
)
# Words one of which a text needs before a lower-case word that is in no list is a name.
_LOWER_GATE = word_set(
    "name names llamo appelle heiße chiamo heter adım named im i'm its it's - – — son daughter"
    " mum mom wife husband member relative ask asked tell told ping cc talk spoke speak call"
    " called hi hey hello thanks thx sorry selam merhaba coucou salut bonjour olá ola oi hola"
    " oye ciao hallo hej hei halo cześć ahoj szia c'est c’est patient engineer recruiter"
    " courier tutor d. dona doña kak casa chez"
) | frozenset(cue.split()[0] for cue in _WEAK_CUES)
# Titles after a lower-case first name: Turkish "kerem hanım", "merve abi", "ali bey".
_TITLES_AFTER = word_set("hanım hanim bey abi abla hoca efendi")


def casual(text: str, scan: Scan) -> bool:
    """Text typed as chat is: without capitals, or a message (a line of at most 280
    characters, after a speaker's label) that begins in lower case. Only there is a word in
    lower case taken for a name after most cues."""
    if not scan.has_upper:
        return True
    first = text.lstrip("\u200e\u200f\ufeff \t")[:1]  # "\u200eharry taylor changed …"
    if first.islower() and len(text.split("\n", 1)[0]) <= _MESSAGE:
        return True
    return "\n" in text and _LOWER_LINE.search(text) is not None


def lower_case(text: str, lower: str, is_casual: bool) -> Iterator[Span]:
    """Names written in lower case: chat ("ask wojciech about it"), and a few cues in any
    text ("Son ethan will collect", "a family member (amna)", "gave name as fernando")."""
    if "'s " in lower:
        yield from _possessives(text, lower)
    if "@" in text or "_" in text:
        yield from handles(text, lower)
    if is_casual and _ACTOR_GATE.search(lower) is not None:
        yield from _unknown_actors(text, lower)
    if is_casual and (" said " in lower or " says " in lower):
        yield from _sayers(text, lower)
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
    found: list[Span] = []
    for m in finditer_at(_LOWER_NAME, lower, sorted(starts)):
        first, cue = m.group("first"), m.group("cue")
        if text[m.start("first")] != first[0] or first in STOP and not _short(lower, m):
            continue
        if _IDENTIFIER_AFTER.match(lower, m.end("first")) is not None or first in cues:
            continue  # "member sunnyside77", "acct-16963": a handle; "halo kak": a cue
        introduced = cue in _INTRODUCTIONS
        weak = cue in _WEAK_CUES and not introduced
        if weak:
            after = _NEXT_LOWER.match(lower, m.end("first"))
            if after is not None and after.group(1) in ORGANISATIONS:
                continue  # "on the call with orion payroll"
            if not _weakly_cued(first) and not (
                cue in _SELF_INTRODUCTIONS
                and first not in _NOT_AFTER_WEAK
                and _ENDS_CLAUSE.match(lower, m.start("first")) is not None
            ):
                continue  # "with wifi", "tu peux", "chào anh"; but "mình là thành."
        elif introduced and (is_casual or first not in common):
            pass  # "my name is amber": whatever follows is the name (in chat)
        elif _short(lower, m):
            pass  # "hi its li again", "im vy,"
        elif first in common or first in _SLANG or len(first) < 3:
            continue  # "im waiting", "ask about", "thx pls"
        end = m.end("first")
        for part in WORD.finditer(m.group("rest")):
            word = part.group()
            listed = word in given_names() or word in surnames()
            if weak and (not listed or word in common or word in places() or word in _WHEN):
                break  # "with torstein at …", "é a sofia, …", "con diego ayer"
            if (
                word in STOP
                or word in _SLANG
                or word in VERBS
                or not (
                    listed
                    or word not in common
                    and (len(word) > 4 or introduced or not word.isascii())
                )
            ):
                break  # "jennifer young" is a name, "anna about" is not; "thu hà" after "name as"
            end = m.start("rest") + part.end()
        found.append(Span(m.start("first"), end, "PERSON"))
    yield from found
    yield from _joined_lower(text, lower, found)


def _weakly_cued(first: str) -> bool:
    """Whether a lower-case word after a weak cue is a name: a listed first name that is no
    common word (a place may be one: "é a sofia", "brandon")."""
    return (
        len(first) >= 3
        and first in given_names()
        and first not in common_words()
        and first not in STOP
        and first not in _SLANG
        and first not in _NOT_AFTER_WEAK
        and first not in ROLES
    )


def _acting_lower(text: str, lower: str, name: str) -> Iterator[Span]:
    """ "ok so yevgeny said …", "halima from your team": a listed lower-case first name
    before a verb or "from"."""
    start = lower.find(name)
    while start >= 0:
        end = start + len(name)
        before = lower[start - 1] if start else " "
        if not before.isalnum() and before not in "'’.@/_" and text[start] == name[0]:
            verb = _NEXT_LOWER.match(lower, end)
            if verb is not None and verb.group(1) in _TITLES_AFTER:
                yield Span(_given_before(text, lower, start), end, "PERSON")  # "kerem hanım"
            elif (
                verb is not None
                and (verb.group(1) in VERBS or verb.group(1) in _CHAT_VERBS)
                or verb is not None
                and (verb.group(1) == "from")
            ):
                yield Span(_given_before(text, lower, start), end, "PERSON")
            elif verb is not None and _is_lower_surname(verb.group(1)):
                # "eero koskinen says", "harry taylor changed the group name": a surname
                # between the first name and the verb.
                after = _NEXT_LOWER.match(lower, verb.end())
                if after is not None and after.group(1) in VERBS:
                    yield Span(_given_before(text, lower, start), verb.end(), "PERSON")
        start = lower.find(name, end)


# "said" / "asked" / "called" in the chat of other languages: "o spyridon eipe", "minha
# vizinha mariana pediu", "ahmet dedi ki", "budi bilang".
_CHAT_VERBS = word_set(
    "eipe rotise pediu disse ligou falou dijo dice pidió llamó sagt sagte meinte hat fragte"
    " rief ha detto chiesto zei vroeg belde avait appelé demandé powiedział powiedziała"
    " prosił prosiła dedi söyledi sordu aradı bilang minta nói hỏi"
)
_NEXT_LOWER = re.compile(rf"[ \t]+([{_LOWER_LETTER}][{_LOWER_LETTER}'’\-]*)")


def _is_lower_surname(word: str) -> bool:
    """A lower-case word that can be a surname after a first name: listed as one, or a word
    no dictionary, place list or slang knows."""
    return (
        len(word) > 2
        and word not in STOP
        and word not in _SLANG
        and word not in VERBS
        and word not in places()
        and (word in surnames() or word not in common_words())
    )


# A lower-case word right before another: "juan carlos", "mark anthony".
_WORD_BEFORE = re.compile(rf"(?<![\w'’.@/])([{_LOWER_LETTER}]{{2,}})[ \t]+$")


def _given_before(text: str, lower: str, start: int) -> int:
    """Where a lower-case name that begins at `start` begins when a listed first name stands
    before it ("juan carlos from your team", "mark anthony has the code")."""
    before = _WORD_BEFORE.search(lower, max(0, start - 24), start)
    if before is None:
        return start
    word = before.group(1)
    if (
        text[before.start(1)] == word[0]
        and word not in STOP
        and word not in _SLANG
        and word not in VERBS
        and (word in _lower_names() or len(word) > 2 and is_popular(word))  # not "so"
    ):
        return before.start(1)
    return start


# "hi its li again", "im vy, would love to chat": a two-letter first name after an
# introduction, where the sentence goes on with punctuation or "again" / "here".
_SHORT_AFTER = re.compile(r"[a-z]{2}(?:[ \t]*[,.!?]|[ \t]+(?:again|here|btw)\b|[ \t]*$)")
_SHORT_CUES = set_of("its|it's|im|i'm|i am|this is|my name is|name is|names|my names")


def _short(lower: str, m: re.Match[str]) -> bool:
    """Whether the cued word of `m` is a two-letter listed first name after an introduction
    ("its li again"), which the length floor of other cues would drop."""
    first = m.group("first")
    return (
        len(first) == 2
        and m.group("cue") in _SHORT_CUES
        and first in given_names()
        and first not in _NOT_SHORT
        and _SHORT_AFTER.match(lower, m.start("first")) is not None
    )


# Two-letter words after "its" / "im" that are no name: "im ok", "its on", "im in".
_NOT_SHORT = word_set("ok no so on in at to up us me we an as be by do go he if is it my of or")
# After a lower-case name, another joined to it: "i asked ionuț and andrei".
_LOWER_JOINED = re.compile(
    rf"(?:[ \t]*,[ \t]*|[ \t]+(?:and|&|or|n)[ \t]+)([{_LOWER_LETTER}]{{3,}})"
)


def _joined_lower(text: str, lower: str, found: list[Span]) -> Iterator[Span]:
    """ "ok i asked svetlana and irina": a listed first name (no common word) joined to a
    lower-case name found."""
    for span in found:
        end = span.end
        while (m := _LOWER_JOINED.match(lower, end)) is not None:
            word = m.group(1)
            if text[m.start(1)] != word[0] or word not in _lower_names():
                break
            end = m.end(1)
            yield Span(m.start(1), end, "PERSON")


def _possessives(text: str, lower: str) -> Iterator[Span]:
    """ "do u have golnaz's number": an uncommon word before a possessive of someone's
    details."""
    for m in _POSSESSIVE.finditer(lower):
        word = m.group(1)
        if (
            text[m.start(1)] == word[0]
            and word not in common_words()
            and (word not in STOP or word in given_names())  # "jun's number"
        ):
            yield Span(m.start(1), m.end(1), "PERSON")
    # "u coming to jorge's bday": a listed first name that is no word owns anything.
    for m in _ANY_POSSESSIVE.finditer(lower):
        word = m.group(1)
        if text[m.start(1)] == word[0] and word in _lower_names():
            yield Span(m.start(1), m.end(1), "PERSON")


# A user's handle: quoted, with digits after the name ("Reviewer "wei_52" writes"), or an
# @mention in chat ("@jun can you check"). An e-mail address has a word before its "@".
# A pattern that begins with a character class is scanned for it; one that begins with a
# look-behind is tried at every position. The character before an "@" is tested in handles.
_HANDLE = re.compile(
    rf"(?P<mark>[\"“'‘@])(?P<name>[{_LOWER_LETTER}]{{2,}}(?:[ \t][{_LOWER_LETTER}]{{2,}})?)"
    r"(?=[_.\-]?\d{1,4}[\"”'’]|[_.\-]?\d{0,4}[ \t,:!?)]|$)"
)
_QUOTED_HANDLE = re.compile(rf"(?:[{_LOWER_LETTER}]|[ ])+[_.\-]?\d{{1,4}}[\"”'’]")


def handles(text: str, lower: str) -> Iterator[Span]:
    """The first name in a user's handle: "wei_52", "maría fernanda_142", "@jun". Its first
    word must be a listed first name that is no common word; a month's short name may be
    one ("@jun")."""
    for m in _HANDLE.finditer(lower):
        quoted = m.group("mark") != "@"
        if quoted and _QUOTED_HANDLE.match(lower, m.start("name")) is None:
            continue  # a quoted word with no digits after it is no handle
        if (
            not quoted
            and m.start() > 0
            and (lower[m.start() - 1].isalnum() or lower[m.start() - 1] in "._@")
        ):
            continue  # an e-mail address: "jun@example.com"
        words = m.group("name").split()
        if words[0] not in given_names() or words[0] in common_words():
            continue
        end = m.end("name")
        if len(words) > 1 and (words[1] in common_words() or not quoted):
            end = m.start("name") + len(words[0])  # "@jun can": one word after a mention
        yield Span(m.start("name"), end, "PERSON")


@cache
def _lower_names() -> frozenset[str]:
    """First names that are no common word, as a lower-case chat name can be."""
    excluded = common_words() | places() | STOP | ROLES
    return frozenset(n for n in first_names() if len(n) >= 3 and n not in excluded)


# "jarrah from your team said …": in chat, one or two lower-case words that no list or
# dictionary knows, at a clause's start, before "from your team" (a listed first name there
# is found by _acting_lower). Not before "said": "ok so paypal said" is as often a brand.
_ACTOR_GATE = re.compile(r" from (?:your|our|the) team")
_ACTOR = re.compile(
    r"(?:^|(?<=[.!?,] )|(?<=\n)|\b(?:ok|so|and|but|then|cos|coz|cuz|because|also|yo|btw) )"
    rf"(?P<name>[{_LOWER_LETTER}]{{3,}}(?:[ \t]+[{_LOWER_LETTER}]{{3,}})?)"
    r"[ \t]+from[ \t]+(?:your|our|the)[ \t]+team\b"
)


def _unknown_actors(text: str, lower: str) -> Iterator[Span]:
    """Lower-case words before "from your team" at a clause's start that are in no list of
    words, places or slang ("jarrah from your team said")."""
    for m in _ACTOR.finditer(lower):
        words = m.group("name").split()
        if text[m.start("name")] != words[0][0]:
            continue
        if all(
            w not in common_words()
            and w not in STOP
            and w not in _SLANG
            and w not in places()
            and w not in VERBS
            for w in words
        ):
            yield Span(m.start("name"), m.end("name"), "PERSON")


# "ok so sultan said …", "and li says …": one lower-case word at a clause's start before
# "said" / "says", a listed first name even where it is a common word or a place too.
_SAYER = re.compile(
    r"(?:^|(?<=[.!?,] )|(?<=\n)|\b(?:ok so|so|and|but|then|btw|also) )"
    rf"(?P<name>[{_LOWER_LETTER}]{{2,}})[ \t]+(?:said|says)[ \t]"
)
# Listed first names that are voice assistants' or gods' names as often.
_NOT_SAYERS = word_set("siri alexa cortana hermes google")


def _sayers(text: str, lower: str) -> Iterator[Span]:
    """A listed first name (no stop word, role, verb or slang) that says something at a
    clause's start in chat: "ok so brandon said the keys are …"."""
    for m in _SAYER.finditer(lower):
        word = m.group("name")
        if (
            text[m.start("name")] == word[0]
            and word in given_names()
            and word not in STOP
            and word not in ROLES
            and word not in VERBS
            and word not in _SLANG
            and word not in _NOT_SAYERS
            and word not in ORGANISATIONS
        ):
            yield Span(m.start("name"), m.end("name"), "PERSON")
