"""NATIONAL_ID: US SSN and the national ids python-stdnum validates, with context where needed.

A check digit alone is weak evidence: one random 9-digit number in eleven passes the Dutch
BSN "11-proof". Ids whose shape is distinctive (letters in fixed places: UK NINO, ES DNI/NIE,
IT codice fiscale, IN PAN) or whose checksum is strong (FR NIR, mod 97) are taken on their
own; ids that are bare digit runs with a weak check are taken only after a context word
("SSN", "BSN", "Steuer-ID", "Aadhaar", ...) within the 40 characters before them.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from stdnum.be import nn as be_nn
from stdnum.br import cpf
from stdnum.ca import sin
from stdnum.ch import ssn as ch_ssn
from stdnum.cl import rut
from stdnum.cn import ric
from stdnum.cz import rc
from stdnum.de import idnr
from stdnum.dk import cpr
from stdnum.es import dni, nie
from stdnum.fi import hetu
from stdnum.fr import nir
from stdnum.gb import nhs
from stdnum.gr import amka
from stdnum.ie import pps
from stdnum.il import idnr as il_idnr
from stdnum.in_ import aadhaar, pan
from stdnum.it import codicefiscale
from stdnum.kr import rrn
from stdnum.mx import curp
from stdnum.nl import bsn
from stdnum.no import fodselsnummer
from stdnum.pk import cnic
from stdnum.pl import pesel
from stdnum.pt import nif
from stdnum.ro import cnp
from stdnum.se import personnummer
from stdnum.th import pin
from stdnum.tr import tckimlik
from stdnum.us import ssn
from stdnum.za import idnr as za_idnr

from redaction.scan import ANCHORED, Scan
from redaction.spans import Span, has_context, preceding


def _nino_ok(value: str) -> bool:
    """UK National Insurance number: HMRC's prefix rules (python-stdnum has no NINO module)."""
    compact = value.replace(" ", "").upper()
    prefix = compact[:2]
    return not (
        prefix[0] in "DFIQUV"
        or prefix[1] in "DFIQUVO"
        or prefix in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
    )


def _ssn_ok(value: str) -> bool:
    return ssn.is_valid(value)


@dataclass(frozen=True)
class IdKind:
    """One kind of national id: how it looks, how it is checked, when context is needed."""

    name: str
    pattern: re.Pattern[str]
    valid: Callable[[str], bool]
    context: re.Pattern[str] | None = None  # None: the shape and checksum are enough
    #: The name of a candidate pattern (`_SHAPES`) shared with kinds of about the same shape:
    #: its matches that `pattern` matches in full are this kind's. None: `pattern` itself.
    shape: str | None = None


def _p(body: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w\-/.]){body}(?![\w]|[\-/.]\w)", flags)


