"""What every detector returns: typed character spans, and the helpers they share."""

from __future__ import annotations

import re
from typing import NamedTuple

from redaction.literals import expand, trie

#: Every entity type the engine knows, in tie-break order: when two overlapping detections
#: are equally long, the earlier type is the more specific one and names the mask.
ENTITY_TYPES: tuple[str, ...] = (
    "EMAIL",
    "URL",
    "IBAN",
    "CARD",
    "NATIONAL_ID",
    "IP",
    "PHONE",
    "DOB",
    "ADDRESS",
    "PERSON",
)
SPECIFICITY = {name: rank for rank, name in enumerate(ENTITY_TYPES)}


class Span(NamedTuple):
    """One detection: text[start:end] is a value of type `entity`."""

    start: int
    end: int
    entity: str


def preceding(text: str, start: int, width: int = 40) -> str:
    """The `width` characters before `start`, lower-cased: where context words are looked for."""
    return text[max(0, start - width) : start].lower()


def has_context(pattern: re.Pattern[str], text: str, start: int, width: int = 40) -> bool:
    return pattern.search(preceding(text, start, width)) is not None


def digits_of(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


#: Words that, right before a number, say it is a reference of ours and not a person's:
#: "order 0301234567", "Invoice #20240115", "tracking no. 1Z999…". A decoy context only ever
#: vetoes the weak detectors (national phone numbers, context-free national ids).
_DECOY_WORDS = (
    r"order|invoice|inv|ref|reference|tracking|sku|ticket|case|serial|build|version|ver"
    r"|release|batch|lot|item|product|part|po|transaction|txn|receipt|booking|confirmation"
    r"|shipment|parcel|barcode|ean|isbn|hash|commit|rev|revision|bestellnummer|rechnung"
    r"|commande|facture|pedido|factura|ordine|fattura|waybill|awb|consignment|shipping"
    r"|dhl|fedex|ups|usps|gls|dpd|upc|gtin|asin|imei|vin|account|acct|customer id"
    r"|customer number|customer no|client id|member|membership|policy|claim|contract|loan"
    r"|meter|id|uuid|sn|issue|bug|pr|job|run|task|request|req|session|pid|port|code|pin|otp"
    r"|qty|quantity|amount|total|price|sum|balance|kundennummer|auftrag|sendungsnummer"
    r"|ordrenummer|ordrenr|tilausnumero|numéro de commande|nº|faktura|faktury|fakturę"
    r"|fakturanummer|rechnungsnummer|klantnummer|klantnr|paket|paketnummer|contrat|contratto"
    r"|contrato|employee|staff|personnel|sscc|mrn|patient id|reservation|voucher|coupon"
    r"|subscription|abo|abonnement|kundennr|kunden-nr|mitgliedsnummer|vertrag|vertragsnummer"
)
# As a trie (literals.py): the same words, one character per level instead of one
# branch per word at every position the search tries.
DECOY_CONTEXT = re.compile(
    rf"(?:{trie(expand(_DECOY_WORDS))})"
    r"\b\s*(?:(?:no\.?|nr\.?|n°|number|num\.?|#|:|-)\s*)*$"
)

#: Right before a digit run, the start of an IBAN ("DE12 0340 9328 …", "GB33 BUKB 2020 …"):
#: the run is the tail of a bank account whose checksum failed, not a phone or card number.
IBAN_HEAD = re.compile(r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4})* ?$")
