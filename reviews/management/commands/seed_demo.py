"""Demo data for a first run: three queues, a user per role, a client, a few hundred predictions.

Content moderation has an active-learning budget: the sampler runs once at the end, so
a few auto-approved items wait in Tier 1 with the reason they were sampled.

Idempotent: a second run creates nothing new and prints the same credentials
(kept in HITL_DATA_DIR/demo-credentials.txt, since API keys are stored hashed).
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from accounts.models import User
from audit.services import Actor
from datasets.models import RetrainTrigger
from datasets.services.triggers import retrain_trigger_set
from reviews.intake.models import Item
from reviews.intake.services.ingest import predictions_ingest
from reviews.intake.services.validation import validate_prediction
from reviews.quality.services.rollups import rollups_catch_up
from reviews.quality.services.sampling import active_learning_sample
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from reviews.queues.services.access import client_create, reviewer_create
from reviews.queues.services.queues import policy_create, queue_create
from reviews.work.services.claims import assignment_claim
from reviews.work.services.decisions import VerdictFields, assignment_decide

ACTOR = Actor.system("seed_demo")

QUEUES: list[dict[str, Any]] = [
    {
        "slug": "loan-approvals",
        "name": "Loan approvals",
        "description": "Credit decisions from the underwriting model; held until decided.",
        "labels": [
            {"value": "approve", "description": "Meets the credit policy", "hotkey": "a"},
            {"value": "deny", "description": "Fails the credit policy", "hotkey": "d"},
            {"value": "refer", "description": "Needs an underwriter", "hotkey": "r"},
        ],
        "reason_codes": [
            {"code": "income_mismatch", "description": "Stated and verified income differ"},
            {"code": "policy_exception", "description": "Allowed by a documented exception"},
            {"code": "unreadable", "description": "Documents unusable"},
        ],
        "policy": {
            "auto_approve_at": 0.92,
            "sme_below": 0.6,
            "risk_tier": "high",
            "mode": "in_path",
            "audit_sample_rate": 0.05,
            "consensus": {"reviewers": 1, "rule": "majority", "on_disagreement": "escalate"},
            "slice_rules": [{"when": {"region": "EU", "product": "mortgage"}, "route": "sme"}],
            # Short on purpose: in the demo an item left alone reaches the SMEs within
            # 5 minutes and an incident 10 minutes after that (services/sla.py).
            "sla": {
                "tier1": {"time_to_human_s": 300, "time_to_decision_s": 900},
                "sme": {"time_to_human_s": 600, "time_to_decision_s": 1800},
            },
        },
        "slices": [
            {"region": "EU", "product": "mortgage"},
            {"region": "US", "product": "card"},
            {"region": "US", "product": "mortgage"},
            {"region": "EU", "product": "card"},
        ],
    },
    {
        "slug": "content-moderation",
        "name": "Content moderation",
        "description": "User posts flagged by the toxicity model; reviewed after publishing.",
        "labels": [
            {"value": "allow", "hotkey": "a"},
            {"value": "remove", "hotkey": "x"},
            {"value": "age_restrict", "hotkey": "g"},
        ],
        "reason_codes": [{"code": "harassment"}, {"code": "spam"}, {"code": "context_needed"}],
        "policy": {
            "auto_approve_at": 0.85,
            "sme_below": 0.3,
            "risk_tier": "medium",
            "mode": "post_hoc",
            "audit_sample_rate": 0.02,
            # Two blind verdicts per item: the dashboard's agreement figures have data.
            "consensus": {"reviewers": 2, "rule": "majority", "on_disagreement": "escalate"},
            # Up to 20 auto-approved posts a day back to Tier 1, the least certain first.
            "active_learning": {"budget_per_day": 20, "uncertainty": "margin", "diversity": 0.5},
        },
        "slices": [{"locale": "en"}, {"locale": "de"}, {"locale": "fr"}],
    },
    {
        "slug": "support-triage",
        "name": "Support triage",
        "description": "Ticket routing in shadow mode: nothing held while thresholds are tuned.",
        "labels": [
            {"value": "billing", "hotkey": "b"},
            {"value": "technical", "hotkey": "t"},
            {"value": "account", "hotkey": "c"},
            {"value": "other", "hotkey": "o"},
        ],
        "reason_codes": [{"code": "wrong_team"}, {"code": "multiple_issues"}],
        "policy": {
            "auto_approve_at": 0.8,
            "sme_below": 0.4,
            "risk_tier": "low",
            "mode": "post_hoc",
            "shadow": True,
        },
        "slices": [{"channel": "email"}, {"channel": "chat"}],
    },
]

PEOPLE = [
    ("ana", Role.ANNOTATOR),
    ("ben", Role.ANNOTATOR),
    ("sam", Role.SME),
    ("rita", Role.RESPONDER),
    ("admin", Role.ADMIN),
]

TEXTS = [
    "Applicant Jane Roe, jane.roe@example.com, +44 20 7946 0958, asks for {amount} over 25 years.",
    "Customer writes: my card 4111 1111 1111 1111 was charged twice, call me on (415) 555-0134.",
    "Post by user 8812: 'this product is a scam, contact me at deals dot example dot com'.",
    "Ticket: cannot log in since the update, account id 55120, from 192.0.2.44.",
    "Transfer of {amount} to IBAN DE89 3704 0044 0532 0130 00 flagged for review.",
    "Short comment with nothing personal in it, just an opinion about {amount} pricing.",
]


# Of each queue's waiting items, the share the demo reviewers decide at seeding, so the
# dashboard has figures and the SME inbox has tickets; the rest is left to work.
WORKED_SHARE = 0.5


class Command(BaseCommand):
    help = "Load demo queues, users per role, a client system and a few hundred predictions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--per-queue", type=int, default=120)

    def handle(self, *args: Any, per_queue: int, **options: Any) -> None:
        credentials = Path(settings.DATA_DIR) / "demo-credentials.txt"
        with transaction.atomic():
            queues = [self._queue(spec) for spec in QUEUES]
            if not credentials.exists() or not User.objects.filter(username="demo-model").exists():
                credentials.parent.mkdir(parents=True, exist_ok=True)
                credentials.write_text(self._people_and_client(queues))
                credentials.chmod(0o600)
        created = sum(
            self._predictions(queue, spec, per_queue)
            for queue, spec in zip(queues, QUEUES, strict=True)
        )
        self.stdout.write(f"demo predictions: {created} new")
        if created:
            decided = sum(self._work(queue) for queue in queues)
            self.stdout.write(f"demo verdicts: {decided} by ana, ben and sam")
        # After the work, so what it pulls in waits in Tier 1. No settling time: the
        # predictions above are committed and nothing else is writing. Beat runs it later.
        sampled = active_learning_sample(settle=timedelta(0))
        self.stdout.write(f"demo active-learning samples: {sampled} into Tier 1")
        self._retrain_trigger(queues[0])
        if created or sampled:
            rollups_catch_up()  # beat keeps them current; the dashboard needs no wait
        self.stdout.write(f"demo credentials (also in {credentials.name} under HITL_DATA_DIR):")
        self.stdout.write(credentials.read_text())

    def _queue(self, spec: dict[str, Any]) -> Queue:
        existing = Queue.objects.filter(slug=spec["slug"]).select_related("active_policy").first()
        if existing:
            self._active_learning(existing, spec["policy"].get("active_learning"))
            return existing
        fields = {k: v for k, v in spec.items() if k != "slices"}
        return queue_create(actor=ACTOR, **fields)

    def _active_learning(self, queue: Queue, wanted: dict[str, Any] | None) -> None:
        """A demo seeded before the sampler existed gets its budget as a new version
        (once: the next run finds it set)."""
        active = queue.active_policy
        if not wanted or active is None or active.al_budget_per_day > 0:
            return
        policy_create(
            queue=queue,
            policy={**active.as_json(), "active_learning": wanted},
            actor=ACTOR,
            note="seed_demo: active-learning budget",
        )

    def _retrain_trigger(self, queue: Queue) -> None:
        """The first queue makes a snapshot, and announces dataset.ready, every 10
        corrected labels and whenever an alert fires (set once: an admin may change it)."""
        if not RetrainTrigger.objects.filter(queue=queue).exists():
            retrain_trigger_set(
                queue=queue, actor=ACTOR, every_corrected=10, on_alert=True, active=True
            )
            self.stdout.write(f"demo retraining trigger: {queue.slug}, every 10 corrected labels")

    def _people_and_client(self, queues: list[Queue]) -> str:
        lines = ["username   role        password             API token"]
        for username, role in PEOPLE:
            password = f"demo-{username}-pw"
            _, key = reviewer_create(
                username=username,
                role=role,
                queues=queues if role != Role.ADMIN else [],
                password=password,
                actor=ACTOR,
            )
            lines.append(f"{username:<10} {role.value:<11} {password:<20} {key}")
        _, key = client_create(name="demo-model", queues=queues, actor=ACTOR)
        lines.append(f"{'demo-model':<10} {'client':<11} {'-':<20} {key}")
        return "\n".join(lines) + "\n"

    def _predictions(self, queue: Queue, spec: dict[str, Any], count: int) -> int:
        rng = random.Random(queue.slug)  # noqa: S311 - demo data, not security
        labels = [label["value"] for label in queue.labels]
        predictions = []
        for n in range(count):
            label = rng.choice(labels)
            confidence = round(min(1.0, max(0.0, rng.betavariate(5, 1.6))), 3)
            rest = [other for other in labels if other != label]
            scores = {label: confidence, rest[0]: round(1 - confidence, 3)}
            body = {
                "queue": queue.slug,
                "external_id": f"demo-{n:04d}",
                "model_version": rng.choice(["2026.10.1", "2026.11.0"]),
                "input": {
                    "text": rng.choice(TEXTS).format(amount=f"EUR {rng.randint(5, 900)}000"),
                    "customer_segment": rng.choice(["retail", "smb"]),
                },
                "output": {"label": label, "confidence": confidence, "scores": scores},
                "slice": rng.choice(spec["slices"]),
            }
            predictions.append(validate_prediction(body)[1])
        results = predictions_ingest(queue=queue, predictions=predictions, actor=ACTOR)
        return sum(1 for r in results if r.status.value == 201)

    def _work(self, queue: Queue) -> int:
        """The demo reviewers decide part of what waits: mostly approvals, some
        corrections, a few rejections and escalations, as a real day would have."""
        rng = random.Random(f"work-{queue.slug}")  # noqa: S311 - demo data
        people = [User.objects.get(username=name) for name in ("ana", "ben", "sam")]
        labels = [label["value"] for label in queue.labels]
        reason = queue.reason_codes[0]["code"]
        verdicts = 0
        budget = int(Item.objects.filter(queue=queue, state="queued").count() * WORKED_SHARE)
        while verdicts < budget:
            progressed = False
            for person in people:
                lease = assignment_claim(queue=queue, reviewer=person)
                if lease is None:
                    continue
                progressed = True
                model = Item.objects.values_list("output_label", flat=True).get(pk=lease.item_id)
                roll = rng.random()
                fields: VerdictFields = {"verdict": "approve"}
                if roll > 0.95:
                    fields = {"verdict": "escalate", "rationale": "Not sure; needs an expert."}
                elif roll > 0.9:
                    fields = {"verdict": "reject", "rationale": "The input is unreadable."}
                elif roll > 0.7:
                    other = rng.choice([label for label in labels if label != model])
                    fields = {"verdict": "override", "label": other, "rationale": "Misread."}
                if fields["verdict"] != "approve":
                    fields["reason_code"] = reason
                assignment_decide(assignment_id=lease.pk, reviewer=person, **fields)
                verdicts += 1
            if not progressed:
                break
        return verdicts
