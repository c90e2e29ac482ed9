"""Score the engine on a labelled corpus, and the targets it is held to.

A record is {"id", "input": text or JSON, "pii": [{"type", "value"}], optionally "decoys":
[{"type", "value"}] (strings that look like a type but must stay visible) and "country"}.
Every occurrence of a listed value in any string of the input is a gold span.

- recall: gold spans lying wholly inside one detection of the same type;
- precision: detections of a type that overlap a gold span of that type;
- leak: a gold value still present verbatim in the redacted output (a value masked as
  another type is not a leak);
- untyped: the same without types (a gold span inside any detection; a detection that
  overlaps any gold span), which is what a reviewer's privacy depends on;
- PERSON is also scored in two rows, names with at least one word in the detector's own
  lists ("listed") and names with none ("unlisted"), so a corpus whose names come from the
  lists cannot pass for a detector that generalises;
- decoys masked: decoy occurrences that any detection overlaps; clean texts flagged:
  records without PII in which anything was masked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from redaction.engine import find_spans, normalise_entities
from redaction.names import is_listed_word
from redaction.spans import ENTITY_TYPES, Span

#: Types that must never leak: each is a value a detector can check (pattern, checksum).
STRUCTURED = ("EMAIL", "URL", "IBAN", "CARD", "NATIONAL_ID", "IP", "PHONE")
LISTED, UNLISTED = "PERSON listed", "PERSON unlisted"


@dataclass
class TypeScore:
    """Counts for one entity type (or one row of the report) over a corpus."""

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


@dataclass
class Report:
    """Everything `evaluate` measures over one corpus."""

    records: int = 0
    types: dict[str, TypeScore] = field(default_factory=lambda: defaultdict(TypeScore))
    untyped: TypeScore = field(default_factory=TypeScore)
    by_country: dict[tuple[str, str], TypeScore] = field(
        default_factory=lambda: defaultdict(TypeScore)
    )
    decoys: int = 0
    decoys_masked: int = 0
    clean: int = 0
    clean_flagged: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def decoy_rate(self) -> float:
        return self.decoys_masked / self.decoys if self.decoys else 0.0

    @property
    def clean_rate(self) -> float:
        return self.clean_flagged / self.clean if self.clean else 0.0


def strings_of(value: Any) -> Iterator[str]:
    """Every string in a JSON value, depth first (keys excluded, as `redact` leaves them)."""
    return (text for _, text in keyed_strings_of(value))


def keyed_strings_of(value: Any, key: str | None = None) -> Iterator[tuple[str | None, str]]:
    """Every string in a JSON value with the object key it sits under (None at the top)."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from keyed_strings_of(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from keyed_strings_of(item, key)


def _occurrences(text: str, value: str) -> Iterator[tuple[int, int]]:
    start = text.find(value)
    while start >= 0:
        yield start, start + len(value)
        start = text.find(value, start + 1)


def _masked(text: str, spans: list[Span]) -> str:
    parts, position = [], 0
    for span in spans:
        parts.append(text[position : span.start])
        parts.append(f"[{span.entity}]")
        position = span.end
    parts.append(text[position:])
    return "".join(parts)


_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def is_listed(name: str) -> bool:
    """Whether any word of `name` is in the PERSON detector's own first-name or surname lists."""
    return any(len(word) > 1 and is_listed_word(word) for word in _WORDS.findall(name))


def evaluate(records: Iterable[dict[str, Any]], entities: Iterable[str] | None = None) -> Report:
    """Score the engine on `records` (see the module docstring for each measure)."""
    wanted = normalise_entities(entities)
    report = Report()
    for record in records:
        report.records += 1
        _evaluate_record(record, wanted, report)
    report.types = {
        e: report.types[e] for e in (*ENTITY_TYPES, LISTED, UNLISTED) if e in report.types
    }
    return report


