"""SLA sweeps (services/sla.py): every breached item escalated once, nothing else touched.

Items are ingested, claimed and decided through the real services; time moves by
passing `now=` to the claim and the sweep, as beat's clock would (and by time_machine
for an item ingested later). The deadlines come from the queue's policy, the model's
defaults: Tier 1 time-to-human 900 s and time-to-decision 3600 s, SME 3600 s and 14400 s.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
import time_machine
from django.db import connection, transaction
from django.utils import timezone

from audit.actions import AuditAction
from audit.models import AuditEvent
from audit.services import audit_verify
from reviews.escalation.models import Escalation, Incident, IncidentEvent
from reviews.escalation.services.sla import breached_query, sla_escalate_breached
from reviews.intake.models import Item
from reviews.queues.models import Queue
from reviews.work.models import Assignment
from reviews.work.services.claims import AssignmentError, assignment_claim
from reviews.work.services.decisions import assignment_decide
from tests.concurrency import run_together
from tests.factories import ingest, make_queue
from tests.reviews.reviewing import reviewer

TIER1 = {"label": "approve", "confidence": 0.7}  # between sme_below and auto_approve_at
SME = {"label": "approve", "confidence": 0.3}  # below sme_below: straight to SMEs
SECOND = timedelta(seconds=1)


def breached_events(item: Item) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            action=AuditAction.SLA_BREACHED, target_type="reviews.item", target_id=str(item.pk)
        ).order_by("seq")
    )


def ingest_later(queue: Queue, delay: timedelta, **overrides: object) -> Item:
    """Ingest as if `delay` from now (the clock stands still meanwhile)."""
    with time_machine.travel(timezone.now() + delay, tick=False):
        return ingest(queue, **overrides)


def fresh(item: Item) -> Item:
    return Item.objects.get(pk=item.pk)


@pytest.mark.django_db
class TestSweep:
    def test_tier1_time_to_human_breach_escalates_to_sme_once(self, queue: Queue) -> None:
        item = ingest(queue, output=TIER1)
        assert (item.state, item.tier) == (Item.State.QUEUED, "tier1")
        deadline = item.breach_at
        assert deadline == item.enqueued_at + timedelta(seconds=900)
        now = deadline + timedelta(seconds=2.5)

        assert sla_escalate_breached(now=now) == 1

        ticket = Escalation.objects.get(item=item)
        assert ticket.reason == Escalation.Reason.SLA_BREACH
        assert (ticket.from_tier, ticket.to_tier) == ("tier1", "sme")
        assert ticket.state == Escalation.State.OPEN
        assert ticket.created_at == now
        assert ticket.due_at == now + timedelta(seconds=14400)  # the ticket's own SLA
        assert ticket.data["breach"] == {
            "sla": "time_to_human",
            "tier": "tier1",
            "deadline": deadline.isoformat(),
            "late_s": 2.5,
        }
        moved = fresh(item)
        assert (moved.state, moved.tier) == (Item.State.QUEUED, "sme")
        assert moved.enqueued_at == now
        assert moved.human_due_at == now + timedelta(seconds=3600)
        assert moved.due_at == now + timedelta(seconds=14400)
        assert moved.breach_at == moved.human_due_at
        assert moved.claimed_at is None
        (event,) = breached_events(item)
        assert event.actor_label == "sla-sweep"
        assert event.data["escalation"] == ticket.pk
        assert event.data["to_tier"] == "sme"
        assert event.data["late_s"] == 2.5
        assert event.data["states"] == ["escalated", "queued"]

        # The same moment again, and a little later: the item's next deadline is an hour off.
        assert sla_escalate_breached(now=now) == 0
        assert sla_escalate_breached(now=now + timedelta(minutes=30)) == 0
        assert Escalation.objects.count() == 1
        assert len(breached_events(item)) == 1
        assert audit_verify().ok

    def test_time_to_decision_breach_after_a_claim_ends_the_lease(self, queue: Queue) -> None:
        annotator = reviewer("slow-annotator", queue)
        item = ingest(queue, output=TIER1)
        start = item.enqueued_at
        assignment = assignment_claim(queue=queue, reviewer=annotator, now=start + 60 * SECOND)
        assert assignment is not None
        claimed = fresh(item)
        assert claimed.breach_at == claimed.due_at == start + timedelta(seconds=3600)

        # Past time-to-human, but the item was claimed in time: no breach yet.
        assert sla_escalate_breached(now=start + timedelta(seconds=1800)) == 0
        assert fresh(item).state == Item.State.IN_REVIEW

        now = claimed.due_at + 4 * SECOND
        assert sla_escalate_breached(now=now) == 1

        ticket = Escalation.objects.get(item=item)
        assert ticket.data["breach"]["sla"] == "time_to_decision"
        assert ticket.data["breach"]["late_s"] == 4.0
        lease = Assignment.objects.get(pk=assignment.pk)
        assert (lease.state, lease.ended_at) == (Assignment.State.EXPIRED, now)
        moved = fresh(item)
        assert (moved.state, moved.tier, moved.leases_active) == (Item.State.QUEUED, "sme", 0)
        (event,) = breached_events(item)
        assert event.data["states"] == ["escalated", "queued"]
        # The annotator's late verdict is refused: the item has moved on.
        with pytest.raises(AssignmentError):
            assignment_decide(
                assignment_id=assignment.pk, reviewer=annotator, verdict="approve", now=now
            )
        assert fresh(item).tier == "sme"
        assert audit_verify().ok

    def test_sme_breach_opens_the_queues_incident_and_the_next_joins_it(self, queue: Queue) -> None:
        first = ingest(queue, output=SME)
        second = ingest_later(queue, timedelta(minutes=10), output=SME)
        assert (first.state, first.tier) == (Item.State.QUEUED, "sme")
        at = first.breach_at + SECOND

        assert sla_escalate_breached(now=at) == 1  # the second is due 10 minutes later

        incident = Incident.objects.get()
        assert incident.queue_id == queue.pk
        assert incident.state == Incident.State.OPEN
        assert incident.opened_at == at
        assert list(incident.items.values_list("pk", flat=True)) == [first.pk]
        ticket = Escalation.objects.get(item=first)
        assert (ticket.from_tier, ticket.to_tier) == ("sme", "incident")
        assert ticket.reason == Escalation.Reason.SLA_BREACH
        assert ticket.incident_id == incident.pk
        assert ticket.due_at is None
        moved = fresh(first)
        assert (moved.state, moved.tier, moved.breach_at) == (Item.State.INCIDENT, "incident", None)
        assert breached_events(first)[0].data["states"] == ["escalated", "incident"]
        assert AuditEvent.objects.filter(action=AuditAction.INCIDENT_OPENED).count() == 1
        assert fresh(second).state == Item.State.QUEUED

        assert sla_escalate_breached(now=second.breach_at + SECOND) == 1

        assert Incident.objects.count() == 1
        assert set(incident.items.values_list("pk", flat=True)) == {first.pk, second.pk}
        assert Escalation.objects.get(item=second).incident_id == incident.pk
        kinds = list(incident.events.order_by("pk").values_list("kind", flat=True))
        assert kinds == [IncidentEvent.Kind.OPENED, IncidentEvent.Kind.JOINED]
        assert AuditEvent.objects.filter(action=AuditAction.INCIDENT_JOINED).count() == 1
        # An incident's items wait for a responder: no deadline is swept any more.
        assert sla_escalate_breached(now=at + timedelta(days=30)) == 0
        assert audit_verify().ok

    def test_an_item_left_alone_climbs_the_whole_ladder(self, queue: Queue) -> None:
        item = ingest(queue, output=TIER1)
        first = item.breach_at + SECOND
        assert sla_escalate_breached(now=first) == 1
        second = fresh(item).breach_at + SECOND
        assert second == first + timedelta(seconds=3600) + SECOND
        assert sla_escalate_breached(now=second) == 1

        tickets = list(Escalation.objects.filter(item=item).order_by("created_at"))
        ladder = [(t.from_tier, t.to_tier) for t in tickets]
        assert ladder == [("tier1", "sme"), ("sme", "incident")]
        assert fresh(item).state == Item.State.INCIDENT
        assert Incident.objects.get().items.get() == fresh(item)
        assert [e.data["tier"] for e in breached_events(item)] == ["tier1", "sme"]

    def test_items_not_yet_due_are_untouched(self, queue: Queue) -> None:
        first = ingest(queue, output=TIER1)
        others = [
            ingest_later(queue, timedelta(minutes=1), output=TIER1),
            ingest_later(queue, timedelta(minutes=2), output=TIER1),
            ingest_later(queue, timedelta(minutes=3), output=SME),
        ]
        before = list(Item.objects.order_by("pk").values())
        events = AuditEvent.objects.count()

        assert sla_escalate_breached(now=first.breach_at - timedelta(microseconds=1)) == 0

        assert list(Item.objects.order_by("pk").values()) == before
        assert not Escalation.objects.exists()
        assert AuditEvent.objects.count() == events
        # Exactly at its deadline an item is breached; the others, later, are not.
        assert sla_escalate_breached(now=first.breach_at) == 1
        assert Escalation.objects.get().item_id == first.pk
        after = {i.pk: (i.state, i.tier, i.breach_at) for i in Item.objects.all()}
        assert [after[i.pk] for i in others] == [(i.state, i.tier, i.breach_at) for i in others]

    def test_decided_items_never_breach(self, queue: Queue) -> None:
        annotator = reviewer("quick-annotator", queue)
        item = ingest(queue, output=TIER1)
        other = ingest_later(queue, timedelta(minutes=1), output=TIER1)
        start = item.enqueued_at
        assignment = assignment_claim(queue=queue, reviewer=annotator, now=start + SECOND)
        assert assignment is not None and assignment.item_id == item.pk
        assignment_decide(
            assignment_id=assignment.pk,
            reviewer=annotator,
            verdict="approve",
            now=start + 2 * SECOND,
        )
        assert (fresh(item).state, fresh(item).breach_at) == (Item.State.DECIDED, None)

        assert sla_escalate_breached(now=start + timedelta(days=365)) == 1  # only the other

        assert list(Escalation.objects.values_list("item_id", flat=True)) == [other.pk]
        assert fresh(item).state == Item.State.DECIDED
        assert breached_events(item) == []

    def test_batches_cover_every_breach(self, queue: Queue) -> None:
        items = [ingest(queue, output=TIER1) for _ in range(7)]
        now = max(i.breach_at for i in items) + SECOND

        assert sla_escalate_breached(now=now, batch=3) == 7

        per_item = Counter(Escalation.objects.values_list("item_id", flat=True))
        assert per_item == Counter(i.pk for i in items)
        assert sla_escalate_breached(now=now, batch=3) == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_racing_sweepers_escalate_each_breach_exactly_once() -> None:
    """Several sweeps at once (two beats, a re-run task): SKIP LOCKED shares the rows."""
    queue = make_queue("sla-race")
    items = [ingest(queue, output=TIER1) for _ in range(60)]
    now = max(i.breach_at for i in items) + SECOND
    late = [ingest_later(queue, timedelta(hours=1), output=TIER1) for _ in range(5)]
    sweepers = 6

    counts = run_together(sweepers, lambda _: sla_escalate_breached(now=now, batch=4))

    assert sum(counts) == len(items)
    assert sum(1 for c in counts if c) > 1, f"the sweeps did not overlap: {counts}"
    per_item = Counter(
        Escalation.objects.filter(reason="sla_breach").values_list("item_id", flat=True)
    )
    assert per_item == Counter(i.pk for i in items)  # each breached item once, no others
    events = Counter(
        AuditEvent.objects.filter(action=AuditAction.SLA_BREACHED).values_list(
            "target_id", flat=True
        )
    )
    assert events == Counter(str(i.pk) for i in items)
    tiers = dict(Item.objects.filter(queue=queue).values_list("pk", "tier"))
    assert {tiers[i.pk] for i in items} == {"sme"}
    assert {tiers[i.pk] for i in late} == {"tier1"}
    result = audit_verify()
    assert result.ok, result.reason


@pytest.mark.postgres
@pytest.mark.django_db
def test_sweep_query_reads_the_partial_breach_index(queue: Queue) -> None:
    for _ in range(30):
        ingest(queue, output=TIER1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'item_breach_idx'")
        (definition,) = cursor.fetchone()
    assert "WHERE (breach_at IS NOT NULL)" in definition  # decided items leave it

    with transaction.atomic(), connection.cursor() as cursor:
        # Tiny tables favour a sequential scan; forbid it to see which index the planner
        # can use for this exact statement (the partial index's predicate must be implied
        # by the query's WHERE).
        cursor.execute("SET LOCAL enable_seqscan = off")
        breached = breached_query(now=timezone.now(), limit=500)
        assert str(breached.query).endswith("FOR UPDATE SKIP LOCKED")
        plan = breached.explain()
    assert "item_breach_idx" in plan, plan
