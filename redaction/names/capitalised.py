"""Names found by the shape of capitalised words, with the lists as evidence.

A listed first name before a surname or an unknown word; "Surname, First"; "SURNAME First";
initials before a surname ("J. Kowalska"); a name before a role in brackets; "Yoshida-san";
unknown capitalised words before a verb a person does; a popular first name alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.literals import expand
from redaction.names.cues import CUE_WORDS, cued_names
from redaction.names.evidence import (
    acting,
    alone,
    evidence,
    is_given,
    is_place,
    is_popular,
    not_a_person,
    popular_enough,
)
from redaction.names.lists import (
    common_words,
    given_names,
    is_common,
    is_listed_word,
    places,
    surnames,
    titled_given,
)
from redaction.names.tokens import (
    CAPITALS,
    DATE_AFTER,
    INITIALS,
    NEXT_WORD,
    PARTICLE,
    TOKEN,
    UPPER,
    tokens,
    trim,
    words_of,
)
from redaction.names.words import GREETINGS, ROLES, STOP, TITLES, VERBS, word_set
from redaction.scan import Scan, is_word
from redaction.spans import Span

# Runs of two or more capitalised words, found without leading initials (a pattern that
# begins with a capital letter is found by a fast scan for one; "J. Kowalska" is found by
# _INITIALED), and single capitalised words.
_RUN = re.compile(rf"{TOKEN}(?:[ \t]+{INITIALS}?(?:{PARTICLE}[ \t]+){{0,2}}{TOKEN}){{1,4}}")
_CAPITALISED = re.compile(rf"[{UPPER}][^\W\d_]+")
_INITIALED = re.compile(rf"(?:[{UPPER}]\.[ \t]?){{1,3}}[ \t]*(?:(?i:{PARTICLE})[ \t]+)?{TOKEN}")
# "Otieno, Amani": a surname, a comma and a first name from the list.
_SURNAME_FIRST = re.compile(rf"(?<![\w.])({TOKEN}),[ \t]+({TOKEN})(?![\w'’-])")


_ROLE = re.compile(r"(?:[a-z][a-z\-]+[ \t]?){1,3}\)")
_RUN_BEFORE = re.compile(rf"(?<![\w'’-])({TOKEN}(?:[ \t]+{TOKEN}){{1,2}})[ \t]+$")
_BRACKETED_PAIR = re.compile(rf"\(({TOKEN},[ \t]+{TOKEN}|{TOKEN}[ \t]+{TOKEN})\)")
_SUFFIX_GATE = re.compile(r"-(?:san|sama|kun|chan|sensei|senpai|ssi|nim|ji|jee|bhai|didi)(?![\w-])")
_HONORIFIC_SUFFIX = re.compile(
    rf"({TOKEN})-(?:san|sama|kun|chan|sensei|senpai|ssi|nim|ji|jee|bhai|didi)(?![\w-])"
)
_CAPS_SURNAME = re.compile(
    rf"([{UPPER}]{{2,}}(?:[ \-'’][{UPPER}]{{2,}})?),?[ \t]+([{UPPER}][^\W\d_{UPPER}]+"
    rf"(?:-[^\W\d_]+)?)(?![\w'’])"
)
_SHORT_PARTICLES = frozenset(w for w in expand(PARTICLE) if len(w) < 3)


def capitalised(text: str, scan: Scan) -> Iterator[Span]:
    """Names among the capitalised words of `text`: after a cue, by shape, and alone; none
    that its words or the words around it make a company, a place or a label's."""
    judged: dict[tuple[int, int], bool] = {}  # cues and shapes often find the same words
    for span in _candidates(text, scan):
        key = (span.start, span.end)
        if key not in judged:
            judged[key] = not_a_person(text, span.start, span.end)
        if not judged[key]:
            yield span


def _candidates(text: str, scan: Scan) -> Iterator[Span]:
    """Every capitalised name the cues and shapes find, before `not_a_person` weighs it."""
    yield from cued_names(text, scan.lower)
    if "-" in text and _SUFFIX_GATE.search(text) is not None:
        for m in _HONORIFIC_SUFFIX.finditer(text):
            yield Span(m.start(1), m.end(1), "PERSON")  # "Yoshida-san"
    yield from _initialed(text)
    if "(" in text:
        yield from _bracketed(text)
    # Runs of two or more capitalised words.
    runs = list(_RUN.finditer(text))
    yield from _runs(text, runs)
    yield from _entries(text, runs)
    if ", " in text:
        yield from _surnames_first(text)
    yield from _first_names_alone(text, [m.span() for m in runs])
    if "'s" in text or "’s" in text:
        yield from _possessives(text)


