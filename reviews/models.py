"""Every model of the reviews app, for Django's registry: each lives in its domain.

Code imports a model from its domain (`reviews.intake.models`); this module exists so
that Django, which loads `reviews.models`, finds them all under the `reviews` label.
"""

from reviews.escalation.models import AlertFiring, AlertRule, Escalation, Incident, IncidentEvent
from reviews.intake.models import Item
from reviews.quality.models import (
    CalibrationFit,
    MetricRollup,
    ReviewerRollup,
    RollupCursor,
    SamplerCursor,
)
from reviews.queues.models import (
    Containment,
    Queue,
    QueueGroupPermission,
    QueueUserPermission,
    TierPolicy,
)
from reviews.work.models import Assignment, Decision, Qualification

__all__ = [
    "AlertFiring",
    "AlertRule",
    "Assignment",
    "CalibrationFit",
    "Containment",
    "Decision",
    "Escalation",
    "Incident",
    "IncidentEvent",
    "Item",
    "MetricRollup",
    "Qualification",
    "Queue",
    "QueueGroupPermission",
    "QueueUserPermission",
    "ReviewerRollup",
    "RollupCursor",
    "SamplerCursor",
    "TierPolicy",
]
