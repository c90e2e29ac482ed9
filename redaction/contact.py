"""EMAIL (plain and obfuscated), URL and IP detectors."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from redaction.scan import ANCHORED, Scan, finditer_at
from redaction.spans import Span, preceding


def _words(text: str) -> list[str]:
    """The whitespace-separated words of `text` (long word lists read better as prose)."""
    return text.split()


# --- EMAIL ------------------------------------------------------------------------

# Local parts and domain labels: ASCII and Latin letters ("jörg.müller@firma.de"). Letters
# of other scripts end an address: "请发到li@qq.com谢谢" holds "li@qq.com".
_CHARS = "A-Za-z0-9\u00c0-\u024f"
_EMAIL = re.compile(
    rf"(?<![{_CHARS}._%+-])[{_CHARS}][{_CHARS}._%+-]*@[{_CHARS}](?:[{_CHARS}-]*[{_CHARS}])?"
    rf"(?:\.[{_CHARS}](?:[{_CHARS}-]*[{_CHARS}])?)*\.[A-Za-z]{{2,24}}(?![{_CHARS}_-])"
)

# Top-level domains accepted in obfuscated addresses: without this list "meet at noon dot
# then" would be an address. Generic ones and every country code.
_GENERIC_TLDS = (
    "com org net edu gov mil int info biz name pro mobi app dev ai io co me tv cc ws eu asia "
    "online email mail xyz tech site store cloud shop blog live life world today space "
    "website digital agency studio design media news club team group company solutions"
)
_COUNTRY_TLDS = (
    "ac ad ae af ag al am ao ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt "
    "bw by bz ca cd cf cg ch ci ck cl cm cn cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg es "
    "et fi fj fm fo fr ga gd ge gg gh gi gl gm gn gp gr gt gu gy hk hn hr ht hu id ie il im in "
    "iq ir is it je jm jo jp ke kg kh ki km kn kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma "
    "mc md mg mk ml mm mn mo mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz "
    "om pa pe pf pg ph pk pl pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm "
    "sn so sr ss st sv sx sy sz tc td tg th tj tk tl tm tn to tr tt tw tz ua ug uk us uy uz va "
    "vc ve vg vi vn vu wf ws ye yt za zm zw"
)
_TLDS = frozenset((_GENERIC_TLDS + " " + _COUNTRY_TLDS).split())
_TLD = "(?:" + "|".join(sorted(_TLDS, key=lambda t: (-len(t), t))) + ")"

# Mail providers: "jane at gmail.com" (the word "at" and a real dot) is an address when the
# domain is one of these, or when a mail word comes before it ("e-mail:", "mail me").
_PROVIDERS = frozenset(
    _words(
        """gmail googlemail yahoo ymail rocketmail hotmail outlook live msn aol icloud me mac
    protonmail proton pm gmx web t-online freenet arcor posteo mailbox tutanota tuta zoho
    fastmail yandex mail qq 163 126 sina naver daum hanmail nate orange free sfr laposte
    wanadoo libero virgilio tiscali alice btinternet sky virginmedia ntlworld talktalk
    comcast verizon att sbcglobal bellsouth cox charter shaw rogers sympatico telus bigpond
    optusnet xtra seznam centrum wp o2 onet interia op tlen poczta rambler inbox bk list ukr
    rediffmail uol bol terra ig globo telia telenet skynet online hetnet ziggo kpnmail
    planet home chello bluewin sunrise hispeed a1 aon kabelmail tele2 comhem bredband spray
    jubii stofanet ofir sol abv mail2world lycos hushmail gmx-topmail"""
    )
)
_MAIL_WORD = re.compile(
    r"(?:e-?mail|mail|courriel|correo|posta|poczta|inbox|write|reply|cc|bcc|contact|e-?post|via"
    r"|address|adresse|adres|direcci[óo]n|indirizzo|endereço"
    r"|sähköposti|eposta|メール|邮箱|이메일)\b[^.!?\n]{0,24}$"
)
# Words that are never the local part of an address written "x at y.com": "look at
# example.com", "me at example.com" ("contact me at example.com" names a site).
_NOT_LOCAL = frozenset(
    _words(
        """me us you him her them it this that we i they look looking looked here there online
    site website page link found find located hosted posted live visit visited shop buy
    sold bought login log logged signed sign available listed us see seen check checked
    arrive arrived arrives stay stayed work works worked meet met order ordered is are was
    were be been am and or but price priced sale home dinner lunch up down out"""
    )
)

# Obfuscated: "jane at example dot com", "jane(at)example(dot)com", "jane [at] example [dot]
# de", "jane{at}example.se", "jane＠example.com", "first.last @ example . co . uk",
# "jane@gmail dot com". Every form needs a known top-level domain; the plain word "at"
# also needs a spelled-out or bracketed dot, or (with a real dot) a mail provider's domain
# or a mail word before it.
_ATS = r"@\uff20\ufe6b"
_LOCAL = rf"(?<![{_CHARS}._%+-])[{_CHARS}][{_CHARS}._%+-]*"
_LOCAL_CHAR = re.compile(rf"[{_CHARS}._%+-]", re.IGNORECASE)
_AT = (
    rf"(?P<at>\s*[{_ATS}]\s*"  # "@" with spaces, full-width "＠", small "﹫"
    rf"|\s*[\[({{<]\s*(?:at|[{_ATS}])\s*[\])}}>]\s*"  # "(at)", "[at]", "{at}", "<at>", "(@)"
    r"|\s+at\s+)"  # the plain word
)
_DOT = (
    r"(?:\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*"  # "(dot)", "[dot]", "[.]"
    r"|\s+dot\s+"  # the plain word
    r"|[.\uff0e](?!\s)"  # a real dot (full-width too) not followed by a space
    r"|\s+[.\uff0e]\s*)"  # " . " between spaced labels
)
_LABEL = rf"[{_CHARS}](?:[{_CHARS}-]*[{_CHARS}])?"
_OBFUSCATED = re.compile(
    rf"{_LOCAL}{_AT}(?P<domain>{_LABEL}(?:{_DOT}{_LABEL})*){_DOT}(?P<tld>{_TLD})(?![{_CHARS}_-])",
    re.IGNORECASE,
)
_PLAIN_DOTS = re.compile(rf"{_LABEL}(?:\.{_LABEL})*", re.IGNORECASE)
_SPELLED_DOT = re.compile(r"[\[({<]\s*(?:dot|\.)\s*[\])}>]|\sdot\s", re.IGNORECASE)
# Where an obfuscated "at" can be (a necessary condition for `_OBFUSCATED`, run on the
# lower-cased text): the word "at" after a space or a bracket and before one. It begins
# with a literal, which the regex engine scans for quickly; "@" forms are found by `str`.
_AT_WORD = re.compile(r"at(?<=[\s\[({<]at)(?=[\s\])}>])")
_AT_SIGNS = ("@", "\uff20", "\ufe6b")


def _obfuscated_starts(text: str, scan: Scan) -> list[int]:
    """Where `_OBFUSCATED` can begin: the start of the word run before each "at" token.

    The local part is a run of `_LOCAL_CHAR` characters with none of them before it, then
    whitespace, maybe a bracket and whitespace, then the "at" or "@": a match can only
    begin where such a run begins. Both readings (with and without a bracket) are kept.
    """
    lower = scan.lower
    if lower is None:
        lower_tokens = [m.start() for m in re.finditer(_AT_WORD.pattern, text, re.IGNORECASE)]
    else:
        lower_tokens = [m.start() for m in _AT_WORD.finditer(lower)] if "at" in lower else []
    tokens = lower_tokens
    for sign in _AT_SIGNS:
        found = text.find(sign)
        while found >= 0:
            tokens.append(found)
            found = text.find(sign, found + 1)
    if not tokens:
        return []
    starts: set[int] = set()
    for token in tokens:
        position = _skip_space(text, token)
        starts.add(_word_start(text, position))
        if position > 0 and text[position - 1] in "[({<":
            starts.add(_word_start(text, _skip_space(text, position - 1)))
    return sorted(starts)


def _skip_space(text: str, position: int) -> int:
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


def _word_start(text: str, position: int) -> int:
    while position > 0 and _LOCAL_CHAR.match(text, position - 1):
        position -= 1
    return position


def _obfuscated_ok(text: str, match: re.Match[str]) -> bool:
    at = match.group("at").strip().lower()
    plain = at == "@" and match.group("at") == "@"
    if plain and _PLAIN_DOTS.fullmatch(text, match.end("at"), match.end()):
        return False  # a plain address, which `_EMAIL` finds
    if at != "at":
        return True  # "@" with spaces or full-width, or a bracketed "at"
    if _SPELLED_DOT.search(text, match.end("at") - 1, match.end()):
        return True
    # "x at y.com": an address if y is a mail provider or a mail word comes before it.
    local = text[match.start() : match.start("at")].lower()
    if local in _NOT_LOCAL or match.group("domain").lower().startswith("www"):
        return False  # "look at example.com", "download at www.site.org"
    if "." in local.strip(".") or "_" in local or (local.isalnum() and not local.isalpha()):
        return True  # "k.weber at example.de", "ahmed17 at x.se": no word is written so
    start, end = match.span()
    if (start == 0 and end == len(text)) or (
        text[start - 1 : start] == "(" and text[end : end + 1] == ")"
    ):
        return True  # the whole value, or an aside in brackets: "(lars at bolaget.se)"
    domain = match.group("domain").lower()
    if domain.split(".")[0].strip() in _PROVIDERS:
        return True
    return _MAIL_WORD.search(preceding(text, match.start(), 40)) is not None


# Placeholder addresses in documentation and bug reports ("you@example.com",
# "name@domain.com"): a placeholder local part at a placeholder domain names nobody.
_PLACEHOLDER = re.compile(
    r"(?:you|your\.?name|name|user|username|first\.?last|firstname\.?lastname|firstname"
    r"|lastname|someone|somebody|email|mail|foo|bar|test|me)@(?:[a-z0-9-]+\.)*"
    r"(?:example|domain|company|yourdomain|yourcompany|email|test|invalid)\.[a-z]{2,6}",
    re.IGNORECASE,
)

# The mailbox of a room or other bookable resource ("room-Takoradi-6@…", "conf-rm.berlin@…",
# "salle-jaures@…" in a calendar invite's guest list): a place, no one's address. Only with a
# separator after the word: "roomy.wang@…" or "rooney@…" are people's.
_RESOURCE_MAILBOX = re.compile(
    r"(?:(?:conf(?:erence)?|meeting|board|huddle|focus)[\-_.]?(?:room|rm)|room|resource"
    r"|salle|besprechungsraum|konferenzraum|vergaderzaal|vergaderruimte|mötesrum|møderum"
    r"|neuvotteluhuone)[\-_.][^@]*@",
    re.IGNORECASE,
)


def detect_email(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if "@" in text:
        for m in _EMAIL.finditer(text):
            value = m.group()
            if _PLACEHOLDER.fullmatch(value) is None and _RESOURCE_MAILBOX.match(value) is None:
                yield Span(m.start(), m.end(), "EMAIL")
    elif scan.lower is not None and "at" not in scan.lower and text.isascii():
        return  # no "@" of any width and no word "at": nothing obfuscated either
    starts = _obfuscated_starts(text, scan)
    if starts:
        for m in finditer_at(_OBFUSCATED, text, starts):
            if _obfuscated_ok(text, m):
                yield Span(m.start(), m.end(), "EMAIL")


# --- URL --------------------------------------------------------------------------

_URL = re.compile(
    r"(?:\b(?:https?|ftp|sftp|wss?)://|\bwww\.)[^\s<>\"'`{}|\\^]+",
    re.IGNORECASE,
)
_URL_TRAILING = ".,;:!?)]}'\"*"
# The bare home page of a domain reserved for documentation (RFC 2606), "www.example.net":
# a placeholder. A path or query on it ("https://example.com/profile/jane") can name someone.
_RESERVED_SITE = re.compile(
    r"(?:https?://)?(?:www\.)?(?:example\.(?:com|net|org)|[\w.-]*\.(?:example|test|invalid))/?",
    re.IGNORECASE,
)


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
        if len(value) > 8 and _RESERVED_SITE.fullmatch(value) is None:
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
    r"|\bupdate|\bupgrade\s+to|\bupgraded\s+to|\bkb|\bos|\bbuilds?|\bpackage|\bbios|\bversions?"
    r"|\bapp|\bdriver)\s*[:=]?\s*$"
)


# Words that make "4.7.6.19" an address after all.
_IP_CONTEXT = re.compile(
    r"\b(?:ip|ipv4|address|addr|host|from|src|dst|source|destination|client|server|peer"
    r"|remote|gateway|dns|login|logged)\b\W{0,4}(?:\w+\W{1,3}){0,2}$"
)


# Words that name the service's own machines: a private address after one is a host of
# ours even with no public address beside it ("gateway 502 upstream=10.0.3.103", "backend
# 10.1.2.3 timed out", "intern weitergeleitet an 10.20.30.40").
_OWN_HOST = re.compile(
    r"\b(?:upstream|downstream|backend|back-end|proxy|proxied|reverse proxy|load balancer|lb"
    r"|internal|intern|interne?|lan|vpc|subnet|nat|node|pod|container|router|gateway|gw|dns"
    r"|db|database|redis|cache|worker|replica|primary|master|cluster|kubelet|ingress|egress"
    r"|forwarded to|routed to|weitergeleitet an|rediriger vers|reenviado a)"
    r"(?:[ \t]*[=:][ \t]*|[ \t]+(?:\w+[ \t]+)?)$"
)


def _never_personal(address: ipaddress.IPv4Address) -> bool:
    """Loopback, link-local, unspecified, multicast and reserved addresses: a machine's own
    or a protocol's, never a person's."""
    return (
        address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or address.is_multicast
        or address.is_reserved
    )


def _ipv4s(text: str, scan: Scan) -> Iterator[tuple[int, int, ipaddress.IPv4Address]]:
    """Each valid dotted quad that is no version: after a version word, or "4.7.6.19" (two
    one-digit parts first) without an IP word."""
    for start, end in scan.anchored["IP"]:
        try:
            address = ipaddress.IPv4Address(text[start:end])
        except ValueError:
            continue
        before = preceding(text, start, 20)
        if _VERSION_CONTEXT.search(before):
            continue
        if text[start + 1] == "." and text[start + 3] == "." and not _IP_CONTEXT.search(before):
            continue  # "4.7.6.19": two one-digit parts first, a version without an IP word
        yield start, end, address


def detect_ip(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if "." in text and scan.has_digit:
        found = [(s, e, a) for s, e, a in _ipv4s(text, scan) if not _never_personal(a)]
        # A private address (10/8, 192.168/16, 100.64/10…) in a text that shows public ones
        # is the service's own host ("GET /health ip=10.0.0.7" after the users' addresses);
        # alone, it may be all a text says about where a user connected from.
        public = any(a.is_global for _, _, a in found)
        for start, end, address in found:
            if address.is_global or not (
                public or _OWN_HOST.search(preceding(text, start, 30)) is not None
            ):
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
