from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import User
from audit.services import audit_verify
from datasets.models import RetrainTrigger
from reviews.intake.models import Item
from reviews.quality.models import MetricRollup
from reviews.queues.models import Queue
from reviews.work.models import Decision

pytestmark = pytest.mark.django_db


def seed(settings, tmp_path) -> str:
    settings.DATA_DIR = tmp_path
    out = StringIO()
    call_command("seed_demo", per_queue=20, stdout=out)
    return out.getvalue()


def test_seed_demo_loads_queues_people_and_predictions_across_routes(settings, tmp_path):
    printed = seed(settings, tmp_path)

    assert set(Queue.objects.values_list("slug", flat=True)) == {
        "loan-approvals",
        "content-moderation",
        "support-triage",
    }
    assert Item.objects.count() == 60
    assert set(Item.objects.values_list("route", flat=True)) == {"auto_approved", "tier1", "sme"}
    assert set(Item.objects.values_list("release", flat=True)) == {"released", "held"}
    for username in ("ana", "ben", "sam", "rita", "admin", "demo-model"):
        assert User.objects.filter(username=username).exists()
        assert username in printed
    assert "demo-ana-pw" in printed
    assert (tmp_path / "demo-credentials.txt").stat().st_mode & 0o077 == 0
    # Part of the work is done, so the dashboard has figures and the rest waits.
    assert Decision.objects.filter(reviewer__username__in=["ana", "ben", "sam"]).exists()
    assert Item.objects.filter(state="queued").exists()
    assert sum(r.decided for r in MetricRollup.objects.filter(span="h")) > 0
    loans = Queue.objects.get(slug="loan-approvals").active_policy
    assert (loans.tier1_time_to_human_s, loans.sme_time_to_human_s) == (300, 600)
    trigger = RetrainTrigger.objects.get(queue__slug="loan-approvals")
    assert (trigger.every_corrected, trigger.on_alert, trigger.active) == (10, True, True)
    assert audit_verify().ok


def test_seed_demo_twice_changes_nothing_and_prints_the_same_credentials(settings, tmp_path):
    first = seed(settings, tmp_path)
    counts = (Item.objects.count(), User.objects.count())

    second = seed(settings, tmp_path)

    assert (Item.objects.count(), User.objects.count()) == counts
    assert "demo predictions: 0 new" in second
    assert first.split("demo credentials")[1] == second.split("demo credentials")[1]
