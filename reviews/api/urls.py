from __future__ import annotations

from django.urls import path

from reviews.api import views

urlpatterns = [
    path("predictions/", views.PredictionCreateView.as_view(), name="api-prediction-create"),
    path("predictions/bulk/", views.PredictionBulkView.as_view(), name="api-prediction-bulk"),
    path(
        "predictions/<int:pk>/", views.PredictionDetailView.as_view(), name="api-prediction-detail"
    ),
    path("queues/", views.QueueListView.as_view(), name="api-queue-list"),
    path("queues/<slug:slug>/", views.QueueDetailView.as_view(), name="api-queue-detail"),
    path(
        "queues/<slug:slug>/policies/",
        views.QueuePolicyCreateView.as_view(),
        name="api-queue-policies",
    ),
    path(
        "queues/<slug:slug>/containment/",
        views.QueueContainmentView.as_view(),
        name="api-queue-containment",
    ),
    path(
        "queues/<slug:slug>/containment/<int:pk>/lift/",
        views.ContainmentLiftView.as_view(),
        name="api-containment-lift",
    ),
    path("queues/<slug:slug>/gold/", views.QueueGoldCreateView.as_view(), name="api-queue-gold"),
    path(
        "queues/<slug:slug>/qualification/",
        views.QueueQualificationView.as_view(),
        name="api-queue-qualification",
    ),
    path(
        "queues/<slug:slug>/qualifications/<str:username>/requalify/",
        views.QualificationRequalifyView.as_view(),
        name="api-qualification-requalify",
    ),
    path("queues/<slug:slug>/claim/", views.QueueClaimView.as_view(), name="api-queue-claim"),
    path(
        "assignments/<int:pk>/decision/",
        views.AssignmentDecisionView.as_view(),
        name="api-assignment-decision",
    ),
    path(
        "assignments/<int:pk>/release/",
        views.AssignmentReleaseView.as_view(),
        name="api-assignment-release",
    ),
]