_KINDS: tuple[IdKind, ...] = (
    # US SSN written AAA-GG-SSSS is taken on the SSA rules alone; other spellings need context.
    IdKind("us_ssn_dashed", _p(r"\d{3}-\d{2}-\d{4}"), _ssn_ok, None, "dashed"),
    IdKind(
        "us_ssn",
        _p(r"\d{3}[ .]?\d{2}[ .]?\d{4}"),
        _ssn_ok,
        re.compile(r"\bssn\b|social security|\bss#|\bsocial sec"),
    ),
    IdKind(
        "gb_nino",
        _p(r"[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]", re.IGNORECASE),
        _nino_ok,
    ),
    IdKind("gb_nhs", _p(r"\d{3}[ \-]?\d{3}[ \-]?\d{4}"), nhs.is_valid, re.compile(r"\bnhs\b")),
    IdKind(
        "de_idnr",
        _p(r"\d{2} ?\d{3} ?\d{3} ?\d{3}"),
        idnr.is_valid,
        re.compile(r"steuer-?id|\bidnr|identifikationsnummer|\btin\b|tax id|steuernummer"),
    ),
    # FR NIR: 13 digits and a mod-97 key; shape 1 85 05 78 006 084 36 or compact.
    IdKind(
        "fr_nir",
        _p(r"[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}", re.IGNORECASE),
        nir.is_valid,
    ),
    IdKind("es_dni", _p(r"\d{8}[ \-]?[A-Z]", re.IGNORECASE), dni.is_valid, None, "dense"),
    IdKind("es_nie", _p(r"[XYZ][ \-]?\d{7}[ \-]?[A-Z]", re.IGNORECASE), nie.is_valid),
    IdKind(
        "it_codicefiscale",
        _p(r"[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]", re.IGNORECASE),
        codicefiscale.is_valid,
    ),
    IdKind(
        "nl_bsn",
        _p(r"(?:\d{4}[ .]?\d{2}[ .]?\d{3}|\d{9})"),
        bsn.is_valid,
        re.compile(r"\bbsn\b|burgerservicenummer|sofi"),
    ),
    IdKind(
        "se_personnummer_dashed",
        _p(r"(?:\d{2})?\d{6}[\-+]\d{4}"),
        personnummer.is_valid,
        None,
        "ten",
    ),
    IdKind(
        "se_personnummer",
        _p(r"(?:\d{2})?\d{10}"),
        personnummer.is_valid,
        re.compile(r"personnummer|\bpnr\b|person nr"),
        shape="ten",
    ),
    IdKind(
        "in_aadhaar",
        _p(r"[2-9]\d{3}[ \-]?\d{4}[ \-]?\d{4}"),
        aadhaar.is_valid,
        re.compile(r"aadhaar|aadhar|\buid\b|uidai"),
    ),
    IdKind("in_pan", _p(r"[A-Z]{3}[ABCFGHLJPTK][A-Z]\d{4}[A-Z]"), pan.is_valid),
    IdKind("pl_pesel", _p(r"\d{11}"), pesel.is_valid, re.compile(r"pesel"), "eleven"),
    # BR CPF: 123.456.789-09 is its own shape (two check digits); bare digits need "CPF".
    IdKind("br_cpf_dotted", _p(r"\d{3}\.\d{3}\.\d{3}-\d{2}"), cpf.is_valid, None, "dotted"),
    IdKind("br_cpf", _p(r"\d{9}-?\d{2}"), cpf.is_valid, None, "eleven"),
    # DK CPR: a birth date and four digits; since 2007 without a check digit, so weak.
    IdKind(
        "dk_cpr",
        _p(r"\d{6}[ \-]?\d{4}"),
        cpr.is_valid,
        re.compile(r"\bcpr|personnummer|person nr|personnr"),
        shape="ten",
    ),
    # FI HETU: date, century sign, serial and a check character (one in 31).
    IdKind("fi_hetu", _p(r"\d{6}[\-+A-FU-Y]\d{3}[0-9A-Y]"), hetu.is_valid, None, "dense"),
    # NO fødselsnummer and TR T.C. kimlik: two check digits each (one number in a hundred
    # passes), taken on their own like a CPF.
    IdKind(
        "no_fodselsnummer",
        _p(r"\d{6} ?\d{5}"),
        fodselsnummer.is_valid,
        None,
        shape="eleven",
    ),
    IdKind(
        "tr_tckimlik",
        _p(r"[1-9]\d{10}"),
        tckimlik.is_valid,
        None,
        shape="eleven",
    ),
    IdKind(
        "pt_nif",
        _p(r"\d{3} ?\d{3} ?\d{3}"),
        nif.is_valid,
        re.compile(r"\bnif\b|contribuinte|\bnipc\b|fiscal"),
        shape="nine",
    ),
    # CL RUT written with dots (12.345.678-5) and a mod-11 check; bare after "RUT"/"RUN".
    IdKind("cl_rut_dotted", _p(r"\d{1,2}\.\d{3}\.\d{3}-[\dkK]"), rut.is_valid, None, "dotted"),
    IdKind("cl_rut", _p(r"\d{7,8}-?[\dkK]"), rut.is_valid, re.compile(r"\bru[tn]\b"), "dense"),
    # KR resident registration number: YYMMDD-SNNNNNN with a check digit.
    IdKind("kr_rrn", _p(r"\d{6}-\d{7}"), rrn.is_valid, None, "thirteen"),
    # CN resident id: 18 characters holding a birth date and an ISO 7064 check character.
    IdKind("cn_ric", _p(r"\d{17}[\dXx]"), ric.is_valid, None, "dense"),
    IdKind(
        "za_idnr",
        _p(r"\d{6} ?\d{4} ?\d{3}"),
        za_idnr.is_valid,
        re.compile(r"\bid\b|identity|\bsaid\b|id number|id no"),
        shape="thirteen",
    ),
    # BE national register number: YY.MM.DD-SSS.CC (mod 97); bare after a context word.
    IdKind("be_nn_dotted", _p(r"\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}"), be_nn.is_valid, None, "dotted"),
    IdKind(
        "be_nn",
        _p(r"\d{6}[ \-]?\d{3}[ \-]?\d{2}"),
        be_nn.is_valid,
        re.compile(r"rijksregister|registre national|national number|numéro national|\bnn\b"),
        shape="eleven",
    ),
    # TH personal id: 13 digits and a check digit, written 1-2345-67890-12-3.
    IdKind("th_pin_dashed", _p(r"\d-\d{4}-\d{5}-\d{2}-\d"), pin.is_valid, None, "dashed"),
    IdKind(
        "th_pin",
        _p(r"\d{13}"),
        pin.is_valid,
        re.compile(r"thai id|บัตรประชาชน|เลขประจำตัว|national id|\bid card|\bid no"),
        "thirteen",
    ),
    # PK CNIC: 12345-1234567-1 (province, serial, sex); the shape says enough.
    IdKind("pk_cnic", _p(r"\d{5}-\d{7}-\d"), cnic.is_valid, None, "dashed"),
    # IE PPSN: seven digits and a check letter (and a second letter since 2013).
    IdKind("ie_pps", _p(r"\d{7}[A-W][A-IW]?"), pps.is_valid, None, "dense"),
    # IL Teudat Zehut: nine digits with a Luhn-like check: weak, after a context word.
    IdKind(
        "il_idnr",
        _p(r"\d{9}|\d{8}-\d"),
        il_idnr.is_valid,
        re.compile(r"zehut|ת\.?ז|תעודת זהות|israeli id|id number|\bid no"),
        "nine",
    ),
    # CH AHV/AVS number: 756.1234.5678.97 (EAN-13 check); bare after a context word.
    IdKind("ch_ssn_dotted", _p(r"756\.\d{4}\.\d{4}\.\d{2}"), ch_ssn.is_valid, None, "dotted"),
    IdKind(
        "ch_ssn",
        _p(r"756\d{10}"),
        ch_ssn.is_valid,
        re.compile(r"\bahv|\bavs|sozialversicherung|social security|\bssn\b"),
        "thirteen",
    ),
    # CZ/SK rodné číslo: birth date, slash, serial with a mod-11 check.
    IdKind("cz_rc", _p(r"\d{6}/\d{3,4}"), rc.is_valid, None, "dense"),
    # GR AMKA: birth date, serial, Luhn: weak, after "AMKA".
    IdKind("gr_amka", _p(r"\d{11}"), amka.is_valid, re.compile(r"amka|αμκα"), "eleven"),
    # RO CNP: sex/century, birth date, county, serial and a check digit.
    IdKind(
        "ro_cnp",
        _p(r"\d{13}"),
        cnp.is_valid,
        re.compile(r"\bcnp\b|cod numeric personal|personal numeric code"),
        "thirteen",
    ),
    # MX CURP: four letters, birth date, sex, state, consonants and a check digit.
    IdKind(
        "mx_curp",
        _p(r"[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z0-9]\d", re.IGNORECASE),
        curp.is_valid,
    ),
    IdKind(
        "ca_sin",
        _p(r"\d{3}[ \-]?\d{3}[ \-]?\d{3}"),
        sin.is_valid,
        re.compile(r"\bsin\b|social insurance|\bnas\b"),
        shape="nine",
    ),
)

