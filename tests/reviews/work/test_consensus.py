"""Consensus: k blind verdicts per tier, the policy's rule, disagreement escalates."""

from __future__ import annotations

from typing import Any

import pytest

from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import audit_verify
from reviews.escalation.models import Escalation
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from reviews.work.services.claims import assignment_claim
from reviews.work.services.consensus import Escalate, Settled, consensus
from reviews.work.services.decisions import assignment_decide
from tests.factories import ingest, make_queue
from tests.reviews.reviewing import RATIONALE, claim, reviewer

pytestmark = pytest.mark.django_db

A, OV, R, E = "approve", "override", "reject", "escalate"


def rule(name: str, *verdicts: tuple[str, str]) -> Settled | Escalate:
    return consensus(
        rule=name, model_label="approve", verdicts=list(verdicts), weights=[1.0] * len(verdicts)
    )


@pytest.mark.parametrize(
    ("name", "verdicts", "expected"),
    [
        ("majority", [(A, "approve")], Settled("approved", "approve")),
        ("majority", [(OV, "deny")], Settled("corrected", "deny")),
        ("majority", [(R, "")], Settled("rejected", "")),
        ("majority", [(A, "approve"), (A, "approve")], Settled("approved", "approve")),
        ("majority", [(A, "approve"), (OV, "deny")], Escalate("disagreement")),
        ("majority", [(OV, "deny"), (OV, "deny"), (A, "approve")], Settled("corrected", "deny")),
        ("majority", [(OV, "deny"), (OV, "unsure"), (A, "approve")], Escalate("disagreement")),
        ("majority", [(R, ""), (R, ""), (OV, "deny")], Settled("rejected", "")),
        ("majority", [(A, "approve"), (A, "approve"), (E, "")], Escalate("reviewer")),
        ("unanimous", [(OV, "deny"), (OV, "deny"), (A, "approve")], Escalate("disagreement")),
        ("unanimous", [(OV, "deny"), (OV, "deny")], Settled("corrected", "deny")),
        ("weighted", [(OV, "deny"), (OV, "deny"), (A, "approve")], Settled("corrected", "deny")),
        ("weighted", [(OV, "deny"), (A, "approve")], Escalate("disagreement")),
    ],
)
def test_rule_over_verdicts(name: str, verdicts: list[tuple[str, str]], expected: Any) -> None:
    assert rule(name, *verdicts) == expected


def test_weighted_rule_uses_the_weights() -> None:
    verdicts = [(OV, "deny"), (A, "approve"), (A, "approve")]
    heavy_first = consensus(
        rule="weighted", model_label="approve", verdicts=verdicts, weights=[3.0, 1.0, 1.0]
    )
    assert heavy_first == Settled("corrected", "deny")
    as_majority = consensus(
        rule="majority", model_label="approve", verdicts=verdicts, weights=[3.0, 1.0, 1.0]
    )
    assert as_majority == Settled("approved", "approve")


def pair_queue(**consensus_policy: Any) -> Queue:
    return make_queue("pairs", consensus={"reviewers": 2, **consensus_policy})


def verdict_by(queue: Queue, username: str, verdict: str, **fields: Any) -> Item:
    person = reviewer(username, queue)
    assignment = assignment_claim(queue=queue, reviewer=person)
    assert assignment is not None, f"{username} got nothing"
    assignment_decide(assignment_id=assignment.pk, reviewer=person, verdict=verdict, **fields)
    return Item.objects.get(pk=assignment.item_id)


def test_k2_item_waits_for_the_second_verdict_then_decides() -> None:
    queue = pair_queue()
    ingest(queue)

    after_first = verdict_by(queue, "first", "override", label="deny", **RATIONALE)

    assert (after_first.state, after_first.votes_in, after_first.outcome) == ("queued", 1, "")
    assert after_first.release == "held"
    after_second = verdict_by(queue, "second", "override", label="deny", **RATIONALE)
    assert (after_second.state, after_second.outcome, after_second.final_label) == (
        "decided",
        "corrected",
        "deny",
    )
    assert after_second.release == "released"
    assert AuditEvent.objects.filter(action=AuditAction.ITEM_DECIDED).count() == 1


def test_claims_are_blind_to_earlier_verdicts(api_as: Any) -> None:
    queue = pair_queue()
    ingest(queue)
    verdict_by(queue, "first", "override", label="deny", **RATIONALE)

    data = claim(api_as(reviewer("second", queue)), queue).json()

    text = repr(data)
    assert "override" not in text and RATIONALE["rationale"] not in text
    assert set(data) == {
        "id",
        "queue",
        "tier",
        "leased_at",
        "expires_at",
        "item",
        "suggestion",
        "labels",
        "reason_codes",
    }


