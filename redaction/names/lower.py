"""Names written in lower case: in chat ("ask wojciech about it") and after a few cues in
any text ("Son ethan will collect", "gave name as fernando", "golnaz's number").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from redaction.literals import expand, trie
from redaction.names.lists import common_words, first_names, given_names, places, surnames
from redaction.names.tokens import NEXT_WORD, WORD
from redaction.names.words import ROLES, STOP, VERBS, set_of, word_set
from redaction.scan import Scan, finditer_at
from redaction.spans import Span

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
_SLANG = word_set("pls plz thx btw lol asap tmrw ur u ok okay np idk imo tbh omg hru gonna wanna")
# Lower-case cues that are looked for in any text, not only in chat-like text.
_ANYWHERE = re.compile(r"son |daughter |member|name as|named |mum |mom |caller")
_POSSESSIVE = re.compile(
    rf"(?<![\w'’.@/])([{_LOWER_LETTER}]{{3,}})'s[ \t]+(?:number|phone|email|e-mail|address|mum"
    r"|mom|dad|wife|husband|son|daughter|cv|contact|details|account)\b"
)
_INTRODUCTIONS = set_of(
    "my name is|my names|name is|names|me llamo|je m'appelle|ich heiße|mi chiamo|ik ben"
    "|jag heter|jestem|benim adım|adım|name as|named|name on it is"
)
# Words one of which a text needs before a lower-case word that is in no list is a name.
_LOWER_GATE = word_set(
    "name names llamo appelle heiße chiamo heter adım named im i'm its it's - – — son daughter"
    " mum mom wife husband member relative ask asked tell told ping cc talk spoke speak call"
    " called hi hey hello thanks thx sorry"
)


def casual(text: str, scan: Scan) -> bool:
    """Text typed as chat is: without capitals, or a message (a line of at most 280
    characters, after a speaker's label) that begins in lower case. Only there is a word in
    lower case taken for a name after most cues."""
    if not scan.has_upper:
        return True
    if text[:1].islower() and len(text.split("\n", 1)[0]) <= _MESSAGE:
        return True
    return "\n" in text and _LOWER_LINE.search(text) is not None


def lower_case(text: str, lower: str, is_casual: bool) -> Iterator[Span]:
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
        if text[m.start("first")] != first[0] or first in STOP:
            continue
        if cue in _INTRODUCTIONS:
            pass  # "my name is amber": whatever follows is the name
        elif first in common or first in _SLANG or len(first) < 3:
            continue  # "im waiting", "ask about", "thx pls"
        end = m.end("first")
        for part in WORD.finditer(m.group("rest")):
            word = part.group()
            listed = word in given_names() or word in surnames()
            if (
                word in STOP
                or word in _SLANG
                or word in VERBS
                or not (listed or word not in common and len(word) > 4)
            ):
                break  # "jennifer young" is a name, "anna about" is not
            end = m.start("rest") + part.end()
        yield Span(m.start("first"), end, "PERSON")


def _acting_lower(text: str, lower: str, name: str) -> Iterator[Span]:
    """ "ok so yevgeny said …", "halima from your team": a listed lower-case first name
    before a verb or "from"."""
    start = lower.find(name)
    while start >= 0:
        end = start + len(name)
        before = lower[start - 1] if start else " "
        if not before.isalnum() and before not in "'’.@/_" and text[start] == name[0]:
            verb = NEXT_WORD.match(lower, end)
            if verb is not None and (verb.group(1) in VERBS or verb.group(1) == "from"):
                yield Span(start, end, "PERSON")
        start = lower.find(name, end)


def _possessives(text: str, lower: str) -> Iterator[Span]:
    """ "do u have golnaz's number": an uncommon word before a possessive of someone's
    details."""
    for m in _POSSESSIVE.finditer(lower):
        word = m.group(1)
        if text[m.start(1)] == word[0] and word not in common_words() and word not in STOP:
            yield Span(m.start(1), m.end(1), "PERSON")


@cache
def _lower_names() -> frozenset[str]:
    """First names that are no common word, as a lower-case chat name can be."""
    excluded = common_words() | places() | STOP | ROLES
    return frozenset(n for n in first_names() if len(n) >= 3 and n not in excluded)
