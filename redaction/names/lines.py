"""Names that a line's place gives away: chat speakers, the answer to "What's your name?",
signatures under a dash, and lines that hold nothing but a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.names.cues import CUE_WORDS
from redaction.names.evidence import acting, is_given, is_place, not_a_person
from redaction.names.lists import common_words, given_names, is_common, is_listed_word, places
from redaction.names.tokens import CAPITALS, TOKEN, words_of
from redaction.names.words import FORM_LABELS, ROLES, STOP, word_set
from redaction.spans import Span

# Lines that hold nothing but a name: "Kiprono Ochieng" (under a sign-off or above an
# address), "2. Getachew Girma - https://…", "Solomon -" (as a greeting), "Cauã Nogueira
# (logistics) for …".
_NAME_LINES = (
    re.compile(rf"[ \t]*({TOKEN}(?:[ \t]+{TOKEN}){{1,3}})[ \t]*"),
    re.compile(
        rf"[ \t]*(?:\d{{1,2}}[.)]|[*•])[ \t]+({TOKEN}(?:[ \t]+{TOKEN}){{0,3}})"
        r"[ \t]*(?:[-–—(,:].*)?"
    ),
    re.compile(rf"[ \t]*({TOKEN}(?:[ \t]+{TOKEN}){{0,2}})[ \t]*[-–—,][ \t]*"),
    re.compile(rf"[ \t]*({TOKEN}(?:[ \t]+{TOKEN}){{1,2}})[ \t]+[-–—][ \t].*"),
)
# A line is tried against the patterns that can begin with its first character: a capital
# (a name token) or a number or bullet (a list entry), in `_NAME_LINES`' order.
_TOKEN_FIRST_LINES = (_NAME_LINES[0], _NAME_LINES[2], _NAME_LINES[3])
_ENTRY_LINES = (_NAME_LINES[1],)
_DASHES = frozenset("-–—~")
_ASKS_NAME = re.compile(
    r"(?i)\b(?:your|ur|the) (?:full |first |last |sur)?name\b|\bname\?|\bspell\b"
)
_ANSWER = re.compile(r"[ \t]*([^\W\d_]+(?:[ \t][^\W\d_]+){0,2})[ \t.!]*")
_SIGNATURE = re.compile(rf"[ \t]*[-–—~]{{1,2}}[ \t]*({TOKEN}(?:[ \t]+{TOKEN}){{0,2}})[ \t]*")
_SPEAKER = re.compile(
    r"[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*|\d{1,2}:\d{2}(?::\d{2})?[ \t]+)?"
    r"(?P<name>[^\W\d_][^\W\d_'’.\-]*(?:-[^\W\d_]+)*(?:[ \t][^\W\d_][^\W\d_'’.\-]*){0,2})"
    r"(?:[ \t]*\([^()\n]{1,20}\))?[ \t]*:[ \t]"
)


def lines_of(text: str, lower: str) -> Iterator[Span]:
    """Names that a line's place gives away (`_lines`), but for organisations, places and
    labels ("Tyrell Biotech" under a signature, "personnummer: …"). `lower` is the text
    lower-cased (the caller's copy)."""
    for span in _lines(text, lower):
        if not not_a_person(text, span.start, span.end):
            yield span
    if ":" in text and ("- " in text or "* " in text or "• " in text):
        for span in _assignees(text):
            if not not_a_person(text, span.start, span.end):
                yield span
    if "- " in text and "," in text:
        for span in _contact_rows(text):
            if not not_a_person(text, span.start, span.end):
                yield span


# An entry of a dashed contact list: "- Atieno Ochieng, facilities, 0716 605994", "- Joko
# Saputra (security) joko@…": two or three capitalised words, then a phone number or an
# e-mail address on the same line.
_CONTACT_ROW = re.compile(
    rf"(?m)^[ \t]*[-–][ \t]+(?P<name>{TOKEN}(?:[ \t]+{TOKEN}){{1,2}})[ \t]*[,(]"
    r"(?=[^\n]*(?:\+?\d[\d \-]{6,}\d|@))"
)


def _contact_rows(text: str) -> Iterator[Span]:
    """The name that opens a dashed entry holding a phone number or an e-mail address,
    when no word of it is a common word, role or place (`_name_line`)."""
    for m in _CONTACT_ROW.finditer(text):
        if _name_line(words_of(m.group("name"))):
            yield Span(m.start("name"), m.end("name"), "PERSON")


# An entry of a bulleted list that opens with someone's name and a colon: "- Lucie: send
# the budget", "* Talukder: book the venue".
_ASSIGNEE = re.compile(rf"(?m)^[ \t]*[-*•][ \t]+(?P<name>{TOKEN}(?:[ \t]+{TOKEN})?)[ \t]*:[ \t]")


def _assignees(text: str) -> Iterator[Span]:
    """The names that open the entries of a bulleted list, when at least one of them is a
    listed first name that is no common word ("- Tanvir: …", then "- Talukder: …"); each
    must be no common word, role, label or place (`_speaker`)."""
    found = [m for m in _ASSIGNEE.finditer(text) if _speaker(words_of(m.group("name")))]
    if len(found) < 2 or not any(
        is_given(w) and not is_common(w) for m in found for w in words_of(m.group("name"))[:1]
    ):
        return
    for m in found:
        yield Span(m.start("name"), m.end("name"), "PERSON")


# A chat export's system line, marked with a left-to-right mark: "‎harry taylor changed the
# group name", "‎Nomsa Dube added Sipho", "‎róisín o'brien left".
_GROUP_EVENT = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*)?\u200e[ \t]*"
    r"(?P<name>[^\W\d_](?:[^\W\d_]|['’\-])*(?:[ \t][^\W\d_](?:[^\W\d_]|['’\-])*){0,3}?)"
    r"[ \t]+"
    r"(?:changed|joined|left|added|removed|created|was added|was removed|deleted|pinned"
    r"|started|ended|set|turned|reset|updated)\b"
)