def test_k2_disagreement_escalates_to_smes_with_every_verdict_and_rationale() -> None:
    queue = pair_queue()
    item = ingest(queue)
    verdict_by(queue, "first", "approve")

    escalated = verdict_by(
        queue,
        "second",
        "override",
        label="deny",
        rationale="Income too low.",
        reason_code="wrong_label",
    )

    assert (escalated.state, escalated.tier, escalated.votes_in, escalated.leases_active) == (
        "queued",
        "sme",
        0,
        0,
    )
    assert escalated.votes_needed == 2
    assert escalated.due_at is not None and escalated.due_at > item.due_at
    assert escalated.outcome == "" and escalated.release == "held"
    ticket = Escalation.objects.get(item=item)
    assert (ticket.from_tier, ticket.to_tier, ticket.reason) == ("tier1", "sme", "disagreement")
    verdicts = ticket.data["verdicts"]
    assert [(v["verdict"], v["label"]) for v in verdicts] == [
        ("approve", "approve"),
        ("override", "deny"),
    ]
    assert verdicts[1]["rationale"] == "Income too low."
    assert "Income too low." in ticket.note
    assert AuditEvent.objects.filter(action=AuditAction.ITEM_ESCALATED).count() == 1
    assert audit_verify().ok


def test_one_escalate_verdict_among_k_escalates_once_all_are_in() -> None:
    queue = pair_queue()
    ingest(queue)

    after_first = verdict_by(queue, "first", "escalate", **RATIONALE)
    assert (after_first.state, after_first.tier) == ("queued", "tier1")  # still blind, waiting
    after_second = verdict_by(queue, "second", "approve")

    assert (after_second.state, after_second.tier) == ("queued", "sme")
    assert Escalation.objects.get().reason == "reviewer"


def test_unanimous_rule_escalates_a_split_that_majority_would_settle() -> None:
    queue = make_queue("trio", consensus={"reviewers": 3, "rule": "unanimous"})
    ingest(queue)
    verdict_by(queue, "r1", "override", label="deny", **RATIONALE)
    verdict_by(queue, "r2", "override", label="deny", **RATIONALE)

    item = verdict_by(queue, "r3", "approve")

    assert (item.state, item.tier) == ("queued", "sme")


def test_majority_of_three_settles_two_against_one() -> None:
    queue = make_queue("trio", consensus={"reviewers": 3, "rule": "majority"})
    ingest(queue)
    verdict_by(queue, "r1", "override", label="deny", **RATIONALE)
    verdict_by(queue, "r2", "approve")

    item = verdict_by(queue, "r3", "override", label="deny", **RATIONALE)

    assert (item.state, item.outcome, item.final_label) == ("decided", "corrected", "deny")


def test_smes_settle_an_escalated_item_by_their_own_consensus() -> None:
    queue = pair_queue()
    ingest(queue)
    verdict_by(queue, "t1-a", "approve")
    verdict_by(queue, "t1-b", "reject", rationale="Unreadable.", reason_code="unusable_input")
    smes = [reviewer(f"sme-{i}", queue, Role.SME) for i in range(2)]

    for person in smes:
        assignment = assignment_claim(queue=queue, reviewer=person)
        assert assignment is not None and assignment.tier == "sme"
        assignment_decide(assignment_id=assignment.pk, reviewer=person, verdict="approve")

    item = Item.objects.get()
    assert (item.state, item.outcome, item.tier, item.release) == (
        "decided",
        "approved",
        "sme",
        "released",
    )


def test_sme_disagreement_takes_the_item_to_an_incident_with_a_ticket() -> None:
    queue = pair_queue()
    ingest(queue, output={"label": "approve", "confidence": 0.1})  # straight to SME
    smes = [reviewer(f"sme-{i}", queue, Role.SME) for i in range(2)]
    verdicts = [{"verdict": "approve"}, {"verdict": "override", "label": "deny", **RATIONALE}]

    for person, fields in zip(smes, verdicts, strict=True):
        assignment = assignment_claim(queue=queue, reviewer=person)
        assert assignment is not None
        assignment_decide(assignment_id=assignment.pk, reviewer=person, **fields)

    item = Item.objects.get()
    assert (item.state, item.tier, item.release) == ("incident", "incident", "held")
    ticket = Escalation.objects.get()
    assert (ticket.from_tier, ticket.to_tier, ticket.reason) == ("sme", "incident", "disagreement")
    assert ticket.incident is not None
    assert list(ticket.incident.items.all()) == [item]
    assert assignment_claim(queue=queue, reviewer=reviewer("sme-3", queue, Role.SME)) is None
