"""The dev corpus: templates, hard cases and decoys the detectors were tuned on."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import values as v

FIRST = [
    "John",
    "Maria",
    "Anna",
    "Lukas",
    "Sophie",
    "Giulia",
    "Pablo",
    "Emma",
    "Lars",
    "Priya",
    "Thomas",
    "Claire",
    "Marco",
    "Sanne",
    "Ahmed",
    "Olivia",
    "Jean",
    "Carmen",
    "Erik",
    "Rahul",
]
LAST = [
    "Smith",
    "Müller",
    "García",
    "Rossi",
    "de Vries",
    "Andersson",
    "Dubois",
    "Sharma",
    "Johnson",
    "Schneider",
    "Fernández",
    "Bianchi",
    "Jansen",
    "Lindqvist",
    "Martin",
    "Patel",
]
STREETS = [
    "221B Baker Street",
    "1600 Pennsylvania Avenue NW",
    "42 Elm Rd.",
    "7 Church Lane",
    "350 Fifth Avenue",
    "12 Rose Court",
    "Hauptstraße 12",
    "Musterstr. 7",
    "Kerkstraat 5a",
    "Storgatan 3",
    "10 rue de la Paix",
    "3 bis, avenue Victor Hugo",
    "Calle Mayor 5",
    "Via Roma 12",
    "Piazza della Signoria 4",
    "Prinsengracht 263",
    "88 Queen's Road",
    "15 Sunset Boulevard",
    "Lindenallee 44",
    "Drottninggatan 71",
]
POSTCODES = ["SW1A 1AA", "NW1 6XE", "EC1A 1BB", "M1 1AE"]
DOB_DATES = [
    "12 March 1985",
    "1985-03-12",
    "03.04.1990",
    "12/07/1978",
    "March 12, 1985",
    "4. Mai 1972",
    "15 mars 1969",
    "21 de junio de 1990",
    "7 luglio 1983",
    "1999-12-31",
]
EMAILS = [
    "jane.doe@example.com",
    "j.smith+billing@mail.co.uk",
    "lukas.mueller@firma.de",
    "maria_garcia85@correo.es",
    "priya.s@company.in",
    "info-desk@sub.domain.org",
]
OBFUSCATED = [
    "jane at example dot com",
    "jane(at)example(dot)com",
    "jane [at] example [dot] de",
    "marco.rossi (at) posta (dot) it",
    "sanne AT bedrijf DOT nl",
    "lars {at} firma.se",
]
URLS = [
    "https://example.com/profile/jane",
    "http://www.example.org/u?id=123",
    "www.my-site.de/kontakt",
    "https://portal.example.com/a/b?ref=mail&x=1",
    "ftp://files.example.net/pub/report.pdf",
]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


MAKERS: dict[str, Callable[[random.Random], str]] = {
    "EMAIL": lambda r: r.choice(EMAILS + OBFUSCATED),
    "PHONE": v.phone,
    "CARD": v.card,
    "IBAN": v.iban_value,
    "SSN": v.ssn,
    "ESID": lambda r: r.choice([v.es_dni, v.es_nie])(r),
    "FRNIR": v.fr_nir,
    "ITCF": v.it_cf,
    "BSN": v.nl_bsn,
    "SEPNR": v.se_pnr,
    "AADHAAR": v.aadhaar,
    "NINO": v.nino,
    "PAN": v.pan,
    "IP4": v.ipv4,
    "IP6": v.ipv6,
    "URL": lambda r: r.choice(URLS),
    "DOB": lambda r: r.choice(DOB_DATES),
    "STREET": lambda r: r.choice(STREETS),
    "POSTCODE": lambda r: r.choice(POSTCODES),
    "PERSON": _name,
}
TYPE_OF = {
    "SSN": "NATIONAL_ID",
    "ESID": "NATIONAL_ID",
    "FRNIR": "NATIONAL_ID",
    "ITCF": "NATIONAL_ID",
    "BSN": "NATIONAL_ID",
    "SEPNR": "NATIONAL_ID",
    "AADHAAR": "NATIONAL_ID",
    "NINO": "NATIONAL_ID",
    "PAN": "NATIONAL_ID",
    "IP4": "IP",
    "IP6": "IP",
    "STREET": "ADDRESS",
    "POSTCODE": "ADDRESS",
}

TEMPLATES = [
    "Please call me back on {PHONE} after 5pm.",
    "Customer wrote: my number is {PHONE}, email {EMAIL}.",
    "Tel.: {PHONE} / Fax: {PHONE}",
    "Refund to card {CARD} declined, please retry.",
    "Pay to IBAN {IBAN} before the 30th.",
    "Kontoinhaber {PERSON}, IBAN: {IBAN}",
    "SSN {SSN} on file for the applicant.",
    "DNI/NIE: {ESID}",
    "Numéro de sécurité sociale : {FRNIR}",
    "Codice fiscale {ITCF} del cliente",
    "BSN {BSN} van de aanvrager",
    "Personnummer {SEPNR}",
    "Aadhaar: {AADHAAR}, PAN {PAN}",
    "NI number {NINO} confirmed",
    "Login from {IP4} flagged, previous {IP6}",
    "Profile at {URL} was edited.",
    "Patient born {DOB}, admitted yesterday.",
    "DOB: {DOB}",
    "Geburtsdatum {DOB}",
    "née le {DOB} à Lyon",
    "Ship to {STREET}, London {POSTCODE}",
    "Address: {STREET}",
    "Dear {PERSON}, your order has shipped.",
    "Mr. {PERSON} complained about the delay.",
    "Kind regards,\n{PERSON}",
    "Name: {PERSON}\nEmail: {EMAIL}\nPhone: {PHONE}",
    "Spoke with {PERSON} ({EMAIL}) about card {CARD}.",
    "{PERSON} lives at {STREET} and can be reached at {PHONE}.",
    "Write to {EMAIL} or ring {PHONE}.",
    "Transfer from {IBAN} (holder {PERSON}) to account 12-3456.",
]

DECOYS = [
    "Order 0301234567 was shipped on 2024-03-15 at 14:32:10.",
    "Invoice #20240115 total 1,234.56 EUR, due 15.02.2024.",
    "SKU AB-1234-XY restocked (qty 250).",
    "Tracking number 1Z999AA10123456784 via UPS.",
    "Commit 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b fixed it.",
    "Upgraded to version 10.0.19045 and v1.2.3 of the client.",
    "Running build 4.2.0.1 on Windows.",
    "Firmware v1.2.3.4 is out.",
    "Amount 4 111 111.11 USD transferred.",
    "Case 2024-000123 opened; priority 2.",
    "Timestamp 2024-05-01T10:22:33Z, latency 123.45 ms.",
    "Reference 4111 1111 1111 1112 is not a real card.",
    "The meeting is on 12.03.2024 at 10:30 in room 4.12.",
    "Population 8336817 as of 2020.",
    "ISBN 978-3-16-148410-0 in stock.",
    "Error 0x80070005 when starting service.",
    "Page 12 of 300, chapter 4.",
    "Temperature 21.5°C, humidity 45%.",
    "Look at example.com for details.",
    "Dear Customer, thanks for your order.",
    "Hi Team, the report is ready.",
    "Meet me at noon dot then we go.",
    "Order ORD-2024-88812 for 3 items.",
    "Lot 4521-7789-0012 expired.",
]

PLAIN = [
    "The model was uncertain about this transaction because of the unusual amount.",
    "Great product, arrived on time and works as described.",
    "I would like to cancel my subscription effective next month.",
    "The package was damaged and the box was wet.",
    "Can you explain why my claim was rejected?",
    "Der Artikel ist leider defekt angekommen.",
    "Le produit ne correspond pas à la description.",
    "El pedido llegó tarde pero en buen estado.",
    "Il servizio clienti è stato molto disponibile.",
    "Het pakket is nooit aangekomen.",
    "Produkten fungerar inte som utlovat.",
    "Loan application for a mortgage in the EU slice, score 0.73.",
    "Hello, the app crashes when I open settings on Android 14.",
    "Please escalate: the customer disputes 3 charges from March.",
]

HARD: list[dict[str, Any]] = [
    {
        "input": "Visit https://shop.example.com/pay?card=4111111111111111 to finish.",
        "pii": [{"type": "URL", "value": "https://shop.example.com/pay?card=4111111111111111"}],
    },
    {
        "input": "mailto jane.doe@example.com, then (+1) is not a number",
        "pii": [{"type": "EMAIL", "value": "jane.doe@example.com"}],
    },
    {
        "input": "Mein Handy: 0171 1234567, Festnetz 030 12345678.",
        "pii": [
            {"type": "PHONE", "value": "0171 1234567"},
            {"type": "PHONE", "value": "030 12345678"},
        ],
    },
    {
        "input": "Appelez le 06 12 34 56 78 ou le +33 1 42 68 53 00.",
        "pii": [
            {"type": "PHONE", "value": "06 12 34 56 78"},
            {"type": "PHONE", "value": "+33 1 42 68 53 00"},
        ],
    },
    {
        "input": "Call (212) 555-0123 or 0049 30 1234567.",
        "pii": [
            {"type": "PHONE", "value": "(212) 555-0123"},
            {"type": "PHONE", "value": "0049 30 1234567"},
        ],
    },
    {
        "input": "John F. Kennedy and Ludwig van Beethoven were mentioned.",
        "pii": [
            {"type": "PERSON", "value": "John F. Kennedy"},
            {"type": "PERSON", "value": "Ludwig van Beethoven"},
        ],
    },
    {
        "input": "Server at 10.0.0.12:8080 and [2001:db8::1]:443 responded.",
        "pii": [{"type": "IP", "value": "10.0.0.12"}, {"type": "IP", "value": "2001:db8::1"}],
    },
    {
        "input": {
            "customer": {
                "name": "Anna Schmidt",
                "contacts": [{"email": "anna@example.de"}, {"phone": "+49 89 12345678"}],
            },
            "amount": 120.5,
            "tags": ["vip", "eu"],
        },
        "pii": [
            {"type": "PERSON", "value": "Anna Schmidt"},
            {"type": "EMAIL", "value": "anna@example.de"},
            {"type": "PHONE", "value": "+49 89 12345678"},
        ],
    },
    {
        "input": "born 12 May 1985, joined 03.04.2020",
        "pii": [{"type": "DOB", "value": "12 May 1985"}],
    },
]


def _fill(template: str, rng: random.Random) -> tuple[str, list[dict[str, str]]]:
    pii: list[dict[str, str]] = []

    def sub(match: re.Match[str]) -> str:
        slot = match.group(1)
        value = MAKERS[slot](rng)
        pii.append({"type": TYPE_OF.get(slot, slot), "value": value})
        return value

    return re.sub(r"\{(\w+)\}", sub, template), pii


def dev_records(rng: random.Random) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for round_ in range(8):
        for index, template in enumerate(TEMPLATES):
            text, pii = _fill(template, rng)
            value: Any = text
            if round_ % 3 == 1:  # some records as JSON: nested objects and arrays
                value = {
                    "ticket": {"body": text, "lines": [text[:0] or "n/a", {"note": "ok"}]},
                    "score": 0.42,
                }
            records.append(
                {"id": f"dev-t{round_}-{index}", "set": "dev", "input": value, "pii": pii}
            )
    for index, text in enumerate(DECOYS):
        records.append({"id": f"dev-decoy-{index}", "set": "dev", "input": text, "pii": []})
    for index, text in enumerate(PLAIN):
        records.append({"id": f"dev-plain-{index}", "set": "dev", "input": text, "pii": []})
    for index in range(30):  # invalid cards and IBANs inside text: must survive
        bad_card = v.card(rng, valid=False)
        bad_iban = v.iban_value(rng, valid=False)
        text = f"Declined: card {bad_card} (Luhn fails), IBAN {bad_iban} rejected."
        records.append({"id": f"dev-invalid-{index}", "set": "dev", "input": text, "pii": []})
    for index, record in enumerate(HARD):
        records.append({"id": f"dev-hard-{index}", "set": "dev", **record})
    return records
