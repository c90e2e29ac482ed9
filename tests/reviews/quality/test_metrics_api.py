"""GET /api/v1/queues/{slug}/metrics/: who may read it, windows, and what it answers."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import User
from reviews.quality.services.rollups import rollups_catch_up
from reviews.queues.models import Queue
from tests.factories import ingest

pytestmark = pytest.mark.django_db


def metrics(client: Any, queue: Queue, **params: str) -> Any:
    return client.get(f"/api/v1/queues/{queue.slug}/metrics/", params)


def test_admins_read_the_rolled_up_metrics_with_an_hourly_series(
    queue: Queue, admin_user: User, api_as: Any
) -> None:
    for confidence in (0.95, 0.97, 0.6):
        ingest(queue, output={"label": "approve", "confidence": confidence})
    rollups_catch_up()

    response = metrics(api_as(admin_user), queue, window="24h", series="1")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["counts"]["received"] == 3
    assert body["counts"]["auto_approved"] == 2
    assert body["counts"]["routed_tier1"] == 1
    assert sum(point["received"] for point in body["series"]) == 3
    assert set(body) >= {"override_rate", "time_to_human", "agreement", "ece", "drift", "cost"}


def test_a_slice_filter_narrows_the_counts(queue: Queue, admin_user: User, api_as: Any) -> None:
    ingest(queue, slice={"region": "EU"})
    ingest(queue, slice={"region": "US"})
    rollups_catch_up()

    response = metrics(api_as(admin_user), queue, slice="region:EU")

    assert response.json()["counts"]["received"] == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"window": "forever"}, "window"),
        ({"window": "0h"}, "window"),
        ({"window": "999d"}, "window"),
        ({"start": "yesterday", "end": "2026-01-01T00:00Z"}, "start"),
        ({"start": "2026-01-02T00:00Z", "end": "2026-01-01T00:00Z"}, "end"),
        ({"slice": "region"}, "slice"),
    ],
)
def test_a_bad_window_or_slice_is_a_400_naming_the_field(
    queue: Queue, admin_user: User, api_as: Any, params: dict[str, str], field: str
) -> None:
    response = metrics(api_as(admin_user), queue, **params)

    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_annotators_outsiders_and_clients_get_404(
    queue: Queue, annotator: User, outsider: User, api_as: Any, api: Any
) -> None:
    for client in (api_as(annotator), api_as(outsider), api):
        response = metrics(client, queue)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "queue_not_found"
