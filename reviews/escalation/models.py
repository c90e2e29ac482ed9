"""Escalation tickets, incidents and their timelines, and the alert rules that open incidents."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q

from reviews.choices import (
    Tier,
)
from reviews.defaults import empty_dict


class Escalation(models.Model):
    """A ticket that moves an item up a tier (SPEC §2), with its evidence bundle."""

    class Reason(models.TextChoices):
        REVIEWER = "reviewer", "A reviewer escalated"
        DISAGREEMENT = "disagreement", "Reviewers disagreed"
        SLA_BREACH = "sla_breach", "SLA breached"
        LOW_CONFIDENCE = "low_confidence", "Low confidence"
        SLICE_RULE = "slice_rule", "Slice rule"
        ALERT = "alert", "Alert"

    class Target(models.TextChoices):
        TIER1 = "tier1", "Tier 1"
        SME = "sme", "SME"
        INCIDENT = "incident", "Incident response"

    class State(models.TextChoices):
        OPEN = "open", "Open"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        RESOLVED = "resolved", "Resolved"

    TRANSITIONS: dict[str, frozenset[str]] = {
        State.OPEN: frozenset({State.ACKNOWLEDGED, State.RESOLVED}),
        State.ACKNOWLEDGED: frozenset({State.RESOLVED}),
        State.RESOLVED: frozenset(),
    }

    item = models.ForeignKey("reviews.Item", on_delete=models.PROTECT, related_name="escalations")
    queue = models.ForeignKey("reviews.Queue", on_delete=models.PROTECT, related_name="escalations")
    from_tier = models.CharField(max_length=8, choices=Tier.choices)
    to_tier = models.CharField(max_length=8, choices=Target.choices)
    reason = models.CharField(max_length=16, choices=Reason.choices)
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    note = models.TextField(blank=True)
    # {"verdicts": [{"reviewer", "verdict", "label", "rationale", "reason_code", …}, …]}
    data = models.JSONField(default=dict, blank=True)
    # The role group whose members own the ticket (SMEs, incident responders).
    owner_group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    # The ticket's own SLA: the target tier's time-to-decision from the item's policy.
    due_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.CharField(max_length=150, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.CharField(max_length=150, blank=True)
    resolution = models.TextField(blank=True)
    # Built after commit by a Celery task (audit/evidence.py); the reconciler re-drives
    # tickets still without one (reviews/tasks.py).
    bundle = models.OneToOneField(
        "audit.EvidenceBundle", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    incident = models.ForeignKey(
        "reviews.Incident",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="escalations",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The inbox: a queue's open tickets, oldest first.
            models.Index(
                fields=["queue", "created_at"],
                condition=~Q(state="resolved"),
                name="escalation_open_idx",
            ),
            # The reconciler: tickets whose bundle was never built.
            models.Index(
                fields=["created_at"],
                condition=Q(bundle__isnull=True),
                name="escalation_nobundle_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"escalation {self.pk}: item {self.item_id} {self.from_tier} → {self.to_tier}"


class Incident(models.Model):
    """Something wrong enough that responders own it: severity, owner, timeline (SPEC §2)."""

    class Severity(models.TextChoices):
        SEV1 = "sev1", "SEV1"
        SEV2 = "sev2", "SEV2"
        SEV3 = "sev3", "SEV3"

    class State(models.TextChoices):
        OPEN = "open", "Open"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        CONTAINED = "contained", "Contained"
        RESOLVED = "resolved", "Resolved"

    # Forward only, skipping allowed (a responder may resolve an open incident).
    TRANSITIONS: dict[str, frozenset[str]] = {
        State.OPEN: frozenset({State.ACKNOWLEDGED, State.CONTAINED, State.RESOLVED}),
        State.ACKNOWLEDGED: frozenset({State.CONTAINED, State.RESOLVED}),
        State.CONTAINED: frozenset({State.RESOLVED}),
        State.RESOLVED: frozenset(),
    }

    queue = models.ForeignKey("reviews.Queue", on_delete=models.PROTECT, related_name="incidents")
    title = models.CharField(max_length=200)
    severity = models.CharField(max_length=8, choices=Severity.choices, default=Severity.SEV3)
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incidents_owned",
    )
    owner_group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    items = models.ManyToManyField("reviews.Item", related_name="incidents", blank=True)
    opened_at = models.DateTimeField()
    opened_by = models.CharField(max_length=150)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    contained_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.TextField(blank=True)
    postmortem = models.TextField(blank=True)
    bundle = models.OneToOneField(
        "audit.EvidenceBundle", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [
            # "Open or join": the queue's unresolved incident, if any.
            models.Index(
                fields=["queue", "opened_at"],
                condition=~Q(state="resolved"),
                name="incident_unresolved_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"incident {self.pk}: {self.title}"


class IncidentEvent(models.Model):
    """One line of an incident's timeline: every action on it, in order."""

    class Kind(models.TextChoices):
        OPENED = "opened", "Opened"
        JOINED = "joined", "Escalation joined"
        STATE = "state", "State changed"
        OWNER = "owner", "Owner changed"
        SEVERITY = "severity", "Severity changed"
        CONTAINED = "contained", "Containment set"
        LIFTED = "lifted", "Containment lifted"
        DECIDED = "decided", "Item decided"
        NOTE = "note", "Note"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    actor = models.CharField(max_length=150)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    text = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"incident {self.incident_id} {self.kind} at {self.at:%Y-%m-%d %H:%M}"


