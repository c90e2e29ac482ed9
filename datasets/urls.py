"""The snapshot API's routes, included under /api/v1/ (hitl/urls.py)."""

from __future__ import annotations

from django.urls import path

from datasets import api

urlpatterns = [
    path(
        "queues/<slug:slug>/datasets/", api.QueueDatasetsView.as_view(), name="api-queue-datasets"
    ),
    path("datasets/<int:pk>/", api.DatasetDetailView.as_view(), name="api-dataset-detail"),
    path(
        "datasets/<int:pk>/download/",
        api.DatasetDownloadView.as_view(),
        name="api-dataset-download",
    ),
]
