"""The scorer itself, on records whose counts are worked out by hand."""

from __future__ import annotations

from audit.redaction.scoring import score


def test_scorer_counts_hits_misses_leaks_and_false_detections() -> None:
    records = [
        # One email caught; one "email" label the engine cannot see (misses, leaks).
        {
            "id": "a",
            "input": "mail jane.doe@example.com or bob-at-home",
            "pii": [
                {"type": "EMAIL", "value": "jane.doe@example.com"},
                {"type": "EMAIL", "value": "bob-at-home"},
            ],
        },
        # An unlabelled card: a false CARD detection.
        {"id": "b", "input": ["card 4111 1111 1111 1111"], "pii": []},
    ]
    scores, problems = score(records)
    assert (scores["EMAIL"].gold, scores["EMAIL"].caught, scores["EMAIL"].leaked) == (2, 1, 1)
    assert scores["EMAIL"].recall == 0.5 and scores["EMAIL"].leak_rate == 0.5
    assert (scores["CARD"].detected, scores["CARD"].correct) == (1, 0)
    assert scores["CARD"].precision == 0.0
    assert "b: false CARD '4111 1111 1111 1111'" in problems