# Candidate patterns shared by kinds of about the same shape: one member of the combined
# digit-anchored pattern each instead of one per kind.
_SHAPES: dict[str, re.Pattern[str]] = {
    "ten": _p(r"(?:\d{2})?\d{6}[ \-+]?\d{4}"),
    "eleven": _p(r"\d{6}(?: ?\d{5}|[ \-]?\d{3}[ \-]?\d{2})"),
    "nine": _p(r"\d{3}[ \-]?\d{3}[ \-]?\d{3}"),
    "thirteen": _p(r"\d{6}(?:-\d{7}| ?\d{4} ?\d{3}|\d{7})"),
    # These alternatives cannot match at one place with different lengths (the digits
    # before the first break differ, or what follows them), so one member finds them all.
    "dashed": _p(r"(?:\d{3}-\d{2}-\d{4}|\d-\d{4}-\d{5}-\d{2}-\d|\d{5}-\d{7}-\d)"),
    "dense": _p(
        r"(?:\d{17}[\dXx]|\d{6}[\-+A-FU-Y]\d{3}[0-9A-Y]|\d{6}/\d{3,4}|\d{7}[A-W][A-IW]?"
        r"|\d{8}[ \-]?(?i:[A-Z])|\d{7,8}-?[\dkK])"
    ),
    "dotted": _p(
        r"(?:\d{3}\.\d{3}\.\d{3}-\d{2}|\d{1,2}\.\d{3}\.\d{3}-[\dkK]|\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}"
        r"|756\.\d{4}\.\d{4}\.\d{2})"
    ),
}

