"""PII redaction: typed detectors and one engine that masks them in text and JSON.

from redaction import redact
redacted, counts = redact({"note": "Call +44 20 7946 0958"}, entities=["PHONE"])
# redacted == {"note": "Call [PHONE]"}, counts == {"PHONE": 1}
"""

from __future__ import annotations

from redaction.engine import Redacted, find_spans, normalise_entities, redact, redact_text
from redaction.spans import ENTITY_TYPES, Span

__all__ = [
    "ENTITY_TYPES",
    "Redacted",
    "Span",
    "find_spans",
    "normalise_entities",
    "redact",
    "redact_text",
]
