from __future__ import annotations

from tests.factories import prediction_body


def test_client_ingests_one_prediction(api, queue):
    response = api.post("/api/v1/predictions/", prediction_body(queue), format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["route"] == "tier1"