def group_events(text: str) -> Iterator[Span]:
    """Who a chat export's system line names, whatever the case: "‎reem al-qahtani changed
    the group name". "You" and roles name no one."""
    for m in _GROUP_EVENT.finditer(text):
        words = m.group("name").lower().split()
        if any(w in STOP or w in ROLES for w in words if len(w) > 2) or words[0] in STOP:
            continue
        yield Span(m.start("name"), m.end("name"), "PERSON")


def _lines(text: str, lower: str) -> Iterator[Span]:
    """Names that a line's place gives away:
    - chat speakers, "[7:30] guadalupe: …", "Jean-François: Welcome …", when the label is a
      listed first name and no role ("agent", "bot");
    - the answer to "What's your name?" on the next line ("user: ifeoma adeyemi");
    - a signature line under a dash, "- Kwesi", "— Girma Tesfaye"."""
    offset, asked, form = 0, False, None
    speakers, named, doubtful = 0, 0, []
    # Every question _ASKS_NAME knows holds one of these, in any case ("ſ" is an "s" to it).
    may_ask = "name" in lower or "spell" in lower or "\u017f" in text
    for line in text.split("\n"):
        m = _SPEAKER.match(line) if ":" in line else None
        if m is not None:
            words = words_of(m.group("name"))
            speakers += 1
            if (
                words
                and _speaker(words)
                and (
                    any(is_listed_word(w) for w in words)
                    or not (form if form is not None else (form := _is_form(text)))
                )
            ):
                named += 1
                yield Span(offset + m.start("name"), offset + m.end("name"), "PERSON")
            elif len(words) == 1 and _common_given(words[0]):
                doubtful.append(Span(offset + m.start("name"), offset + m.end("name"), "PERSON"))
            if asked:
                answer = _ANSWER.fullmatch(line, m.end())
                if answer is not None and not any(is_common(w) for w in words_of(answer.group(1))):
                    yield Span(offset + answer.start(1), offset + answer.end(1), "PERSON")
        elif line[:1] in _DASHES or line.lstrip()[:1] in _DASHES:
            sign = _SIGNATURE.fullmatch(line)
            if sign is not None and all(acting(w) for w in words_of(sign.group(1))):
                yield Span(offset + sign.start(1), offset + sign.end(1), "PERSON")
        first = line.lstrip(" \t")[:1]
        patterns: tuple[re.Pattern[str], ...]
        if first in CAPITALS:
            patterns = _TOKEN_FIRST_LINES
        elif first.isdecimal() or first in ("*", "•"):
            patterns = _ENTRY_LINES
        else:
            patterns = ()
        for pattern in patterns:
            found = pattern.fullmatch(line)
            if found is not None and _name_line(words_of(found.group(1))):
                yield Span(offset + found.start(1), offset + found.end(1), "PERSON")
                break
        asked = may_ask and _ASKS_NAME.search(line) is not None
        offset += len(line) + 1
    # "dina: yh whats the addy", "Tone: welcome!!": a first name that is a common word too
    # speaks in a chat (three speaker lines, or two and a speaker named), no form's field.
    if (
        doubtful
        and (speakers >= 3 or speakers >= 2 and named)
        and not (form if form is not None else _is_form(text))
    ):
        yield from doubtful


