"""Names that a layout gives away, with no cue word before them:

- a chat speaker above a time stamp ("thanawat 10:43 AM", "Ana Lima [09:12]");
- a form's or a table's row whose label names a person's field, with dot leaders, a pipe or
  a tab between label and value ("Full legal name ...... X", "Field: Name | Value: X",
  "Surname<TAB>X");
- the columns of a CSV table whose header names a person's field ("id,name,email",
  "surname;first_name;born"), and quoted rows that open with two name fields and hold a
  date or number ("\"Okafor\",\"Ngozi\",\"14/02/1979\"");
- an inline signature after a sentence ("… again soon. - Rafiqul Talukder, Stark Freight");
- a name addressed at the end of a sentence ("…, Golnaz.", "Great work today, Joko!");
- an "@"-mention of a listed first name ("@achieng can you …");
- a name joined to a pronoun ("see you and Afroza", "dich und Anna", "toi et Marc");
- the account folder of a home path ("C:\\Users\\uchenna\\AppData", "/home/heather/.ssh",
  "/Users/zainab/Desktop"): an account that is no system's, service's or placeholder's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.literals import trie
from redaction.names.evidence import acting, is_place
from redaction.names.keys import labels_a_person
from redaction.names.lists import common_words, first_names
from redaction.names.tokens import TOKEN, words_of
from redaction.names.words import ROLES, STOP, VERBS, word_set
from redaction.spans import Span

_WORD = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"
# A line that is a speaker's name and the time the message was sent (Slack, Teams exports).
_STAMPED = re.compile(
    rf"^[ \t]*(?P<name>{_WORD}(?:[ \t]{_WORD}){{0,2}})[ \t]+\[?\d{{1,2}}[:.]\d{{2}}"
    r"(?:[:.]\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?\]?[ \t]*$",
    re.MULTILINE,
)
_TIME = re.compile(r"\d[:.]\d\d[ \t]*(?:[AaPp]\.?[Mm]\.?)?\]?[ \t]*(?:\n|$)")
# A labelled row: "Field: Name | Value: X", "Full legal name ....... X", "Surname\tX".
_ROW = re.compile(
    r"^[ \t]*(?:[^\W\d_]{1,12}:[ \t]*)?(?P<label>[^\W\d_]+(?:[ \-/][^\W\d_]+){0,4}?)[ \t]*"
    r"(?:[.…·_]{3,}:?|\||\t)[ \t]*(?:[^\W\d_]{1,12}:[ \t]*)?"
    r"(?P<value>[^\W\d_]+(?:[ .'’\-]{1,2}[^\W\d_]+){0,5})[ \t.]*$",
    re.MULTILINE,
)
# A quoted CSV row that opens with two name fields and holds a number ("…","14/02/1979").
_QUOTED_ROW = re.compile(
    r'"(?P<a>[^"\n\d]{2,40})"(?P<sep>[,;\t])[ \t]?"(?P<b>[^"\n\d]{2,40})"(?P=sep)[^\n]*\d'
)
_NAME_VALUE = re.compile(r"[^\W\d_]+(?:[ .'’\-]{1,2}[^\W\d_]+){0,5}")
# "… again soon. - Rafiqul Talukder, Stark Freight": a dash after a sentence, then a name
# that ends the line or is followed by a comma (the company, the title).
_INLINE_SIGNATURE = re.compile(
    rf"[.!?][ \t]+[-–—~][ \t]?(?P<name>{TOKEN}(?:[ \t]+{TOKEN}){{0,2}})[ \t]*(?:,[^\n]{{0,60}})?$",
    re.MULTILINE,
)
# "…, Golnaz." "Great work today, Joko!": one capitalised word after a comma ends a sentence.
_VOCATIVE = re.compile(rf",[ \t]+(?P<name>{TOKEN})[ \t]*[.!?]+(?=[ \t\r\n]|$)")
_CLAUSE_START = re.compile(r"[.!?\n:;]")
_MENTION = re.compile(r"@(?P<name>[^\W\d_]{3,20}(?:[-.][^\W\d_]{2,20})?)(?![\w@])")
# "see you and Afroza", "mit dir und Anna", "toi et Marc": a pronoun joined to a name.
_PRONOUNS = word_set(
    """you me us him her them dich dir mich mir uns ihn ihm toi moi nous lui elle ti te vos
    usted ustedes jou jij mij ons hem haar dig mig oss deg meg ciebie mnie nas seni beni sizi
    bizi você voce sinua minua"""
)
# Searched from the name, a capitalised word: a pattern that opens with a space is tried at
# every space of the text.
_WHOLE_TOKEN = re.compile(rf"{TOKEN}(?![\w'’-])")
_CONJUNCTION_BEFORE = re.compile(r"[ \t](?:and|und|et|y|e|en|och|og|i|ve|ja)$")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_]+)$")
_CSV_SEPARATORS = (",", ";", "\t")
# The folder under a home directory, Windows', macOS' and Linux' ("C:\\Users\\x\\",
# "/Users/x/", "/home/x/"), optionally "first.last": the account it belongs to.
_HOME_DIR = re.compile(
    r"(?:(?<![^\W\d_])[A-Za-z]:[\\/]+Users|(?<![\w.~-])[\\/]Users|(?<![\w.~-])/home)[\\/]+"
    r"(?P<name>[^\W\d_]{2,20}(?:[._-][^\W\d_]{2,20})?)(?=[\\/]|[ \t\r\n\"'`,;:)]|$)"
)
# Home folders of no one: the operating system's, a service's, a CI runner's, a placeholder.
_ACCOUNTS = word_set(
    """admin administrator administrators user users username usr public default defaultuser
    all guest guests root runner ubuntu debian centos fedora alpine kali vagrant jenkins git
    gitlab github www www-data nobody postgres mysql oracle docker test tester testing dev
    developer build builder buildbot ci travis circleci appveyor azureuser ec2-user pi
    student owner home shared share local localadmin service services system sys operator
    me my myuser name yourname your you foo bar example demo sample app
    apps deploy deployer ansible ops devops support helpdesk it office staff work server
    node python conda anaconda jupyter jovyan codespace vscode gitpod linuxbrew"""
)
# "Rizky has attended …", "… notes - Odhiambo leaves on …": one capitalised word that opens a
# sentence or a clause, then a verb a person does and the rest of the clause in lower case.
# Searched from the capital: a text holds few capitalised words and many verbs ("will",
# "has", "is"), and a pattern that begins with a character class is skipped to in C.
_TOKEN_BEFORE_VERB = re.compile(rf"{TOKEN}(?= (?:{trie(VERBS)})[ \t]+[a-z])")
_SUBJECT = re.compile(rf"(?<![^\W\d_])(?P<name>{TOKEN})$")
_OPENS = re.compile(r"(?:^|[.!?:;\n][\"”)]?|[ \t][-–—])[ \t]*$")


def laid_out(text: str) -> Iterator[Span]:
    """Names that a layout gives away (see the module's doc); the caller weighs them against
    organisations, places and labels."""
    if "\n" in text and ":" in text and _TIME.search(text) is not None:
        yield from _stamped(text)
    if "|" in text or "\t" in text or "..." in text or "…" in text or "__" in text:
        yield from _rows(text)
    if '"' in text and '",' in text or '";' in text:
        yield from _quoted_rows(text)
    if "\n" in text and ("," in text or ";" in text or "\t" in text):
        yield from _csv(text)
    if " -" in text or " –" in text or " —" in text or " ~" in text:
        for m in _INLINE_SIGNATURE.finditer(text):
            if _names(words_of(m.group("name"))):
                yield Span(m.start("name"), m.end("name"), "PERSON")
    if ", " in text:
        yield from _vocatives(text)
    if "@" in text:
        yield from _mentions(text)
    yield from _subjects(text)
    if "Users" in text or "/home/" in text:
        yield from _home_dirs(text)
    if " and " in text or " und " in text or " et " in text or " y " in text:
        yield from _joined_to_pronoun(text)


def _joined_to_pronoun(text: str) -> Iterator[Span]:
    """A capitalised word after a pronoun and a conjunction ("see you and Afroza")."""
    for m in _WHOLE_TOKEN.finditer(text):
        space = m.start()
        while space > 0 and text[space - 1] in " \t":
            space -= 1
        if space == m.start():
            continue
        conjunction = _CONJUNCTION_BEFORE.search(text, max(0, space - 4), space)
        if conjunction is None:
            continue
        before = conjunction.start()
        pronoun = _WORD_BEFORE.search(text, max(0, before - 12), before)
        if pronoun is not None and pronoun.group(1) in _PRONOUNS and _names([m.group()]):
            yield Span(m.start(), m.end(), "PERSON")


def _home_dirs(text: str) -> Iterator[Span]:
    """The account folder of a home path, when its words are a person's: a listed first name
    ("heather"), or words no dictionary knows ("uchenna"), none an account of no one's."""
    for m in _HOME_DIR.finditer(text):
        name = m.group("name")
        parts = re.split(r"[._-]", name.lower())
        if name.lower() in _ACCOUNTS or any(p in _ACCOUNTS or p in STOP for p in parts):
            continue
        if parts[0] in first_names() or all(
            p not in common_words() and not is_place(p) for p in parts
        ):
            yield Span(m.start("name"), m.end("name"), "PERSON")


def _subjects(text: str) -> Iterator[Span]:
    """One capitalised word that opens a sentence or a clause, before a verb a person does."""
    for token in _TOKEN_BEFORE_VERB.finditer(text):
        # The name is the whole capitalised word before the verb ("dAnna-Bob has": "Bob").
        at = token.end()
        m = _SUBJECT.search(text, _word_start(text, at, max(0, at - 40)), at)
        if (
            m is not None
            and _names([m.group("name")])
            and _OPENS.search(text, max(0, m.start() - 3), m.start()) is not None
        ):
            yield Span(m.start("name"), m.end("name"), "PERSON")


def _word_start(text: str, end: int, floor: int) -> int:
    """Where the word ending at `end` begins (not before `floor`): after the last space, tab
    or line break. A name token holds none, so searching from there finds what a search from
    `floor` finds without trying each place before."""
    return (
        max(text.rfind(" ", floor, end), text.rfind("\t", floor, end), text.rfind("\n", floor, end))
        + 1
        or floor
    )


def _names(words: list[str]) -> bool:
    """Capitalised words that can be a name: each a listed or an unknown word (no common
    word, role, title or place)."""
    return (
        bool(words)
        and len(words) <= 4
        and all(acting(w) and not _common_parts(w) for w in words)
        and not is_place(" ".join(words))
    )


def _common_parts(word: str) -> bool:
    """ "Follow-up", "Check-in": a hyphenated word whose every part is a common word."""
    return "-" in word and all(p.lower() in common_words() for p in word.split("-"))


def _lower_name(words: list[str]) -> bool:
    """Words of a name as chat writes them: no common word, role, stop word or place."""
    lowers = [w.lower() for w in words]
    return (
        bool(words)
        and len(words) <= 3
        and all(len(w) > 2 for w in lowers)
        and not any(w in ROLES or w in STOP or w in common_words() or is_place(w) for w in lowers)
        and not any(w.isupper() for w in words)
    )


# A line's label and its value, for OCR'd forms whose labels carry stray spaces
# ("Fu ll na me: Wanjiku Kamau", "Nam e: Mahmuda Akter"): without its spaces the label
# spells a person's field (fields.py), as the DOB detector reads "Da te of bir th :".
_SPACED_ROW = re.compile(
    r"^[ \t]*(?P<label>[^\W\d_][^\n:]{1,30}?)[ \t]*:[ \t]*(?P<value>[^\n]*?)[ \t]*$",
    re.MULTILINE,
)


def spaced_rows(text: str) -> list[tuple[tuple[int, int], Span | None]]:
    """The spaced labels of a person's field (their extent), each with the name after it if
    any. Tried only in text with a double space (as such scans have) and a colon."""
    if "  " not in text or ":" not in text:
        return []
    found: list[tuple[tuple[int, int], Span | None]] = []
    for m in _SPACED_ROW.finditer(text):
        label = m.group("label")
        if " " not in label or not labels_a_person(label):
            continue
        value = m.group("value")
        name = None
        if value and _value_is_name(value, strictly=True) and len(words_of(value)) <= 4:
            name = Span(m.start("value"), m.end("value"), "PERSON")
        found.append((m.span("label"), name))
    return found


def _stamped(text: str) -> Iterator[Span]:
    for m in _STAMPED.finditer(text):
        words = words_of(m.group("name"))
        if _lower_name(words) or _names(words):
            yield Span(m.start("name"), m.end("name"), "PERSON")


def _value_is_name(value: str, *, strictly: bool = False) -> bool:
    """A value under a person's label: capitalised words, not all common words unless the
    label holds nothing but a name ("förnamn: Saga")."""
    words = words_of(value)
    if not words or len(words) > 5 or not any(w[:1].isupper() for w in words):
        return False
    if strictly:
        return not any(w.lower() in STOP for w in words)
    return not all(w.lower() in common_words() or w.lower() in STOP for w in words)


def _rows(text: str) -> Iterator[Span]:
    for m in _ROW.finditer(text):
        if labels_a_person(m.group("label")) and _value_is_name(m.group("value")):
            yield Span(m.start("value"), m.end("value"), "PERSON")


def _quoted_rows(text: str) -> Iterator[Span]:
    starts = [0] if text.startswith('"') else []
    at = text.find('\n"')
    while at >= 0:
        starts.append(at + 1)
        at = text.find('\n"', at + 2)
    for m in filter(None, (_QUOTED_ROW.match(text, start) for start in starts)):
        pair = [m.group("a").strip(), m.group("b").strip()]
        if all(_names(words_of(field)) and field[:1].isupper() for field in pair):
            yield Span(m.start("a"), m.end("a"), "PERSON")
            yield Span(m.start("b"), m.end("b"), "PERSON")


def _csv(text: str) -> Iterator[Span]:
    """The person columns of CSV tables: a header line whose fields are labels, one of them a
    person's ("name", "surname", "first_name"), and the rows under it with as many fields."""
    columns: list[int] = []
    strict: set[int] = set()
    sep, width, offset = "", 0, 0
    for line in text.split("\n"):
        fields = line.split(sep) if sep else []
        if columns and len(fields) >= 2 and len(fields) == width:
            at = offset
            for i, field in enumerate(fields):
                if i in columns:
                    value = field.strip().strip('"').strip()
                    if (
                        value
                        and _NAME_VALUE.fullmatch(value)
                        and _value_is_name(value, strictly=i in strict)
                    ):
                        start = at + field.index(value)
                        yield Span(start, start + len(value), "PERSON")
                at += len(field) + len(sep)
        else:
            columns, sep, width = [], "", 0
            for candidate in _CSV_SEPARATORS:
                count = line.count(candidate)
                if count < 2 or line.count(" ") > count:
                    continue  # a header has three or more labels, and is no sentence
                labels = line.split(candidate)
                if any(len(x) > 30 for x in labels):
                    continue
                found = [
                    i for i, label in enumerate(labels) if labels_a_person(label.strip().strip('"'))
                ]
                strict = {
                    i for i in found if labels_a_person(labels[i].strip().strip('"'), strictly=True)
                }
                if found and all(re.fullmatch(r"[ \"]*[^\W\d][\w .\-]*[ \"]*", x) for x in labels):
                    columns, sep, width = found, candidate, len(labels)
                    break
        offset += len(line) + 1


def _vocatives(text: str) -> Iterator[Span]:
    for m in _VOCATIVE.finditer(text):
        word = m.group("name")
        if not _names([word]):
            continue
        clause = _CLAUSE_START.split(text[max(0, m.start() - 120) : m.start()])[-1]
        words = clause.split()
        if (
            any(ch.isdigit() for ch in clause)
            or "," in clause
            or len(words) < 2
            or not words[-1][:1].islower()
            or sum(w[:1].islower() for w in words) < 2
        ):
            continue  # "12 Main St, Springfield.", "in Mérida, Yuc.", "office: Acme, Hawassa."
        yield Span(m.start("name"), m.end("name"), "PERSON")


def _mentions(text: str) -> Iterator[Span]:
    for m in _MENTION.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "._@"):
            continue  # an e-mail address
        handle = m.group("name")
        head = re.split(r"[-.]", handle.lower())[0]
        if head in common_words() or head in STOP:
            continue
        if head in first_names() or (
            (m.start() == 0 or text[m.start() - 1] == "\n") and not _compound(handle.lower())
        ):  # a line's start
            yield Span(m.start("name"), m.end("name"), "PERSON")


def _compound(handle: str) -> bool:
    """ "@windrunner", "@pixelpusher", "@quietstorm": a handle made of two common words is a
    nickname, not a person's name."""
    common = common_words()
    return handle in common or any(
        handle[:i] in common and handle[i:] in common for i in range(3, len(handle) - 2)
    )
