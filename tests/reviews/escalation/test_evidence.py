"""Evidence bundles (reviews/escalation/services/evidence.py, audit/evidence.py), reconciler.

Tickets are opened the way production opens them: a reviewer's escalate verdict or an
SLA breach, through the services. In these tests nothing is committed, so the bundle
task that escalations_open enqueues on commit never runs: exactly the lost task the
reconciler exists for.
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction

from accounts.models import User
from audit.actions import AuditAction
from audit.evidence import bundle_verify
from audit.models import AuditEvent, EvidenceBundle
from audit.services import audit_verify, target_of
from reviews.escalation.models import Escalation, Incident
from reviews.escalation.services.evidence import (
    RECONCILE_GRACE,
    bundles_reconcile,
    escalation_bundle_build,
    incident_bundle_build,
)
from reviews.escalation.services.sla import sla_escalate_breached
from reviews.intake.models import Item
from reviews.quality.services.rollups import rollups_catch_up
from reviews.queues.models import Queue
from reviews.work.services.claims import assignment_claim
from reviews.work.services.decisions import assignment_decide
from tests.factories import ingest
from tests.reviews.reviewing import RATIONALE

pytestmark = pytest.mark.django_db

ADDRESS = "jane.doe@example.com"
TIER1 = {"label": "approve", "confidence": 0.7}


def escalated_by_reviewer(queue: Queue, annotator: User) -> tuple[Item, Escalation]:
    """An item with an email address in its input, escalated to SMEs by its annotator."""
    item = ingest(
        queue,
        input={"text": f"Applicant {ADDRESS} asks for a review of the loan.", "amount": 1200},
        output=TIER1,
        slice={"region": "EU"},
    )
    assignment = assignment_claim(queue=queue, reviewer=annotator)
    assert assignment is not None and assignment.item_id == item.pk
    assignment_decide(
        assignment_id=assignment.pk, reviewer=annotator, verdict="escalate", **RATIONALE
    )
    return item, Escalation.objects.get(item=item)


def built_events(target: Escalation | Incident) -> int:
    target_type, target_id = target_of(target)
    return AuditEvent.objects.filter(
        action=AuditAction.EVIDENCE_BUNDLE_BUILT, target_type=target_type, target_id=target_id
    ).count()


def test_bundle_holds_the_redacted_input_verdicts_and_context(
    queue: Queue, annotator: User
) -> None:
    item, ticket = escalated_by_reviewer(queue, annotator)
    similar = ingest(queue, output=TIER1, slice={"region": "EU"})
    ingest(queue, output={"label": "deny", "confidence": 0.7}, slice={"region": "EU"})
    assert ticket.bundle_id is None  # its task runs after commit, which never comes here
    rollups_catch_up()  # KPIs come from the roll-ups, as beat keeps them every 10 s

    bundle = escalation_bundle_build(escalation_id=ticket.pk)

    assert bundle is not None
    content = json.loads(bundle.content)
    assert ADDRESS not in bundle.content
    assert "[EMAIL]" in content["input"]["text"]
    assert content["input"] == Item.objects.get(pk=item.pk).input
    assert (content["kind"], content["escalation"], content["item"]) == (
        "escalation",
        ticket.pk,
        item.pk,
    )
    assert (content["reason"], content["from_tier"], content["to_tier"]) == (
        "reviewer",
        "tier1",
        "sme",
    )
    assert content["output"]["label"] == "approve"
    assert content["output"]["confidence"] == 0.7
    assert content["model_version"] == item.model_version
    assert content["policy"]["version"] == item.policy.version
    assert content["trace"] == item.trace and content["trace"]
    (verdict,) = content["verdicts"]
    assert verdict["verdict"] == "escalate"
    assert verdict["reviewer"] == annotator.username
    assert verdict["rationale"] == RATIONALE["rationale"]
    assert verdict["reason_code"] == RATIONALE["reason_code"]
    assert content["kpis"]["queue"]["received"] == 3
    assert content["kpis"]["queue"]["escalated"] == 1
    assert content["kpis"]["slice"]["received"] == 3
    # Similar: same label and slice, not the item itself.
    assert [s["id"] for s in content["similar"]] == [similar.pk]
    ticket.refresh_from_db()
    assert ticket.bundle_id == bundle.pk
    assert (bundle.target_type, bundle.target_id) == ("reviews.escalation", str(ticket.pk))


def test_bundle_sha256_verifies_and_catches_a_change(queue: Queue, annotator: User) -> None:
    _, ticket = escalated_by_reviewer(queue, annotator)
    bundle = escalation_bundle_build(escalation_id=ticket.pk)
    assert bundle is not None
    stored = EvidenceBundle.objects.get(pk=bundle.pk)

    assert stored.sha256 == hashlib.sha256(stored.content.encode()).hexdigest()
    assert bundle_verify(stored)
    stored.content = stored.content.replace("escalate", "approve")
    assert not bundle_verify(stored)


def test_bundle_is_built_once(queue: Queue, annotator: User) -> None:
    _, ticket = escalated_by_reviewer(queue, annotator)

    first = escalation_bundle_build(escalation_id=ticket.pk)
    second = escalation_bundle_build(escalation_id=ticket.pk)

    assert first is not None and second is not None
    assert second.pk == first.pk
    assert second.content == first.content  # not rebuilt with a later built_at
    assert EvidenceBundle.objects.count() == 1
    assert built_events(ticket) == 1
    assert escalation_bundle_build(escalation_id=ticket.pk + 1000) is None  # no such ticket
    assert audit_verify().ok


@pytest.mark.postgres
def test_bundle_update_and_delete_are_refused_by_the_database(
    queue: Queue, annotator: User
) -> None:
    _, ticket = escalated_by_reviewer(queue, annotator)
    bundle = escalation_bundle_build(escalation_id=ticket.pk)
    assert bundle is not None

    for statement in (
        "UPDATE audit_evidencebundle SET content = '{}' WHERE id = %s",
        "DELETE FROM audit_evidencebundle WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="immutable"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [bundle.pk])

    stored = EvidenceBundle.objects.get(pk=bundle.pk)
    assert (stored.content, stored.sha256) == (bundle.content, bundle.sha256)
    assert bundle_verify(stored)


def test_reconciler_builds_the_bundles_whose_task_was_lost(queue: Queue, annotator: User) -> None:
    sme_item = ingest(queue, output={"label": "approve", "confidence": 0.3})
    breach_at = sme_item.breach_at + timedelta(seconds=1)
    assert sla_escalate_breached(now=breach_at) == 1  # SME breach: a ticket and an incident
    _, by_reviewer = escalated_by_reviewer(queue, annotator)
    by_sweep = Escalation.objects.get(item=sme_item)
    incident = Incident.objects.get()
    assert Escalation.objects.filter(bundle__isnull=True).count() == 2
    assert incident.bundle_id is None
    latest = max(by_reviewer.created_at, by_sweep.created_at, incident.opened_at)

    # Within the grace period the tasks may still be on their way: leave them be.
    assert bundles_reconcile(now=by_reviewer.created_at + RECONCILE_GRACE / 2) == 0
    assert not EvidenceBundle.objects.exists()

    assert bundles_reconcile(now=latest + RECONCILE_GRACE + timedelta(seconds=1)) == 3

    assert not Escalation.objects.filter(bundle__isnull=True).exists()
    incident.refresh_from_db()
    assert incident.bundle is not None
    content = json.loads(incident.bundle.content)
    assert content["kind"] == "incident"
    assert content["escalations"] == [by_sweep.pk]
    assert [i["item"] for i in content["items"]] == [sme_item.pk]
    assert EvidenceBundle.objects.count() == 3
    # Nothing left to do; the bundles stay as they were.
    assert bundles_reconcile(now=latest + timedelta(days=1)) == 0
    assert EvidenceBundle.objects.count() == 3
    assert incident_bundle_build(incident_id=incident.pk).pk == incident.bundle_id
    assert built_events(incident) == 1
    assert audit_verify().ok