# A possessive mid-sentence: "Karagiannis's paperwork", "… but Pieter-Jan's is missing".
_POSSESSIVE = re.compile(rf"(?<![\w'’.\-])({TOKEN})['’]s(?=[ \t,.;:!?])")


def _possessives(text: str) -> Iterator[Span]:
    """A listed name that is no common word, stop word ("Monday") or place, or a word whose
    first part is a listed first name ("Pieter-Jan"), before "'s"."""
    for m in _POSSESSIVE.finditer(text):
        word = m.group(1)
        kind = evidence(word)
        if (
            (kind == "name" or kind == "unknown" and "-" in word and is_given(word.split("-")[0]))
            and word.lower() not in STOP
            and not is_place(word)
        ):
            yield Span(m.start(1), m.end(1), "PERSON")


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
        elif (vietnamese := _vietnamese(text, m.start(), value)) is not None:
            yield vietnamese
        else:
            yield from _shaped(value, m.start(), acts=_acts(text, m.end()))
            if " " in value and _CAPS_INSIDE.search(value) is not None:
                yield from _caps_inside(text, m)


# A word in capitals inside a run, after its first word: "Insured SCHWARTZ Amber".
_CAPS_INSIDE = re.compile(rf"[ \t][{UPPER}]{{2,}}[ \t]+[{UPPER}][^\W\d_{UPPER}]")


def _caps_inside(text: str, run: re.Match[str]) -> Iterator[Span]:
    """ "Insured SCHWARTZ Amber", "CONSIGNEE ADJEI Fiifi": a surname in capitals and a first
    name after a word that opens the run (a label, a role), not the run's first word."""
    for inside in _CAPS_INSIDE.finditer(text, run.start(), run.end()):
        caps = _CAPS_SURNAME.match(text, inside.start() + 1)
        if caps is None or caps.end() > run.end() or " " in caps.group(1):
            continue
        last, first = caps.group(1), caps.group(2)
        if len(last) >= 3 and _caps_surname(last, first):
            yield Span(caps.start(), caps.end(), "PERSON")


# Vietnamese family names (nine in ten Vietnamese bear one of these), written first: a run
# of capitalised words that begins with one is a name ("Lê Quang", "Đặng Ngọc Lan"), unless
# a number or a street's or district's word stands before it ("34 Nguyễn Thị Minh Khai",
# "Đường Lê Lợi"). Unaccented forms only where they are no English word ("Nguyen", not "Do").
_VIETNAMESE_FAMILY = word_set(
    "Nguyễn Nguyen Trần Tran Lê Phạm Pham Hoàng Hoang Huỳnh Huynh Phan Vũ Võ Đặng Dang Bùi"
    " Đỗ Hồ Ngô Dương Duong Lý Đinh Trịnh Trinh Đào Mai Lưu Lương Luong Tạ Châu Cao"
)
_VIETNAMESE_PLACES = frozenset(("Hồ Chí Minh", "Ho Chi Minh", "Hồ Tây", "Hồ Gươm"))
_STREET_BEFORE = re.compile(
    r"(?:\d[\w/\-]*|No\.?|Số|TP\.?|Thành phố|Đường|Phố|Quận|Huyện|Phường|Xã|Tỉnh|Ngõ|Hẻm)"
    r"[ \t,]*$"
)


def _vietnamese(text: str, start: int, value: str) -> Span | None:
    """A run of capitalised words that begins with a Vietnamese family name, at most four
    words, cut at a stop word; None when the run begins otherwise or is a street's name."""
    first = value.split(None, 1)[0]
    if first not in _VIETNAMESE_FAMILY or first == "Mai" and is_given(first):
        return None
    name = " ".join(trim(value).split()[:4])
    if (
        len(name.split()) < 2
        or any(name.startswith(place) for place in _VIETNAMESE_PLACES)
        or is_place(name)
        or _STREET_BEFORE.search(text, max(0, start - 14), start) is not None
    ):
        return None
    return Span(start, start + len(name), "PERSON")


