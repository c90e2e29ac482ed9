"""The engine: JSON at any depth, the entities filter, counts, no mutation.

Its quality on the labelled corpora is held by test_corpus_targets.py.
"""

from __future__ import annotations

import copy

import pytest

from redaction import redact


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
