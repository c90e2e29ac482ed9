"""Score the engine on a labelled corpus: per-type recall, precision and leak rate.

A record is {"input": text or JSON, "pii": [{"type": "EMAIL", "value": "..."}]}; every
occurrence of a listed value in any string of the input is a gold span.

- recall: gold spans lying wholly inside one detection of the same type;
- precision: detections of a type that overlap a gold span of that type;
- leak: a gold value still present verbatim in the redacted output (whatever the type it
  was masked as, a value masked as another type is not a leak).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from audit.redaction.engine import find_spans, normalise_entities, redact_text
from audit.redaction.spans import ENTITY_TYPES


@dataclass
class TypeScore:
    """Counts for one entity type over a corpus."""

    gold: int = 0
    caught: int = 0
    leaked: int = 0
    detected: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.detected if self.detected else 1.0

    @property
    def leak_rate(self) -> float:
        return self.leaked / self.gold if self.gold else 0.0


def strings_of(value: Any) -> Iterator[str]:
    """Every string in a JSON value, depth first (keys excluded, as `redact` leaves them)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_of(item)


def _occurrences(text: str, value: str) -> Iterator[tuple[int, int]]:
    start = text.find(value)
    while start >= 0:
        yield start, start + len(value)
        start = text.find(value, start + 1)


def score(
    records: Iterable[dict[str, Any]], entities: Iterable[str] | None = None
) -> tuple[dict[str, TypeScore], list[str]]:
    """Per-type scores, and one line per miss, leak or false detection (for debugging)."""
    wanted = normalise_entities(entities)
    scores: dict[str, TypeScore] = defaultdict(TypeScore)
    problems: list[str] = []
    for record in records:
        labels = [(p["type"], p["value"]) for p in record["pii"] if p["type"] in wanted]
        for text in strings_of(record["input"]):
            spans = find_spans(text, wanted)
            redacted, _ = redact_text(text, wanted)
            gold = [(t, s, e) for t, val in labels for s, e in _occurrences(text, val)]
            for entity, start, end in gold:
                result = scores[entity]
                result.gold += 1
                if any(sp.entity == entity and sp.start <= start and end <= sp.end for sp in spans):
                    result.caught += 1
                else:
                    problems.append(f"{record['id']}: missed {entity} {text[start:end]!r}")
                if text[start:end] in redacted:
                    result.leaked += 1
                    problems.append(f"{record['id']}: LEAK {entity} {text[start:end]!r}")
            for span in spans:
                result = scores[span.entity]
                result.detected += 1
                if any(t == span.entity and s < span.end and span.start < e for t, s, e in gold):
                    result.correct += 1
                else:
                    problems.append(
                        f"{record['id']}: false {span.entity} {text[span.start : span.end]!r}"
                    )
    return {e: scores[e] for e in ENTITY_TYPES if e in scores}, problems


def table(scores: dict[str, TypeScore]) -> str:
    """The scores as a fixed-width table, one row per type."""
    lines = [f"{'type':12}{'gold':>6}{'recall':>9}{'precision':>11}{'leaks':>7}{'leak rate':>11}"]
    for entity, s in scores.items():
        lines.append(
            f"{entity:12}{s.gold:6d}{s.recall:9.3f}{s.precision:11.3f}{s.leaked:7d}{s.leak_rate:11.3f}"
        )
    return "\n".join(lines)
