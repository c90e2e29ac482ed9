"""The webhook signature: what hitl sends and what a receiver checks.

    X-Hitl-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, f"{t}.{body}")>

The timestamp is inside the signed text, so a captured request cannot be replayed
later with a fresh `t`; receivers refuse a `t` older than their tolerance. During a
secret rotation the header carries one `v1=` per live secret (new first), so a
receiver still holding the old secret keeps verifying until it switches.

This module imports nothing from Django: a receiver written in Python may copy it.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Sequence

SIGNATURE_HEADER = "X-Hitl-Signature"
EVENT_HEADER = "X-Hitl-Event"
DELIVERY_HEADER = "X-Hitl-Delivery"
SCHEME = "v1"
DEFAULT_TOLERANCE_S = 300


class SignatureError(ValueError):
    """The signature header is missing, malformed, stale, or matches no secret."""


def _as_bytes(value: str | bytes) -> bytes:
    return value.encode() if isinstance(value, str) else value


def compute_signature(*, secret: str, timestamp: int, body: str | bytes) -> str:
    """Hex HMAC-SHA256 of `"{timestamp}.{body}"` under `secret`."""
    message = f"{timestamp}.".encode() + _as_bytes(body)
    return hmac.new(_as_bytes(secret), message, hashlib.sha256).hexdigest()


def signature_header(*, secrets: Sequence[str], body: str | bytes, timestamp: int) -> str:
    """The header value: `t=…,v1=…[,v1=…]`, one v1 per secret, in the order given."""
    if not secrets:
        raise ValueError("at least one secret is needed to sign")
    parts = [f"t={timestamp}"]
    parts += [
        f"{SCHEME}={compute_signature(secret=s, timestamp=timestamp, body=body)}" for s in secrets
    ]
    return ",".join(parts)


def _parse(header: str) -> tuple[int, list[str]]:
    timestamp: int | None = None
    signatures: list[str] = []
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            raise SignatureError("malformed signature header")
        if key == "t":
            if timestamp is not None or not value.isdigit():
                raise SignatureError("malformed timestamp")
            timestamp = int(value)
        elif key == SCHEME:
            signatures.append(value)
        # Other schemes are ignored, so a later v2 can be added beside v1.
    if timestamp is None:
        raise SignatureError("no timestamp in the signature header")
    if not signatures:
        raise SignatureError(f"no {SCHEME} signature in the header")
    return timestamp, signatures


def verify_signature(
    *,
    secret: str,
    header: str,
    body: str | bytes,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
    now: float | None = None,
) -> int:
    """Check a received webhook; return its timestamp or raise SignatureError.

    `body` must be the raw request body exactly as received (not re-serialized JSON).
    A timestamp more than `tolerance_s` away from `now` (either side, for clock skew)
    is refused, so a captured request cannot be replayed after that window; within it,
    receivers deduplicate by the X-Hitl-Delivery id.
    """
    if not header:
        raise SignatureError("no signature header")
    timestamp, signatures = _parse(header)
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance_s:
        raise SignatureError("timestamp outside the tolerance (stale or replayed)")
    expected = compute_signature(secret=secret, timestamp=timestamp, body=body)
    # compare_digest on every candidate: the time taken does not say which one was close.
    matches = [hmac.compare_digest(expected, candidate) for candidate in signatures]
    if not any(matches):
        raise SignatureError("signature does not match")
    return timestamp