# Every kind begins with digits, or with 1-6 letters right before them: all are run
# together, only where a digit run begins (see scan.py), after no word character, dash, slash
# or dot, behind a guard per block (timestamps, amounts and decimals, common in model inputs,
# fail them at once):
# - "national_id_digits": nine digits, at most one separator between two (every kind there);
# - "national_id_long": six digits in a row, then a separator and a digit or two digits, a
#   separator or not, and a digit ("ten", "eleven", "thirteen");
# - "national_id_dense": six digits in a row (HETU "131052A308T", DNI "12345678Z");
# - "national_id_dotted": one to three digits and a dot ("12.345.678-K" has eight digits);
# - "national_id_nir": the FR NIR's sex digit (a Corsican NIR "1 85 05 2A…" has six digits);
# - "national_id_letters": a letter.
_LETTER_FIRST = frozenset(["gb_nino", "es_nie", "it_codicefiscale", "in_pan", "mx_curp"])
_LONG = frozenset(["ten", "eleven", "thirteen"])
_DENSE = frozenset(["dense"])
_OWN_BLOCK = {"dotted": "national_id_dotted", "fr_nir": "national_id_nir"}
_UNGUARDED: frozenset[str] = frozenset()
ANCHORED.guard("national_id_digits", r"(?<![\w\-/.])(?=\d(?:[ .\-+]?\d){8})")
ANCHORED.guard("national_id_long", r"(?<![\w\-/.])(?=\d{6}(?:[ \-+]\d|\d\d[ \-+]?\d))")
ANCHORED.guard("national_id_dense", r"(?<![\w\-/.])(?=\d{6})")
ANCHORED.guard("national_id_dotted", r"(?<![\w\-/.])(?=\d{1,3}\.\d)")
ANCHORED.guard("national_id_nir", r"(?<![\w\-/.])(?=[12] ?\d)")
ANCHORED.guard("national_id_letters", r"(?<![\w\-/.])(?=[^\W\d_])")


def _block_of(name: str) -> str | None:
    if name in _UNGUARDED:
        return None
    if name in _LETTER_FIRST:
        return "national_id_letters"
    if name in _OWN_BLOCK:
        return _OWN_BLOCK[name]
    if name in _LONG:
        return "national_id_long"
    return "national_id_dense" if name in _DENSE else "national_id_digits"


for _name, _pattern in _SHAPES.items():
    ANCHORED.add(f"NATIONAL_ID:{_name}", _pattern, block=_block_of(_name))
for _kind in _KINDS:
    if _kind.shape is not None:
        if _kind.shape not in _SHAPES:
            raise ValueError(f"{_kind.name}: unknown shape {_kind.shape}")
        continue
    ANCHORED.add(f"NATIONAL_ID:{_kind.name}", _kind.pattern, block=_block_of(_kind.name))


# Reference words: right before a bare digit run, it is an order or account number even
# when a check digit happens to hold ("order 35909618130"). (Not "ID": that is an id's word.)
_REFERENCE = re.compile(
    r"(?:order|invoice|inv|ref|reference|tracking|sku|ticket|case|serial|transaction|txn"
    r"|receipt|booking|confirmation|shipment|parcel|barcode|ean|isbn|account|acct|qty"
    r"|amount|total|price|customer number|kundennummer|klantnummer|faktura|faktury|rechnung"
    r"|waybill|awb|pedido|factura|commande|facture|ordine|fattura|bestellnummer|paket"
    r"|sendungsnummer|contrat|contract|policy|claim|membership|member)\b[\s:#.\-no°]*$"
)


# Words that announce a national identifier of any country ("tax id", "national id number",
# "personal number"): context enough for every kind whose own words are missing, as forms
# and checklists name the id generically ("tax id 236048040" is a Portuguese NIF).
_ANY_ID_WORDS = re.compile(
    r"\b(?:tax(?:payer)?|national|personal|citizen|identity|identification|id|resident"
    r"|social insurance|social security)[ \-]?(?:id|no\.?|number|code|nr\.?|#)(?!\w)"
    r"|\btin\b|\bnin\b|steuernummer|n[uú]mero fiscal|num[ée]ro fiscal|codice fiscale"
    r"|fiscal code|vergi (?:no|numarası)|kimlik (?:no|numarası)|numer identyfikac"
)


