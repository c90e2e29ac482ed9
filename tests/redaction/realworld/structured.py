"""Checksum-valid structured values (and their look-alike decoys).

Phone numbers are checked with ``phonenumbers.is_valid_number``; IBANs, cards and national
identifiers get their check digits from python-stdnum and are re-validated with it.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import random
import re
import string
import unicodedata
from pathlib import Path

import phonenumbers
import stdnum
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from stdnum import iban as std_iban
from stdnum import luhn

# ---------------------------------------------------------------- text helpers

_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ş": "s",
        "ğ": "g",
        "ț": "t",
        "ș": "s",
        "'": "",
        "’": "",
    }
)


def ascii_fold(text: str) -> str:
    text = text.translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def slug(text: str, sep: str = "") -> str:
    out = ascii_fold(text).lower()
    out = "".join(ch if ch.isalnum() else " " for ch in out)
    return sep.join(out.split())


# ---------------------------------------------------------------- phones

_PHONE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)


def _random_number(region: str, rng: random.Random, ptype) -> phonenumbers.PhoneNumber:
    ex = phonenumbers.example_number_for_type(region, ptype) or phonenumbers.example_number(region)
    nsn = phonenumbers.national_significant_number(ex)
    for attempt in range(600):
        keep = rng.choice([1, 2, 2, 3]) if attempt < 400 else 3
        keep = min(keep, max(1, len(nsn) - 5))
        cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in range(len(nsn) - keep))
        num = phonenumbers.parse(cand, region)
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
            got = phonenumbers.number_type(num)
            if got == ptype or got == PhoneNumberType.FIXED_LINE_OR_MOBILE:
                return num
    return ex


def phone(region: str, rng: random.Random, style: str | None = None) -> str:
    """A valid number for ``region`` written the way people there usually write it."""
    ptype = rng.choice(_PHONE_TYPES)
    num = _random_number(region, rng, ptype)
    nat = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    cc = str(num.country_code)
    styles = ["national", "national", "intl", "intl", "e164"]
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is not None and meta.international_prefix == "00":
        styles.append("00")
    if region in ("DE", "AT", "CH", "GB"):
        styles.append("paren0")
    if region in ("FR", "BE"):
        styles.append("dots")
    if region in ("US", "CA"):
        styles += ["dashes", "dots_us", "plus1"]
    if region == "IN":
        styles.append("ten")
    style = style or rng.choice(styles)
    out = nat
    if style == "intl":
        out = intl
    elif style == "e164":
        out = e164
    elif style == "00":
        out = "00" + intl[1:]
    elif style == "paren0" and region in ("DE", "AT", "CH", "GB"):
        out = intl.replace(f"+{cc} ", f"+{cc} (0)", 1)
    elif style == "dots" and region in ("FR", "BE"):
        out = nat.replace(" ", ".")
    elif style in ("dashes", "dots_us", "plus1") and region in ("US", "CA"):
        d = phonenumbers.national_significant_number(num)
        sep = "." if style == "dots_us" else "-"
        out = f"{d[:3]}{sep}{d[3:6]}{sep}{d[6:]}"
        if style == "plus1":
            out = "+1 " + out
    elif style == "ten" and region == "IN":
        out = phonenumbers.national_significant_number(num)
    # the written form must still parse back to a valid number of that region
    check = phonenumbers.parse("+" + out[2:] if style == "00" else out, region)
    assert phonenumbers.is_valid_number(check), (region, out)
    return out


def bad_phone(rng: random.Random) -> str:
    """A grouped digit run that is not a valid phone number anywhere we look."""
    while True:
        groups = [rng.randint(2, 4) for _ in range(rng.randint(3, 4))]
        text = " ".join("".join(rng.choice(string.digits) for _ in range(g)) for g in groups)
        text = "0" + text[1:] if rng.random() < 0.5 else text
        ok = True
        for region in (None, "GB", "DE", "FR", "US", "PL", "IN"):
            try:
                n = phonenumbers.parse(text if region else "+" + text.replace(" ", ""), region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(n):
                ok = False
                break
        if ok:
            return text


# ---------------------------------------------------------------- IBAN

_IBAN_STRUCT: dict[str, list[tuple[int, str]]] = {}
for _line in (Path(stdnum.__file__).parent / "iban.dat").read_text().splitlines():
    if _line[:1].isalpha() and 'bban="' in _line:
        _spec = _line.split('bban="')[1].split('"')[0]
        _IBAN_STRUCT[_line[:2]] = [(int(n), t) for n, t in re.findall(r"(\d+)!([nac])", _spec)]

_BANK_CODES = {
    "GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "MONZ", "SRLG"],
    "IE": ["AIBK", "BOFI", "IPBS", "REVO"],
    "NL": ["ABNA", "RABO", "INGB", "TRIO", "SNSB", "KNAB", "BUNQ"],
    "RO": ["BTRL", "RNCB", "BRDE", "INGB", "RZBR"],
    "PK": ["HABB", "MEZN", "UNIL", "SCBL"],
    "JO": ["ARAB", "CBJO"],
}


def iban_countries() -> set[str]:
    return set(_IBAN_STRUCT)


def iban(cc: str, rng: random.Random, spaced: bool | None = None) -> str:
    struct = _IBAN_STRUCT[cc]
    for _ in range(20000):
        parts = []
        for i, (n, t) in enumerate(struct):
            if t == "a" and i == 0 and cc in _BANK_CODES:
                parts.append(rng.choice(_BANK_CODES[cc])[:n].ljust(n, "X"))
            elif t == "a":
                parts.append("".join(rng.choice(string.ascii_uppercase) for _ in range(n)))
            else:
                parts.append("".join(rng.choice(string.digits) for _ in range(n)))
        bban = "".join(parts)
        check = std_iban.calc_check_digits(cc + "00" + bban)
        number = cc + check + bban
        if std_iban.is_valid(number):
            break
    else:  # pragma: no cover
        raise RuntimeError(cc)
    if spaced is None:
        spaced = rng.random() < 0.65
    return std_iban.format(number) if spaced else number


def bad_iban(cc: str, rng: random.Random) -> str:
    good = iban(cc, rng, spaced=False)
    while True:
        check = f"{rng.randint(2, 98):02d}"
        cand = good[:2] + check + good[4:]
        if not std_iban.is_valid(cand):
            return std_iban.format(cand) if rng.random() < 0.6 else cand


# ---------------------------------------------------------------- cards

CARD_BRANDS = {
    # brand: (prefixes, length, grouping)
    "Visa": (["4"], 16, (4, 4, 4, 4)),
    "Mastercard": (["51", "52", "53", "54", "55", "2221", "2300", "2720"], 16, (4, 4, 4, 4)),
    "Amex": (["34", "37"], 15, (4, 6, 5)),
    "Discover": (["6011", "65"], 16, (4, 4, 4, 4)),
    "JCB": (["3528", "3540", "3589"], 16, (4, 4, 4, 4)),
    "UnionPay": (["62"], 16, (4, 4, 4, 4)),
    "Diners": (["36", "300", "305"], 14, (4, 6, 4)),
    "Maestro": (["6759", "6761"], 16, (4, 4, 4, 4)),
    "RuPay": (["6521", "6522", "508"], 16, (4, 4, 4, 4)),
    "Mir": (["2200", "2202", "2204"], 16, (4, 4, 4, 4)),
    "Troy": (["9792"], 16, (4, 4, 4, 4)),
    "Elo": (["636368", "438935", "504175"], 16, (4, 4, 4, 4)),
}
LOCAL_BRANDS = {
    "RU": "Mir",
    "TR": "Troy",
    "BR": "Elo",
    "IN": "RuPay",
    "CN": "UnionPay",
    "JP": "JCB",
}


def _group(digits: str, grouping, sep: str) -> str:
    out, i = [], 0
    for g in grouping:
        out.append(digits[i : i + g])
        i += g
    return sep.join(out)


def card(rng: random.Random, country: str = "", brand: str | None = None) -> tuple[str, str]:
    if brand is None:
        pool = [
            "Visa",
            "Visa",
            "Visa",
            "Mastercard",
            "Mastercard",
            "Amex",
            "Discover",
            "Diners",
            "Maestro",
            "JCB",
        ]
        if country in LOCAL_BRANDS:
            pool += [LOCAL_BRANDS[country]] * 3
        brand = rng.choice(pool)
    prefixes, length, grouping = CARD_BRANDS[brand]
    body = rng.choice(prefixes)
    body += "".join(rng.choice(string.digits) for _ in range(length - 1 - len(body)))
    number = body + luhn.calc_check_digit(body)
    assert luhn.is_valid(number)
    sep = rng.choice([" ", " ", "-", ""])
    return brand, (number if sep == "" else _group(number, grouping, sep))


def bad_card(rng: random.Random) -> str:
    body = rng.choice(["4", "5", "4", "6"]) + "".join(rng.choice(string.digits) for _ in range(14))
    good = luhn.calc_check_digit(body)
    wrong = str((int(good) + rng.randint(1, 9)) % 10)
    number = body + wrong
    assert not luhn.is_valid(number)
    sep = rng.choice([" ", "-", ""])
    return number if not sep else _group(number, (4, 4, 4, 4), sep)


# ---------------------------------------------------------------- national identifiers


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _complete(prefix: str, validator, alphabet: str = string.digits, width: int = 1) -> str | None:
    """Find the check character(s) that make ``prefix + check`` valid."""
    if width == 1:
        for ch in alphabet:
            if validator(prefix + ch):
                return prefix + ch
        return None
    for a in alphabet:
        for b in alphabet:
            if validator(prefix + a + b):
                return prefix + a + b
    return None


_IT_MONTHS = "ABCDEHLMPRST"
_IT_TOWNS = ["F205", "H501", "F839", "L219", "A944", "D612", "G273", "D969", "A662", "L736"]


def _cf_part(text: str, given: bool) -> str:
    letters = [c for c in ascii_fold(text).upper() if c.isalpha()]
    cons = [c for c in letters if c not in "AEIOU"]
    vows = [c for c in letters if c in "AEIOU"]
    if given and len(cons) > 3:
        cons = [cons[0], cons[2], cons[3]]
    return ("".join(cons + vows) + "XXX")[:3]


def _nid(country: str, rng: random.Random, dob: dt.date, female: bool, first: str, last: str):
    """Return (label used in the country, value) or None when we have no checked generator."""
    from stdnum import ean, verhoeff
    from stdnum.br import cpf
    from stdnum.ca import sin
    from stdnum.ch import ssn as ch_ssn
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
    from stdnum.il import idnr as il_id
    from stdnum.in_ import aadhaar, pan
    from stdnum.it import codicefiscale
    from stdnum.kr import rrn
    from stdnum.nl import bsn
    from stdnum.no import fodselsnummer
    from stdnum.pk import cnic
    from stdnum.pl import pesel
    from stdnum.pt import nif as pt_nif
    from stdnum.ro import cnp
    from stdnum.se import personnummer
    from stdnum.th import pin
    from stdnum.tr import tckimlik
    from stdnum.us import ssn
    from stdnum.za import idnr as za_id

    yy, mm, dd = f"{dob.year % 100:02d}", f"{dob.month:02d}", f"{dob.day:02d}"
    for _ in range(200):
        val = None
        if country == "US":
            area = rng.randint(1, 899)
            if area == 666:
                continue
            val = f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
            name = "SSN"
            ok = ssn.is_valid(val)
        elif country == "GB":
            if rng.random() < 0.5:
                name = "NHS number"
                raw = _complete(_digits(rng, 9), nhs.is_valid)
                if raw is None:
                    continue
                val = f"{raw[:3]} {raw[3:6]} {raw[6:]}"
                ok = nhs.is_valid(val)
            else:
                # HMRC format rules (no check digit exists for the NINO)
                first_l = rng.choice("ABCEGHJKLMNPRSTWXYZ")
                second_l = rng.choice("ABCEGHJKLMNPRSTWXYZ")
                pre = first_l + second_l
                if pre in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
                    continue
                d = _digits(rng, 6)
                suf = rng.choice("ABCD")
                val = rng.choice([f"{pre} {d[:2]} {d[2:4]} {d[4:]} {suf}", f"{pre}{d}{suf}"])
                name = "NI number"
                ok = True
        elif country == "ES":
            if rng.random() < 0.75:
                d = f"{rng.randint(10000000, 99999999)}"
                val = d + dni.calc_check_digit(d)
                name = "DNI"
                ok = dni.is_valid(val)
            else:
                d = rng.choice("XYZ") + _digits(rng, 7)
                val = d + nie.calc_check_digit(d)
                name = "NIE"
                ok = nie.is_valid(val)
        elif country == "IT":
            day = dob.day + (40 if female else 0)
            body = (
                _cf_part(last, False)
                + _cf_part(first, True)
                + yy
                + _IT_MONTHS[dob.month - 1]
                + f"{day:02d}"
                + rng.choice(_IT_TOWNS)
            )
            val = body + codicefiscale.calc_check_digit(body)
            name = "codice fiscale"
            ok = codicefiscale.is_valid(val)
        elif country == "FR":
            dept = rng.choice(["75", "69", "13", "33", "59", "44", "31", "67", "35"])
            body = ("2" if female else "1") + yy + mm + dept + _digits(rng, 3) + _digits(rng, 3)
            raw = body + nir.calc_check_digits(body)
            val = rng.choice([raw, nir.format(raw)])
            name = "n° de sécurité sociale"
            ok = nir.is_valid(val)
        elif country == "NL":
            raw = _complete(str(rng.randint(1, 9)) + _digits(rng, 7), bsn.is_valid)
            if raw is None:
                continue
            val = rng.choice([raw, f"{raw[:4]}.{raw[4:6]}.{raw[6:]}"])
            name = "BSN"
            ok = bsn.is_valid(val)
        elif country == "SE":
            serial = _digits(rng, 2) + str(rng.choice("13579" if not female else "02468"))
            body = yy + mm + dd + serial
            raw = body + luhn.calc_check_digit(body)
            val = rng.choice([f"{raw[:6]}-{raw[6:]}", f"{dob.year}{mm}{dd}-{raw[6:]}"])
            name = "personnummer"
            ok = personnummer.is_valid(val)
        elif country == "PL":
            m = dob.month + (20 if dob.year >= 2000 else 0)
            body = (
                yy + f"{m:02d}" + dd + _digits(rng, 3) + rng.choice("02468" if female else "13579")
            )
            val = body + pesel.calc_check_digit(body)
            name = "PESEL"
            ok = pesel.is_valid(val)
        elif country == "DE":
            raw = _complete(str(rng.randint(1, 9)) + _digits(rng, 9), idnr.is_valid)
            if raw is None:
                continue
            val = rng.choice([raw, idnr.format(raw)])
            name = "Steuer-ID"
            ok = idnr.is_valid(val)
        elif country == "IN":
            if rng.random() < 0.6:
                body = str(rng.randint(2, 9)) + _digits(rng, 10)
                raw = body + verhoeff.calc_check_digit(body)
                val = rng.choice([f"{raw[:4]} {raw[4:8]} {raw[8:]}", raw])
                name = "Aadhaar"
                ok = aadhaar.is_valid(val)
            else:
                initial = ascii_fold(last)[0].upper()
                val = (
                    "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
                    + "P"
                    + initial
                    + _digits(rng, 4)
                    + rng.choice(string.ascii_uppercase)
                )
                name = "PAN"
                ok = pan.is_valid(val)
        elif country == "CA":
            raw = _complete(str(rng.choice("1234567")) + _digits(rng, 7), sin.is_valid)
            if raw is None:
                continue
            val = rng.choice([f"{raw[:3]} {raw[3:6]} {raw[6:]}", f"{raw[:3]}-{raw[3:6]}-{raw[6:]}"])
            name = "SIN"
            ok = sin.is_valid(val)
        elif country == "BR":
            raw = _complete(_digits(rng, 9), cpf.is_valid, width=2)
            if raw is None:
                continue
            val = rng.choice([cpf.format(raw), raw])
            name = "CPF"
            ok = cpf.is_valid(val)
        elif country == "DK":
            c7 = "0" if dob.year < 2000 else "4"
            raw = dd + mm + yy + c7 + _digits(rng, 2) + rng.choice("02468" if female else "13579")
            val = rng.choice([f"{raw[:6]}-{raw[6:]}", raw])
            name = "CPR-nummer"
            ok = cpr.is_valid(val)
        elif country == "FI":
            sign = "-" if dob.year < 2000 else "A"
            serial = f"{rng.randint(2, 449) * 2 + (0 if female else 1):03d}"
            body = dd + mm + yy + sign + serial
            val = _complete(body, hetu.is_valid, alphabet="0123456789ABCDEFHJKLMNPRSTUVWXY")
            name = "henkilötunnus"
            ok = val is not None
        elif country == "NO":
            ind = f"{rng.randint(0, 249) * 2 + (0 if female else 1):03d}"
            if dob.year >= 2000:
                ind = f"{rng.randint(250, 499) * 2 + (0 if female else 1):03d}"
            val = _complete(dd + mm + yy + ind, fodselsnummer.is_valid, width=2)
            name = "fødselsnummer"
            ok = val is not None
        elif country == "TR":
            body = str(rng.randint(1, 9)) + _digits(rng, 8)
            val = body + tckimlik.calc_check_digits(body)
            name = "TC Kimlik No"
            ok = tckimlik.is_valid(val)
        elif country == "CN":
            region = rng.choice(["110105", "310104", "440305", "330106", "510107", "420106"])
            body = (
                region
                + dob.strftime("%Y%m%d")
                + _digits(rng, 2)
                + rng.choice("02468" if female else "13579")
            )
            val = body + ric.calc_check_digit(body)
            name = "resident ID"
            ok = ric.is_valid(val)
        elif country == "KR":
            g = ("2" if female else "1") if dob.year < 2000 else ("4" if female else "3")
            val = _complete(
                yy + mm + dd + g + f"{rng.randint(0, 95):02d}" + _digits(rng, 3), rrn.is_valid
            )
            if val:
                val = f"{val[:6]}-{val[6:]}"
            name = "RRN"
            ok = val is not None and rrn.is_valid(val)
        elif country == "ZA":
            seq = rng.randint(0, 4999) + (0 if female else 5000)
            val = _complete(yy + mm + dd + f"{seq:04d}" + "08", za_id.is_valid)
            name = "SA ID number"
            ok = val is not None
        elif country == "RO":
            s = ("2" if female else "1") if dob.year < 2000 else ("6" if female else "5")
            body = s + yy + mm + dd + f"{rng.randint(1, 40):02d}" + _digits(rng, 3)
            val = body + cnp.calc_check_digit(body)
            name = "CNP"
            ok = cnp.is_valid(val)
        elif country == "CZ":
            m = dob.month + (50 if female else 0)
            val = _complete(yy + f"{m:02d}" + dd + _digits(rng, 3), rc.is_valid)
            if val:
                val = f"{val[:6]}/{val[6:]}"
            name = "rodné číslo"
            ok = val is not None and rc.is_valid(val)
        elif country == "BE":
            from stdnum.be import nn

            serial = f"{rng.randint(1, 498) * 2 + (0 if female else 1):03d}"
            val = _complete(yy + mm + dd + serial, nn.is_valid, width=2)
            if val:
                val = rng.choice([val, nn.format(val)])
            name = "rijksregisternummer"
            ok = val is not None and nn.is_valid(val)
        elif country == "IL":
            val = _complete(str(rng.randint(0, 3)) + _digits(rng, 7), il_id.is_valid)
            name = "Teudat Zehut"
            ok = val is not None
        elif country == "IE":
            val = _complete(_digits(rng, 7), pps.is_valid, alphabet=string.ascii_uppercase)
            name = "PPSN"
            ok = val is not None
        elif country == "CH":
            body = "756" + _digits(rng, 9)
            raw = body + ean.calc_check_digit(body)
            val = f"{raw[:3]}.{raw[3:7]}.{raw[7:11]}.{raw[11:]}"
            name = "AHV-Nr."
            ok = ch_ssn.is_valid(val)
        elif country == "GR":
            val = _complete(dd + mm + yy + _digits(rng, 4), amka.is_valid)
            name = "AMKA"
            ok = val is not None
        elif country == "TH":
            body = str(rng.randint(1, 8)) + _digits(rng, 11)
            val = body + pin.calc_check_digit(body)
            if pin.is_valid(val):
                val = pin.format(val) if rng.random() < 0.5 else val
            name = "Thai ID"
            ok = pin.is_valid(val)
        elif country == "PK":
            last_d = rng.choice("02468" if female else "13579")
            val = f"{rng.choice(['35202', '42101', '61101', '37405'])}-{_digits(rng, 7)}-{last_d}"
            name = "CNIC"
            ok = cnic.is_valid(val)
        elif country == "PT":
            body = rng.choice("123") + _digits(rng, 7)
            val = body + pt_nif.calc_check_digit(body)
            name = "NIF"
            ok = pt_nif.is_valid(val)
        else:
            return None
        if ok and val:
            return name, val
    return None


NID_COUNTRIES = {
    "US",
    "GB",
    "ES",
    "IT",
    "FR",
    "NL",
    "SE",
    "PL",
    "DE",
    "IN",
    "CA",
    "BR",
    "DK",
    "FI",
    "NO",
    "TR",
    "CN",
    "KR",
    "ZA",
    "RO",
    "CZ",
    "BE",
    "IL",
    "IE",
    "CH",
    "GR",
    "TH",
    "PK",
    "PT",
}


def national_id(country, rng, dob, female, first, last):
    return _nid(country, rng, dob, female, first, last)


def bad_national_id(rng: random.Random) -> str:
    """ID-shaped digits whose check digit is wrong (PESEL / BSN / CPF / SSN shapes)."""
    from stdnum.br import cpf
    from stdnum.nl import bsn
    from stdnum.pl import pesel

    kind = rng.choice(["pesel", "bsn", "cpf", "ssn"])
    while True:
        if kind == "pesel":
            v = f"{rng.randint(50, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + _digits(
                rng, 5
            )
            if not pesel.is_valid(v):
                return v
        elif kind == "bsn":
            v = str(rng.randint(1, 9)) + _digits(rng, 8)
            if not bsn.is_valid(v):
                return v
        elif kind == "cpf":
            v = _digits(rng, 11)
            if not cpf.is_valid(v):
                return f"{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}"
        else:
            # area 000 / 666 / 9xx are never issued
            area = rng.choice(["000", "666", f"9{rng.randint(0, 99):02d}"])
            return f"{area}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


# ---------------------------------------------------------------- IP addresses

_V4_FIRST = [
    31,
    37,
    46,
    62,
    77,
    78,
    79,
    80,
    81,
    82,
    83,
    84,
    85,
    86,
    87,
    88,
    89,
    91,
    93,
    94,
    95,
    103,
    109,
    112,
    122,
    141,
    176,
    178,
    185,
    188,
    195,
    197,
    201,
    212,
    213,
    217,
]
_V6_PREFIX = [
    "2a02:8109",
    "2a01:cb00",
    "2600:1700",
    "2a00:23c5",
    "2001:4860",
    "2a02:a46e",
    "2405:201",
    "2804:14c",
    "2001:16b8",
    "2c0f:fb50",
    "240e:3b0",
    "2400:4051",
]


def ipv4(rng: random.Random) -> str:
    while True:
        a = rng.choice(_V4_FIRST)
        ip = f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        if ipaddress.ip_address(ip).is_global:
            return ip


def ipv6(rng: random.Random) -> str:
    pre = rng.choice(_V6_PREFIX)
    groups = pre.split(":") + [
        f"{rng.randint(0, 0xFFFF):x}" for _ in range(8 - len(pre.split(":")))
    ]
    if rng.random() < 0.35:
        groups[3:6] = ["0", "0", "0"]
    addr = ipaddress.IPv6Address(":".join(groups))
    return addr.compressed if rng.random() < 0.8 else addr.exploded


# ---------------------------------------------------------------- dates

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "nb": "januar februar mars april mai juni juli august september oktober november desember",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "hu": "január február március április május június július augusztus szeptember október "
    "november december",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie "
    "noiembrie decembrie",
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta "
    "elokuuta syyskuuta lokakuuta marraskuuta joulukuuta",
}
MONTHS = {k: v.split() for k, v in MONTHS.items()}

MDY_COUNTRIES = {"US", "PH"}
YMD_COUNTRIES = {"JP", "CN", "KR", "HU", "IR"}


def fmt_date(d: dt.date, country: str, lang: str, rng: random.Random, style: str | None = None):
    dd, mm, yyyy = f"{d.day:02d}", f"{d.month:02d}", f"{d.year}"
    en = MONTHS["en"][d.month - 1]
    local = MONTHS.get(lang)
    styles = ["iso", "compact", "d_mon_y", "d_month_y", "month_d_y"]
    if country in MDY_COUNTRIES:
        styles += ["mdy", "mdy", "mdy", "month_d_y"]
    elif country in YMD_COUNTRIES:
        styles += ["ymd_slash", "iso", "iso"]
    else:
        styles += ["dmy_slash", "dmy_dot", "dmy_dash", "dmy_slash"]
        if country == "CA":
            styles += ["mdy"]
    if local and lang != "en":
        styles += ["local", "local", "local"]
    style = style or rng.choice(styles)
    if style == "iso":
        return f"{yyyy}-{mm}-{dd}"
    if style == "compact":
        return f"{yyyy}{mm}{dd}"
    if style == "d_mon_y":
        return f"{dd}-{en[:3]}-{yyyy}"
    if style == "d_month_y":
        return f"{d.day} {en} {yyyy}"
    if style == "month_d_y":
        return f"{en} {d.day}, {yyyy}"
    if style == "mdy":
        return f"{mm}/{dd}/{yyyy}"
    if style == "ymd_slash":
        return f"{yyyy}/{mm}/{dd}"
    if style == "dmy_slash":
        return f"{dd}/{mm}/{yyyy}"
    if style == "dmy_dot":
        return f"{dd}.{mm}.{yyyy}" if rng.random() < 0.8 else f"{d.day}.{d.month}.{yyyy}"
    if style == "dmy_dash":
        return f"{dd}-{mm}-{yyyy}"
    # local month names
    mon = local[d.month - 1]
    if lang in ("de", "da", "nb", "fi", "cs"):
        return f"{d.day}. {mon} {yyyy}"
    if lang in ("es", "pt"):
        return f"{d.day} de {mon} de {yyyy}"
    if lang == "hu":
        return f"{yyyy}. {mon} {d.day}."
    return f"{d.day} {mon} {yyyy}"


def random_dob(rng: random.Random) -> dt.date:
    start = dt.date(1941, 1, 1).toordinal()
    end = dt.date(2005, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def random_recent(rng: random.Random) -> dt.date:
    start = dt.date(2022, 1, 1).toordinal()
    end = dt.date(2026, 11, 30).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


# ---------------------------------------------------------------- money

# country: (symbols, style, scale); style "en" = "£1,234.56", "eu" = "1.234,56 €",
# "sp" = "1 234,56 zł", "int" = no decimals ("¥12,800")
CURRENCIES = {
    "PL": (["zł", "PLN"], "sp", 1),
    "DE": (["€", "EUR"], "eu", 1),
    "AT": (["€", "EUR"], "eu", 1),
    "CH": (["CHF"], "en", 1),
    "FR": (["€", "EUR"], "sp", 1),
    "BE": (["€", "EUR"], "eu", 1),
    "NL": (["€", "EUR"], "eu", 1),
    "DK": (["kr.", "DKK"], "eu", 7),
    "NO": (["kr", "NOK"], "sp", 10),
    "SE": (["kr", "SEK"], "sp", 10),
    "FI": (["€", "EUR"], "sp", 1),
    "CZ": (["Kč", "CZK"], "sp", 25),
    "HU": (["Ft", "HUF"], "int_sp", 380),
    "RO": (["lei", "RON"], "eu", 5),
    "GR": (["€", "EUR"], "eu", 1),
    "IT": (["€", "EUR"], "eu", 1),
    "ES": (["€", "EUR"], "eu", 1),
    "PT": (["€", "EUR"], "sp", 1),
    "IE": (["€", "EUR"], "en", 1),
    "GB": (["£", "GBP"], "en", 1),
    "US": (["$", "USD"], "en", 1),
    "CA": (["$", "CAD", "CA$"], "en", 1),
    "AU": (["$", "AUD", "A$"], "en", 1),
    "BR": (["R$"], "eu", 5),
    "MX": (["$", "MXN"], "en", 18),
    "AR": (["$", "ARS"], "eu", 900),
    "TR": (["₺", "TL"], "eu", 30),
    "RU": (["₽", "руб."], "sp", 90),
    "UA": (["₴", "грн"], "sp", 40),
    "IL": (["₪", "ILS"], "en", 4),
    "AE": (["AED"], "en", 4),
    "SA": (["SAR"], "en", 4),
    "EG": (["EGP", "E£"], "en", 48),
    "IR": (["IRR", "rials"], "int", 40000),
    "IN": (["₹", "Rs.", "INR"], "in", 83),
    "PK": (["Rs", "PKR"], "en", 280),
    "BD": (["৳", "BDT", "Tk"], "en", 110),
    "CN": (["¥", "CNY", "RMB"], "en", 7),
    "JP": (["¥", "JPY"], "int", 150),
    "KR": (["₩", "KRW"], "int", 1300),
    "VN": (["₫", "VND", "đ"], "int_eu", 25000),
    "TH": (["฿", "THB"], "en", 35),
    "ID": (["Rp"], "int_eu", 15000),
    "PH": (["₱", "PHP"], "en", 55),
    "NG": (["₦", "NGN"], "en", 1500),
    "KE": (["KSh", "KES"], "en", 130),
    "GH": (["GH₵", "GHS"], "en", 12),
    "ET": (["Br", "ETB"], "en", 57),
    "ZA": (["R", "ZAR"], "en", 18),
}


def amount(country: str, rng: random.Random) -> str:
    symbols, style, scale = CURRENCIES.get(country, (["€", "EUR"], "eu", 1))
    sym = rng.choice(symbols)
    value = round(
        rng.choice([rng.uniform(5, 120), rng.uniform(120, 2500), rng.uniform(2500, 40000)]) * scale,
        2,
    )
    if style.startswith("int"):
        text = f"{round(value):,}"
        if style == "int_sp":
            text = text.replace(",", " ")
        elif style == "int_eu":
            text = text.replace(",", ".")
    elif style == "in":  # Indian grouping 12,34,567.00
        whole, frac = f"{value:.2f}".split(".")
        head, tail = whole[:-3], whole[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        text = ",".join(([head] if head else []) + groups + [tail]) + "." + frac
    else:
        text = f"{value:,.2f}"
    if style == "eu":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    elif style == "sp":
        text = text.replace(",", " ").replace(".", ",")
    if sym in _PREFIX and not (style in ("eu", "sp") and sym in ("€", "EUR")):
        gap = " " if sym[-1].isalpha() or sym in ("R$", "Rs.") else ""
        return f"{sym}{gap}{text}"
    return f"{text} {sym}"


_PREFIX = {
    "$",
    "£",
    "€",
    "USD",
    "GBP",
    "CHF",
    "CAD",
    "CA$",
    "A$",
    "AUD",
    "R$",
    "₹",
    "Rs.",
    "Rs",
    "INR",
    "¥",
    "JPY",
    "CNY",
    "RMB",
    "₩",
    "KRW",
    "฿",
    "THB",
    "₱",
    "PHP",
    "₦",
    "NGN",
    "KSh",
    "KES",
    "GH₵",
    "GHS",
    "R",
    "ZAR",
    "AED",
    "SAR",
    "EGP",
    "E£",
    "PKR",
    "৳",
    "BDT",
    "Tk",
    "Rp",
    "MXN",
    "ARS",
    "ILS",
    "₪",
    "Br",
    "ETB",
    "IRR",
    "EUR",
}
