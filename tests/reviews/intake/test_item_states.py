"""Item's state machine: the moves in Item.TRANSITIONS work, every other move raises."""

from __future__ import annotations

import itertools

import pytest

from reviews.intake.models import InvalidTransition, Item

STATES = [str(state) for state in Item.State]
ALL_PAIRS = list(itertools.product(STATES, STATES))
LEGAL = [(a, b) for a, b in ALL_PAIRS if b in Item.TRANSITIONS[a]]
ILLEGAL = [(a, b) for a, b in ALL_PAIRS if b not in Item.TRANSITIONS[a]]


def item_in(state: str) -> Item:
    return Item(pk=1, state=state)


def test_table_covers_every_state_and_names_only_known_states() -> None:
    assert set(Item.TRANSITIONS) == set(STATES)
    for targets in Item.TRANSITIONS.values():
        assert targets <= set(STATES)
    assert len(LEGAL) + len(ILLEGAL) == len(STATES) ** 2
    assert LEGAL, "a state machine with no moves"


def test_table_follows_the_spec_diagram() -> None:
    S = Item.State
    # The moves SPEC §2 draws must all be there.
    required = {
        (S.RECEIVED, S.AUTO_APPROVED),
        (S.RECEIVED, S.QUEUED),
        (S.QUEUED, S.IN_REVIEW),
        (S.QUEUED, S.ESCALATED),  # SLA breach
        (S.IN_REVIEW, S.DECIDED),
        (S.IN_REVIEW, S.ESCALATED),
        (S.ESCALATED, S.QUEUED),  # to the SME queue
        (S.INCIDENT, S.DECIDED),
    }
    assert required <= set(LEGAL)
    # Nothing leaves a final decision, and nothing goes back to `received`.
    assert Item.TRANSITIONS[S.DECIDED] == frozenset()
    assert not any(b == S.RECEIVED for _, b in LEGAL)
    # No state moves to itself.
    assert not any(a == b for a, b in LEGAL)


@pytest.mark.parametrize(("source", "target"), LEGAL)
def test_legal_transition_moves_the_item(source: str, target: str) -> None:
    item = item_in(source)

    item.transition(to=target)

    assert item.state == target


@pytest.mark.parametrize(("source", "target"), ILLEGAL)
def test_illegal_transition_raises_and_leaves_the_state(source: str, target: str) -> None:
    item = item_in(source)

    with pytest.raises(InvalidTransition, match=f"{source} → {target}"):
        item.transition(to=target)

    assert item.state == source


@pytest.mark.parametrize("source", STATES)
def test_unknown_target_state_raises(source: str) -> None:
    item = item_in(source)

    with pytest.raises(InvalidTransition):
        item.transition(to="archived")

    assert item.state == source


def test_a_full_review_path_walks_through_the_table() -> None:
    S = Item.State
    item = item_in(S.RECEIVED)
    for state in (S.QUEUED, S.IN_REVIEW, S.ESCALATED, S.QUEUED, S.IN_REVIEW, S.DECIDED):
        item.transition(to=state)
    assert item.state == S.DECIDED
    with pytest.raises(InvalidTransition):
        item.transition(to=S.QUEUED)
