"""The engine: JSON at any depth, the entities filter, counts, no mutation, corpus floors."""

from __future__ import annotations

import copy

import pytest

from redaction import redact
from redaction.scoring import (
    DECOYS_MASKED,
    RECALL_TARGETS,
    STRUCTURED,
    UNTYPED_PRECISION,
    Report,
    evaluate,
)
from tests.redaction import corpora


def test_it_redacts_json_at_any_depth_and_keeps_keys() -> None:
    value = {
        "email": "jane.doe@example.com",
        "thread": [{"body": ["Call +44 20 7946 0958 or mail jane.doe@example.com"]}],
        "n": 3,
        "ok": True,
        "none": None,
    }
    original = copy.deepcopy(value)
    result = redact(value)
    assert result.value == {
        "email": "[EMAIL]",
        "thread": [{"body": ["Call [PHONE] or mail [EMAIL]"]}],
        "n": 3,
        "ok": True,
        "none": None,
    }
    assert result.counts == {"EMAIL": 2, "PHONE": 1}
    assert value == original  # the input is untouched


def test_entities_filter_masks_only_the_named_types() -> None:
    text = "Call +44 20 7946 0958 or mail jane.doe@example.com"
    result = redact(text, entities=["PHONE"])
    assert result.value == "Call [PHONE] or mail jane.doe@example.com"
    assert result.counts == {"PHONE": 1}


def test_unknown_entity_is_refused() -> None:
    with pytest.raises(ValueError, match="SHOE_SIZE"):
        redact("x", entities=["SHOE_SIZE"])


def test_plain_text_without_pii_is_returned_as_is() -> None:
    result = redact("The package was damaged, order 84723911, total 1,234.56 EUR.")
    assert result == ("The package was damaged, order 84723911, total 1,234.56 EUR.", {})


def test_redaction_is_idempotent() -> None:
    once = redact("Dear Mr. John Smith, card 4111 1111 1111 1111, IBAN GB82WEST12345698765432")
    assert redact(once.value).value == once.value


def _report(split: str) -> Report:
    return evaluate(corpora.records(split))


@pytest.fixture(scope="module")
def development() -> Report:
    return _report("dev")


def test_the_development_split_is_the_independent_corpus_and_the_cases() -> None:
    records = corpora.records("dev")
    assert len(records) >= 1500
    assert len({r["country"] for r in records}) >= 25
    kinds = {r["kind"] for r in records}
    assert {"ticket", "chat", "clinical", "hr", "financial", "json"} <= kinds


def test_no_structured_value_leaks_on_the_development_split(development: Report) -> None:
    for entity in STRUCTURED:
        score = development.types[entity]
        assert score.leaked == 0, (entity, score)


# Issue 13's targets (scoring.RECALL_TARGETS and friends) are printed by bench/redaction.py
# on both splits. These floors hold what the engine reaches today on the development split,
# so that no change makes it worse; where a floor is below its target, the target is not
# met yet (redaction/README.md says which).
DEVELOPMENT_FLOORS = {
    "PERSON listed": 0.955,
    "PERSON unlisted": 0.90,
    "ADDRESS": 0.95,
    "DOB": 0.95,
}


def test_recall_on_the_development_split_holds_its_floors(development: Report) -> None:
    for entity, floor in DEVELOPMENT_FLOORS.items():
        assert floor <= RECALL_TARGETS[entity]
        assert development.types[entity].recall >= floor, (entity, development.types[entity])
    assert development.untyped.recall >= 0.975
    assert development.untyped.precision >= UNTYPED_PRECISION
    assert development.decoy_rate <= DECOYS_MASKED


def test_the_legacy_corpora_still_pass_as_before() -> None:
    report = _report("legacy")
    for entity in STRUCTURED:
        score = report.types[entity]
        assert (score.recall, score.leaked, score.precision >= 0.97) == (1.0, 0, True), entity
    floors = {"DOB": (1.0, 0.97), "ADDRESS": (0.90, 0.97), "PERSON": (0.98, 0.97)}
    for entity, (recall, precision) in floors.items():
        assert report.types[entity].recall >= recall, (entity, report.types[entity])
        assert report.types[entity].precision >= precision, (entity, report.types[entity])
