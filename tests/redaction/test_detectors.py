"""Each detector on its own: values it must mask and decoys it must leave alone."""

from __future__ import annotations

import pytest
from stdnum import iban, luhn

from redaction import find_spans, redact_text


def masked(text: str, entity: str) -> list[str]:
    return [text[s.start : s.end] for s in find_spans(text, [entity]) if s.entity == entity]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mail jane.doe@example.com now", "jane.doe@example.com"),
        ("write jane at example dot com", "jane at example dot com"),
        ("write jane(at)example(dot)com", "jane(at)example(dot)com"),
        ("write jane [at] example [dot] com", "jane [at] example [dot] com"),
    ],
)
def test_email_plain_and_obfuscated(text: str, value: str) -> None:
    assert masked(text, "EMAIL") == [value]


@pytest.mark.parametrize(
    "text", ["Look at example.com for details.", "meet at noon dot then", "a@b"]
)
def test_email_decoys(text: str) -> None:
    assert masked(text, "EMAIL") == []


@pytest.mark.parametrize(
    "value",
    [
        "+44 20 7946 0958",
        "(212) 555-0123",
        "030 12345678",
        "06 12 34 56 78",
        "0049 30 1234567",
        "+49 (0)30 1234567",
        "612 345 678",
    ],
)
def test_phone_formats(value: str) -> None:
    assert masked(f"call {value} today", "PHONE") == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Order 0301234567 shipped",
        "at 2024-05-01 10:22:33",
        "on 12.03.2024 at 10:30",
        "total 4 111 111.11 USD",
        "version 10.0.19045",
        "population 8336817",
    ],
)
def test_phone_decoys(text: str) -> None:
    assert masked(text, "PHONE") == []


def test_card_requires_luhn_and_accepts_spaces_and_dashes() -> None:
    assert luhn.is_valid("4111111111111111") and not luhn.is_valid("4111111111111112")
    assert masked("card 4111 1111 1111 1111.", "CARD") == ["4111 1111 1111 1111"]
    assert masked("card 4111-1111-1111-1111.", "CARD") == ["4111-1111-1111-1111"]
    assert masked("card 4111 1111 1111 1112.", "CARD") == []
    assert redact_text("ref 4111 1111 1111 1112 ok")[0] == "ref 4111 1111 1111 1112 ok"


def test_iban_checksum_with_and_without_spaces() -> None:
    assert iban.is_valid("DE89370400440532013000")
    assert masked("to DE89 3704 0044 0532 0130 00 THEN", "IBAN") == ["DE89 3704 0044 0532 0130 00"]
    assert masked("to GB82WEST12345698765432.", "IBAN") == ["GB82WEST12345698765432"]
    assert masked("to DE89 3704 0044 0532 0130 01", "IBAN") == []


@pytest.mark.parametrize(
    "text",
    [
        "SSN 536-90-4399",
        "NINO AB 12 34 56 C",
        "DNI 12345678Z",
        "CF RSSMRA85T10A562S",
        "PAN ABCPE1234F",
        "BSN 111222333",
        "personnummer 811218-9876",
    ],
)
def test_national_ids(text: str) -> None:
    assert masked(text, "NATIONAL_ID") == [text.split(" ", 1)[1]]


def test_weak_national_ids_need_context() -> None:
    assert masked("BSN 111222333", "NATIONAL_ID") == ["111222333"]
    assert masked("qty 111222333", "NATIONAL_ID") == []
    assert masked("SSN 000-12-3456", "NATIONAL_ID") == []  # area 000 is never issued


def test_ip_v4_v6_and_versions() -> None:
    assert masked("from 192.168.1.20 and 2001:db8::8a2e:370:7334.", "IP") == [
        "192.168.1.20",
        "2001:db8::8a2e:370:7334",
    ]
    assert masked("v1.2.3.4, version 10.0.19045.1, 999.1.1.1, 12:30:45", "IP") == []


def test_url_without_trailing_punctuation() -> None:
    assert masked("see https://example.com/a?b=1.", "URL") == ["https://example.com/a?b=1"]


def test_dob_needs_birth_context_and_takes_first_date_only() -> None:
    assert masked("born 12 May 1985, joined 03.04.2020", "DOB") == ["12 May 1985"]
    assert masked("Geb. 03.04.1990", "DOB") == ["03.04.1990"]
    assert masked("meeting on 12.03.2024", "DOB") == []


def test_address_street_lines_and_postcodes() -> None:
    text = "221B Baker Street, London NW1 6XE; Hauptstraße 12, 10115 Berlin; 10 rue de la Paix"
    assert masked(text, "ADDRESS") == [
        "221B Baker Street",
        "NW1 6XE",
        "Hauptstraße 12",
        "10115",
        "10 rue de la Paix",
    ]
    assert masked("I have 3 dogs on the way home", "ADDRESS") == []


def test_person_cues_and_first_names() -> None:
    text = "Dear Mr. Smith, John Smith called. Regards, Anna Müller"
    assert masked(text, "PERSON") == ["Smith", "John Smith", "Anna Müller"]
    assert masked("Dear Customer, Hi Team, Will you call?", "PERSON") == []


def test_overlap_longest_wins_card_inside_url() -> None:
    text = "pay at https://shop.example.com/?card=4111111111111111 now"
    assert [s.entity for s in find_spans(text)] == ["URL"]
    assert redact_text(text)[0] == "pay at [URL] now"
