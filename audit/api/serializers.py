from __future__ import annotations

from rest_framework import serializers

from audit.models import AuditEvent


class AuditEventOutSerializer(serializers.ModelSerializer):
    action_name = serializers.CharField(source="get_action_display")
    # DRF's metaclass takes declared fields off the class, so this does not hide
    # Serializer.data at run time; the stubs see a class attribute.
    data = serializers.JSONField()  # type: ignore[assignment]

    class Meta:
        model = AuditEvent
        fields = [
            "seq",
            "at",
            "actor_kind",
            "actor_id",
            "actor_label",
            "action",
            "action_name",
            "target_type",
            "target_id",
            "data",
            "request_id",
            "prev_hash",
            "hash",
        ]


class VerifyOutSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    checked = serializers.IntegerField()
    last_seq = serializers.IntegerField()
    broken_seq = serializers.IntegerField(allow_null=True)
    reason = serializers.CharField()