def _evaluate_record(record: dict[str, Any], wanted: frozenset[str], report: Report) -> None:
    labels = [(p["type"], p["value"]) for p in record["pii"] if p["type"] in wanted]
    decoys = [d["value"] for d in record.get("decoys", ())]
    country = record.get("country", "XX")
    flagged = False
    for key, text in keyed_strings_of(record["input"]):
        spans = find_spans(text, wanted, key=key)
        flagged = flagged or bool(spans)
        redacted = _masked(text, spans)
        gold = [(t, s, e) for t, value in labels for s, e in _occurrences(text, value)]
        for entity, start, end in gold:
            value = text[start:end]
            rows = [report.types[entity], report.by_country[(entity, country)]]
            if entity == "PERSON":
                rows.append(report.types[LISTED if is_listed(value) else UNLISTED])
            typed = any(sp.entity == entity and sp.start <= start and end <= sp.end for sp in spans)
            inside = any(sp.start <= start and end <= sp.end for sp in spans)
            leaked = value in redacted
            for row in rows:
                row.gold += 1
                row.caught += typed
                row.leaked += leaked
            report.untyped.gold += 1
            report.untyped.caught += inside
            report.untyped.leaked += leaked
            if not typed:
                report.problems.append(f"{record['id']}: missed {entity} {value!r}")
            if leaked:
                report.problems.append(f"{record['id']}: LEAK {entity} {value!r}")
        for span in spans:
            overlaps = [t for t, s, e in gold if s < span.end and span.start < e]
            row = report.types[span.entity]
            row.detected += 1
            row.correct += span.entity in overlaps
            report.untyped.detected += 1
            report.untyped.correct += bool(overlaps)
            if span.entity not in overlaps:
                found = text[span.start : span.end]
                report.problems.append(f"{record['id']}: false {span.entity} {found!r}")
        for value in decoys:
            for start, end in _occurrences(text, value):
                report.decoys += 1
                if any(sp.start < end and start < sp.end for sp in spans):
                    report.decoys_masked += 1
                    report.problems.append(f"{record['id']}: decoy masked {value!r}")
    if not record["pii"]:
        report.clean += 1
        report.clean_flagged += flagged


def score(
    records: Iterable[dict[str, Any]], entities: Iterable[str] | None = None
) -> tuple[dict[str, TypeScore], list[str]]:
    """Per-type scores, and one line per miss, leak, false detection or masked decoy."""
    report = evaluate(records, entities)
    return report.types, report.problems


#: The targets the engine is held to, on every corpus it is scored on (issue 13).
RECALL_TARGETS = {LISTED: 0.98, UNLISTED: 0.95, "ADDRESS": 0.95, "DOB": 0.95}
UNTYPED_RECALL = UNTYPED_PRECISION = 0.97
DECOYS_MASKED = 0.02
CLEAN_FLAGGED = 0.03


def targets(report: Report) -> list[tuple[str, str, bool]]:
    """Each target as (what, measured, met)."""
    rows: list[tuple[str, str, bool]] = []
    for entity in STRUCTURED:
        s = report.types.get(entity, TypeScore())
        rows.append((f"{entity} leaks = 0", f"{s.leaked} of {s.gold}", s.leaked == 0))
    for entity, floor in RECALL_TARGETS.items():
        s = report.types.get(entity, TypeScore())
        rows.append(
            (f"{entity} recall >= {floor}", f"{s.recall:.3f} ({s.gold})", s.recall >= floor)
        )
    u = report.untyped
    rows.append(
        (f"untyped recall >= {UNTYPED_RECALL}", f"{u.recall:.3f}", u.recall >= UNTYPED_RECALL)
    )
    rows.append(
        (
            f"untyped precision >= {UNTYPED_PRECISION}",
            f"{u.precision:.3f}",
            u.precision >= UNTYPED_PRECISION,
        )
    )
    rows.append(
        (
            f"decoys masked <= {DECOYS_MASKED:.0%}",
            f"{report.decoy_rate:.3f} ({report.decoys_masked} of {report.decoys})",
            report.decoy_rate <= DECOYS_MASKED,
        )
    )
    rows.append(
        (
            f"clean texts flagged <= {CLEAN_FLAGGED:.0%}",
            f"{report.clean_rate:.3f} ({report.clean_flagged} of {report.clean})",
            report.clean_rate <= CLEAN_FLAGGED,
        )
    )
    return rows


def table(scores: dict[str, TypeScore]) -> str:
    """The scores as a fixed-width table, one row per type."""
    lines = [f"{'type':16}{'gold':>6}{'recall':>9}{'precision':>11}{'leaks':>7}{'leak rate':>11}"]
    for entity, s in scores.items():
        # Detections have a type, not a list: the PERSON rows' precision is PERSON's.
        precision = f"{'':>11}" if entity in (LISTED, UNLISTED) else f"{s.precision:11.3f}"
        lines.append(
            f"{entity:16}{s.gold:6d}{s.recall:9.3f}{precision}{s.leaked:7d}{s.leak_rate:11.3f}"
        )
    return "\n".join(lines)


def country_table(report: Report, entities: Iterable[str] = ("ADDRESS", "PERSON")) -> str:
    """Recall per country for the types whose formats differ by country."""
    lines = [f"{'type':10}{'country':>8}{'gold':>6}{'recall':>9}{'leaks':>7}"]
    for (entity, country), s in sorted(report.by_country.items()):
        if entity in entities:
            lines.append(f"{entity:10}{country:>8}{s.gold:6d}{s.recall:9.3f}{s.leaked:7d}")
    return "\n".join(lines)
