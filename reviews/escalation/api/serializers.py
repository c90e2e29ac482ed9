"""API shapes of escalation tickets, incidents and their timelines."""

from __future__ import annotations

import json
from typing import Any

from rest_framework import serializers, status

from audit.evidence import bundle_verify
from audit.models import EvidenceBundle
from hitl.api.errors import ApiError
from hitl.api.fields import iso_z
from reviews.choices import Tier
from reviews.escalation.models import Escalation, Incident, IncidentEvent
from reviews.intake.models import Item
from reviews.queues.api.serializers import ContainmentOutSerializer

MAX_TEXT = 10_000
MAX_POSTMORTEM = 100_000


def conflict(code: str, message: str) -> ApiError:
    return ApiError(code=code, message=message, status_code=status.HTTP_409_CONFLICT)


# --- Shapes ------------------------------------------------------------------------


def _values(choices: Any) -> str:
    return ", ".join(choices.values)


class BundleOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sha256 = serializers.CharField(help_text="SHA-256 of the stored canonical JSON.")
    verified = serializers.BooleanField(help_text="Whether the content still hashes to sha256.")
    built_at = serializers.DateTimeField()
    content = serializers.JSONField(help_text="The bundle (SPEC §2), parsed.")


class EscalationOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    queue = serializers.CharField()
    item = serializers.IntegerField()
    external_id = serializers.CharField()
    # Plain strings on output: the choice sets share names with other components'.
    from_tier = serializers.CharField(help_text="tier1 or sme")
    to_tier = serializers.CharField(help_text="sme or incident")
    reason = serializers.CharField(help_text=_values(Escalation.Reason))
    state = serializers.CharField(help_text=_values(Escalation.State))
    owner_group = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField(allow_null=True)
    incident = serializers.IntegerField(allow_null=True)
    has_bundle = serializers.BooleanField()


class EscalationDetailOutSerializer(EscalationOutSerializer):
    note = serializers.CharField()
    # DRF's metaclass takes declared fields off the class: it does not hide Serializer.data.
    data = serializers.JSONField(  # type: ignore[assignment]
        help_text='{"verdicts": [...], ...} as the ticket was opened.'
    )
    acknowledged_at = serializers.DateTimeField(allow_null=True)
    acknowledged_by = serializers.CharField()
    resolved_at = serializers.DateTimeField(allow_null=True)
    resolved_by = serializers.CharField()
    resolution = serializers.CharField()
    bundle = BundleOutSerializer(allow_null=True, help_text="Null until the worker built it.")


def bundle_json(bundle: EvidenceBundle | None) -> dict[str, Any] | None:
    if bundle is None:
        return None
    return {
        "id": bundle.pk,
        "sha256": bundle.sha256,
        "verified": bundle_verify(bundle),
        "built_at": iso_z(bundle.built_at),
        "content": json.loads(bundle.content),
    }


def escalation_json(ticket: Escalation) -> dict[str, Any]:
    return {
        "id": ticket.pk,
        "queue": ticket.queue.slug,
        "item": ticket.item_id,
        "external_id": ticket.item.external_id,
        "from_tier": ticket.from_tier,
        "to_tier": ticket.to_tier,
        "reason": ticket.reason,
        "state": ticket.state,
        "owner_group": ticket.owner_group.name if ticket.owner_group else None,
        "created_at": iso_z(ticket.created_at),
        "due_at": iso_z(ticket.due_at),
        "incident": ticket.incident_id,
        "has_bundle": ticket.bundle_id is not None,
    }


def escalation_detail_json(ticket: Escalation) -> dict[str, Any]:
    return {
        **escalation_json(ticket),
        "note": ticket.note,
        "data": ticket.data,
        "acknowledged_at": iso_z(ticket.acknowledged_at),
        "acknowledged_by": ticket.acknowledged_by,
        "resolved_at": iso_z(ticket.resolved_at),
        "resolved_by": ticket.resolved_by,
        "resolution": ticket.resolution,
        "bundle": bundle_json(ticket.bundle),
    }


class IncidentOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    queue = serializers.CharField()
    title = serializers.CharField()
    severity = serializers.CharField(help_text=_values(Incident.Severity))
    state = serializers.CharField(help_text=_values(Incident.State))
    owner = serializers.CharField(allow_null=True, help_text="Username of the owner.")
    owner_group = serializers.CharField(allow_null=True)
    opened_at = serializers.DateTimeField()
    opened_by = serializers.CharField()
    acknowledged_at = serializers.DateTimeField(allow_null=True)
    contained_at = serializers.DateTimeField(allow_null=True)
    resolved_at = serializers.DateTimeField(allow_null=True)


class IncidentEventOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    at = serializers.DateTimeField()
    actor = serializers.CharField()
    kind = serializers.CharField(help_text=_values(IncidentEvent.Kind))
    text = serializers.CharField()
    # DRF's metaclass takes declared fields off the class: it does not hide Serializer.data.
    data = serializers.DictField()  # type: ignore[assignment]


class IncidentItemOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    external_id = serializers.CharField()
    state = serializers.CharField()
    tier = serializers.CharField()
    # DRF's metaclass takes declared fields off the class: it does not hide Field.label.
    label = serializers.CharField(help_text="The model's label.")  # type: ignore[assignment]
    confidence = serializers.FloatField()
    final_label = serializers.CharField()
    outcome = serializers.CharField()
    waiting = serializers.BooleanField(help_text="Waiting for a responder's decision.")


class IncidentDetailOutSerializer(IncidentOutSerializer):
    resolution = serializers.CharField()
    postmortem = serializers.CharField()
    timeline = IncidentEventOutSerializer(many=True)
    escalations = EscalationOutSerializer(many=True)
    items = IncidentItemOutSerializer(many=True)
    containments = ContainmentOutSerializer(many=True)
    bundle = BundleOutSerializer(allow_null=True, help_text="Null until the worker built it.")


def incident_json(incident: Incident) -> dict[str, Any]:
    return {
        "id": incident.pk,
        "queue": incident.queue.slug,
        "title": incident.title,
        "severity": incident.severity,
        "state": incident.state,
        "owner": incident.owner.username if incident.owner else None,
        "owner_group": incident.owner_group.name if incident.owner_group else None,
        "opened_at": iso_z(incident.opened_at),
        "opened_by": incident.opened_by,
        "acknowledged_at": iso_z(incident.acknowledged_at),
        "contained_at": iso_z(incident.contained_at),
        "resolved_at": iso_z(incident.resolved_at),
    }


def incident_event_json(event: IncidentEvent) -> dict[str, Any]:
    return {
        "id": event.pk,
        "at": iso_z(event.at),
        "actor": event.actor,
        "kind": event.kind,
        "text": event.text,
        "data": event.data,
    }


def item_waits_for_responder(item: Item) -> bool:
    return item.state == Item.State.INCIDENT and item.tier == Tier.INCIDENT


def incident_item_json(item: Item) -> dict[str, Any]:
    return {
        "id": item.pk,
        "external_id": item.external_id,
        "state": item.state,
        "tier": item.tier,
        "label": item.output_label,
        "confidence": item.confidence,
        "final_label": item.final_label,
        "outcome": item.outcome,
        "waiting": item_waits_for_responder(item),
    }


def incident_detail_json(incident: Incident) -> dict[str, Any]:
    escalations = incident.escalations.select_related("queue", "item", "owner_group")
    return {
        **incident_json(incident),
        "resolution": incident.resolution,
        "postmortem": incident.postmortem,
        "timeline": [incident_event_json(e) for e in incident.events.all()],
        "escalations": [escalation_json(t) for t in escalations.order_by("created_at", "id")],
        "items": [incident_item_json(i) for i in incident.items.order_by("pk")],
        "containments": ContainmentOutSerializer(
            incident.containments.order_by("set_at", "pk"), many=True
        ).data,
        "bundle": bundle_json(incident.bundle),
    }
