"""In real Chromium: the queue dashboard draws its charts under the strict CSP, and the
threshold simulator drafts an inactive policy version from a chosen point."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from reviews.intake.models import Item
from reviews.quality.services.rollups import rollups_catch_up
from reviews.queues.models import TierPolicy
from reviews.work.services.claims import assignment_claim
from reviews.work.services.decisions import assignment_decide
from tests.browser.test_login import log_in
from tests.factories import ingest
from tests.reviews.reviewing import RATIONALE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHARTS = ("override", "tth", "workload", "escalations", "drift", "reliability")


def problems(page: Any) -> list[str]:
    """Console errors, uncaught exceptions and CSP violations, as they happen (but the
    browser's own request for a /favicon.ico that hitl does not serve)."""
    seen: list[str] = []

    def console(message: Any) -> None:
        if "favicon.ico" in (message.location or {}).get("url", ""):
            return
        if message.type == "error" or "Content Security Policy" in message.text:
            seen.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda exc: seen.append(str(exc)))
    return seen


def worked(queue: Any, annotator: Any, confidences: list[float], verdicts: list[str]) -> None:
    for n, confidence in enumerate(confidences):
        ingest(queue, output={"label": "approve" if n % 3 else "deny", "confidence": confidence})
    for verdict in verdicts:
        lease = assignment_claim(queue=queue, reviewer=annotator)
        assert lease is not None
        model = Item.objects.get(pk=lease.item_id).output_label
        body: dict[str, Any] = {"verdict": verdict}
        if verdict == "override":
            body |= {"label": "deny" if model == "approve" else "approve", **RATIONALE}
        if verdict == "escalate":
            body |= RATIONALE
        assignment_decide(assignment_id=lease.pk, reviewer=annotator, **body)


def test_the_dashboard_draws_every_chart_with_no_error(page, queue, annotator, admin_user):
    # Work in two consecutive hours, so that drift has a previous hour to compare with.
    with time_machine.travel(timezone.now() - timedelta(hours=1)):
        worked(queue, annotator, [0.55, 0.6, 0.65, 0.7], ["approve", "override", "approve"])
    worked(
        queue,
        annotator,
        [0.75, 0.8, 0.85, 0.58, 0.62],
        ["approve", "override", "escalate", "approve", "approve", "approve"],
    )
    rollups_catch_up()
    seen = problems(page)

    log_in(page, "admin")
    page.wait_for_url("**/")
    page.goto(f"/queues/{queue.slug}/dashboard/")
    page.wait_for_selector("[data-chart=reliability] canvas")
    page.wait_for_selector("[data-chart=simulator] canvas")

    for chart in (*CHARTS, "simulator"):
        size = page.locator(f"[data-chart={chart}] canvas").evaluate(
            "c => [c.width, c.height, c.getBoundingClientRect().width]"
        )
        assert min(size) > 0, (chart, size)
    assert page.locator("[data-tile=override] .tile-value").inner_text().endswith("%")

    # The simulator: choose a point, draft a policy version there, still inactive.
    before = TierPolicy.objects.filter(queue=queue).count()
    page.fill("#simulator-threshold", "0.8")
    assert "at 0.80:" in page.locator("#simulator-readout").inner_text()
    page.get_by_role("button", name="Draft policy at this threshold").click()
    page.wait_for_selector("#simulator-result:has-text('Drafted policy version')")
    drafted = TierPolicy.objects.filter(queue=queue).order_by("-version").first()
    assert TierPolicy.objects.filter(queue=queue).count() == before + 1
    assert drafted.auto_approve_at == 0.8
    queue.refresh_from_db()
    assert queue.active_policy_id != drafted.pk

    # Filters submit on change, and the charts redraw for the new window.
    page.locator("input[name=window][value='7d']").check()
    page.wait_for_url("**window=7d**")
    page.wait_for_selector("[data-chart=workload] canvas")
    assert seen == []
