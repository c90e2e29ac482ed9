"""The datasets page's URLs (pages.py); the API's are in urls.py."""

from __future__ import annotations

from django.urls import path

from datasets import pages

urlpatterns = [
    path("queues/<slug:slug>/datasets/", pages.datasets_page, name="datasets"),
    path("queues/<slug:slug>/datasets/<int:pk>/row/", pages.dataset_row, name="datasets-row"),
    path("queues/<slug:slug>/datasets/trigger/", pages.trigger_set, name="datasets-trigger"),
]