# The word "ID" standing alone as a label, not the last word of a compound ("customer id",
# "order id" are references): after an issuer ("NHS/ID", "state ID"), or after a bracket, a
# slash, a comma or the start of a line; and the names of identity documents in the main
# European languages ("Ausweis-Nr.", "carte d'identité", "DNI", "dowód osobisty").
_ID_LABEL = re.compile(
    r"(?:^|[\n(\[/,;|]|\b(?:nhs|state|gov(?:ernment)?|photo|civil|nat\.?))"
    r"[ /\-]?id[ \-]?(?:nr|no)?\W*$"
    r"|\b(?:personal)?ausweis|identit[äa]tskarte|carte d'identit|pi[èe]ce d'identit"
    r"|documento (?:de |d')?identi|carta d'identit|c[ée]dula|\bdni\b|bilhete de identidade"
    r"|cart[ãa]o de cidad[ãa]o|identiteits(?:kaart|bewijs)|dow[óo]d osobist|numer dowodu"
    r"|ob[čc]ansk[ýy] pr[ůu]kaz|kimlik kart|henkil[öo]kortti|id-kort|legitimation"
)
# A check of someone's id, heading the sentence the number stands in ("ID check for …:
# first number typed … fails; second attempt 397029306 passes"): context for the numbers of
# that sentence, however far into it.
_ID_CHECK = re.compile(
    r"\b(?:id|identity|kyc|ausweis|identit[äa]ts?|identit[ée]|identidad|identidade"
    r"|identit[àa]|identiteits?|to[żz]samo[śs]ci|kimlik)[ \-]?(?:check|verification|verified"
    r"|pr[üu]fung|kontrolle|v[ée]rification|contr[ôo]le|verifica\w*|comprobaci[óo]n"
    r"|controllo|controle|weryfikacja|sprawdzenie|do[ğg]rulama)"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _any_id(text: str, start: int) -> bool:
    """A generic id word before the number, with no other number between them (the word
    names that one: "codice fiscale RZZLSS…, cell. 347 093 1801"), or an id check heading
    its sentence."""
    before = preceding(text, start, 40)
    cue = _ANY_ID_WORDS.search(before) or _ID_LABEL.search(before)
    if cue is not None and not any(ch.isdigit() for ch in before[cue.end() :]):
        return True
    sentence = preceding(text, start, 160)
    ends = list(_SENTENCE_END.finditer(sentence))
    if ends:
        sentence = sentence[ends[-1].end() :]
    return _ID_CHECK.search(sentence) is not None


# (member name, the kinds its matches are tried as, whether they must match in full)
_MEMBERS: tuple[tuple[str, tuple[IdKind, ...], bool], ...] = tuple(
    [(f"NATIONAL_ID:{k.name}", (k,), False) for k in _KINDS if k.shape is None]
    + [
        (f"NATIONAL_ID:{name}", tuple(k for k in _KINDS if k.shape == name), True)
        for name in _SHAPES
    ]
)
_MATCHES = operator.itemgetter(*(member for member, _, _ in _MEMBERS))


def detect_national_id(text: str, scan: Scan | None = None) -> Iterator[Span]:
    scan = scan or Scan(text)
    if not scan.has_digit:
        return
    matches = _MATCHES(scan.anchored)
    if not any(matches):
        return
    for (_, kinds, shaped), found in zip(_MEMBERS, matches, strict=True):
        for start, end in found:
            value = text[start:end]
            for kind in kinds:
                if shaped and kind.pattern.fullmatch(value) is None:
                    continue
                if _taken(kind, value, text, start):
                    yield Span(start, end, "NATIONAL_ID")
                    break


def _taken(kind: IdKind, value: str, text: str, start: int) -> bool:
    """`value` at `start` is an id of `kind`: valid, and after its context words if it needs
    them. The check digits are tried first there: most numbers fail them, and they cost less
    than looking for the words (both are pure, so the order changes no result)."""
    if kind.context is not None:
        return kind.valid(value) and (
            has_context(kind.context, text, start) or _any_id(text, start)
        )
    if value.isdigit() and _REFERENCE.search(preceding(text, start, 30)):
        return False  # "order 35909618130": a bare run after a reference word
    return kind.valid(value)