def _first_names_alone(text: str, runs: list[tuple[int, int]]) -> Iterator[Span]:
    """Capitalised words that are first names, wherever they stand alone (outside `runs`,
    the runs of capitalised words) or before a verb a person does."""
    for word in titled_given().intersection(_CAPITALISED.findall(text)):
        if not (alone(word) or popular_enough(word)):
            continue
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (
                (at == 0 or not _is_name_char(text[at - 1]))
                and (end == len(text) or not _is_name_char(text[end]))
                and (alone(word) or _acts(text, end))
                and not DATE_AFTER.match(text, end)
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
        if pair is not None and all(acting(w) for w in words_of(pair.group(1))):
            yield Span(pair.start(1), pair.end(1), "PERSON")
        elif _ROLE.match(text, at + 1) is not None:
            before = _RUN_BEFORE.search(text, max(0, at - 60), at)
            if (
                before is not None
                and all(acting(w) for w in words_of(before.group(1)))
                and not is_place(before.group(1))
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
            text[begin:at][:1] in CAPITALS
            and (begin == 0 or not text[begin - 1].isalnum())
            and _surname_first_at(text, begin)
        ):
            pair = _SURNAME_FIRST.match(text, begin)
            if pair is not None:
                yield Span(begin, pair.end(), "PERSON")
        elif text[begin:at][:1] in CAPITALS and (begin == 0 or not text[begin - 1].isalnum()):
            pair = _SURNAME_FIRST.match(text, begin)
            if pair is not None and (_unknown_pair(text, pair) or _entry_pair(text, pair)):
                yield Span(begin, pair.end(), "PERSON")
        at = text.find(", ", at + 2)


# Where "Surname, First" of two unknown words stands as one entry: after a lower-case word,
# a label's colon or at a line's start ("belonged to Kamau, Njoroge.", "Customer: Hrytsenko,
# Solomiia"), and ending its phrase ("Kubernetes, Terraform and Helm" goes on as a list).
_PAIR_BEFORE = re.compile(r"(?:^|[:\n|]|\d[).]|[a-z][ \t])[ \t]*$")
_PAIR_AFTER = re.compile(r"[ \t]*(?:[.;(\n|]|,[ \t]*[a-z(]|[ \t]\d{1,2}[).][ \t]|$)")


def _unknown_pair(text: str, pair: re.Match[str]) -> bool:
    """ "Kamau, Njoroge": a surname and a first name that no list knows, in the slot of one
    entry."""
    last, first = pair.group(1), pair.group(2)
    if not (acting(last) and acting(first)) or is_common(last) or is_common(first):
        return False
    if last.lower() in places() or first.lower() in places():
        return False
    start = pair.start()
    before = _PAIR_BEFORE.search(text, max(0, start - 3), start) is not None
    if not before:
        word = text[max(0, start - 30) : start].split()
        before = bool(word) and word[-1].lower() in CUE_WORDS
    return before and _PAIR_AFTER.match(text, pair.end()) is not None


def _entry_pair(text: str, pair: re.Match[str]) -> bool:
    """ "Rodriguez, Hunter", "VENTER, Nomvula", "1) Manalo, Princess": in the slot of one
    entry (see _unknown_pair), a surname (listed, or in capitals) and a first name that is
    listed, even as a common word, or that no list knows."""
    last, first = pair.group(1), pair.group(2)
    low_last, low_first = last.lower(), first.lower()
    if (
        len(last) < 3
        or len(first) < 3
        or first.isupper()
        or low_last in STOP
        or low_first in STOP
        or low_last in GREETINGS
        or low_last in ROLES
        or low_first in ROLES
        or low_first in places()
        and not is_popular(first)
    ):
        return False
    if low_last in places() and (low_first in places() or not is_given(first)):
        return False  # "Lincoln, Victoria"; but "Rodriguez, Hunter" (a town, a surname)
    if last.isupper():
        surname = not is_common(last) or low_last in common_words() and acting(first)
    else:
        surname = evidence(last) == "name" and acting(last)
    given = is_given(first) or acting(first) and not is_common(first)
    if not (surname and given):
        return False
    start = pair.start()
    return (
        _PAIR_BEFORE.search(text, max(0, start - 3), start) is not None
        and _PAIR_AFTER.match(text, pair.end()) is not None
    )


def _acts(text: str, end: int) -> bool:
    """Whether a verb a person does follows at `end` ("… reports", "… said")."""
    verb = NEXT_WORD.match(text, end)
    return verb is not None and verb.group(1) in VERBS


def _surname_first_at(text: str, start: int) -> bool:
    pair = _SURNAME_FIRST.match(text, start)
    return pair is not None and _surname_first(pair.group(1), pair.group(2))


def _initialed(text: str) -> Iterator[Span]:
    """ "J. Kowalska", "A.K. Sharma", "A. Di Stefano": initials before an uncommon
    capitalised word. Initials end in a capital letter and ". ": found from there."""
    at = text.find(". ")
    last = 0
    while at > 0:
        if text[at - 1] in CAPITALS:
            start = at - 1
            while start >= 2 and text[start - 1] == "." and text[start - 2] in CAPITALS:
                start -= 2  # "A.K."
            m = _INITIALED.match(text, start)
            if (
                m is not None
                and start >= last
                and (start == 0 or not _is_word_or_dot(text[start - 1]))
                and (surname := words_of(m.group()))
                and evidence(surname[-1]) != "word"
                and trim(text[start : m.end() + 24]).strip() != ""
            ):
                last = m.end()
                yield Span(start, m.end(), "PERSON")
        at = text.find(". ", at + 2)
    yield from _mixed_initialed(text)


# Initials written with a lower-case second letter ("K.s. Lim", "M.j. Kwon"), as forms
# that capitalise only a field's first letter print "K.S. LIM".
_MIXED_INITIALED = re.compile(rf"[{UPPER}]\.[a-z]\.[ \t]?({TOKEN})")
_MIXED_DOTS = re.compile(r"\.[a-z]\.")  # begins with a literal: a fast scan


def _mixed_initialed(text: str) -> Iterator[Span]:
    for dots in _MIXED_DOTS.finditer(text):
        start = dots.start() - 1
        if start < 0 or start > 0 and _is_word_or_dot(text[start - 1]):
            continue
        m = _MIXED_INITIALED.match(text, start)
        if (
            m is not None
            and evidence(m.group(1)) != "word"
            and trim(text[m.start() : m.end() + 24]).strip()
        ):
            yield Span(m.start(), m.end(), "PERSON")


def _caps_surname(last: str, first: str) -> bool:
    lower, given = last.lower(), first.lower()
    if lower in STOP or given in STOP or not acting(first) and given not in given_names():
        return False  # "LMP June 20": a month after an acronym
    if any(len(part) < 3 and part not in _SHORT_PARTICLES for part in re.split(r"[ \-'’]", lower)):
        # "SEPA DD Hooli": short capitals are an acronym, unless a particle ("AL", "DE") or a
        # short surname before a listed first name ("LI Jiayi", "HAN Jae-won").
        return given in given_names() or given.split("-")[0] in given_names()
    if lower in common_words():
        return given in given_names()  # "KISS Bence": a word in capitals, then a first name
    return given in given_names() or given not in common_words()


def _surname_first(last: str, first: str) -> bool:
    if last.isupper() and len(last) > 1:
        return _caps_surname(last, first)  # "SANTOS, Camila", "OMONDI, Nyambura"
    if last.lower() in STOP or last.lower() in places():
        return False
    if first.lower() in places() and not is_popular(first):
        return False  # "Malqa, Riyadh": a district and its city
    surname = last.isupper() and len(last) > 1 and not is_common(last) or evidence(last) != "word"
    if not surname or is_common(first):
        return False
    return is_given(first) or is_listed_word(last) and acting(first)


# Where two or three capitalised words stand as one entry of a list or a field: after a
# line's start, a bullet, a label's colon, a list's comma or a bracket, and before a comma,
# a dash, a bracket or the line's end ("Guests: a@b.c, Kwabena Owusu, room-4", "Customer:
# yes, Esi Addo", "(chair), Habibur Rahman, Dr. Mia"). A CSV field ("x,Kobo Clara,3") has
# no space after its comma and is its header's to judge (layouts.py).
_ENTRY_BEFORE = re.compile(r"(?:(?:^|[\n:;(])[ \t]*|,[ \t]+|^[ \t]*[-–—•*·][ \t]+)$", re.MULTILINE)
_ENTRY_AFTER = re.compile(r"[ \t]*(?:,(?=[ \t\r\n]|$)|[;(\r\n]|[ \t][-–—][ \t]|$)")


# A listed surname this popular as a first name somewhere is taken for a first name
# ("Kobo Clara" is an e-reader), a rarer one for a surname ("Habibur Rahman", "Jannatul Islam").
_GIVEN_FIRST = 6


def _entries(text: str, runs: list[re.Match[str]]) -> Iterator[Span]:
    """An entry of two or three capitalised words whose last is a listed surname that is no
    common word and whose others are words no list or dictionary knows ("Kwabena Owusu",
    "Jannatul Islam"): a first name the lists lack before a surname they hold."""
    for m in runs:
        words = m.group().split()
        if not 2 <= len(words) <= 3 or any(not w[1:].islower() for w in words):
            continue
        if (
            _ENTRY_BEFORE.search(text, max(0, m.start() - 8), m.start()) is None
            or _ENTRY_AFTER.match(text, m.end()) is None
        ):
            continue
        *given, last = words
        if (
            evidence(last) == "name"
            and last.lower() in surnames()
            and given_names().get(last.lower(), 0) < _GIVEN_FIRST
            and all(evidence(w) == "unknown" and acting(w) and not is_place(w) for w in given)
            and not is_place(m.group())
        ):
            yield Span(m.start(), m.end(), "PERSON")


def _shaped(value: str, offset: int, *, acts: bool = False) -> Iterator[Span]:
    """In a run of capitalised words, the part that is a name by the lists and its shape."""
    spans = tokens(value)
    if len(spans) < 2:
        return
    words = [value[s:e] for s, e in spans]
    for index, word in enumerate(words[:-1]):
        lower = word.lower().strip(".")
        if lower in STOP or lower in GREETINGS or lower in TITLES:
            continue
        rest = trim(value[spans[index + 1][0] :])
        if not rest:
            continue
        tail = words_of(rest)
        if word.endswith(".") and len(word) <= 5 or not tail:
            continue  # initials are _INITIALED's
        if is_place(f"{word} {rest}"):
            return
        kind, after = evidence(word), evidence(tail[0])
        # A listed first name before a surname or an unknown word ("Amani Otieno"); a
        # popular-but-common one ("Will") only before a listed surname that is no word.
        if is_given(word) and (
            kind == "name" and after != "word" or kind == "maybe" and after == "name"
        ):
            stop = spans[index + 1][0] + len(rest)
            yield Span(offset + spans[index][0], offset + stop, "PERSON")
            return
        if (
            index == 0
            and len(tail) == 1
            and kind == "name"
            and after == "name"
            and not is_given(word)
            and is_given(tail[0])
        ):
            # "Kovács Attila", "Juhász Zsófia": a listed surname before a listed first name
            # that ends the run, the order of Hungarian, Chinese and Korean names.
            stop = spans[index + 1][0] + len(rest)
            yield Span(offset + spans[index][0], offset + stop, "PERSON")
            return
        if acts and index == 0 and len(words) <= 3 and all(acting(w) for w in words_of(value)):
            # "Riaan Ndlovu joins the team", "Szabó Erzsébet says"
            yield Span(offset, offset + len(value), "PERSON")
            return
        if alone(word):
            yield Span(offset + spans[index][0], offset + spans[index][1], "PERSON")
            return


def _is_word_or_dot(ch: str) -> bool:
    return ch.isalnum() or ch in "_."


# A speaker's role before a name in one string ("agent:Joel", "staff/Lakshmi"), as
# exported chat and ticket logs tag an author.
_ROLE_TAGGED = re.compile(rf"(?i:{'|'.join(sorted(ROLES, key=len, reverse=True))})[:/]({TOKEN})")


def one_word(text: str) -> Iterator[Span]:
    """A string that is one word ("approve", "EUR", "Maria", "Yoshida-san"): a name only when
    it is a first name standing alone or carries a Japanese honorific, or a role's tag
    ("agent:Joel") names one that is no common word."""
    if ":" in text or "/" in text:
        tagged = _ROLE_TAGGED.fullmatch(text)
        if tagged is not None and evidence(tagged.group(1)) in ("name", "unknown"):
            yield Span(tagged.start(1), tagged.end(1), "PERSON")
        return
    if text[:1] in CAPITALS:
        if alone(text):
            yield Span(0, len(text), "PERSON")
        elif "-" in text and (m := _HONORIFIC_SUFFIX.fullmatch(text)) is not None:
            yield Span(0, m.end(1), "PERSON")
