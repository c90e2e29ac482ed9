"""The held-out corpus: Faker values in ten locales, templates the detectors never saw."""

from __future__ import annotations

import random
from typing import Any

import phonenumbers
from faker import Faker
from stdnum import iban, luhn
from stdnum.us import ssn

LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "sv_SE", "en_IN", "pl_PL")
REGION = {
    "en_US": "US",
    "en_GB": "GB",
    "de_DE": "DE",
    "fr_FR": "FR",
    "es_ES": "ES",
    "it_IT": "IT",
    "nl_NL": "NL",
    "sv_SE": "SE",
    "en_IN": "IN",
    "pl_PL": "PL",
}

SENTENCES = [
    ("Hey, it's {name} here — text me at {phone} when you land.", ["name", "phone"]),
    ("Contact for delivery: {phone}. Leave it with the neighbour.", ["phone"]),
    ("Forwarding from {email}: 'please stop calling {phone}'", ["email", "phone"]),
    ("The refund goes to {iban}, account of {name}.", ["iban", "name"]),
    ("Charged twice on {card}!! fix it", ["card"]),
    ("Requests came from {ipv4} between 2 and 3 am.", ["ipv4"]),
    ("IPv6 peer {ipv6} dropped the session", ["ipv6"]),
    ("See my page {url} for the photos.", ["url"]),
    ("Please update my address to {street}.", ["street"]),
    ("Applicant {name}, date of birth {dob}, SSN {ssn}.", ["name", "dob", "ssn"]),
    ("Sincerely,\n{name}\n{street}", ["name", "street"]),
    ("New card holder: {name} / card no {card}", ["name", "card"]),
    ("Mail {email} anytime.", ["email"]),
]
NEUTRAL = [
    "Version {ver} broke the export; rolled back to {ver2}.",
    "Order #{order} of {amount} EUR pending since {ts}.",
    "Parcel {track} stuck in transit, {pct}% of the way.",
    "Checksum {sha} did not match.",
    "Card ending {last4} (expired) was removed.",
    "Invoice INV-{order} for {amount} USD.",
]


def _phone(fake: Faker, region: str) -> str | None:
    raw = fake.phone_number()
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    # Only label what is really a phone number; an extension ("x123") stays outside.
    return raw if phonenumbers.is_valid_number(number) and "x" not in raw else None


_PREFIXES = {
    "mr.",
    "mrs.",
    "ms.",
    "miss",
    "dr.",
    "dr",
    "prof.",
    "herr",
    "frau",
    "mme",
    "m.",
    "sr.",
    "sra.",
    "dhr.",
    "mevr.",
    "sig.",
    "dott.",
    "pan",
    "pani",
    "mx.",
    "shri",
    "smt.",
}


def _strip_prefix(name: str) -> str:
    words = name.split()
    while len(words) > 2 and words[0].lower() in _PREFIXES:
        words = words[1:]
    # Suffixes ("Jr.", "MD", "PhD") are kept: they sit inside the name Faker wrote.
    return " ".join(words)


def _values(fake: Faker, locale: str, rng: random.Random) -> dict[str, str | None]:
    card = fake.credit_card_number()
    iban_value = fake.iban()
    ssn_value = Faker("en_US").ssn()
    birth = fake.date_of_birth(minimum_age=18, maximum_age=90)
    return {
        # The honorific Faker may put first ("Herr", "Dr") is not part of the labelled name.
        "name": _strip_prefix(fake.name())
        if rng.random() < 0.5
        else f"{fake.first_name()} {fake.last_name()}",
        "phone": _phone(fake, REGION[locale]),
        "email": fake.email(),
        "iban": (iban.format(iban_value) if rng.random() < 0.5 else iban_value)
        if iban.is_valid(iban_value)
        else None,
        "card": card if luhn.is_valid(card) else None,
        "ipv4": fake.ipv4_public(),
        "ipv6": fake.ipv6(),
        "url": fake.uri(),
        "street": fake.street_address(),
        "dob": rng.choice(
            [birth.strftime("%d.%m.%Y"), birth.isoformat(), birth.strftime("%B %d, %Y")]
        ),
        "ssn": ssn_value if ssn.is_valid(ssn_value) else None,
    }


TYPE_OF = {
    "name": "PERSON",
    "phone": "PHONE",
    "email": "EMAIL",
    "iban": "IBAN",
    "card": "CARD",
    "ipv4": "IP",
    "ipv6": "IP",
    "url": "URL",
    "street": "ADDRESS",
    "dob": "DOB",
    "ssn": "NATIONAL_ID",
}


def heldout_records(seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    records: list[dict[str, Any]] = []
    for index in range(260):
        locale = LOCALES[index % len(LOCALES)]
        fake = Faker(locale)
        fake.seed_instance(seed * 1000 + index)
        template, slots = SENTENCES[index % len(SENTENCES)]
        values = _values(fake, locale, rng)
        if any(values[s] is None for s in slots):
            continue
        text = template.format(**{k: (val or "") for k, val in values.items()})
        pii = [{"type": TYPE_OF[s], "value": values[s]} for s in slots]
        value: Any = text if index % 2 else {"msg": {"text": text, "lang": locale[:2]}, "n": index}
        records.append({"id": f"ho-{index}", "set": "heldout", "input": value, "pii": pii})
    for index in range(80):
        text = NEUTRAL[index % len(NEUTRAL)].format(
            ver=f"{rng.randint(1, 12)}.{rng.randint(0, 20)}.{rng.randint(0, 999)}",
            ver2=f"v{rng.randint(1, 9)}.{rng.randint(0, 9)}",
            order=rng.randint(10**5, 10**9),
            amount=f"{rng.uniform(1, 9999):.2f}",
            ts=f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 0{rng.randint(0, 9)}:15",
            track=f"1Z{rng.randint(10**15, 10**16)}",
            pct=rng.randint(1, 99),
            sha="".join(rng.choice("0123456789abcdef") for _ in range(40)),
            last4=rng.randint(1000, 9999),
        )
        records.append({"id": f"ho-neutral-{index}", "set": "heldout", "input": text, "pii": []})
    return records
