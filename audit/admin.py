from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from audit.models import AuditCheckpoint, AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("seq", "at", "actor_kind", "actor_label", "action", "target_type", "target_id")
    list_filter = ("action", "actor_kind", "target_type")
    search_fields = ("target_id", "actor_label", "request_id")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditCheckpoint)
class AuditCheckpointAdmin(admin.ModelAdmin):
    list_display = ("verified_at", "seq", "ok", "broken_seq", "reason")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
