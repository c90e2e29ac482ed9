"""The queue dashboard page (SPEC §8) with Django's test client.

Work goes through the real services (ingest, claim, decide) and the roll-up consumer;
the numbers the page shows are checked against the same quantities computed here from
the items in the database (numpy, scikit-learn), not against the page's own code.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

import numpy as np
import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from sklearn.metrics import precision_score, recall_score

from accounts.models import User
from reviews.intake.models import Item
from reviews.quality.services.rollups import rollups_catch_up
from reviews.queues.models import Queue
from reviews.work.models import Assignment, Decision
from reviews.work.services.claims import assignment_claim
from reviews.work.services.decisions import assignment_decide
from tests.factories import ingest
from tests.reviews.reviewing import RATIONALE

pytestmark = pytest.mark.django_db

# (model label, raw confidence, the annotator's final label): all routed to Tier 1.
WORK = [
    ("approve", 0.55, "approve"),
    ("approve", 0.62, "deny"),
    ("deny", 0.68, "deny"),
    ("approve", 0.71, "approve"),
    ("deny", 0.77, "approve"),
    ("approve", 0.83, "approve"),
    ("approve", 0.88, "approve"),
    ("deny", 0.58, "deny"),
]


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page(client: Client, queue: Queue, **params: str) -> str:
    response = client.get(f"/queues/{queue.slug}/dashboard/", params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def tile(html: str, name: str) -> str:
    """The value shown in the tile data-tile=name."""
    match = re.search(
        rf'data-tile="{name}">\s*<div class="tile-label">[^<]*</div>\s*'
        r'<div class="tile-value">([^<]*)</div>',
        html,
    )
    assert match, f"no tile {name}"
    return match[1]


def page_data(html: str) -> dict[str, Any]:
    match = re.search(r'<script id="dashboard-data" type="application/json">(.*?)</script>', html)
    assert match
    return json.loads(match[1])  # type: ignore[no-any-return]


def work(queue: Queue, annotator: User, rows: list[tuple[str, float, str]], **extra: Any) -> None:
    """Ingest the rows and have the annotator decide each: approve, or override."""
    for label, confidence, _ in rows:
        ingest(queue, output={"label": label, "confidence": confidence}, **extra)
    for _ in rows:
        lease = assignment_claim(queue=queue, reviewer=annotator)
        assert lease is not None
        item = Item.objects.get(pk=lease.item_id)
        final = next(f for m, c, f in rows if c == item.confidence)
        if final == item.output_label:
            assignment_decide(assignment_id=lease.pk, reviewer=annotator, verdict="approve")
        else:
            assignment_decide(
                assignment_id=lease.pk,
                reviewer=annotator,
                verdict="override",
                label=final,
                **RATIONALE,
            )


@pytest.mark.parametrize("persona", ["admin_user", "sme", "responder"])
def test_managers_smes_and_responders_see_the_dashboard(
    queue: Queue, persona: str, request: pytest.FixtureRequest
) -> None:
    user = request.getfixturevalue(persona)

    html = page(signed_in(user), queue)

    assert "dashboard" in html
    assert 'id="dashboard-data"' in html


def test_annotators_and_outsiders_get_404_and_strangers_the_login(
    queue: Queue, annotator: User, outsider: User
) -> None:
    for user in (annotator, outsider):
        assert signed_in(user).get(f"/queues/{queue.slug}/dashboard/").status_code == 404
    assert signed_in(annotator).get("/queues/nope/dashboard/").status_code == 404
    response = Client().get(f"/queues/{queue.slug}/dashboard/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_page_shows_the_window_numbers_from_the_rollups(
    queue: Queue, annotator: User, admin_user: User
) -> None:
    work(queue, annotator, WORK)
    rollups_catch_up()

    html = page(signed_in(admin_user), queue)

    items = list(Item.objects.filter(queue=queue, state=Item.State.DECIDED))
    assert len(items) == len(WORK)
    model = [i.output_label for i in items]
    final = [i.final_label for i in items]
    overridden = sum(m != f for m, f in zip(model, final, strict=True))
    assert tile(html, "override") == f"{overridden / len(items) * 100:.1f} %"
    assert tile(html, "override_routed") == f"{overridden / len(items) * 100:.1f} %"
    assert tile(html, "override_sampled") == "—"
    # ECE on the raw confidence, 10 equal-width bins (SPEC §4), computed here with numpy.
    conf = np.array([i.confidence for i in items])
    correct = np.array(model) == np.array(final)
    bins = np.minimum((conf * 10).astype(int), 9)
    ece = sum(
        (bins == b).sum() / len(items) * abs(correct[bins == b].mean() - conf[bins == b].mean())
        for b in range(10)
        if (bins == b).any()
    )
    assert tile(html, "ece") == f"{ece:.3f}"
    assert f"{len(WORK)} received" in html
    # Precision and recall of "approve" against scikit-learn, final label as truth.
    precision = precision_score(final, model, pos_label="approve")
    recall = recall_score(final, model, pos_label="approve")
    row = re.search(r"<tr><td><code>approve</code></td>(.*?)</tr>", html, re.S)
    assert row
    assert f"{precision * 100:.1f}%" in row[1]
    assert f"{recall * 100:.1f}%" in row[1]
    # The reviewer table, and the chart data the page hands to its script.
    assert re.search(r"<td>annotator</td><td class=\"num\">8</td>", html)
    data = page_data(html)
    assert sum(data["series"]["decided"]) == len(WORK)
    assert sum(data["series"]["routed_tier1"]) == len(WORK)
    assert [b["n"] for b in data["reliability"]] == [int((bins == b).sum()) for b in range(10)]
    for chart in ("override", "tth", "workload", "reliability"):
        assert f'data-chart="{chart}"' in html


def test_slice_and_model_version_filters_narrow_the_numbers(
    queue: Queue, annotator: User, admin_user: User
) -> None:
    work(queue, annotator, WORK[:3], slice={"region": "EU"})
    work(queue, annotator, WORK[3:], slice={"region": "US"}, model_version="model-2")
    rollups_catch_up()
    client = signed_in(admin_user)

    everything = page(client, queue)
    eu = page(client, queue, slice=json.dumps({"region": "EU"}, separators=(",", ":")))
    model_2 = page(client, queue, model_version="model-2")

    assert f"{len(WORK)} received" in everything
    assert "3 received" in eu
    assert f"{len(WORK) - 3} received" in model_2
    # The choices come from the roll-ups: both slices and both model versions are offered.
    assert "region: EU" in everything and "region: US" in everything
    assert '<option value="model-2"' in everything
    # The one override among the EU rows (WORK[1]) of three: 33.3 %.
    assert tile(eu, "override") == "33.3 %"
    # An unknown slice is not an error: it shows everything.
    assert f"{len(WORK)} received" in page(client, queue, slice='{"region":"Mars"}')


def test_the_window_selector_reaches_back_7_and_30_days(
    queue: Queue, annotator: User, admin_user: User
) -> None:
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        work(queue, annotator, WORK[:2])
    work(queue, annotator, WORK[2:])
    rollups_catch_up()
    client = signed_in(admin_user)

    assert f"{len(WORK) - 2} received" in page(client, queue)  # 24h by default
    week = page(client, queue, window="7d")
    assert f"{len(WORK)} received" in week
    assert page_data(week)["step_seconds"] == 6 * 3600
    assert f"{len(WORK)} received" in page(client, queue, window="30d")
    assert f"{len(WORK) - 2} received" in page(client, queue, window="forever")


def test_an_empty_queue_says_no_data_yet_instead_of_drawing(queue: Queue, admin_user: User) -> None:
    html = page(signed_in(admin_user), queue)

    assert "No data yet" in html
    for chart in ("override", "tth", "workload", "escalations", "drift", "reliability"):
        assert f'data-chart="{chart}"' not in html
    assert tile(html, "override") == "—"
    assert "No calibration map is fitted" in html


# Two clocks: mid-afternoon, when the 24-hour window is hour rows only, and just after
# midnight UTC, when it holds a whole day and reads day rows besides the edge hours.
@pytest.mark.parametrize("clock", ["2026-06-15T15:20:00Z", "2026-06-15T00:20:00Z"])
def test_the_page_reads_rollups_not_items(
    queue: Queue, annotator: User, admin_user: User, clock: str
) -> None:
    with time_machine.travel(clock, tick=True):
        work(queue, annotator, WORK)
        rollups_catch_up()
        client = signed_in(admin_user)
        page(client, queue)  # warm the session and the user

        with CaptureQueriesContext(connection) as queries:
            page(client, queue)

    sql = " ".join(q["sql"] for q in queries.captured_queries)
    for model in (Item, Decision, Assignment):
        assert not re.search(rf"\b{model._meta.db_table}\b", sql), model
    assert "reviews_metricrollup" in sql
    # A fixed number, whatever the items: a window is one to three roll-up reads (day rows
    # and the hours at its edges) in Python's path, one statement in PostgreSQL's.
    assert len(queries.captured_queries) <= 18


def test_my_queues_links_the_dashboard_only_for_those_who_may_read_it(
    queue: Queue, admin_user: User, annotator: User
) -> None:
    link = f'href="/queues/{queue.slug}/dashboard/"'

    assert link in signed_in(admin_user).get("/").content.decode()
    assert link not in signed_in(annotator).get("/").content.decode()
