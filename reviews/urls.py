from __future__ import annotations

from django.urls import path

from reviews import views

urlpatterns = [
    path("", views.my_queues, name="my-queues"),
    path("queues/<slug:slug>/review/", views.review, name="review"),
    path(
        "queues/<slug:slug>/review/<int:assignment_id>/decide/", views.decide, name="review-decide"
    ),
    path(
        "queues/<slug:slug>/review/<int:assignment_id>/release/",
        views.release,
        name="review-release",
    ),
]
