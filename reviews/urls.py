from __future__ import annotations

from django.urls import path

from reviews import views

urlpatterns = [
    path("", views.my_queues, name="my-queues"),
]
