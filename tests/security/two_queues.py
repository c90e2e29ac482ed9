"""Two tenants, A and B, with one of every object type each, built through the services.

The insider holds every per-queue permission on queue A (submit, review, escalations,
incidents, raw PII, export, manage) and nothing global: the strongest account that should
still see nothing of B. B's objects belong to B's own people, so nothing the insider may
do on B could be "their own". A's objects mirror B's, so every refused request on B has
a twin on A that the same insider is allowed (the controls: a 404 that any request would
get proves nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Max, Model

from accounts.models import ApiToken, User
from audit.models import AuditEvent, EvidenceBundle
from datasets.models import Dataset, RetrainTrigger
from datasets.services.build import dataset_build, dataset_request
from reviews.escalation.models import AlertFiring, AlertRule, Escalation, Incident, IncidentEvent
from reviews.escalation.services.alerts import alert_rule_create
from reviews.intake.models import Item
from reviews.quality.models import CalibrationFit
from reviews.queues.models import Containment, Queue, TierPolicy
from reviews.queues.permissions import QueuePerm, Role
from reviews.queues.services.access import client_create, queue_grant, reviewer_create
from reviews.queues.services.queues import containment_set
from reviews.work.models import Assignment, Decision, Qualification
from reviews.work.services.claims import assignment_claim
from reviews.work.services.qualification import gold_create
from tests.factories import SYSTEM, ingest, make_queue
from tests.reviews.escalating import opened_incident, sme_ticket
from tests.reviews.reviewing import reviewer

PASSWORD = "pw-for-tests-only"


@dataclass(frozen=True)
class Tenant:
    """One queue and one object of each type on it; `ids` fills request path templates."""

    queue: Queue
    item: Item  # queued at Tier 1, leased (the assignment below)
    assignment: Assignment
    ticket: Escalation  # Tier 1 → SME, with its evidence bundle
    incident: Incident  # opened by an SME, with its bundle; its item waits for a responder
    incident_item: Item
    containment: Containment
    rule: AlertRule
    gold: Item
    dataset: Dataset  # built: its files are on disk
    reviewer: User  # the annotator holding `assignment`

    @property
    def ids(self) -> dict[str, Any]:
        return {
            "q": self.queue.slug,
            "item": self.item.pk,
            "assignment": self.assignment.pk,
            "ticket": self.ticket.pk,
            "incident": self.incident.pk,
            "incident_item": self.incident_item.pk,
            "containment": self.containment.pk,
            "rule": self.rule.pk,
            "gold": self.gold.pk,
            "dataset": self.dataset.pk,
            "reviewer": self.reviewer.username,
        }


def gold_body(external_id: str) -> dict[str, Any]:
    return {
        "external_id": external_id,
        "model_version": "model-1",
        "input": {"text": "A gold application."},
        "output": {"label": "approve", "confidence": 0.7},
        "gold_label": "deny",
    }


@dataclass(frozen=True)
class World:
    a: Tenant
    b: Tenant
    insider: User
    insider_key: str  # the insider's API token
    client_key: str  # a client system's token, scoped to queue A


def insider_of(queue: Queue) -> tuple[User, str]:
    """Every per-queue permission on `queue`, nothing global (not in the admins group)."""
    user, key = reviewer_create(
        username="insider", role=Role.RESPONDER, queues=[queue], password=PASSWORD, actor=SYSTEM
    )
    queue_grant(user=user, queue=queue, perms=tuple(QueuePerm), actor=SYSTEM)
    return user, key


def build_world() -> World:
    queue_a, queue_b = make_queue("queue-a"), make_queue("queue-b")
    insider, insider_key = insider_of(queue_a)
    a = tenant(queue_a, holder=insider)
    b = tenant(queue_b)
    client_key = client_create(name="client-a", queues=[queue_a], actor=SYSTEM)[1]
    return World(a=a, b=b, insider=insider, insider_key=insider_key, client_key=client_key)


def tenant(queue: Queue, *, holder: User | None = None) -> Tenant:
    """One object of each type on `queue`, made by its own people. `holder` (if given)
    holds the Tier 1 lease instead of the queue's annotator: the insider's own on A."""
    slug = queue.slug
    annotator = reviewer(f"{slug}-annotator", queue)
    sme = reviewer(f"{slug}-sme", queue, Role.SME)
    ticket = sme_ticket(queue, annotator, input={"text": f"Ticket of {slug}."})
    incident, incident_item = opened_incident(queue, sme, input={"text": f"Incident of {slug}."})
    item = ingest(queue, output={"label": "approve", "confidence": 0.7})
    lessee = holder or annotator
    assignment = assignment_claim(queue=queue, reviewer=lessee, tier="tier1")
    assert assignment is not None and assignment.item_id == item.pk
    containment = containment_set(
        queue=queue, slice_tags={"region": "EU"}, reason="Model 7 drifts in the EU.", actor=SYSTEM
    )
    rule = alert_rule_create(
        queue=queue,
        name="override rate above 30%",
        metric="override_rate",
        comparison="above",
        threshold=0.3,
        actor=SYSTEM,
    )
    gold = gold_create(queue=queue, raw=gold_body(f"gold-{slug}"), actor=SYSTEM)
    requested = dataset_request(queue=queue, actor=SYSTEM, user=None, filter=None, enqueue=False)
    dataset = dataset_build(dataset_id=requested.pk)
    assert dataset.status == Dataset.Status.READY
    return Tenant(
        queue=queue,
        item=item,
        assignment=assignment,
        ticket=ticket,
        incident=incident,
        incident_item=incident_item,
        containment=containment,
        rule=rule,
        gold=gold,
        dataset=dataset,
        reviewer=lessee,
    )


# Every table a request could change; MetricRollup and friends are derived, not state.
WATCHED: tuple[type[Model], ...] = (
    Queue,
    TierPolicy,
    Item,
    Assignment,
    Decision,
    Escalation,
    Incident,
    IncidentEvent,
    Containment,
    AlertRule,
    AlertFiring,
    Qualification,
    CalibrationFit,
    EvidenceBundle,
    Dataset,
    RetrainTrigger,
    ApiToken,
    User,
)


def db_state() -> dict[str, Any]:
    """Every row of every watched table, and the head of the audit trail."""
    state: dict[str, Any] = {
        model.__name__: list(model.objects.order_by("pk").values()) for model in WATCHED
    }
    state["audit"] = AuditEvent.objects.aggregate(last=Max("seq"))["last"]
    return state
