"""The engine's shortcuts find exactly what a full scan of each pattern finds.

Every detector pattern used to scan every string in full; now most run only where a cheap
look says they can match (scan.py). Each shortcut is checked here against the pattern's own
`finditer` over the whole string, on the labelled corpora and on variants of them (cut,
joined, upper- and lower-cased, with characters that case folding treats specially).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from redaction import address, contact, dob, engine, redact
from redaction.address import type_first, type_last
from redaction.literals import expand, trie
from redaction.names import cues
from redaction.scan import _FOLDS_APART, ANCHORED, Scan, finditer_at
from redaction.scoring import strings_of

HERE = Path(__file__).resolve().parent
ODD = ["İ", "ı", "ſ", "K", "ẞ", "É", "\u00a0", "\t", "\n", "(+", "+", "-", ".", ":", "::", "/"]


def _texts() -> list[str]:
    base: list[str] = []
    for name in ("corpus", "heldout", "cases/address_dob", "realworld/dev"):
        if not (HERE / f"{name}.jsonl").exists():
            continue  # the real-world dev corpus is generated separately
        for line in (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            base.extend(strings_of(json.loads(line)["input"]))
    rng = random.Random(13)
    variants = []
    for _ in range(1500):
        text = rng.choice(base)
        roll = rng.random()
        if roll < 0.3:
            other = rng.choice(base)
            text = text[: rng.randrange(len(text) + 1)] + " " + other[rng.randrange(len(other)) :]
        elif roll < 0.6:
            for _ in range(rng.randint(1, 4)):
                at = rng.randrange(len(text) + 1)
                text = text[:at] + rng.choice(ODD) + text[at:]
        elif roll < 0.8:
            text = text.upper() if rng.random() < 0.5 else text.lower()
        else:
            start = rng.randrange(len(text) + 1)
            text = text[start : rng.randrange(start, len(text) + 1)]
        variants.append(text)
    edges = [
        "bsn X123456789 and AB1234567890.",  # a BSN-shaped tail inside a longer word
        "(+44) 20 7946 0958, +1-212-555-0123, 0044 20 7946 0958",
        "IBAN DE89-3704 and NY 10001, D-10115 Berlin, AB 12 34 56 C, X-1234567-L",
        "Hauptstraße 12, Kerkstraat\t5a, Calle Mayor, 5 and Via Roma 12",
        "2024-05-01T10:22:33Z fe80::1%eth0 ::ffff:1.2.3.4 a:b:c:d:e:f",
        "ul. Długa 12/4 m. 5, 00-238 Warszawa; Via  Roma,   12; et al. 2019; Str.12",
        "Atatürk Cad. No: 12 D: 5; ATATÜRK CAD. NO:12; 2-11-7 Nishi-Shinjuku, Shinjuku-ku",
        "Ginza 4-chome 5-3, Teheran-ro 152, H.No. 12-2-823/A, Váci utca 12, during 2024",
        "ΓΕΝΝΉΘΗΚΕ 12.03.1985, DOĞUM TARİHİ 19850312, née le 4 février 1979, ur. 1.2.1960",
    ]
    return base + variants + edges


TEXTS = _texts()


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(ANCHORED.patterns))
def test_anchored_patterns_find_what_a_full_scan_finds(name: str) -> None:
    pattern = ANCHORED.patterns[name]
    for text in TEXTS:
        assert Scan(text).anchored[name] == _spans(pattern.finditer(text)), (name, text)


def _cue_groups(m: re.Match[str]) -> tuple[object, ...]:
    return m.span(), m.span("cue"), m.group("strong"), m.span("title"), m.span("name")


def test_cue_candidates_find_every_cued_name() -> None:
    for text in TEXTS:
        found = [_cue_groups(m) for m in cues._cued(text, Scan(text).lower)]
        assert found == [_cue_groups(m) for m in cues._CUED.finditer(text)], text


def test_the_honorific_trie_takes_the_title_the_alternation_takes() -> None:
    # The cue pattern's title is a trie of the honorifics: one title at most ends before a
    # space, so the longest-first trie and the ordered alternation agree on every title.
    title = r"\.?[ \t]{1,3}"
    alternation = re.compile(rf"(?i:{cues._HONORIFICS}){title}")
    as_trie = re.compile(rf"(?i:{trie(expand(cues._HONORIFICS))}){title}")
    words = sorted(expand(cues._HONORIFICS))
    texts = [*TEXTS, *(f"{w} {w.upper()}. {w.title()}.  x {w}.\tY" for w in words)]
    for text in texts:
        for start in range(len(text)):
            one, other = alternation.match(text, start), as_trie.match(text, start)
            assert (one and one.span()) == (other and other.span()), (text, start)


def test_cues_tried_branch_by_branch_match_as_the_whole_alternation() -> None:
    tried = 0
    for text in TEXTS:
        lower = Scan(text).lower
        if lower is None:
            continue
        for start in [0, *(m.end() for m in re.finditer(r"[ \t\n(:,]", text))]:
            whole = cues._CUED.match(text, start)
            alone = cues._cued_at(text, lower, start)
            assert (whole and _cue_groups(whole)) == (alone and _cue_groups(alone)), text
            tried += whole is not None
    assert tried > 1000


def test_birth_words_and_dates_are_found_as_in_a_full_scan() -> None:
    for text in TEXTS:
        scan = Scan(text)
        assert sorted(dob._detect(text, scan)) == sorted(dob._detect(text, scan, full=True))
        assert _spans(dob._dates(text, scan)) == _spans(dob._DATE.finditer(text))


def test_street_lines_and_ipv6_are_found_as_in_a_full_scan() -> None:
    for text in TEXTS:
        gated = sorted(address._detect(text, Scan(text)))
        assert gated == sorted(address._detect(text, Scan(text), full=True)), text
        ipv6 = finditer_at(contact._IPV6, text, contact._ipv6_starts(text))
        assert _spans(ipv6) == _spans(contact._IPV6.finditer(text))


def test_finditer_at_every_position_is_finditer() -> None:
    pattern = re.compile(r"\d+(?:-\d+)?")
    text = "a 12-3 45 x6-"
    assert _spans(finditer_at(pattern, text, range(len(text)))) == _spans(pattern.finditer(text))


def test_expand_lists_the_strings_and_trie_matches_exactly_them() -> None:
    words = expand(r"mrs?|d[ae]ar|c/o|gr[üu](?:ß|ss)e")
    assert words == {"mr", "mrs", "dear", "daar", "c/o", "grüße", "grüsse", "gruße", "grusse"}
    pattern = re.compile(trie(words))
    assert all(pattern.fullmatch(word) for word in words)
    for near in ("m", "mrss", "dar", "c/", "grüse", "dea"):
        assert pattern.fullmatch(near) is None, near


def test_expand_refuses_patterns_with_unbounded_parts() -> None:
    with pytest.raises(ValueError):
        expand(r"ab+")


def test_lower_case_gates_know_every_character_that_folds_differently() -> None:
    # Every literal the lower-case gates look for, against every code point: where a
    # case-insensitive pattern matches a character that `str.lower` maps elsewhere, the
    # character must be one that makes the gates fall back to full scans.
    literals = set("".join(expand(f"{cues._STRONG_CUES}|{cues._WEAK_CUES}")))
    literals |= set("".join(expand(dob._MONTHS)))
    literals |= set("".join(dob._CUE_WORDS)) | set("".join(expand(type_first.PREFIX_WORDS)))
    literals |= set("".join(type_last._SUFFIX_WORDS)) | set("chome")
    letters = sorted(ch for ch in literals if ch.isalpha())
    folds = re.compile("(?i)[" + "".join(letters) + "]")
    for code in range(0x110000):
        char = chr(code)
        if folds.fullmatch(char) and char.lower() not in literals:
            assert len(char.lower()) != 1 or char in _FOLDS_APART, hex(code)
            assert Scan(f"x{char}y").lower is None, hex(code)


@pytest.mark.parametrize("text", ["M X", "m\tX", "1 St"])
def test_the_shortest_detections_are_still_found(text: str) -> None:
    assert redact(text).counts != {}


def test_short_clean_strings_are_remembered_and_pii_is_not() -> None:
    engine._clean.clear()
    assert redact({"channel": "email", "mail": "jane.doe@example.com"}).counts == {"EMAIL": 1}
    assert redact({"mail": "jane.doe@example.com"}).value == {"mail": "[EMAIL]"}
    kept = {text for text, _ in engine._clean}
    assert "email" in kept
    assert "jane.doe@example.com" not in kept
