"""The development corpus scored in CI: no structured value may leak, no target may slip.

`bench/redaction.py` prints the same report with every target of issue 13; this test makes
a change that lets one e-mail, phone, card, IBAN, national id, IP or URL through, or that
takes a recall, the precision or a false-detection rate past its target
(`scoring.RECALL_TARGETS` and the rest), fail the suite, naming the records it got wrong.
A recall the engine does not reach yet on this split is held to the floor it reached
(`FLOORS`), so that no change lowers it; a floor goes when its target is met (a test says
when).

Only the development split (and the legacy corpora, as regression cases) is scored: the
held-out split is looked at in aggregate by the bench, never by a test that someone would
tune against.
"""

from __future__ import annotations

from functools import cache

import pytest

from redaction.scoring import (
    CLEAN_FLAGGED,
    DECOYS_MASKED,
    LISTED,
    RECALL_TARGETS,
    STRUCTURED,
    UNLISTED,
    UNTYPED_PRECISION,
    UNTYPED_RECALL,
    Report,
    evaluate,
)
from tests.redaction import corpora

# Recall on the development split where the engine is short of issue 13's target, as
# `python bench/redaction.py --quality-only --split dev` printed it (rounded down).
FLOORS: dict[str, float] = {
    "PERSON unlisted": 0.949,  # 658 of 693 names in none of the lists
}


@cache
def report() -> Report:
    return evaluate(corpora.records("dev"))


def test_the_development_corpus_is_the_one_issue_13_asks_for() -> None:
    records = corpora.records("dev")
    countries = {r["country"] for r in records if r.get("country") not in (None, "XX")}
    assert len(records) >= 1500 and len(countries) >= 25
    kinds = {r["kind"] for r in records}
    assert {"ticket", "chat", "clinical", "hr", "financial", "json"} <= kinds
    assert report().types[UNLISTED].gold > 0 and report().types[LISTED].gold > 0


@pytest.mark.parametrize("entity", STRUCTURED)
def test_no_structured_value_leaks(entity: str) -> None:
    score = report().types[entity]
    leaked = [line for line in report().problems if f"LEAK {entity} " in line]
    assert score.gold > 0, f"the corpus holds no {entity}"
    assert score.leaked == 0, "\n".join(leaked)


@pytest.mark.parametrize("entity", list(RECALL_TARGETS))
def test_recall_holds(entity: str) -> None:
    score = report().types[entity]
    floor = FLOORS.get(entity, RECALL_TARGETS[entity])
    missed = [line for line in report().problems if f"missed {entity.split()[0]} " in line]
    assert score.recall >= floor, (
        f"{entity} recall {score.recall:.3f} < {floor}; the first of {len(missed)} misses:\n"
        + "\n".join(missed[:20])
    )


@pytest.mark.parametrize("entity", list(FLOORS))
def test_a_floor_stands_only_below_its_target(entity: str) -> None:
    recall, target = report().types[entity].recall, RECALL_TARGETS[entity]
    assert FLOORS[entity] < target
    assert recall < target, f"{entity} reaches {recall:.3f} >= {target}: drop its floor"


def test_untyped_recall_and_precision_hold() -> None:
    recall, precision = report().untyped.recall, report().untyped.precision
    assert recall >= UNTYPED_RECALL and precision >= UNTYPED_PRECISION, (recall, precision)


def test_false_detections_stay_rare() -> None:
    falses = "\n".join(
        line for line in report().problems if "false " in line or "decoy masked" in line
    )
    decoys, clean = report().decoy_rate, report().clean_rate
    assert decoys <= DECOYS_MASKED, f"{decoys:.3f} of decoys masked:\n{falses}"
    assert clean <= CLEAN_FLAGGED, f"{clean:.3f} of clean texts flagged:\n{falses}"


def test_the_legacy_corpora_still_pass_as_before() -> None:
    report = evaluate(corpora.records("legacy"))
    for entity in STRUCTURED:
        score = report.types[entity]
        assert (score.recall, score.leaked, score.precision >= 0.97) == (1.0, 0, True), entity
    floors = {"DOB": (1.0, 0.97), "ADDRESS": (0.90, 0.97), "PERSON": (0.98, 0.97)}
    for entity, (recall, precision) in floors.items():
        assert report.types[entity].recall >= recall, (entity, report.types[entity])
        assert report.types[entity].precision >= precision, (entity, report.types[entity])
