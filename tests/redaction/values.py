"""Valid-by-construction PII values and near-miss decoys for the dev corpus."""

from __future__ import annotations

import random
import string

import phonenumbers
from stdnum import iban, luhn, verhoeff
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.it import codicefiscale
from stdnum.nl import bsn

PHONE_REGIONS = ("US", "GB", "DE", "FR", "ES", "IT", "NL", "SE", "IN", "CH", "AU", "BE")
FORMATS = (
    phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    phonenumbers.PhoneNumberFormat.NATIONAL,
    phonenumbers.PhoneNumberFormat.E164,
)


def phone(rng: random.Random, region: str | None = None) -> str:
    """A valid number of `region` (mobile or fixed line) in a random standard format."""
    region = region or rng.choice(PHONE_REGIONS)
    kind = rng.choice(
        [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]
    )
    example = phonenumbers.example_number_for_type(region, kind)
    national = str(example.national_number)
    for _ in range(50):
        # Keep the leading digits (the number plan's prefix), vary the subscriber part.
        keep = max(2, len(national) - 5)
        candidate = national[:keep] + "".join(rng.choice(string.digits) for _ in national[keep:])
        number = phonenumbers.parse("+" + str(example.country_code) + candidate)
        if phonenumbers.is_valid_number(number):
            break
    else:
        number = example
    return phonenumbers.format_number(number, rng.choice(FORMATS))


def card(rng: random.Random, *, valid: bool = True) -> str:
    prefix, length = rng.choice(
        [
            ("4", 16),
            ("51", 16),
            ("55", 16),
            ("2221", 16),
            ("34", 15),
            ("37", 15),
            ("6011", 16),
            ("35", 16),
            ("4", 13),
        ]
    )
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    check = luhn.calc_check_digit(body)
    if not valid:
        check = str((int(check) + rng.randint(1, 9)) % 10)
    digits = body + check
    sep = rng.choice(["", " ", "-"])
    if length == 15:
        groups = [digits[:4], digits[4:10], digits[10:]]
    else:
        groups = [digits[i : i + 4] for i in range(0, len(digits), 4)]
    return sep.join(groups)


IBAN_BBANS = {
    "DE": lambda r: _digits(r, 18),
    "GB": lambda r: (
        "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + _digits(r, 14)
    ),
    "NL": lambda r: (
        "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + _digits(r, 10)
    ),
    "AT": lambda r: _digits(r, 16),
    "BE": lambda r: _be_bban(r),
    "CH": lambda r: _digits(r, 17),
    "PL": lambda r: _digits(r, 24),
    "SE": lambda r: _digits(r, 20),
    "IE": lambda r: (
        "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + _digits(r, 14)
    ),
}


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _be_bban(rng: random.Random) -> str:
    body = _digits(rng, 10)
    return body + f"{int(body) % 97 or 97:02d}"


def iban_value(rng: random.Random, *, valid: bool = True, spaced: bool | None = None) -> str:
    for _ in range(200):
        country = rng.choice(sorted(IBAN_BBANS))
        bban = IBAN_BBANS[country](rng)
        check = iban.calc_check_digits(country + "00" + bban)
        compact = country + check + bban
        if iban.is_valid(compact):
            break
    if not valid:
        position = rng.randrange(4, len(compact))
        wrong = str((int(compact[position]) + 1) % 10) if compact[position].isdigit() else "A"
        compact = compact[:position] + wrong + compact[position + 1 :]
        if iban.is_valid(compact):
            compact = compact[:2] + f"{(int(compact[2:4]) + 1) % 100:02d}" + compact[4:]
    spaced = rng.random() < 0.6 if spaced is None else spaced
    return iban.format(compact) if spaced else compact


def ssn(rng: random.Random) -> str:
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def es_dni(rng: random.Random) -> str:
    body = _digits(rng, 8)
    return body + dni.calc_check_digit(body)


def es_nie(rng: random.Random) -> str:
    body = rng.choice("XYZ") + _digits(rng, 7)
    return body + nie.calc_check_digit(body)


def fr_nir(rng: random.Random) -> str:
    body = (
        rng.choice("12")
        + f"{rng.randint(40, 99):02d}"
        + f"{rng.randint(1, 12):02d}"
        + f"{rng.randint(1, 95):02d}"
        + _digits(rng, 3)
        + _digits(rng, 3)
    )
    key = nir.calc_check_digits(body)
    if rng.random() < 0.5:
        return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key}"
    return body + key


def it_cf(rng: random.Random) -> str:
    letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(6))
    body = (
        letters
        + f"{rng.randint(40, 99):02d}"
        + rng.choice("ABCDEHLMPRST")
        + f"{rng.randint(1, 28):02d}"
        + rng.choice(string.ascii_uppercase)
        + _digits(rng, 3)
    )
    return body + codicefiscale.calc_check_digit(body)


def nl_bsn(rng: random.Random) -> str:
    while True:
        value = str(rng.randint(1, 9)) + _digits(rng, 8)
        if bsn.is_valid(value):
            return value


def se_pnr(rng: random.Random) -> str:
    date = f"{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body = date + _digits(rng, 3)
    return f"{date}-{body[6:]}{luhn.calc_check_digit(body)}"


def aadhaar(rng: random.Random) -> str:
    body = str(rng.randint(2, 9)) + _digits(rng, 10)
    value = body + verhoeff.calc_check_digit(body)
    return f"{value[:4]} {value[4:8]} {value[8:]}"


def nino(rng: random.Random) -> str:
    first = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    if first + second in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
        first, second = "A", "B"
    d = _digits(rng, 6)
    suffix = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{first}{second} {d[:2]} {d[2:4]} {d[4:]} {suffix}"
    return f"{first}{second}{d}{suffix}"


def pan(rng: random.Random) -> str:
    letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
    return (
        letters
        + rng.choice("PCHF")
        + rng.choice(string.ascii_uppercase)
        + _digits(rng, 4)
        + rng.choice(string.ascii_uppercase)
    )


def ipv4(rng: random.Random) -> str:
    return ".".join(str(rng.randint(1, 254)) for _ in range(4))


def ipv6(rng: random.Random) -> str:
    groups = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(8)]
    if rng.random() < 0.5:
        return "2001:db8::" + ":".join(groups[:3])
    return ":".join(groups)
