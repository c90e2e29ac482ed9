"""What a JSON object's key says about the string under it.

`{"full_name": "Chidi Okeke"}` holds a name with no cue in its text: the key is the cue.
A key that names a type makes the whole value one proposal of that type when the value has
the type's shape (a name has no digits, a postcode is short and has one, a birth date has
digits); everything else still goes through the detectors as any text does. Keys are
compared without case and separators (`fullName`, `full_name`, `Full Name` are one key).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from redaction.names import STOP_WORDS, is_common, is_listed_word, is_popular
from redaction.names.keys import compact, person_key
from redaction.names.words import word_set
from redaction.spans import Span

# The keys of a person's name are in names/keys.py (form labels and table headers read
# them too); the keys of the other types:
_STREET = word_set(
    """
    address street streetaddress addressline addressline1 addressline2 address1 address2
    line1 line2 homeaddress postaladdress mailingaddress billingaddress shippingaddress residence
    deliveryaddress strasse adresse anschrift direccion domicilio indirizzo morada endereco
    adres adress ulica adresa cim
    """
)
_POSTCODE = word_set(
    "postcode postalcode zip zipcode plz postleitzahl codepostal cp cap postnummer pincode cep"
)
_DOB = word_set(
    """
    dob dateofbirth birthdate birthday born geburtsdatum datedenaissance fechadenacimiento
    fechanacimiento datadinascita geboortedatum fodelsedatum fodselsdato dataurodzenia
    dogumtarihi datadenascimento syntymaaika
    """
)

# Keys whose value is a national id, a tax number or an identity document's number: the
# value's checksum may be one no detector knows, or none, and the key is the context word.
_NATIONAL_ID = word_set(
    """
    nationalid nid ssn socialsecuritynumber socialsecurity taxid tin taxnumber personalnumber
    personalid personnummer personalidentitycode idnumber idno identitynumber idcard
    documentnumber docnumber passport passportnumber passportno nin nino bsn pesel cpr cpf dni
    nie nif codicefiscale aadhaar aadhar pan sin hetu henkilotunnus tckimlik kimlik kimlikno
    amka cnp emso oib egn jmbg rodnecislo rc curp rfc rut run dui cedula nric fin hkid mykad
    steuerid steueridentifikationsnummer fodselsnummer personnr
    """
)
_NAME_SHAPE = re.compile(r"[^\W\d_][^\W\d_'’.\- ,]*(?:[ '’.\-,]+[^\W\d_]+)*\.?")
_NOT_A_NAME = frozenset(["unknown", "anonymous", "n/a", "na", "none", "null", "test", "guest"])
_POSTCODE_SHAPE = re.compile(r"(?=[^\d]*\d)[A-Za-z0-9][A-Za-z0-9 \-]{1,9}")
_STREET_SHAPE = re.compile(r"(?=.*\d)(?=.*[^\W\d_]).{4,200}", re.DOTALL)
_ID_SHAPE = re.compile(r"(?=(?:[^\d]*\d){5})[A-Za-z0-9][A-Za-z0-9 ./\-]{3,24}[A-Za-z0-9]")
_DATE_SHAPE = re.compile(r"(?=.*\d).{6,32}", re.DOTALL)
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def _kind(key: str) -> str | None:
    person = person_key(key)
    if person is not None:
        return person
    name = compact(key)
    if name in _STREET:
        return "ADDRESS"
    if name in _POSTCODE:
        return "POSTCODE"
    if name in _DOB:
        return "DOB"
    if name in _NATIONAL_ID:
        return "NATIONAL_ID"
    return None


def names_a_type(key: Any) -> bool:
    """Whether `key` is one of the keys this module reads as a hint (remembered per key: the
    JSON walk asks for every string's key)."""
    known = HINTED.get(key)
    if known is None:
        known = type(key) is str and _kind(key) is not None
        if len(HINTED) >= _HINTED_SIZE:
            HINTED.clear()  # a client that sends ever new keys cannot grow it without bound
        HINTED[key] = known
    return known


HINTED: dict[Any, bool] = {}
_HINTED_SIZE = 4096


def field_span(key: str, value: str) -> Span | None:
    """The whole (stripped) value as one span, when `key` names a type and the value fits."""
    kind = _kind(key)
    if kind is None:
        return None
    text = value.strip()
    if not text:
        return None
    start = value.index(text)
    entity = _fits(kind, text)
    return None if entity is None else Span(start, start + len(text), entity)


def _loosely_a_name(words: list[str]) -> bool:
    if any(w.lower() in STOP_WORDS for w in words) or not any(w[:1].isupper() for w in words):
        return False
    if all(not is_common(w) or is_popular(w) for w in words):
        return True
    return any(is_listed_word(w) and not is_common(w) for w in words)


def _fits(kind: str, text: str) -> str | None:
    if kind in ("PERSON", "PERSON?"):
        if len(text) > 80 or "@" in text or not _NAME_SHAPE.fullmatch(text):
            return None
        words = _WORD.findall(text)
        if not words or len(words) > 6 or text.lower() in _NOT_A_NAME:
            return None
        if kind == "PERSON?" and not _loosely_a_name(words):
            return None  # {"name": "AirPods Pro"}: a loose key takes capitalised names only
        return "PERSON"
    if kind == "ADDRESS":
        return "ADDRESS" if _STREET_SHAPE.fullmatch(text) else None
    if kind == "POSTCODE":
        return "ADDRESS" if _POSTCODE_SHAPE.fullmatch(text) else None
    if kind == "NATIONAL_ID":
        return "NATIONAL_ID" if _ID_SHAPE.fullmatch(text) else None
    return "DOB" if _DATE_SHAPE.fullmatch(text) else None
