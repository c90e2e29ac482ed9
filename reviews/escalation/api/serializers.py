"""API shapes of escalation tickets, incidents and their timelines."""

from __future__ import annotations

import json
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, status
from rest_framework.utils.serializer_helpers import ReturnList

from audit.evidence import bundle_verify
from audit.models import EvidenceBundle
from hitl.api.errors import ApiError
from reviews.escalation.models import Escalation, Incident, IncidentEvent
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
    verified = serializers.SerializerMethodField(
        help_text="Whether the content still hashes to sha256."
    )
    built_at = serializers.DateTimeField()
    content = serializers.SerializerMethodField(help_text="The bundle (SPEC §2), parsed.")

    def get_verified(self, bundle: EvidenceBundle) -> bool:
        return bundle_verify(bundle)

    def get_content(self, bundle: EvidenceBundle) -> dict[str, Any]:
        content: dict[str, Any] = json.loads(bundle.content)
        return content


class EscalationOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    queue = serializers.CharField(source="queue.slug")
    item = serializers.IntegerField(source="item_id")
    external_id = serializers.CharField(source="item.external_id")
    # Plain strings on output: the choice sets share names with other components'.
    from_tier = serializers.CharField(help_text="tier1 or sme")
    to_tier = serializers.CharField(help_text="sme or incident")
    reason = serializers.CharField(help_text=_values(Escalation.Reason))
    state = serializers.CharField(help_text=_values(Escalation.State))
    owner_group = serializers.CharField(source="owner_group.name", allow_null=True)
    created_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField(allow_null=True)
    incident = serializers.IntegerField(source="incident_id", allow_null=True)
    has_bundle = serializers.SerializerMethodField()

    def get_has_bundle(self, ticket: Escalation) -> bool:
        return ticket.bundle_id is not None


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


class IncidentOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    queue = serializers.CharField(source="queue.slug")
    title = serializers.CharField()
    severity = serializers.CharField(help_text=_values(Incident.Severity))
    state = serializers.CharField(help_text=_values(Incident.State))
    owner = serializers.CharField(
        source="owner.username", allow_null=True, help_text="Username of the owner."
    )
    owner_group = serializers.CharField(source="owner_group.name", allow_null=True)
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
    label = serializers.CharField(  # type: ignore[assignment]
        source="output_label", help_text="The model's label."
    )
    confidence = serializers.FloatField()
    final_label = serializers.CharField()
    outcome = serializers.CharField()
    waiting = serializers.BooleanField(
        source="waits_for_responder", help_text="Waiting for a responder's decision."
    )


class IncidentDetailOutSerializer(IncidentOutSerializer):
    """The lists come in the order things happened, not in their models' default order
    (newest first), hence the methods; ListSerializer(child=…) is `many=True` as the type
    checker can see it."""

    resolution = serializers.CharField()
    postmortem = serializers.CharField()
    timeline = IncidentEventOutSerializer(many=True, source="events")
    escalations = serializers.SerializerMethodField()
    items = serializers.SerializerMethodField()
    containments = serializers.SerializerMethodField()
    bundle = BundleOutSerializer(allow_null=True, help_text="Null until the worker built it.")

    @extend_schema_field(EscalationOutSerializer(many=True))
    def get_escalations(self, incident: Incident) -> ReturnList:
        tickets = incident.escalations.select_related("queue", "item", "owner_group")
        ordered = tickets.order_by("created_at", "id")
        return serializers.ListSerializer(ordered, child=EscalationOutSerializer()).data

    @extend_schema_field(IncidentItemOutSerializer(many=True))
    def get_items(self, incident: Incident) -> ReturnList:
        items = incident.items.order_by("pk")
        return serializers.ListSerializer(items, child=IncidentItemOutSerializer()).data

    @extend_schema_field(ContainmentOutSerializer(many=True))
    def get_containments(self, incident: Incident) -> ReturnList:
        containments = incident.containments.order_by("set_at", "pk")
        return serializers.ListSerializer(containments, child=ContainmentOutSerializer()).data
