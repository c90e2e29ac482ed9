"""Admin: items, read-only (they change only through the services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from reviews.intake.models import Item


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "queue",
        "external_id",
        "route",
        "state",
        "release",
        "tier",
        "output_label",
        "confidence",
        "is_gold",
        "received_at",
    )
    list_filter = ("queue", "route", "state", "release", "tier", "is_gold")
    search_fields = ("external_id",)
    # `input` is the redacted form everyone sees. The raw input is personal data: never
    # shown here, since the admin keeps no audit trail of who read what; the audited
    # path is POST /api/v1/predictions/{id}/raw/ (reviews/intake/api/raw.py).
    exclude = ("raw_input",)
    list_select_related = ("queue",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
