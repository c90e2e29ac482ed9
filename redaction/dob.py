"""DOB: the first date right after a birth word, in the main European languages and Turkish.

A date alone is never masked (appointments, deadlines and timestamps are dates too): only
the first date that begins within `_WINDOW` characters after a birth cue ("born", "DOB",
"geb.", "né le", "fecha de nacimiento", "data urodzenia", "doğum tarihi"…). Dates are
numeric in either day order (`12.03.1985`, `03/12/1985`, `1985-03-12`), compact
`19850312` (a real calendar date), or with a month name or abbreviation in any of the
languages below (`12 March 1985`, `March 12, 1985`, `02-Sep-1987`, `12 de marzo de 1985`,
`12 września 1985`, `1985. március 12.`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.literals import expand, trie
from redaction.scan import Scan, finditer_at, is_word
from redaction.spans import Span

# Birth cues, lower-case literals (expanded into a trie matched on the lower-cased text, and
# case-insensitively on the original where lower-casing cannot be trusted). Each must start
# a word; "b." and "ur." only count right before a digit (see `_CUE`).
_CUES = (
    r"born|dob|d\.o\.b\.?|date of birth|date-of-birth|birth ?date|birthday|date of b\."
    r"|geb\.|geboren(?: am| op)?|geburtsdatum|geburtstag|geb\.-datum|geb\.datum"
    r"|n[ée]e? le|n[ée]e? en|date de naissance|naissance"
    r"|fecha de nacimiento|f\. ?nac\.?|fec\. ?nac\.?|nacid[oa](?: el| en)?|nacimiento"
    r"|nat[oa] il|nat[oa] a|nat[oa] nel|data di nascita|nascita"
    r"|geboortedatum|geb\. ?datum"
    r"|f[øo]dt(?: den)?|f[øo]dselsdato|f[öo]dd(?: den)?|f[öo]delsedatum|f[öo]delsedag"
    r"|syntynyt|syntym[äa]aika|syntym[äa]p[äa]iv[äa]"
    r"|data urodzenia|urodzon[ya](?: dnia)?|ur\."
    r"|do[ğg]um tarihi|do[ğg]um|d\. ?tarihi|d\.t\."
    r"|data de nascimento|nascid[oa](?: em| a)?|data nasc\.?"
    r"|γεννήθηκε|gennithike|imerominia gennisis"
    r"|narozen[aý]?|datum narozen[ií]|narodil[a]? se|narodený|narodená|d[áa]tum narodenia"
    r"|sz[üu]letett|sz[üu]let[ée]si d[áa]tum|sz[üu]let[ée]si id[őo]|sz[üu]l\.|n[ăa]scut[ăa]?"
    r"|data na[șs]terii|nar\.|nar\. dne"
    # Indonesian/Malay, Vietnamese, Portuguese "DN:", Chinese, Japanese, Korean
    r"|lahir|tanggal lahir|tgl\. lahir|tarikh lahir|sinh ngày|ngày sinh|sinh năm|dn:|d\.n\."
    r"|出生日期|出生|生年月日|생년월일"
)
_CUE_WORDS = expand(_CUES)
# The cue must start a word, and end one (or end in "."); "b." and "ur." need a digit next.
_CUE_SOURCE = (
    rf"(?<!\w)(?:(?:{trie(_CUE_WORDS)})(?<=[.:])|(?:{trie(_CUE_WORDS)})(?!\w)"
    r"|(?:出生日期|出生|生年月日|생년월일)"
    r"|b\.(?= ?(?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))))"
)
_CUE = re.compile(_CUE_SOURCE, re.IGNORECASE)
_CUE_LOWER = re.compile(_CUE_SOURCE)

_MONTHS = (
    # en, de, fr, es, it, pt, nl, sv/da/no, fi, pl, cs, hu, ro, tr, id (also without diacritics)
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|januar|februar|m[äa]rz|mai|juni|juli|oktober|dezember|j[äa]nner|okt|dez|m[äa]r"
    r"|janvier|f[ée]vrier|mars|avril|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
    r"|janv|f[ée]vr?|avr|juil|d[ée]c"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre|ene|abr|ago|dic"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|gen|mag|giu"
    r"|lug|set|ott"
    r"|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|fev"
    r"|januari|februari|maart|mei|augustus|okt|augusti|juni|juli|marts|maj|desember|mars"
    r"|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kes[äa]kuuta|hein[äa]kuuta"
    r"|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta"
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[śs]nia|pa[źz]dziernika"
    r"|listopada|grudnia|stycze[ńn]|luty|kwiecie[ńn]|czerwiec|lipiec|sierpie[ńn]|wrzesie[ńn]"
    r"|pa[źz]dziernik|listopad|grudzie[ńn]"
    r"|ledna|[úu]nora|b[řr]ezna|dubna|kv[ěe]tna|[čc]ervna|[čc]ervence|srpna|z[áa][řr][íi]"
    r"|[řr][íi]jna|prosince"
    r"|janu[áa]r|febru[áa]r|m[áa]rcius|[áa]prilis|m[áa]jus|j[úu]nius|j[úu]lius|augusztus"
    r"|szeptember|okt[óo]ber"
    r"|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie"
    r"|decembrie"
    r"|ocak|[şs]ubat|mart|nisan|may[ıi]s|haziran|temmuz|a[ğg]ustos|eyl[üu]l|ekim|kas[ıi]m"
    r"|aral[ıi]k"
    # id/ms (those not above)
    r"|maret|agustus|desember|januari|februari|juni|juli|mei|oktober|okt|agu|des"
)
MONTH_WORDS = expand(_MONTHS)  # month names and abbreviations, lower case (address/named.py)
_MONTH = trie(MONTH_WORDS)
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_DATE = re.compile(
    rf"(?<!\w)(?:"
    # 1985-03-12, 1985/3/12, 1985.03.12
    rf"{_YEAR}[./\-]\d{{1,2}}[./\-]\d{{1,2}}(?!\d)"
    # 12.03.1985, 3/12/1985, 12-03-85, 12. 03. 1985
    rf"|\d{{1,2}}[./\-]\d{{1,2}}[./\-](?:{_YEAR}|\d{{2}})(?!\d)"
    rf"|\d{{1,2}}\.\s\d{{1,2}}\.\s?{_YEAR}(?!\d)"
    # 12 March 1985, 12. März 1985, 2nd of May 1985, 12 de marzo de 1985, 02-Sep-1987
    rf"|{_DAY}(?:st|nd|rd|th|er|º|°)?\.?(?:\s+|-|/)(?:de\s+|of\s+)?(?:{_MONTH})\.?"
    rf"(?:,?\s+|-|/)(?:de\s+)?(?:{_YEAR})(?!\d)"
    # March 12, 1985; Sep 2 1987
    rf"|(?:{_MONTH})\.?\s+{_DAY}(?:st|nd|rd|th)?,?\s+(?:{_YEAR})(?!\d)"
    # 1985. március 12. (Hungarian), 1985 March 12
    rf"|{_YEAR}\.?\s+(?:{_MONTH})\.?\s+{_DAY}\.?(?!\d)"
    # 19850312: only after a cue (all dates here are), and a real date (checked below)
    rf"|{_YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"
    rf")",
    re.IGNORECASE,
)
_WINDOW = 40
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d")
_BRACKET_BEFORE = 2010
# The farthest a date's year begins after the date's start ("30th of September, 1985",
# "12 de septiembre de 1985"), and the longest cue.
_YEAR_AT = 36
_CUE_LONGEST = max(len(word) for word in _CUE_WORDS)
# One search for the cue words anywhere (no word boundaries, a plain trie whose first
# characters the regex engine skips to) tells whether a short string, or a stretch of a
# longer one, can hold a cue at all, and where the first can begin.
_SHORT = 100
_CUE_ANYWHERE = re.compile(trie(_CUE_WORDS | {"b."}))
# Before a two-digit year: "12.03." (the day and month of "12.03.85").
_SHORT_YEAR_BEFORE = re.compile(r"(?<!\w)\d{1,2}[./\-]\d{1,2}[./\-]$")
# A date begins at a number or a month name: month names found on the lower-cased text.
_MONTH_AT = re.compile(rf"(?<!\w)(?={_MONTH})")
_NUMBERS = re.compile(r"\d+")


def _cue_ends(text: str, scan: Scan, full: bool = False) -> list[int]:
    """The end of every birth cue that a date can follow within `_WINDOW` characters.

    Every date holds a year (a run of four digits starting 19 or 20, eight digits, or two
    digits after a digit and a separator) at most `_YEAR_AT` characters after its start, so
    such a cue ends at most `_WINDOW + _YEAR_AT` characters before a year: only those
    stretches of the lower-cased text are searched.
    """
    lower = scan.lower
    if full or lower is None:
        return [m.end() for m in _CUE.finditer(text)]
    if len(lower) <= _SHORT:  # one call or two beat the loop below
        if _CUE_ANYWHERE.search(lower) is None:
            return []
        return [m.end() for m in _CUE_LOWER.finditer(lower)]
    ends: list[int] = []
    last = 0
    size = len(text)
    for run, run_end in scan.digit_runs:
        length = run_end - run
        if length == 4:
            if text[run] not in "12":
                continue
        elif length != 8 and not _short_year(text, run, length):
            continue
        if run and (text[run - 1].isalnum() or text[run - 1] == "_"):
            continue  # a year never follows a letter or digit at once
        # Windows do not overlap: no cue holds a digit, so none spans the previous year.
        low = max(last, run - _WINDOW - _YEAR_AT - _CUE_LONGEST)
        last = run
        if run - low < 2:
            continue  # no room for a cue
        stop = min(size, run + 2)
        first = _CUE_ANYWHERE.search(lower, low, stop)
        if first is None:
            continue
        for found in _CUE_LOWER.finditer(lower, first.start(), stop):
            if found.end() <= run:
                ends.append(found.end())
    return ends


def _short_year(text: str, run: int, length: int) -> bool:
    """The run is the two-digit year of "12.03.85" (after a day, a month and separators)."""
    if length > 2 or run < 4 or text[run - 1] not in "./-" or not text[run - 2].isdigit():
        return False
    sep = run - 3 if not text[run - 3].isdigit() else run - 4
    if sep < 1 or text[sep] not in "./-":
        return False
    return _SHORT_YEAR_BEFORE.search(text, max(0, run - 6), run) is not None


def _dates(text: str, scan: Scan) -> Iterator[re.Match[str]]:
    lower = scan.lower
    if lower is None:
        return _DATE.finditer(text)
    starts = {m.start() for m in _MONTH_AT.finditer(lower)}
    starts.update(run for run, _ in scan.digit_runs if run == 0 or not is_word(text[run - 1]))
    return finditer_at(_DATE, text, sorted(starts))


def _plausible(value: str) -> bool:
    """Numeric parts that can be a day, a month and a year (in either day order)."""
    numbers = [int(n) for n in _NUMBERS.findall(value)]
    if len(numbers) == 1:  # compact YYYYMMDD (already range-checked by the pattern)
        return True
    if len(numbers) == 3:
        first, second, third = numbers
        if first > 31:  # year first
            return 1 <= second <= 12 and 1 <= third <= 31
        return (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and second <= 31)
    return True  # a month name: day and year are range-checked by the pattern


def detect_dob(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if not scan.has_digit:
        return iter(())
    return _detect(text, scan)


def _detect(text: str, scan: Scan, full: bool = False) -> Iterator[Span]:
    if "(" in text:
        yield from _bracketed(text)
    if _row_separated(text):
        yield from _fielded(text, scan, full)
    ends = _cue_ends(text, scan, full)
    if not ends and "  " in text and ":" in text:
        ends = _spaced_label_ends(text)
    if not ends:
        return
    # The first date after each birth word, if it is close: "born 12 May 1985, joined
    # 03.04.2020" masks the first date only.
    found = _DATE.finditer(text) if full else _dates(text, scan)
    dates = [m.span() for m in found if _plausible(m.group())]
    for end in ends:
        at = next((i for i, (s, _) in enumerate(dates) if s >= end), -1)
        if at < 0 or dates[at][0] - end > _WINDOW:
            continue
        start, stop = dates[at]
        # "date of birth (gave 20251113, record shows 07/08/1956)": a recent first date with
        # an old one close behind it is a wrong or other date, and the old one the birth.
        if _year(text[start:stop]) >= _BRACKET_BEFORE and at + 1 < len(dates):
            after, until = dates[at + 1]
            if after - stop <= _WINDOW and 0 < _year(text[after:until]) < _BRACKET_BEFORE:
                start, stop = after, until
        yield Span(start, stop, "DOB")


def _year(value: str) -> int:
    """The four-digit year in a date, 0 when it has none ("12.03.85")."""
    found = _YEAR_IN.search(value)
    return int(found.group()) if found is not None else 0


def _bracketed(text: str) -> Iterator[Span]:
    """A date of birth in brackets after a name, as records write it: "Hanna Gebre
    (26/10/1949)", "AMOAH, Kwabena (25-Jul-1968)". Only a year before `_BRACKET_BEFORE`
    counts: a recent date after a name is an appointment or a signature date."""
    at = text.find("(")
    while at >= 0:
        found = _DATE.match(text, at + 1)
        if found is not None and text.startswith(")", found.end()) and _plausible(found.group()):
            year = _YEAR_IN.search(found.group())
            head = text[max(0, at - 40) : at].rstrip()
            last = head.rsplit(None, 1)[-1] if head else ""
            if year and int(year.group()) < _BRACKET_BEFORE and last[:1].isupper():
                yield Span(found.start(), found.end(), "DOB")
        at = text.find("(", at + 1)


# A row of a CSV, TSV or pipe table: a tab or a pipe, or a separator and then a quote.
_QUOTED_FIELD = re.compile(r'[,;] ?"')
_FIELD_EDGE = ',;|\t\n"'


def _row_separated(text: str) -> bool:
    """The text holds a tab, a pipe or `_QUOTED_FIELD`: `in` finds a character with one fast
    C scan, where a regex without a literal to look for steps through every position."""
    return "\t" in text or "|" in text or ('"' in text and _QUOTED_FIELD.search(text) is not None)


def _fielded(text: str, scan: Scan, full: bool) -> Iterator[Span]:
    """A date that is a whole field of a record row (`"Saputra","Intan","30.9.1998",…`,
    `1961-04-02 | F | …`) with a year before `_BRACKET_BEFORE`: a row that holds a person
    writes a birth date so, without a cue; a recent date there is a visit or an order.
    An old date of something else in such a row (a membership since 1998) is masked too."""
    found = _DATE.finditer(text) if full else _dates(text, scan)
    for m in found:
        start, end = m.span()
        if not (_field_starts(text, start) and _field_ends(text, end)):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        year = _YEAR_IN.search(m.group())
        if (
            year is not None
            and int(year.group()) < _BRACKET_BEFORE
            and sum(line.count(sep) for sep in ",;|\t") >= 2
            and _plausible(m.group())
        ):
            yield Span(start, end, "DOB")


def _field_starts(text: str, start: int) -> bool:
    """Only spaces and quotes lie between `start` and the field separator (or line start)."""
    at = start
    while at > 0 and text[at - 1] in ' "':
        at -= 1
    return at == 0 or text[at - 1] in _FIELD_EDGE


def _field_ends(text: str, end: int) -> bool:
    at = end
    while at < len(text) and text[at] in ' "':
        at += 1
    return at == len(text) or text[at] in _FIELD_EDGE


# The birth cues without their spaces and dots, as an OCR'd form's label reads once its
# stray spaces are taken out ("Da te of bir th :" is "dateofbirth").
_CUE_COMPACT = frozenset(word.replace(" ", "").replace(".", "") for word in _CUE_WORDS)
_LABEL = re.compile(r"^[ \t]*([^\W\d_][^\n:]{1,30}?)[ \t]*:", re.MULTILINE)


def _spaced_label_ends(text: str) -> list[int]:
    """Where a line's label ends when, without its spaces, it spells a birth cue: OCR'd and
    letter-spaced forms ("Da te of bir th: 05/02/1946") break the words of their labels.
    Tried only in text with a double space (as such scans have) and a colon."""
    return [
        m.end()
        for m in _LABEL.finditer(text)
        if " " in m.group(1)
        and m.group(1).lower().replace(" ", "").replace(".", "") in _CUE_COMPACT
    ]
