"""The vocabularies of SPEC §2, shared by models, services and the API."""

from __future__ import annotations

from django.db import models


class Route(models.TextChoices):
    AUTO_APPROVED = "auto_approved", "Auto-approved"
    TIER1 = "tier1", "Tier 1"
    SME = "sme", "SME"


class Tier(models.TextChoices):
    TIER1 = "tier1", "Tier 1"
    SME = "sme", "SME"
    # Items in an incident are decided by its responders (services/incidents.py); nobody
    # claims this tier from a queue.
    INCIDENT = "incident", "Incident response"


class Release(models.TextChoices):
    RELEASED = "released", "Released"
    HELD = "held", "Held"


class Outcome(models.TextChoices):
    APPROVED = "approved", "Approved"
    CORRECTED = "corrected", "Corrected"
    REJECTED = "rejected", "Rejected"


class RiskTier(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class Mode(models.TextChoices):
    IN_PATH = "in_path", "In path (held until decided)"
    POST_HOC = "post_hoc", "Post hoc (released, reviewed afterwards)"


class ConsensusRule(models.TextChoices):
    MAJORITY = "majority", "Majority"
    UNANIMOUS = "unanimous", "Unanimous"
    WEIGHTED = "weighted", "Weighted by reviewer reliability"


class OnDisagreement(models.TextChoices):
    ESCALATE = "escalate", "Escalate to SME"


class SampleReason(models.TextChoices):
    NONE = "", "Not sampled"
    AUDIT = "audit", "Random audit sample"
    # Active learning (services/sampling.py): auto-approved items pulled into Tier 1 post hoc.
    UNCERTAINTY = "uncertainty", "Active learning: uncertain"
    DIVERSITY = "diversity", "Active learning: slice diversity"


# The sample reasons of the active-learning sampler, as opposed to the random audit.
ACTIVE_LEARNING_REASONS = (SampleReason.UNCERTAINTY, SampleReason.DIVERSITY)


class UncertaintyMeasure(models.TextChoices):
    """How the active-learning sampler scores an item's doubt (quality/stats/uncertainty.py)."""

    MARGIN = "margin", "Margin (1 − gap between the top two scores)"
    ENTROPY = "entropy", "Entropy of the scores, normalised"
