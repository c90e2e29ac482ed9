"""The API's routes (/api/v1/), each served by the view of its domain."""

from __future__ import annotations

from django.urls import path

from reviews.escalation.api import alerts, escalations, incidents
from reviews.intake.api import predictions, raw
from reviews.quality.api import calibration, metrics
from reviews.queues.api import queues
from reviews.work.api import qualification, review

urlpatterns = [
    path("predictions/", predictions.PredictionCreateView.as_view(), name="api-prediction-create"),
    path("predictions/bulk/", predictions.PredictionBulkView.as_view(), name="api-prediction-bulk"),
    path(
        "predictions/<int:pk>/",
        predictions.PredictionDetailView.as_view(),
        name="api-prediction-detail",
    ),
    path("predictions/<int:pk>/raw/", raw.PredictionRawView.as_view(), name="api-prediction-raw"),
    path("queues/", queues.QueueListView.as_view(), name="api-queue-list"),
    path("queues/<slug:slug>/", queues.QueueDetailView.as_view(), name="api-queue-detail"),
    path(
        "queues/<slug:slug>/policies/",
        queues.QueuePolicyCreateView.as_view(),
        name="api-queue-policies",
    ),
    path(
        "queues/<slug:slug>/containment/",
        queues.QueueContainmentView.as_view(),
        name="api-queue-containment",
    ),
    path(
        "queues/<slug:slug>/containment/<int:pk>/lift/",
        queues.ContainmentLiftView.as_view(),
        name="api-containment-lift",
    ),
    path(
        "queues/<slug:slug>/gold/",
        qualification.QueueGoldCreateView.as_view(),
        name="api-queue-gold",
    ),
    path(
        "queues/<slug:slug>/qualification/",
        qualification.QueueQualificationView.as_view(),
        name="api-queue-qualification",
    ),
    path(
        "queues/<slug:slug>/qualifications/<str:username>/requalify/",
        qualification.QualificationRequalifyView.as_view(),
        name="api-qualification-requalify",
    ),
    path("queues/<slug:slug>/claim/", review.QueueClaimView.as_view(), name="api-queue-claim"),
    path(
        "queues/<slug:slug>/metrics/",
        metrics.QueueMetricsView.as_view(),
        name="api-queue-metrics",
    ),
    path(
        "queues/<slug:slug>/calibration/",
        calibration.QueueCalibrationView.as_view(),
        name="api-queue-calibration",
    ),
    path(
        "queues/<slug:slug>/simulator/",
        calibration.QueueSimulatorView.as_view(),
        name="api-queue-simulator",
    ),
    path(
        "queues/<slug:slug>/simulator/draft/",
        calibration.QueueSimulatorDraftView.as_view(),
        name="api-queue-simulator-draft",
    ),
    path("queues/<slug:slug>/alerts/", alerts.QueueAlertsView.as_view(), name="api-queue-alerts"),
    path(
        "queues/<slug:slug>/alerts/<int:pk>/",
        alerts.AlertRuleDetailView.as_view(),
        name="api-alert-rule",
    ),
    path(
        "assignments/<int:pk>/decision/",
        review.AssignmentDecisionView.as_view(),
        name="api-assignment-decision",
    ),
    path(
        "assignments/<int:pk>/release/",
        review.AssignmentReleaseView.as_view(),
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
    path("incidents/", incidents.IncidentListView.as_view(), name="api-incident-list"),
    path("incidents/<int:pk>/", incidents.IncidentDetailView.as_view(), name="api-incident-detail"),
    path(
        "incidents/<int:pk>/transition/",
        incidents.IncidentTransitionView.as_view(),
        name="api-incident-transition",
    ),
    path(
        "incidents/<int:pk>/update/",
        incidents.IncidentUpdateView.as_view(),
        name="api-incident-update",
    ),
    path(
        "incidents/<int:pk>/notes/",
        incidents.IncidentNoteView.as_view(),
        name="api-incident-notes",
    ),
    path(
        "incidents/<int:pk>/contain/",
        incidents.IncidentContainView.as_view(),
        name="api-incident-contain",
    ),
    path(
        "incidents/<int:pk>/containments/<int:cid>/lift/",
        incidents.IncidentLiftView.as_view(),
        name="api-incident-lift",
    ),
    path(
        "incidents/<int:pk>/items/<int:item_id>/decision/",
        incidents.IncidentItemDecisionView.as_view(),
        name="api-incident-item-decision",
    ),
]
