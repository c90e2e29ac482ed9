"""Audit event types. Stable numbers: never renumber, only add."""

from __future__ import annotations

from django.db import models


class AuditAction(models.IntegerChoices):
    # Items 1xx
    ITEM_RECEIVED = 101, "item received and routed"  # one event: one transaction at ingest
    ITEM_ROUTED = 102, "item re-routed"
    ITEM_TRANSITIONED = 103, "item changed state"
    ITEM_SAMPLED = 104, "auto-approved item sampled for review (active learning)"
    # Queues and policies 2xx
    QUEUE_CREATED = 201, "queue created"
    QUEUE_UPDATED = 202, "queue updated"
    POLICY_CREATED = 211, "policy version created"
    POLICY_ACTIVATED = 212, "policy version activated"
    CONTAINMENT_SET = 221, "containment set"
    CONTAINMENT_LIFTED = 222, "containment lifted"
    # Access 3xx
    TOKEN_ISSUED = 301, "API token issued"
    TOKEN_REVOKED = 302, "API token revoked"
    USER_CREATED = 311, "user created"
    PERMISSION_GRANTED = 321, "queue permission granted"
    RAW_INPUT_REVEALED = 331, "raw input revealed"
    RAW_INPUTS_PURGED = 332, "raw inputs purged (retention)"
    # Review 4xx
    ASSIGNMENT_CLAIMED = 401, "item leased to a reviewer"
    ASSIGNMENT_RELEASED = 402, "lease given back"
    ASSIGNMENT_EXPIRED = 403, "lease expired"
    DECISION_RECORDED = 411, "reviewer verdict recorded"
    ITEM_DECIDED = 412, "item decided by consensus"
    ITEM_ESCALATED = 421, "item escalated"
    ESCALATION_ACKNOWLEDGED = 422, "escalation acknowledged"
    ESCALATION_RESOLVED = 423, "escalation resolved"
    EVIDENCE_BUNDLE_BUILT = 424, "evidence bundle built"
    SLA_BREACHED = 425, "SLA breached"
    GOLD_ITEM_CREATED = 431, "gold item added"
    GOLD_SCORED = 432, "verdict on a gold item scored"
    REVIEWER_DISQUALIFIED = 433, "reviewer disqualified on a queue"
    REVIEWER_REQUALIFIED = 434, "reviewer re-qualified on a queue"
    # Webhooks 5xx
    WEBHOOK_ENDPOINT_CREATED = 501, "webhook endpoint created"
    WEBHOOK_SECRET_ROTATED = 502, "webhook secret rotated"
    WEBHOOK_REDELIVERED = 503, "webhook delivery sent again"
    WEBHOOK_ENDPOINT_UPDATED = 504, "webhook endpoint changed"
    # Incidents 6xx
    INCIDENT_OPENED = 601, "incident opened"
    INCIDENT_JOINED = 602, "escalation joined an incident"
    INCIDENT_STATE_CHANGED = 603, "incident state changed"
    INCIDENT_UPDATED = 604, "incident severity, owner or notes changed"
    INCIDENT_NOTE_ADDED = 605, "note added to an incident"
    # Quality measurement 7xx
    CALIBRATION_FITTED = 701, "calibration map fitted and activated"
    ALERT_RULE_CREATED = 711, "alert rule created"
    ALERT_RULE_CHANGED = 712, "alert rule changed"
    ALERT_FIRED = 721, "alert rule fired"
    ALERT_RESOLVED = 722, "alert rule stopped firing"
    # Datasets 8xx
    DATASET_REQUESTED = 801, "dataset snapshot requested"
    DATASET_BUILT = 802, "dataset snapshot built"
    DATASET_FAILED = 803, "dataset snapshot failed"
    DATASET_RAW_EXPORTED = 804, "dataset snapshot with raw inputs exported"
    DATASET_DOWNLOADED = 805, "dataset snapshot file downloaded"
    DATASET_TRIGGER_CHANGED = 811, "retraining trigger changed"
    # Audit itself 9xx
    CHAIN_VERIFIED = 901, "audit chain verified"
