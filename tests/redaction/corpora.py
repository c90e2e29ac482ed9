"""The labelled redaction corpora and the split each belongs to.

- "dev": the records the detectors are built and tuned against: the independently written
  real-world corpus's development sets (realworld/dev.jsonl, dev2.jsonl and dev3.jsonl,
  each written from new sentence skeletons by another author) and the hand-written records
  that show each detector change (cases/*.jsonl).
- "heldout": realworld/heldout.jsonl, written from value pools and templates the dev split
  never uses; only its aggregate scores are ever looked at.
- "legacy": the first corpora (corpus.jsonl, template values; heldout.jsonl, Faker values),
  tuned on long ago and kept as regression cases.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def files(split: str) -> list[Path]:
    if split == "dev":
        return [
            HERE / "realworld" / "dev.jsonl",
            HERE / "realworld" / "dev2.jsonl",
            HERE / "realworld" / "dev3.jsonl",
            *sorted((HERE / "cases").glob("*.jsonl")),
        ]
    if split == "heldout":
        return [HERE / "realworld" / "heldout.jsonl"]
    if split == "legacy":
        return [HERE / "corpus.jsonl", HERE / "heldout.jsonl"]
    raise ValueError(f"unknown split {split!r}")


def records(split: str) -> list[dict[str, Any]]:
    """Every record of `split`, in file order."""
    found: list[dict[str, Any]] = []
    for path in files(split):
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            found.extend(json.loads(line) for line in lines if line.strip())
    return found
