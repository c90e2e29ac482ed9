"""The browser pages' routes, each served by the pages of its domain."""

from __future__ import annotations

from django.urls import path

from reviews.escalation.pages import escalations, incidents
from reviews.quality import pages as dashboard
from reviews.work import pages as review

urlpatterns = [
    path("", review.my_queues, name="my-queues"),
    path("queues/<slug:slug>/review/", review.review, name="review"),
    path(
        "queues/<slug:slug>/review/<int:assignment_id>/decide/", review.decide, name="review-decide"
    ),
    path(
        "queues/<slug:slug>/review/<int:assignment_id>/release/",
        review.release,
        name="review-release",
    ),
    path("queues/<slug:slug>/items/<int:item_id>/raw/", review.reveal_raw, name="review-reveal"),
    path("queues/<slug:slug>/dashboard/", dashboard.dashboard, name="dashboard"),
    path("escalations/", escalations.inbox, name="escalations"),
    path("escalations/<int:pk>/", escalations.ticket_page, name="escalation"),
    path(
        "escalations/<int:pk>/acknowledge/",
        escalations.acknowledge,
        name="escalation-acknowledge",
    ),
    path("escalations/<int:pk>/resolve/", escalations.resolve, name="escalation-resolve"),
    path("escalations/<int:pk>/take/", escalations.take, name="escalation-take"),
    path("incidents/", incidents.board, name="incidents"),
    path("incidents/<int:pk>/", incidents.incident_page, name="incident"),
    path("incidents/<int:pk>/transition/", incidents.transition, name="incident-transition"),
    path("incidents/<int:pk>/update/", incidents.update, name="incident-update"),
    path("incidents/<int:pk>/notes/", incidents.note, name="incident-note"),
    path("incidents/<int:pk>/contain/", incidents.contain, name="incident-contain"),
    path(
        "incidents/<int:pk>/containments/<int:cid>/lift/",
        incidents.lift,
        name="incident-lift",
    ),
    path(
        "incidents/<int:pk>/items/<int:item_id>/decide/",
        incidents.decide,
        name="incident-decide",
    ),
]
