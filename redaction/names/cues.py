"""Names after a cue: honorifics, salutations, introductions, references, labels, sign-offs.

Capitalised words after a strong cue ("Dr.", "Dear", "my name is", "Regards,") are a name
unless every one is a common word; after a weak cue ("from", "with", "agent") they need list
evidence or two unknown words. The cue grammar is also compiled reversed, as a trie, so that
the cued pattern runs only where a cue ends right before a capital (`_cued`).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator

from redaction.literals import expand, trie
from redaction.names.evidence import evidence, is_given, is_place, is_popular
from redaction.names.lists import surnames
from redaction.names.tokens import (
    DATE_AFTER,
    JOINED,
    NAME,
    PARTICLE,
    TOKEN,
    UPPER,
    trim,
    words_of,
)
from redaction.names.words import ROLES, STOP, set_of, word_set
from redaction.scan import is_word
from redaction.spans import Span

_HONORIFICS = (
    r"mr|mrs|ms|mx|miss|dr|prof|sir|dame|lord|lady|herr|frau|hr|fr|mme|mlle|m|sr|sra|srta|don"
    r"|do[ñn]a|sig|sig\.ra|signor|signora|dott|dott\.ssa|avv|ing|dhr|mevr|mw|mej|meneer"
    r"|mevrouw|fru|pan|pani|panna|sayın|bay|bayan|shri|sri|smt|kumari|rev|fr|father|sister"
    r"|capt|col|maj|lt|sgt|insp|det|officer|judge|nurse|mag|mgr|doc|dipl|herra|rouva|kyrie"
    r"|kyria|gospodin|gospo[dđ]a|ustaz|sheikh|hajji|haji|mst|md|madame|monsieur|mademoiselle"
    r"|herrn|se[ñn]or|se[ñn]ora|senhor|senhora|sig\.na|signorina|meneer|mevrouw|madam|domnul"
    r"|doamna|dl|dna|tuan|puan|bapak|pak|ibu|bu|khun|ato|w/ro|woizero|dra|lic|arq|abog|eng"
    r"|mudr|judr|mvdr|phdr|rndr|paeddr|bc|mga"
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
    r"|naam|nimi|n[ée]v|nazwisko|ad|soyad|ad soyad|my name is|my name's|my names|name is"
    r"|name's|names"
    r"|je m['’]appelle|je suis|ich hei(?:ß|ss)e|mein name ist|ich bin|mi chiamo|sono|me llamo"
    r"|mi nombre es|soy|mijn naam is|ik ben|ik heet|jag heter|jeg hedder|jeg heter|jeg er"
    r"|nazywam si[ęe]|mam na imi[ęe]|jestem|benim ad[ıi]m|ad[ıi]m|ben|meu nome [ée]|me chamo"
    r"|nama saya|saya|nama aku|aku"
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
    # Sign-offs of more languages: the name stands on the next line.
    r"|bien [àa] toi|[àa] bient[ôo]t|bises|bisous|grosses bises|un saluto|a presto"
    r"|un abbraccio|un abrazo|besos|abrazos|saludos cordiales|bis bald|tsch[üu]ss"
    r"|see you soon|speak soon|talk soon|with thanks|warmly"
    # Sign-offs in the singular and their common variants ("ok, Gruß Reto", "Groet, Lien").
    r"|gru(?:ß|ss)|gr[üu]ezi|herzliche gr[üu](?:ß|ss)e|sch[öo]ne gr[üu](?:ß|ss)e"
    r"|herzlichst|groet|hartelijke groet|pozdrav|pozdravy|s pozdravom|saludo|tervehdys"
    # References: someone named by a relation or a referral ("Contact my partner Kwame").
    r"|referral from|referred from|recommended by|nominated by|introduced by|my partner"
    r"|my wife|my husband|my son|my daughter|my friend|my colleague|my neighbour|my neighbor"
    r"|my brother|my sister|my mother|my father|my mum|my mom|my dad|my cousin|my boss"
    r"|my manager|my flatmate|my roommate|my landlord|my carer|his wife|her husband"
    r"|his partner|her partner|his son|her son|his daughter|her daughter"
    # The same references in other languages ("frag Anna", "chiedi a Marco").
    r"|sprich mit|sprechen sie mit|frag|fragen sie|demande [àa]|demandez [àa]|parle [àa]"
    r"|parlez [àa]|chiedi a|chieda a|parla con|pregunta por|pregunte por|habla con"
    r"|hable con|fale com|pergunte ao|pergunte [àa]|spreek met|vraag naar|fr[åa]ga efter"
    r"|sp[øo]rg efter|sp[øo]r etter|zapytaj|porozmawiaj z|kysy|zeptejte se"
    # Labels of HR documents: "New starter: Szabó Zoltán", "Probation review - Nourhan Hassan".
    r"|new starter|new hire|new joiner|new employee|leaver|performance review"
    r"|probation review|annual review|appraisal|performance review notes|review notes"
    # Labels of a name's parts on forms and in exported records ("Surname: Karagianni",
    # "Voornamen: Ilse", "last_name=Černý"), in the main European languages.
    r"|surname|surnames|given name|given names|first name|first names|forename|forenames"
    r"|last name|family name|middle name|maiden name|legal name|full legal name|given|family"
    r"|first_name|last_name|given_name|family_name|full_name|real_name|firstname|lastname"
    r"|vornamen|familienname|rufname|pr[ée]nom|pr[ée]noms|nom de famille|apellido|apellidos"
    r"|nombres|cognome|sobrenome|apelido|voornamen|roepnaam|f[öo]rnamn|efternamn|fornavn"
    r"|efternavn|etternavn|p[řr][íi]jmen[íi]|jm[ée]no|vezet[ée]kn[ée]v|keresztn[ée]v"
    r"|prenume|nume|soyad[ıi]|etunimi|sukunimi"
    # Who attended, in minutes ("Attendees: …", "Asistentes: …", "Apologies: …").
    r"|attendees|attendance|participants|apologies|absent|teilnehmer|teilnehmende|anwesend"
    r"|entschuldigt|pr[ée]sents|excus[ée]s|absents|asistentes|presentes|ausentes|presenti"
    r"|partecipanti|assenti|participantes|aanwezig|afwezig|deelnemers|n[äa]rvarande"
    r"|deltagare|deltagere|obecni|uczestnicy|nieobecni"
    # Who received or collected something ("Diterima oleh Putu", "Collected by Emeka").
    r"|received by|collected by|picked up by|signed for by|accepted by|re[çc]u par"
    r"|r[ée]ceptionn[ée] par|recibido por|recogido por|ricevuto da|ritirato da|recebido por"
    r"|entgegengenommen von|abgeholt von|ontvangen door|opgehaald door|diterima oleh"
    r"|mottaget av|modtaget af|odebra[łl] przez|odebrane przez"
    # Someone named but not known to the writer ("a certain Chutima", "un tal Gómez").
    r"|a certain|un certain|une certaine|un tal|una tal|un certo|una certa|ein gewisser"
    r"|eine gewisse|een zekere|pewien|pewna|claimed to be|claiming to be|pretending to be"
    r"|posing as|name was|escalate to|assign to|forward to|hand over to|handed over to"
    r"|shout-out to|shoutout to|shout out to|kudos to"
    # Who a parcel, an account or a next-of-kin field names ("Consignee: Tsion Bekele",
    # "Titular: Raíssa Gomes", "Next of kin: Anisur Mia").
    r"|consignee|consignee name|addressee|next of kin|emergency contact|titular|titulaire"
    r"|kontoinhaber|kontoinhaberin|rekeninghouder|intestatario|intestataria|subscriber"
    # Greetings to a group, which a line's shape would take for a name ("Prezados,").
    r"|prezados|prezadas|estimados|estimadas|queridos|queridas|caros|caras|cari|care|chers"
    r"|ch[èe]res|hiya|howdy|greetings|liebe alle|hallo zusammen"
)
# Weak cues: the words after them need a listed name or two unknown words. Roles are weak
# too: "agent: Perfect, …" is a speaker's line, "agent Maria Lopez" a name.
_WEAK_CUES = (
    r"from|by|with|to|and|or|for|of|per|via|this is|it['’]s|its|i['’]m|im|i am|is|says|have"
    r"|colleague|manager|supervisor|agent|doctor|physician|consultant|advisor|adviser"
    r"|engineer|technician|rep|representative|attending|caller|partner|friend|neighbour"
    r"|neighbor|customer|subject|driver|courier|buyer|seller|sender|payer|owner|user|tenant"
    r"|ring|member|family member"
    # Field labels in other languages ("Kunde: Jan Nowak", "Paciente: Ana Souza"); not the
    # words for a client, which head a speaker's line ("cliente: Água Verde, …") and prose
    # ("il cliente di Milano").
    r"|patientin|paciente|patiënt|pasien|pacjent|pacjentka|mitarbeiter|mitarbeiterin"
    r"|empleado|empleada|funcion[áa]rio|funcion[áa]ria|dipendente|werknemer"
    # People by their part in a deal, a visit or a service ("vendor Thabo Khumalo",
    # "Payee: Ananth Nair", "Cover: Kittisak.", "rang Uchenna Nwosu").
    r"|vendor|vendors|applicants|drawer|payee|remitter|debtor|creditor|borrower|lender"
    r"|executor|trustee|donor|cashier|operator|cover|hygienist|therapist|dentist|pharmacist"
    r"|midwife|carer|caregiver|interpreter|translator|notary|solicitor|lawyer|attorney"
    r"|barrister|accountant|auditor|inspector|assessor|surveyor|broker|realtor|receptionist"
    r"|clerk|volunteer|intern|trainee|contractor|tutor|teacher|coach|instructor|trainer"
    r"|recruiter|prescriber|parent|guardian|parent/guardian|student|pupil|resident|occupant"
    r"|lodger|rang|phoned|texted|messaged|chair|chaired by"
)
# What follows a cue: separators, an optional honorific and the name (in a look-ahead).
# The honorifics as a trie (2.2 instead of 4.0 us a match): no two of them are both followed
# by a space or a dot and a space ("Mr" fails before "Mrs "), so their order cannot matter.
_AFTER_CUE = (
    r"\.?[\"”'’]?[ \t]{0,3}(?:[:,\-–—=]?[ \t\r\n]{1,4}|[:=])(?:\[?[\"“'‘]|\()?"
    rf"(?=(?P<title>(?i:{trie(expand(_HONORIFICS))})\.?[ \t]{{1,3}})?"
    rf"(?P<name>(?:{PARTICLE}[ \t]{{1,3}}){{0,2}}{NAME}))"
)
_CUED = re.compile(
    rf"(?<![\w.])(?P<cue>(?i:{_STRONG_CUES})(?P<strong>)|(?i:{_WEAK_CUES})){_AFTER_CUE}"
)


# Where a cue can begin. A cued name begins with a capital letter after whitespace, and the
# cue ends at most 22 characters before it (the separators' bounds): from each such capital
# the same grammar read backwards, on the reversed lower-cased text, finds where a cue can
# begin (twice: with and without an honorific between cue and name, as both can match).
# The cued pattern then runs only there: tried at every word, its case-insensitive
# alternation of 300 cues was the costliest scan of the engine.
CUE_WORDS = frozenset(expand(f"{_STRONG_CUES}|{_WEAK_CUES}"))
# (A key in quotes and a value in a list: '"given": "Saud"', '"witnesses": ["Wanjiru …'.)
_BACK = r"(?:[\"“'‘]\[?|\()?(?:[ \t\r\n]{1,4}[:,\-–—=]?|[:=])[ \t]{0,3}[\"”'’]?\.?"
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
# The one-word cue a longer cue ends in ("is" in "name on it is"): the longer cue's match
# may take the words after it as its name ("NAME ON IT IS DAKOTA"), and a full scan then
# finds the shorter cue after it.
_ONE_WORD_CUE_BEFORE = re.compile(
    rf"{_REVERSED_PARTICLES}{_BACK}"
    rf"(?:{trie(frozenset(w[::-1] for w in CUE_WORDS if ' ' not in w))})(?![\w.])"
)
_CAPITAL = re.compile(rf"[{UPPER}]")
_CAPITAL_AFTER_SPACE = re.compile(rf"[ \t\r\n(\"“'‘=:,][{UPPER}]")
# A cheaper necessary condition first: read backwards from a capital over the separators
# the patterns above allow (and more), the word reached is the last word of a particle or,
# for _CUE_BEFORE and _ONE_WORD_CUE_BEFORE, of a cue, for _CUE_BEFORE_HONORIFIC, of an
# honorific. Every such word ends in a word character once its trailing separators are
# cut, and a separator is no word character, so the word reached is that last word whole.
_SEPARATORS = " \t\r\n\"“'‘”’[(:,-–—=."
_WORD_BEHIND = re.compile(r"[ \t\r\n\"“'‘”’\[(:,\-–—=.]*(\w+)")


def _last_words_reversed(words: frozenset[str]) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", word.rstrip(_SEPARATORS))[-1][::-1] for word in words)


_PARTICLES_BEHIND = _last_words_reversed(expand(PARTICLE))
_CUES_BEHIND = _last_words_reversed(CUE_WORDS) | _PARTICLES_BEHIND
_HONORIFICS_BEHIND = _last_words_reversed(expand(_HONORIFICS)) | _PARTICLES_BEHIND


_HONORIFIC_WORDS = frozenset(expand(_HONORIFICS))
_ENDS = frozenset(',.!?:;)\n\r"”]&')


def _cued(text: str, lower: str | None) -> Iterator[re.Match[str]]:
    if lower is None:
        return _CUED.finditer(text)
    reverse = lower[::-1]
    size = len(text)
    starts: set[int] = set()
    for m in _CAPITAL_AFTER_SPACE.finditer(text):
        at = size - m.end() + 1  # the whitespace before the capital, in the reversed text
        behind = _WORD_BEHIND.match(reverse, at)
        if behind is None:
            continue
        word = behind.group(1)
        patterns: tuple[re.Pattern[str], ...] = ()
        if word in _CUES_BEHIND:
            patterns = (_CUE_BEFORE, _ONE_WORD_CUE_BEFORE)
        if word in _HONORIFICS_BEHIND:
            patterns += (_CUE_BEFORE_HONORIFIC,)
        for pattern in patterns:  # none for most capitals, which follow no cue
            found = pattern.match(reverse, at)
            if found is not None:
                starts.add(size - found.end())
    return _cued_from(text, lower, starts)


def _cued_from(text: str, lower: str, starts: set[int]) -> Iterator[re.Match[str]]:
    """The matches of _CUED a full scan finds, tried at `starts` and where a match ends: its
    name may begin with a shorter cue ("SIGNED BY ELENA": "signed", then "by" at its end),
    and the reversed trie gives only the longest cue before a capital."""
    pending = sorted(starts)
    last = 0
    while pending:
        start = heapq.heappop(pending)
        if start < last or (found := _cued_at(text, lower, start)) is None:
            continue
        yield found
        last = found.end()
        heapq.heappush(pending, last)


def _alternatives(pattern: str) -> list[str]:
    """The top-level branches of an alternation, in order."""
    branches, depth, current, chars = [], 0, [], iter(pattern)
    for ch in chars:
        if ch == "\\":
            current.append(ch + next(chars))
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append("".join(current))
            current = []
            continue
        current.append(ch)
    return [*branches, "".join(current)]


# _CUED's cue is an alternation of some 500 branches, which the regex engine tries one by
# one at a place (12 µs a place): `_cued_at` tries only the branches whose words begin there
# in the lower-cased text, each compiled alone with what follows a cue, in _CUED's order.
# The first that matches is the match _CUED finds there: a branch whose words do not begin
# at the place cannot match, and the others are tried in the same order with the same
# backtracking inside each.
_CUE_BRANCHES = tuple(
    [(branch, True) for branch in _alternatives(_STRONG_CUES)]
    + [(branch, False) for branch in _alternatives(_WEAK_CUES)]
)
_BRANCHES_OF: dict[str, tuple[int, ...]] = {}
for _index, (_branch, _) in enumerate(_CUE_BRANCHES):
    for _word in expand(_branch):
        _BRANCHES_OF[_word] = (*_BRANCHES_OF.get(_word, ()), _index)
# The cue words by their first two characters (a one-letter cue, "m", under its letter).
_WORDS_BY_START: dict[str, tuple[tuple[str, tuple[int, ...]], ...]] = {}
for _word, _indexes in _BRANCHES_OF.items():
    _WORDS_BY_START[_word[:2]] = (*_WORDS_BY_START.get(_word[:2], ()), (_word, _indexes))
# A cue is followed by one of these (the first character _AFTER_CUE can match).
_CUE_END = frozenset(".\"”'’ \t:,-–—=\r\n")
_branch_patterns: dict[int, re.Pattern[str]] = {}


def _branch_pattern(index: int) -> re.Pattern[str]:
    if (pattern := _branch_patterns.get(index)) is None:
        branch, strong = _CUE_BRANCHES[index]
        # A weak branch leaves `strong` unset, as in _CUED.
        cue = f"(?i:{branch})(?P<strong>)" if strong else f"(?!)(?P<strong>)|(?i:{branch})"
        pattern = re.compile(rf"(?<![\w.])(?P<cue>{cue}){_AFTER_CUE}")
        _branch_patterns[index] = pattern
    return pattern


def _cued_at(text: str, lower: str, start: int) -> re.Match[str] | None:
    """`_CUED.match(text, start)`, where `lower` is `text` lower-cased, of the same length
    and folded as the pattern folds (Scan.lower)."""
    if start > 0 and (is_word(text[start - 1]) or text[start - 1] == "."):
        return None
    branches: set[int] = set()
    for key in (lower[start : start + 2], lower[start : start + 1]):
        for word, indexes in _WORDS_BY_START.get(key, ()):
            end = start + len(word)
            if end < len(lower) and lower[end] in _CUE_END and lower.startswith(word, start):
                branches.update(indexes)
    for index in sorted(branches):
        if (found := _branch_pattern(index).match(text, start)) is not None:
            return found
    return None


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
    if all(word.lower() in ROLES for word in words):
        return False  # "Liebe Kundin, lieber Kunde", "Chère cliente": a role addressed
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
    if (
        len(words) >= 2
        and not words[0].isupper()  # "and IBAN DE": acronyms, though "Iban" and "De" are listed
        and is_given(words[0])
        and words[-1].lower() in surnames()
    ):
        return True  # "from Heather Walker": a first name and a surname, both listed
    # "Cover arranged with Iqra.": one unknown word that ends the sentence.
    return kinds == ["unknown"] and after[:1] in (".", "!", "?", ";", "\n", "")


# Sign-offs that are also nouns ("Gruß", "Groet"): a cue only where a sentence or a clause
# opens ("ok, Gruß Reto", "\nGroet, Lien").
_SENTENCE_START_CUES = frozenset(("gruß", "gruss", "groet", "saludo", "pozdrav"))


def _opens(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip(" \t")
    return not before or before[-1] in ",.!?:;\n-–—("


def cued_names(text: str, lower: str | None) -> Iterator[Span]:
    """Capitalised words after a cue ("Dr. Saarinen", "Hi Will,", "from Heather Walker"),
    and the names joined to one after a strong cue ("Hello Vasyl and Viktoriia,"); then the
    names a cue after them or a particle inside them gives away (`post_cued`, `particled`)."""
    for m in _cued(text, lower):
        strong = m.group("strong") is not None
        if m.group("cue").lower() in _SENTENCE_START_CUES and not _opens(text, m.start()):
            continue  # "der Gruß Gottes": the noun mid-sentence, no sign-off
        titled = m.group("title") is not None or m.group("cue").lower() in _HONORIFIC_WORDS
        name = trim(m.group("name")) or (_short_surname(m.group("name")) if titled else "")
        start, end = m.start("name"), m.start("name") + len(name)
        if (
            not name
            or DATE_AFTER.match(text, end) is not None
            and " " not in name  # "and Mai 2024"
            or not (
                titled
                and (words_of(name) or _CAPITAL.fullmatch(name.strip()) is not None)  # "M X"
                and not is_place(name)
                or _accept_cued(name, strong, text[end : end + 2])
                or strong
                and _referred(m.group("cue"), name)
                or _in_address(name, text, end)
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
    yield from post_cued(text)
    if _has_particle(text):
        yield from particled(text)
    if "Hi " in text or "Hello " in text or "Dear " in text or "Hey " in text:
        yield from greeted(text)


# A greeting that opens a line (after a sender's label) and addresses one word: "Hi Live,"
# alone, "SMS from pharmacy: Hi Jun, your prescription is ready".
_GREETED = re.compile(
    rf"(?m)^[ \t]*(?:[\w ]{{1,24}}:[ \t]*)?(?:Hi|Hello|Hey|Dear|Hiya)[ \t]+(?P<name>{TOKEN})"
    r"(?:[ \t]*[,!][ \t]*\r?$|,[ \t]+(?=[a-z]))"
)
# Words that greet no one by name.
_ADDRESSED = word_set(
    "all everyone everybody there team guys folks friend friends sir sirs madam colleague"
    " colleagues love dear darling hun babe mate mates gang buddy boss doc again you both"
    " neighbour neighbor neighbours neighbors member members world mum mom dad honey sweetie"
    " class students parents families community partners ladies gentlemen people lovely"
    " manager admin support customer customers user users"
)


def greeted(text: str) -> Iterator[Span]:
    """The one capitalised word a greeting on a line of its own addresses, even a common word
    ("Hi Live,", "Hello Jun,"): a name, unless it addresses a group or a role."""
    for m in _GREETED.finditer(text):
        word = m.group("name")
        low = word.lower()
        if (
            len(word) < 2
            or word.isupper()
            or low in _ADDRESSED
            or low in ROLES
            or low in STOP
            and not is_given(word)
            or is_place(word)
        ):
            continue
        yield Span(m.start("name"), m.end("name"), "PERSON")


# A short surname that is also a stop word, after a title: "Dr. He", "Mr. An".
_SHORT_SURNAME = re.compile(rf"[{UPPER}][a-z]{{1,2}}(?![\w'’-])")


def _short_surname(name: str) -> str:
    """The first word of `name` after a title when it is a listed surname that trim drops
    as a stop word ("Referred by Dr. He for …")."""
    m = _SHORT_SURNAME.match(name)
    return m.group() if m is not None and m.group().lower() in surnames() else ""


# Cues that refer to someone in the middle of a sentence: a capitalised word after them,
# written in lower case, is a name even when it is also a word ("ask Rhea whether …").
_REFERENCES = set_of(
    "ask|asked|ask for|asked for|tell|told|ping|pinged|call|called|contact|contacted|cc"
    "|talk to|talked to|speak to|speak with|spoke to|spoke with|email|emailed|meet"
    "|please meet|escalated to|assigned to|forwarded to|handled by|approved by|my partner"
    "|my wife|my husband|my son|my daughter|my friend|my colleague|my neighbour|my neighbor"
    "|referral from|recommended by|nominated by|introduced by"
)


def _referred(cue: str, name: str) -> bool:
    """ "ask Rhea whether", "ask for Joko at the desk": one listed first name that is also a
    word, after a reference cue written in lower case (mid-sentence, where a capital is the
    writer's choice)."""
    words = words_of(name)
    return (
        len(words) == 1
        and cue.islower()
        and " ".join(cue.split()) in _REFERENCES
        and evidence(words[0]) == "maybe"
        and is_given(words[0])
    )


def _in_address(name: str, text: str, end: int) -> bool:
    """ "Onboarding checklist for Made (made.wijaya@…)": one capitalised word that begins
    the e-mail address right after it, a name even when it is also a word."""
    words = words_of(name)
    if len(words) != 1 or "@" not in text[end : end + 80]:
        return False
    local = re.search(
        rf"(?i)(?<![\w.]){re.escape(words[0])}[._\-\d][\w.\-]*@", text[end : end + 80]
    )
    return local is not None and words[0].lower() not in STOP


# Cues after a name: "Afroza Talukder, nationality Bangladesh", "Zoriana Bondarenko (my
# neighbour, …)", "Dedi Kusuma from our team", "Wafula Maina from legal". Only a person has
# a nationality, a birth date, a relation to the writer or a team.
# Each branch begins with a character of its own (",", "(", "f"): the scan skips to those,
# where a branch that began with the spaces before it would be tried at every space.
_POST_CUE = re.compile(
    r",[ \t]+(?:nationality|born|aged?[ \t]+\d|d\.?o\.?b\b|date of birth|employee (?:no|number"
    r"|id)|staff (?:no|number|id)|passport (?:no|number)|n[ée]e?[ \t])"
    r"|\((?:my|his|her|our|their)[ \t]+(?:neighbou?r|wife|husband|partner|son|daughter"
    r"|friend|colleague|manager|boss|mother|father|mum|mom|dad|brother|sister|cousin|uncle"
    r"|aunt|landlord|landlady|flatmate|roommate|carer|caregiver|lawyer|doctor)\b"
    r"|from[ \t]+(?:(?:our|your|the|my)[ \t]+(?:[a-z]+[ \t]+)?team|legal|hr|finance"
    r"|payroll|accounts|compliance|procurement)\b"
)
_NAME_BEFORE = re.compile(
    rf"(?<![\w'’.-])({TOKEN}(?:[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}{TOKEN}){{0,3}})$"
)


def post_cued(text: str) -> Iterator[Span]:
    """Capitalised words right before a cue that only follows a person (`_POST_CUE`), none a
    common word, stop word or place."""
    for m in _POST_CUE.finditer(text):
        cut = m.start()
        while cut > 0 and text[cut - 1] in " \t":
            cut -= 1
        if text[m.start()] != "," and cut == m.start():
            continue  # "(my" and "from" follow a space
        before = _NAME_BEFORE.search(text, max(0, cut - 80), cut)
        if before is None:
            continue
        name = before.group(1)
        words = words_of(name)
        kinds = [evidence(w) for w in words]
        if (
            words
            and trim(name) == name
            and not is_place(name)
            and not any(w.lower() in STOP for w in words)
            # "Dedi Kusuma from our team": a word beside a name part is one too.
            and ("name" in kinds or "unknown" in kinds)
            and (len(words) > 1 or kinds[0] != "maybe")
        ):
            yield Span(before.start(1), before.end(1), "PERSON")


# Particles that join the words around them into one name: Arabic "Al", "bin", "ibn" and
# Vietnamese "Thị", "Văn" (the middle name of most women and many men). "Al-Subaie" is one
# such word. A run of capitalised words holding one is a name ("Sultan Al Dhaheri",
# "Đặng Thị Mai", "Nguyen Văn Huy") unless a place word ends it ("… bin Abdulaziz St").
_JOINING = "Al|El|Abu|bin|binti|bint|ibn|Thị|Thi|Văn"
# It begins with a capital, not a look-behind (tried at every position): particled tests
# the character before.
_PARTICLED = re.compile(
    rf"(?:{TOKEN}[ \t]+)?{TOKEN}[ \t]+(?:(?P<particle>{_JOINING})[ \t]+{TOKEN}"
    rf"|(?:Al|El)-[{UPPER}][^\W\d_]+)(?:[ \t]+{TOKEN}){{0,2}}"
)


def _has_particle(text: str) -> bool:
    """Whether `text` may hold a match of _PARTICLED: substring tests, each a fast scan,
    where a pattern that begins at a space would be tried at every space."""
    return (
        " Al " in text
        or " Al-" in text
        or " El " in text
        or " El-" in text
        or " bin" in text
        or " ibn " in text
        or " Abu " in text
        or " Thị " in text
        or " Thi " in text
        or " Văn " in text
    )


_VIETNAMESE = frozenset(("Thị", "Thi", "Văn"))
_NUMBER_BEFORE = re.compile(r"(?:\d[\w/\-]*|No\.?|Số)[ \t,]*$")


def particled(text: str) -> Iterator[Span]:
    """Runs of capitalised words joined by a name particle (`_JOINING`): the word before an
    Arabic particle must be a first name or a word no list knows ("Sultan", not "Visit");
    a Vietnamese middle name needs nothing more. Street names ("35 Nguyễn Văn Cừ") and runs
    that end in a place word are left alone."""
    for m in _PARTICLED.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’.-_"):
            continue  # inside a word
        value = m.group()
        words = value.split()
        if trim(value) != value or trim(text[m.start() : m.end() + 30]).strip() == "":
            continue  # "Hotel Al Bustan Road", "Prince Mohammed bin Abdulaziz St"
        if _NUMBER_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None:
            continue  # a street named after someone
        if is_place(value) or any(w.lower() in STOP for w in words):
            continue
        particle = m.group("particle")
        if particle not in _VIETNAMESE:
            at = words.index(particle) if particle else 1
            first = words[at - 1]
            if not (is_given(first) or evidence(first) in ("name", "unknown")):
                continue
        # Words after the name that are common words are no part of it ("… Al Dhaheri Payroll").
        while len(words) > 3 and evidence(words[-1]) == "word":
            words.pop()
        yield Span(m.start(), m.start() + len(" ".join(words)), "PERSON")
