"""The scorer itself, on records whose counts are worked out by hand."""

from __future__ import annotations

from redaction.scoring import evaluate, is_listed, score, targets


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


def test_report_counts_untyped_listed_decoys_and_clean_texts() -> None:
    records = [
        # "Maria" is a listed first name; "Wqzx Plonk" is in no list, and the engine misses it.
        {
            "id": "a",
            "input": "Dear Maria Rossi, call +44 20 7946 0958. wqzx plonk approved.",
            "pii": [
                {"type": "PERSON", "value": "Maria Rossi"},
                {"type": "PERSON", "value": "wqzx plonk"},
                # Labelled an address, found as a phone number: an untyped hit, a typed miss.
                {"type": "ADDRESS", "value": "+44 20 7946 0958"},
            ],
            "decoys": [{"type": "PHONE", "value": "approved"}],
        },
        # A clean record with an order number left alone, and a clean record that is flagged.
        {"id": "b", "input": "Order 84723911 shipped.", "pii": [], "decoys": []},
        {"id": "c", "input": "Mail jane.doe@example.com", "pii": []},
    ]
    report = evaluate(records)
    listed, unlisted = report.types["PERSON listed"], report.types["PERSON unlisted"]
    assert (listed.gold, listed.caught) == (1, 1)
    assert (unlisted.gold, unlisted.caught, unlisted.leaked) == (1, 0, 1)
    assert (report.types["ADDRESS"].gold, report.types["ADDRESS"].caught) == (1, 0)
    # Untyped: 3 gold values, 2 inside a detection; detections: Maria Rossi, the phone number,
    # and jane's e-mail address (which overlaps no gold value).
    assert (report.untyped.gold, report.untyped.caught) == (3, 2)
    assert (report.untyped.detected, report.untyped.correct) == (3, 2)
    assert (report.decoys, report.decoys_masked) == (1, 0)
    assert (report.clean, report.clean_flagged) == (2, 1)
    assert is_listed("Maria Rossi") and not is_listed("wqzx plonk")


def test_targets_name_every_structured_leak_and_floor() -> None:
    records = [{"id": "a", "input": "mail jane at example dot com", "pii": []}]
    rows = {what: met for what, _, met in targets(evaluate(records))}
    assert rows["EMAIL leaks = 0"] and rows["untyped precision >= 0.97"] is False
    assert rows["clean texts flagged <= 3%"] is False
