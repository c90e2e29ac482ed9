from __future__ import annotations

from django.urls import path

from reviews.api import escalations, metrics, quality, raw, views

urlpatterns = [
    path("predictions/", views.PredictionCreateView.as_view(), name="api-prediction-create"),
    path("predictions/bulk/", views.PredictionBulkView.as_view(), name="api-prediction-bulk"),
    path(
        "predictions/<int:pk>/", views.PredictionDetailView.as_view(), name="api-prediction-detail"
    ),
    path("predictions/<int:pk>/raw/", raw.PredictionRawView.as_view(), name="api-prediction-raw"),
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
        "queues/<slug:slug>/metrics/",
        metrics.QueueMetricsView.as_view(),
        name="api-queue-metrics",
    ),
    path(
        "queues/<slug:slug>/calibration/",
        quality.QueueCalibrationView.as_view(),
        name="api-queue-calibration",
    ),
    path(
        "queues/<slug:slug>/simulator/",
        quality.QueueSimulatorView.as_view(),
        name="api-queue-simulator",
    ),
    path(
        "queues/<slug:slug>/simulator/draft/",
        quality.QueueSimulatorDraftView.as_view(),
        name="api-queue-simulator-draft",
    ),
    path("queues/<slug:slug>/alerts/", quality.QueueAlertsView.as_view(), name="api-queue-alerts"),
    path(
        "queues/<slug:slug>/alerts/<int:pk>/",
        quality.AlertRuleDetailView.as_view(),
        name="api-alert-rule",
    ),
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
    path("escalations/", escalations.EscalationListView.as_view(), name="api-escalation-list"),
    path(
        "escalations/<int:pk>/",
        escalations.EscalationDetailView.as_view(),
        name="api-escalation-detail",
    ),
    path(
        "escalations/<int:pk>/acknowledge/",
        escalations.EscalationAcknowledgeView.as_view(),
        name="api-escalation-acknowledge",
    ),
    path(
        "escalations/<int:pk>/resolve/",
        escalations.EscalationResolveView.as_view(),
        name="api-escalation-resolve",
    ),
    path(
        "escalations/<int:pk>/take/",
        escalations.EscalationTakeView.as_view(),
        name="api-escalation-take",
    ),
    path("incidents/", escalations.IncidentListView.as_view(), name="api-incident-list"),
    path(
        "incidents/<int:pk>/", escalations.IncidentDetailView.as_view(), name="api-incident-detail"
    ),
    path(
        "incidents/<int:pk>/transition/",
        escalations.IncidentTransitionView.as_view(),
        name="api-incident-transition",
    ),
    path(
        "incidents/<int:pk>/update/",
        escalations.IncidentUpdateView.as_view(),
        name="api-incident-update",
    ),
    path(
        "incidents/<int:pk>/notes/",
        escalations.IncidentNoteView.as_view(),
        name="api-incident-notes",
    ),
    path(
        "incidents/<int:pk>/contain/",
        escalations.IncidentContainView.as_view(),
        name="api-incident-contain",
    ),
    path(
        "incidents/<int:pk>/containments/<int:cid>/lift/",
        escalations.IncidentLiftView.as_view(),
        name="api-incident-lift",
    ),
    path(
        "incidents/<int:pk>/items/<int:item_id>/decision/",
        escalations.IncidentItemDecisionView.as_view(),
        name="api-incident-item-decision",
    ),
]
