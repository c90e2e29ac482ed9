"""Redaction benchmark (SPEC §9: redaction ≥ 5 MB/s per core) and the quality tables.

    python bench/redaction.py [--mb 20] [--pii-share 0.2] [--profile]

1. Builds a realistic mix of JSON inputs (~1 KB each: ticket text, metadata, numbers,
   timestamps, ids), most without PII, a `--pii-share` of them with emails, phone numbers,
   cards, IBANs, ids, addresses and names inside.
2. Redacts them all with every entity type on, in this one process (one core), and prints
   MB/s of input JSON and µs per input.
3. Prints per-type recall, precision and leak rate on the labelled dev and held-out corpora.
With --profile it also prints the functions with the most time of their own (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import sys
import time
from pathlib import Path

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


def make_inputs(total_bytes: int, pii_share: float, rng: random.Random) -> list[dict[str, object]]:
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
                "created": "2024-05-01T10:22:33Z",
                "id": rng.randint(10**6, 10**9),
            },
            "scores": [round(rng.random(), 3) for _ in range(3)],
        }
        size += len(json.dumps(item).encode())
        inputs.append(item)
    return inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="MB of JSON input to redact")
    parser.add_argument("--pii-share", type=float, default=0.2, help="share of inputs with PII")
    parser.add_argument("--profile", action="store_true", help="print a cProfile breakdown")
    args = parser.parse_args()

    inputs = make_inputs(int(args.mb * 1e6), args.pii_share, random.Random(1))
    total = sum(len(json.dumps(i).encode()) for i in inputs)
    redact(inputs[0])  # load the name list and compile the patterns outside the timing
    start_cpu, start = time.process_time(), time.perf_counter()
    masked = sum(sum(redact(item).counts.values()) for item in inputs)
    cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start
    print(
        f"redaction: {len(inputs):,} JSON inputs, {total / 1e6:.1f} MB, "
        f"{args.pii_share:.0%} with PII, every entity type, one core"
    )
    print(
        f"  {total / 1e6 / cpu:.2f} MB/s of CPU time ({total / 1e6 / wall:.2f} MB/s wall), "
        f"{cpu / len(inputs) * 1e6:.0f} µs CPU per input, {masked:,} values masked"
    )
    verdict = "PASS" if total / 1e6 / cpu >= TARGET_MB_S else "MISS"
    print(f"  target ≥ {TARGET_MB_S} MB/s per core: {verdict}")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [redact(item) for item in inputs[:2000]])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)

    for name in ("corpus", "heldout"):
        path = CORPORA / f"{name}.jsonl"
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        scores, _ = score(records)
        print(f"\nquality on {path.name} ({len(records)} records):")
        print(table(scores))


if __name__ == "__main__":
    main()
