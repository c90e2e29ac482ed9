"""Write the labelled redaction corpora (run from the repository root).

    python tests/redaction/make_corpus.py

Two sets, built from separate sources so the held-out one measures what tuning did not see:

- corpus.jsonl ("dev"): hand-written templates and hard cases, values made by python-stdnum
  and phonenumbers (valid by construction), decoys, and records without PII. The detectors
  were tuned on this set.
- heldout.jsonl ("heldout"): other templates, values from Faker in ten locales (names,
  addresses, phone numbers, IBANs, ids as Faker writes them), written before the held-out
  figures were looked at and not tuned on afterwards. A Faker value is labelled only if it
  is what the type means (a phone number phonenumbers calls valid, an IBAN whose checksum
  holds), so the label is the truth and not Faker's idea of a format.

Each line: {"id", "set", "input": str or JSON, "pii": [{"type", "value"}]}.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from corpus_dev import dev_records
from corpus_heldout import heldout_records

HERE = Path(__file__).resolve().parent


def write(path: Path, records: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {path.name}")


def main() -> None:
    write(HERE / "corpus.jsonl", dev_records(random.Random(20240501)))
    write(HERE / "heldout.jsonl", heldout_records(seed=7))


if __name__ == "__main__":
    main()
