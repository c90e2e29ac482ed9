"""Admin: queues (with per-object permissions), their policy versions and containment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from guardian.admin import GuardedModelAdmin

from reviews.queues.models import Containment, Queue, TierPolicy
from reviews.queues.services.queues import RedactionPolicyInvalid, redaction_policy_clean


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
        "al_budget_per_day",
        "al_uncertainty",
        "al_diversity",
        "created_at",
        "created_by",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # new versions through the API, which audits them


class QueueAdminForm(forms.ModelForm):
    class Meta:
        model = Queue
        fields = "__all__"  # noqa: DJ007 - the admin decides what it shows (readonly_fields)

    def clean_redaction(self) -> dict[str, Any]:
        """The same check as queue creation: an unknown type would fail every ingest."""
        try:
            return redaction_policy_clean(self.cleaned_data.get("redaction"))
        except RedactionPolicyInvalid as exc:
            raise forms.ValidationError(str(exc)) from None


@admin.register(Queue)
class QueueAdmin(GuardedModelAdmin):
    """Per-queue permissions are managed from each queue's "Object permissions" page."""

    form = QueueAdminForm

    list_display = ("slug", "name", "active_policy", "created_at")
    search_fields = ("slug", "name")
    # Qualification settings change through the API, which audits them.
    readonly_fields = (
        "active_policy",
        "created_at",
        "gold_rate",
        "qualification_bar",
        "qualification_min_gold",
    )
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
        "al_budget_per_day",
        "created_at",
    )
    list_filter = ("queue", "risk_tier", "mode", "shadow")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # immutable: a change is a new version

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
