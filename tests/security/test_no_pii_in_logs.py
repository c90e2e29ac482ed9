"""No personal data in log output (SPEC §6): ingest predictions full of PII with every
logger turned up to DEBUG, and grep what was logged for the values."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from accounts.models import User
from reviews.queues.models import Queue
from tests.factories import prediction_body

EMAIL = "grace.hopper@example.net"
PHONE = "+1 415 555 0132"
CARD = "5555 5555 5555 4444"
IBAN = "DE89 3704 0044 0532 0130 00"
PII = (EMAIL, PHONE, CARD, IBAN, "5555555555554444", "DE89370400440532013000")
INPUT = {
    "message": f"I am {EMAIL}, phone {PHONE}",
    "payment": {"card": CARD, "iban": IBAN},
}


class Everything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))  # message, args and any traceback


@pytest.fixture
def logged() -> Iterator[Everything]:
    """Every logger at DEBUG, as with LOG_LEVEL=DEBUG, each one captured (django's own do
    not propagate to the root). The one exception is SQL: see the test below."""
    handler = Everything()
    loggers = [logging.getLogger()] + [
        logging.getLogger(name)
        for name in list(logging.root.manager.loggerDict)
        if not name.startswith("django.db.backends")
    ]
    saved = [(logger, logger.level) for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        for logger, level in saved:
            logger.removeHandler(handler)
            logger.setLevel(level)


def test_sql_statements_with_their_parameters_are_never_logged() -> None:
    """Django logs each SQL statement with its parameters (raw_input among them) at DEBUG
    on django.db.backends; the settings pin that logger above DEBUG whatever LOG_LEVEL says."""
    level = settings.LOGGING["loggers"]["django.db.backends"]["level"]

    assert logging.getLevelName(level) > logging.DEBUG


def test_an_ingest_full_of_pii_logs_none_of_it(
    logged: Everything,
    queue: Queue,
    api: Any,
    admin_user: User,
    outsider: User,
    api_as: Any,
) -> None:
    good = prediction_body(queue, input=INPUT, output={"label": "approve", "confidence": 0.3})
    bad_label = prediction_body(queue, input=INPUT, output={"label": "nope", "confidence": 0.3})
    conflict = {**good, "input": {**INPUT, "extra": EMAIL}}
    bulk = {"items": [prediction_body(queue, input=INPUT) for _ in range(3)] + [bad_label]}

    assert api.post("/api/v1/predictions/", good, format="json").status_code == 201
    assert api.post("/api/v1/predictions/", good, format="json").status_code == 200
    assert api.post("/api/v1/predictions/", conflict, format="json").status_code == 409
    assert api.post("/api/v1/predictions/", bad_label, format="json").status_code == 400
    assert api.post("/api/v1/predictions/bulk/", bulk, format="json").status_code == 200
    item_id = api.post("/api/v1/predictions/", good, format="json").json()["id"]
    # The paths that touch the raw input: a refused reveal, a reveal, and the review page.
    raw = f"/api/v1/predictions/{item_id}/raw/"
    assert api_as(outsider).post(raw, {"reason": "x"}, format="json").status_code == 404
    assert api_as(admin_user).post(raw, {"reason": "check"}, format="json").status_code == 200
    browser = Client()
    browser.force_login(admin_user)
    assert browser.get(f"/queues/{queue.slug}/review/").status_code == 200

    output = "\n".join(logged.lines)
    assert "Not Found" in output and "Bad Request" in output  # the capture works
    leaked = [value for value in PII if value in output]
    assert leaked == [], output
