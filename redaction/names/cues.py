"""Names after a cue: honorifics, salutations, introductions, references, labels, sign-offs.

Capitalised words after a strong cue ("Dr.", "Dear", "my name is", "Regards,") are a name
unless every one is a common word; after a weak cue ("from", "with", "agent") they need list
evidence or two unknown words. The cue grammar is also compiled reversed, as a trie, so that
the cued pattern runs only where a cue ends right before a capital (`_cued`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.literals import expand, trie
from redaction.names.evidence import evidence, is_given, is_place, is_popular
from redaction.names.lists import surnames
from redaction.names.tokens import DATE_AFTER, JOINED, NAME, PARTICLE, UPPER, trim, words_of
from redaction.scan import finditer_at
from redaction.spans import Span

_HONORIFICS = (
    r"mr|mrs|ms|mx|miss|dr|prof|sir|dame|lord|lady|herr|frau|hr|fr|mme|mlle|m|sr|sra|srta|don"
    r"|do[ñn]a|sig|sig\.ra|signor|signora|dott|dott\.ssa|avv|ing|dhr|mevr|mw|mej|meneer"
    r"|mevrouw|fru|pan|pani|panna|sayın|bay|bayan|shri|sri|smt|kumari|rev|fr|father|sister"
    r"|capt|col|maj|lt|sgt|insp|det|officer|judge|nurse|mag|mgr|doc|dipl|herra|rouva|kyrie"
    r"|kyria|gospodin|gospo[dđ]a|ustaz|sheikh|hajji|haji|mst|md|madame|monsieur|mademoiselle"
    r"|herrn|se[ñn]or|se[ñn]ora|senhor|senhora|sig\.na|signorina|meneer|mevrouw|madam|domnul"
    r"|doamna|dl|dna|tuan|puan|bapak|pak|ibu|bu|khun|ato|w/ro|woizero|dra|lic|arq|abog|eng"
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
    r"|sayg[ıi]lar[ıi]m[ıi]zla|iyi [çc]al[ıi][şs]malar"
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
    r"|on behalf of|reporter|recipient|candidate|sorry|welcome|congratulations|congrats|bye"
    r"|goodbye|name as|gave name as|gave her name as|gave his name as|name on it is|named"
    r"|meet|please meet|complainant|respondent|witness|witnesses|interviewer|interviewee"
    r"|defendant|plaintiff|victim|suspect|mitt navn er|mit navn er|mitt namn [äa]r|eu sou"
    r"|mother|father|wife|husband|son|daughter|brother|sister|mum|mom|dad|spouse|referee"
    r"|panel|present|re|deceased|name on the account|name on both accounts|account name"
    r"|hit on|screening hit on|kyc review|review of|checklist for|jmenuji se|heir|adjuster"
    r"|loss adjuster|reviewer|interviewed|guarantor|co-signer|cosigner|landlady|nominee"
    r"|marked|reads|associate|alternative|account of|the account of|accompanied by"
    r"|is now|previously|formerly|n[ée]e|relative|my relative|buddy|mentor|buddy ="
)
# Weak cues: the words after them need a listed name or two unknown words. Roles are weak
# too: "agent: Perfect, …" is a speaker's line, "agent Maria Lopez" a name.
_WEAK_CUES = (
    r"from|by|with|to|and|or|for|of|per|via|this is|it['’]s|its|i['’]m|im|i am|is|says|have"
    r"|colleague|manager|supervisor|agent|doctor|physician|consultant|advisor|adviser"
    r"|engineer|technician|rep|representative|attending|caller|partner|friend|neighbour"
    r"|neighbor|customer|subject|driver|courier|buyer|seller|sender|payer|owner|user|tenant"
    r"|ring|member|family member"
)
_CUED = re.compile(
    rf"(?<![\w.])(?P<cue>(?i:{_STRONG_CUES})(?P<strong>)|(?i:{_WEAK_CUES}))\.?[ \t]{{0,3}}"
    rf"(?:[:,\-–—=]?[ \t\r\n]{{1,4}}|[:=])[(\"“'‘]?"
    rf"(?=(?P<title>(?i:{_HONORIFICS})\.?[ \t]{{1,3}})?"
    rf"(?P<name>(?:{PARTICLE}[ \t]{{1,3}}){{0,2}}{NAME}))"
)


# Where a cue can begin. A cued name begins with a capital letter after whitespace, and the
# cue ends at most 22 characters before it (the separators' bounds): from each such capital
# the same grammar read backwards, on the reversed lower-cased text, finds where a cue can
# begin (twice: with and without an honorific between cue and name, as both can match).
# The cued pattern then runs only there: tried at every word, its case-insensitive
# alternation of 300 cues was the costliest scan of the engine.
CUE_WORDS = frozenset(expand(f"{_STRONG_CUES}|{_WEAK_CUES}"))
_BACK = r"[(\"“'‘]?(?:[ \t\r\n]{1,4}[:,\-–—=]?|[:=])[ \t]{0,3}\.?"
_REVERSED_CUE = trie(frozenset(word[::-1] for word in CUE_WORDS))
_REVERSED_HONORIFIC = trie(frozenset(word[::-1] for word in expand(_HONORIFICS)))
_REVERSED_PARTICLES = (
    rf"(?:[ \t]{{1,3}}(?:{trie(frozenset(word[::-1] for word in expand(PARTICLE)))})){{0,2}}"
)
_CUE_BEFORE = re.compile(rf"{_REVERSED_PARTICLES}{_BACK}(?:{_REVERSED_CUE})(?![\w.])")
_CUE_BEFORE_HONORIFIC = re.compile(
    rf"{_REVERSED_PARTICLES}[ \t]{{1,3}}\.?(?:{_REVERSED_HONORIFIC}){_BACK}(?:{_REVERSED_CUE})"
    r"(?![\w.])"
)
_CAPITAL = re.compile(rf"[{UPPER}]")
_ANY_CUE_BEFORE = re.compile(
    rf"{_REVERSED_PARTICLES}(?:[ \t]{{1,3}}\.?(?:{_REVERSED_HONORIFIC}))?{_BACK}"
    rf"(?:{_REVERSED_CUE})(?![\w.])"
)
_CAPITAL_AFTER_SPACE = re.compile(rf"[ \t\r\n(\"“'‘=:,][{UPPER}]")


_HONORIFIC_WORDS = frozenset(expand(_HONORIFICS))
_ENDS = frozenset(",.!?:;)\n\r")


def _cued(text: str, lower: str | None) -> Iterator[re.Match[str]]:
    if lower is None:
        return _CUED.finditer(text)
    reverse = lower[::-1]
    size = len(text)
    starts: set[int] = set()
    for m in _CAPITAL_AFTER_SPACE.finditer(text):
        at = size - m.end() + 1  # the whitespace before the capital, in the reversed text
        if _ANY_CUE_BEFORE.match(reverse, at) is None:
            continue  # most capitals follow no cue: one test instead of two
        for pattern in (_CUE_BEFORE, _CUE_BEFORE_HONORIFIC):
            found = pattern.match(reverse, at)
            if found is not None:
                starts.add(size - found.end())
    return finditer_at(_CUED, text, sorted(starts))


def _accept_cued(name: str, strong: bool, after: str) -> bool:
    """Whether the capitalised words `name` after a cue are a name; `after` is the text that
    follows them."""
    words = words_of(name)
    if not words:
        return False  # a lone letter is a name only after a title ("M. X", see cued_names)
    if is_place(name) and (len(words) > 1 or not strong and not is_popular(words[0])):
        return False  # "to São Paulo"; but "Hi Sofia", "Ring Anna" are people
    if all(word.lower() in CUE_WORDS for word in words):
        return False  # "Cordialement,\nHälsningar": a sign-off after a sign-off
    kinds = [evidence(w) for w in words]
    if "name" in kinds:
        return True
    if strong:
        if "unknown" in kinds:
            return True
        # "Hi Will," is Will; "Thanks, Can you …" and "Dear Data Protection Officer," not.
        ends = not after.strip(" \t") or after.lstrip(" \t")[0] in _ENDS
        return kinds == ["maybe"] and ends
    if kinds.count("unknown") >= 2:
        return True
    if len(words) >= 2 and is_given(words[0]) and words[-1].lower() in surnames():
        return True  # "from Heather Walker": a first name and a surname, both listed
    # "Cover arranged with Iqra.": one unknown word that ends the sentence.
    return kinds == ["unknown"] and after[:1] in (".", "!", "?", ";", "\n", "")


def cued_names(text: str, lower: str | None) -> Iterator[Span]:
    """Capitalised words after a cue ("Dr. Saarinen", "Hi Will,", "from Heather Walker"),
    and the names joined to one after a strong cue ("Hello Vasyl and Viktoriia,")."""
    for m in _cued(text, lower):
        name = trim(m.group("name"))
        start, end = m.start("name"), m.start("name") + len(name)
        strong = m.group("strong") is not None
        titled = m.group("title") is not None or m.group("cue").lower() in _HONORIFIC_WORDS
        if (
            not name
            or DATE_AFTER.match(text, end) is not None
            and " " not in name  # "and Mai 2024"
            or not (
                titled
                and (words_of(name) or _CAPITAL.fullmatch(name.strip()) is not None)  # "M X"
                and not is_place(name)
                or _accept_cued(name, strong, text[end : end + 2])
            )
        ):
            continue
        yield Span(start, end, "PERSON")
        # "Hello Vasyl and Viktoriia,": a name joined to a cued one is cued the same way.
        while strong and (joined := JOINED.match(text, end)) is not None:
            name = trim(joined.group("name"))
            start, end = joined.start("name"), joined.start("name") + len(name)
            if not name or not _accept_cued(name, strong, text[end : end + 2]):
                break
            yield Span(start, end, "PERSON")