def _common_given(word: str) -> bool:
    """A listed first name that a common word hides ("Dina", "Tone", "fiona"), no role,
    label, stop word or place."""
    low = word.lower()
    return (
        len(low) > 2
        and low in given_names()
        and low not in ROLES
        and low not in STOP
        and low not in CUE_WORDS
        and low not in places()
        and low not in _NO_SPEAKERS
    )


# Listed first names that label a line more often than they name someone.
_NO_SPEAKERS = word_set(
    "note notes update summary answer question reply result status action issue fix"
    " says said well sure maybe"
)


def _name_line(words: list[str]) -> bool:
    """Capitalised words alone on a line, each a listed or unknown word (no common word,
    place, role or title): a signature, an addressee, an entry of a list."""
    if not words or len(words) > 4 or any(w.lower() in CUE_WORDS for w in words):
        return False  # "Cordialement,", "Hälsningar": a sign-off is no name
    return all(acting(w) for w in words) and not is_place(" ".join(words))


_FORM_LABEL = re.compile(r"^[ \t]*([^\W\d_][\w.\-]*(?:[ \t][^\W\d_][\w.\-]*)?)[ \t]*:", re.M)


def _is_form(text: str) -> bool:
    """Whether a line of `text` opens with a form's field label ("Adres:", "Tel.:", "E-mail:",
    "Consignee address:"): then a word no list knows before a colon is a label too
    ("Wohnhaft:", "Lakcím:", "Treść:"), not a chat speaker's name."""
    for m in _FORM_LABEL.finditer(text):
        last = m.group(1).lower().split()[-1]
        if last in FORM_LABELS or last.rstrip(".") in FORM_LABELS:
            return True
    return False


def _speaker(words: list[str]) -> bool:
    """A name, not a role or a field label ("Cliente:", "Anschrift:"): no word may be a
    common word, a role, a title or a place."""
    lowers = [w.lower() for w in words]
    if any(
        w in ROLES or w in STOP or w in CUE_WORDS or w in common_words() or w in places()
        for w in lowers
    ):
        return False
    if any(w.isupper() and len(w) > 1 for w in words):
        return False  # "RRN:", "IBAN:": an acronym labels a field
    parts = [p for w in lowers if "-" in w for p in w.split("-")]
    if any(len(p) < 3 or p in ROLES or p in STOP or p in common_words() for p in parts):
        return False  # "E-mail:", "Co-applicant:", "Steuer-ID:": a hyphenated label
    if not all(len(w) > 2 for w in lowers):
        return False
    # "Abwesenheitsnotiz:", "Handtekening:": a long word no list knows is a compound label.
    return all(len(w) <= 12 or is_listed_word(w) for w in words)
