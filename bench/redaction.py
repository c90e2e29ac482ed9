"""Redaction benchmark (SPEC §9: redaction ≥ 5 MB/s per core) and the quality tables.

    python bench/redaction.py [--mb 10] [--pii-share 0.2] [--rounds 3] [--profile]

1. Builds two sets of JSON inputs and redacts each with every entity type on, in this one
   process (one core), `--rounds` times; prints MB/s of input JSON per CPU second (median
   and best round: other processes share this machine) and µs per input:
   (a) "mixed": ~1 KB tickets (free text with order numbers, timestamps, versions, hashes,
       metadata, scores), a `--pii-share` of them with emails, phone numbers, cards, IBANs,
       ids, addresses, names and birth dates inside;
   (b) "model input": ~0.7 KB predictions without PII, as ingest sees them once per
       prediction: short enum-like fields, amounts, counts, ISO timestamps, request ids,
       feature vectors, a short free-text note.
   Every timestamp, id and amount is drawn per input: real inputs do not repeat them, and
   the engine remembers short clean strings (enum-like values) between calls.
2. Prints per-type recall, precision and leak rate on the labelled dev and held-out corpora.
With --profile it also prints the functions with the most time of their own (cProfile) on
the mixed inputs.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audit.redaction import redact  # noqa: E402 - after the path set-up above
from audit.redaction.scoring import score, table  # noqa: E402

TARGET_MB_S = 5.0
CORPORA = Path(__file__).resolve().parent.parent / "tests" / "audit" / "redaction"

WORDS = [
    "the",
    "customer",
    "said",
    "that",
    "the",
    "package",
    "arrived",
    "late",
    "and",
    "the",
    "item",
    "was",
    "damaged",
    "so",
    "they",
    "want",
    "a",
    "refund",
    "or",
    "a",
    "replacement",
    "as",
    "soon",
    "as",
    "possible",
    "please",
    "check",
    "the",
    "order",
    "history",
    "and",
    "the",
    "payment",
    "status",
    "before",
    "approving",
    "model",
    "confidence",
    "was",
    "low",
    "because",
    "the",
    "description",
    "mentions",
    "several",
    "products",
    "and",
    "an",
    "unusual",
    "shipping",
    "route",
    "der",
    "Kunde",
    "möchte",
    "eine",
    "Erstattung",
    "le",
    "client",
    "demande",
    "un",
    "remboursement",
    "el",
    "cliente",
    "quiere",
    "un",
    "reembolso",
]
PII = [
    "mail me at jane.doe@example.com",
    "call +44 20 7946 0958 or 030 12345678",
    "card 4111 1111 1111 1111 was charged",
    "IBAN DE89 3704 0044 0532 0130 00",
    "SSN 536-90-4399",
    "lives at 221B Baker Street, London NW1 6XE",
    "Dear Mr. John Smith,",
    "from 192.168.10.20",
    "born 12 March 1985",
]
NEUTRAL = [
    "order 84723911 shipped 2024-05-01T10:22:33Z",
    "total 1,234.56 EUR",
    "version 10.0.19045",
    "SKU AB-1234-XY",
    "sha 9f86d081884c7d659a2feaa0c55ad015",
]


def _timestamp(rng: random.Random) -> str:
    return (
        f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
        f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
    )


def make_inputs(total_bytes: int, pii_share: float, rng: random.Random) -> list[dict[str, object]]:
    """(a) Tickets of ~1 KB, a `pii_share` of them with PII in the body."""
    inputs: list[dict[str, object]] = []
    size = 0
    while size < total_bytes:
        words = rng.choices(WORDS, k=rng.randint(80, 160))
        for _ in range(rng.randint(0, 3)):
            words.insert(rng.randrange(len(words)), rng.choice(NEUTRAL))
        if rng.random() < pii_share:
            for _ in range(rng.randint(1, 3)):
                words.insert(rng.randrange(len(words)), rng.choice(PII))
        item = {
            "ticket": {"subject": " ".join(rng.choices(WORDS, k=6)), "body": " ".join(words)},
            "meta": {
                "channel": rng.choice(["email", "chat", "phone"]),
                "lang": "en",
                "created": _timestamp(rng),
                "id": rng.randint(10**6, 10**9),
            },
            "scores": [round(rng.random(), 3) for _ in range(3)],
        }
        size += len(json.dumps(item).encode())
        inputs.append(item)
    return inputs


NOTES = ["", "", "manual review requested", "Customer is a returning buyer", "velocity check"]


def make_model_inputs(total_bytes: int, rng: random.Random) -> list[dict[str, object]]:
    """(b) Model inputs without PII: enums, numbers, timestamps, ids, a short note."""
    inputs: list[dict[str, object]] = []
    size = 0
    while size < total_bytes:
        item = {
            "model": "fraud-screening",
            "model_version": rng.choice(["3.2.0", "3.2.1", "3.3.0-rc1"]),
            "request_id": f"{rng.getrandbits(128):032x}",
            "created_at": _timestamp(rng),
            "prediction": {
                "label": rng.choice(["approve", "review", "decline"]),
                "confidence": round(rng.random(), 4),
            },
            "features": {
                "amount": round(rng.uniform(1, 5000), 2),
                "currency": rng.choice(["EUR", "USD", "GBP", "SEK", "PLN", "INR"]),
                "country": rng.choice(["DE", "FR", "US", "GB", "SE", "ES", "IT", "NL", "PL"]),
                "channel": rng.choice(["web", "ios", "android", "pos"]),
                "merchant_category": rng.choice(["grocery", "travel", "electronics", "fashion"]),
                "customer_segment": rng.choice(["consumer", "smb", "enterprise"]),
                "account_age_days": rng.randint(0, 4000),
                "txn_count_24h": rng.randint(0, 40),
                "is_first_purchase": rng.random() < 0.1,
                "risk_flags": rng.sample(["new_device", "ip_mismatch", "high_amount", "night"], 2),
                "embedding": [round(rng.uniform(-1, 1), 4) for _ in range(8)],
            },
            "note": rng.choice(NOTES),
        }
        size += len(json.dumps(item).encode())
        inputs.append(item)
    return inputs


def measure(label: str, inputs: list[Any], rounds: int) -> None:
    total = sum(len(json.dumps(i).encode()) for i in inputs)
    rates, masked = [], 0
    for _ in range(rounds):
        start = time.process_time()
        masked = sum(sum(redact(item).counts.values()) for item in inputs)
        rates.append(total / 1e6 / (time.process_time() - start))
    median = statistics.median(rates)
    print(
        f"{label}: {len(inputs):,} JSON inputs, {total / 1e6:.1f} MB, every entity type, one core"
    )
    print(
        f"  {median:.2f} MB/s of CPU time (median of {rounds}; best {max(rates):.2f}), "
        f"{total / len(inputs) / median:.0f} µs CPU per input, {masked:,} values masked"
    )
    verdict = "PASS" if median >= TARGET_MB_S else "MISS"
    print(f"  target ≥ {TARGET_MB_S} MB/s per core: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="MB of JSON input per set")
    parser.add_argument("--pii-share", type=float, default=0.2, help="share of inputs with PII")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per set")
    parser.add_argument("--profile", action="store_true", help="print a cProfile breakdown")
    args = parser.parse_args()

    mixed = make_inputs(int(args.mb * 1e6), args.pii_share, random.Random(1))
    model = make_model_inputs(int(args.mb * 1e6), random.Random(2))
    redact(mixed[0])  # load the name list and compile the patterns outside the timing
    measure(f"redaction (a) mixed, {args.pii_share:.0%} with PII", mixed, args.rounds)
    measure("redaction (b) model input without PII", model, args.rounds)

    if args.profile:
        profile: Callable[[], object] = lambda: [redact(item) for item in mixed[:2000]]  # noqa: E731
        profiler = cProfile.Profile()
        profiler.runcall(profile)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)

    for name in ("corpus", "heldout"):
        path = CORPORA / f"{name}.jsonl"
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        scores, _ = score(records)
        print(f"\nquality on {path.name} ({len(records)} records):")
        print(table(scores))


if __name__ == "__main__":
    main()
