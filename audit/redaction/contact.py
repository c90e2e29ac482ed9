"""EMAIL (plain and obfuscated), URL and IP detectors."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from audit.redaction.scan import ANCHORED, Scan, finditer_at
from audit.redaction.spans import Span, preceding

# --- EMAIL ------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])"
)

# Obfuscated: "jane at example dot com", "jane(at)example(dot)com", "jane [at] example [dot] de",
# "jane at example.com" is NOT taken (it reads like "look at example.com"); the plain word
# form needs a spelled-out dot somewhere, the bracketed forms accept a literal dot.
_B_AT = r"\s*[\[({<]\s*at\s*[\])}>]\s*"
_W_AT = r"\s+at\s+"
_B_DOT = r"\s*[\[({<]\s*dot\s*[\])}>]\s*"
_W_DOT = r"\s+dot\s+"
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_LOCAL = r"(?<![\w.%+-])[a-z0-9][a-z0-9._%+-]*"
_OBFUSCATED = re.compile(
    rf"{_LOCAL}(?:"
    rf"{_B_AT}{_LABEL}(?:(?:{_B_DOT}|{_W_DOT}|\.){_LABEL})*(?:{_B_DOT}|{_W_DOT}|\.)(?P<t1>[a-z]{{2,6}})"
    rf"|{_W_AT}{_LABEL}(?:(?:{_B_DOT}|{_W_DOT}|\.){_LABEL})*?(?:{_B_DOT}|{_W_DOT})(?P<t2>[a-z]{{2,6}})"
    rf")(?![\w-])",
    re.IGNORECASE,
)
_OBFUSCATION_GATE = re.compile(r"[\[({<]\s*at\s*[\])}>]|\sdot\s", re.IGNORECASE)

# Top-level domains accepted in obfuscated addresses: without this list "meet at noon dot
# then" would be an address. Generic ones plus the country codes of the locales we cover.
_TLDS = frozenset(
    [
        "com",
        "org",
        "net",
        "edu",
        "gov",
        "mil",
        "int",
        "info",
        "biz",
        "io",
        "co",
        "me",
        "app",
        "dev",
        "ai",
        "eu",
        "uk",
        "de",
        "fr",
        "es",
        "it",
        "nl",
        "se",
        "dk",
        "no",
        "fi",
        "pl",
        "pt",
        "be",
        "at",
        "ch",
        "ie",
        "in",
        "us",
        "ca",
        "au",
        "nz",
        "br",
        "mx",
        "ar",
        "jp",
        "cn",
        "ru",
        "tr",
        "gr",
        "cz",
        "hu",
        "ro",
        "bg",
        "hr",
        "sk",
        "si",
        "lt",
        "lv",
        "ee",
        "lu",
        "is",
        "za",
        "sg",
        "hk",
        "tw",
        "kr",
        "online",
        "email",
        "mail",
        "xyz",
        "tech",
        "site",
        "store",
        "cloud",
    ]
)


def _may_be_obfuscated(text: str, scan: Scan) -> bool:
    """A cheap necessary condition for `_OBFUSCATION_GATE`: "dot", or "at" and a bracket.

    ("a", "t", "d", "o" fold to nothing else, so `str.lower` is exact here.)
    """
    lower = scan.lower if scan.lower is not None else text.lower()
    return "dot" in lower or (
        "at" in lower and ("(" in text or "[" in text or "{" in text or "<" in text)
    )


def detect_email(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if "@" in text:
        for m in _EMAIL.finditer(text):
            yield Span(m.start(), m.end(), "EMAIL")
    if _may_be_obfuscated(text, scan) and _OBFUSCATION_GATE.search(text):
        for m in _OBFUSCATED.finditer(text):
            tld = (m.group("t1") or m.group("t2")).lower()
            if tld in _TLDS:
                yield Span(m.start(), m.end(), "EMAIL")


# --- URL --------------------------------------------------------------------------

_URL = re.compile(
    r"(?:\b(?:https?|ftp|sftp|wss?)://|\bwww\.)[^\s<>\"'`{}|\\^]+",
    re.IGNORECASE,
)
_URL_TRAILING = ".,;:!?)]}'\"*"


def detect_url(text: str, scan: Scan | None = None) -> Iterator[Span]:
    if "://" not in text and "www." not in text and "WWW." not in text:
        return
    for m in _URL.finditer(text):
        value = m.group()
        # A sentence's full stop or closing bracket is not part of the link; a bracket the
        # link itself opened is ("https://en.wikipedia.org/wiki/Foo_(bar)").
        while value and value[-1] in _URL_TRAILING:
            if value[-1] == ")" and value.count("(") >= value.count(")"):
                break
            value = value[:-1]
        if len(value) > 8:
            yield Span(m.start(), m.start() + len(value), "URL")


# --- IP ---------------------------------------------------------------------------

_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
ANCHORED.add("IP", _IPV4)
_IPV6 = re.compile(
    r"(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{0,4}|(?:\d{1,3}\.){3}\d{1,3})(?:%\w+)?(?![\w:])",
    re.IGNORECASE,
)
# "v1.2.3.4", "version 10.0.19045.1", "build 4.2.0.1": a dotted quad after these words is a
# version, not an address. Without such a word a valid dotted quad is taken as an IP.
_VERSION_CONTEXT = re.compile(
    r"(?:\bv|\bversion|\bver\.?|\bbuild|\brelease|\bfirmware|\bfw|\brev|\bsdk|\bapi|\bpatch"
    r"|\bupdate|\bupgrade\s+to|\bkb|\bos)\s*[:=]?\s*$"
)


def detect_ip(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if "." in text and scan.has_digit:
        for start, end in scan.anchored["IP"]:
            try:
                ipaddress.IPv4Address(text[start:end])
            except ValueError:
                continue
            if _VERSION_CONTEXT.search(preceding(text, start, 20)):
                continue
            yield Span(start, end, "IP")
    if "::" in text or text.count(":") >= 5:
        for m in finditer_at(_IPV6, text, _ipv6_starts(text)):
            value = m.group().split("%", 1)[0]
            # At least two written groups: "::" or "a::" are too thin to be an address.
            if sum(1 for group in value.split(":") if group) < 2:
                continue
            try:
                ipaddress.IPv6Address(value)
            except ValueError:
                continue
            yield Span(m.start(), m.end(), "IP")


def _ipv6_starts(text: str) -> list[int]:
    """Where an IPv6 address can begin: at most four hex digits before one of its colons."""
    starts: set[int] = set()
    colon = text.find(":")
    while colon >= 0:
        starts.update(range(max(0, colon - 4), colon + 1))
        colon = text.find(":", colon + 1)
    return sorted(starts)
