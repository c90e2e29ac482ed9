"""Admin: queues, policies with their history, items (read-only), containment."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from guardian.admin import GuardedModelAdmin

from reviews.models import Containment, Item, Queue, TierPolicy


class PolicyHistoryInline(admin.TabularInline):
    model = TierPolicy
    fk_name = "queue"
    extra = 0
    can_delete = False
    show_change_link = True
    fields = (
        "version",
        "auto_approve_at",
        "sme_below",
        "risk_tier",
        "mode",
        "shadow",
        "audit_sample_rate",
        "consensus_reviewers",
        "created_at",
        "created_by",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # new versions through the API, which audits them


@admin.register(Queue)
class QueueAdmin(GuardedModelAdmin):
    """Per-queue permissions are managed from each queue's "Object permissions" page."""

    list_display = ("slug", "name", "active_policy", "created_at")
    search_fields = ("slug", "name")
    readonly_fields = ("active_policy", "created_at")
    inlines = [PolicyHistoryInline]


@admin.register(TierPolicy)
class TierPolicyAdmin(admin.ModelAdmin):
    list_display = (
        "queue",
        "version",
        "auto_approve_at",
        "sme_below",
        "risk_tier",
        "mode",
        "shadow",
        "created_at",
    )
    list_filter = ("queue", "risk_tier", "mode", "shadow")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # immutable: a change is a new version

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


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
        "received_at",
    )
    list_filter = ("queue", "route", "state", "release", "tier")
    search_fields = ("external_id",)
    # The raw input is personal data: not shown here (raw access is a separate, audited path).
    exclude = ("input",)
    list_select_related = ("queue",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Containment)
class ContainmentAdmin(admin.ModelAdmin):
    list_display = ("queue", "slice", "active", "set_by", "set_at", "lifted_by", "lifted_at")
    list_filter = ("active", "queue")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # set and lifted through the API, which audits both

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