class AlertRule(models.Model):
    """An admin's rule on a queue metric (SPEC §4): compare, and act when it fires."""

    class Metric(models.TextChoices):
        OVERRIDE_RATE = "override_rate", "Override rate"
        ESCALATIONS_PER_10K = "escalations_per_10k", "Escalations per 10k"
        TIME_TO_HUMAN_P95 = "time_to_human_p95", "Time-to-human p95 (s)"
        TIME_TO_DECISION_P95 = "time_to_decision_p95", "Time-to-decision p95 (s)"
        ECE = "ece", "Calibration error (ECE)"
        PSI_CONFIDENCE = "psi_confidence", "Drift: PSI of confidence"
        PSI_LABELS = "psi_labels", "Drift: PSI of predicted labels"

    class Comparison(models.TextChoices):
        ABOVE = "above", "Above a threshold"
        BELOW = "below", "Below a threshold"
        RISE = "rise", "Up by a share against the previous window"
        FALL = "fall", "Down by a share against the previous window"

    queue = models.ForeignKey("reviews.Queue", on_delete=models.CASCADE, related_name="alert_rules")
    name = models.CharField(max_length=200)
    metric = models.CharField(max_length=32, choices=Metric.choices)
    comparison = models.CharField(max_length=8, choices=Comparison.choices)
    # Absolute threshold (above/below), or the relative change (rise/fall: 0.2 = 20 %).
    threshold = models.FloatField()
    window_s = models.PositiveIntegerField(default=3600)
    # Don't judge a window with fewer human decisions (or predictions) than this.
    min_count = models.PositiveIntegerField(default=20)
    # Slice tags the rule looks at ({} = the whole queue).
    slice = models.JSONField(default=empty_dict, blank=True)
    notify = models.BooleanField(default=True)
    open_incident = models.BooleanField(default=False)
    contain = models.BooleanField(default=False)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField()
    created_by = models.CharField(max_length=150)

    class Meta:
        ordering = ["queue", "name"]

    def __str__(self) -> str:
        return self.name


class AlertFiring(models.Model):
    """One stretch of time a rule was firing: opened once, closed when it stops (so a
    rule that stays firing is announced once, not at every evaluation)."""

    rule = models.ForeignKey(AlertRule, on_delete=models.CASCADE, related_name="firings")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    value = models.FloatField(null=True, blank=True)
    baseline = models.FloatField(null=True, blank=True)
    incident = models.ForeignKey(
        "reviews.Incident", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    containment = models.ForeignKey(
        "reviews.Containment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule"],
                condition=models.Q(ended_at__isnull=True),
                name="alert_one_open_firing",
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule} firing since {self.started_at:%Y-%m-%d %H:%M}"
