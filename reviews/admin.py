"""Admin: queues, policies with their history, items (read-only), containment, the review
records (assignments, decisions, escalations; read-only) and reviewer qualifications."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from guardian.admin import GuardedModelAdmin

from audit.services import Actor
from reviews.models import (
    Assignment,
    Containment,
    Decision,
    Escalation,
    Item,
    Qualification,
    Queue,
    TierPolicy,
)
from reviews.services.qualification import NotDisqualified, qualification_requalify
from reviews.services.queues import RedactionPolicyInvalid, redaction_policy_clean


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
    # path is POST /api/v1/predictions/{id}/raw/ (reviews/api/raw.py).
    exclude = ("raw_input",)
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


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written by the review services, which audit them: viewable, never edited."""

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ("id", "item", "reviewer", "tier", "state", "leased_at", "expires_at")
    list_filter = ("state", "tier")
    list_select_related = ("item", "reviewer")
    raw_id_fields = ("item", "reviewer")


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("id", "item", "reviewer", "tier", "verdict", "label", "decided_at")
    list_filter = ("verdict", "tier")
    list_select_related = ("item", "reviewer")
    raw_id_fields = ("assignment", "item", "reviewer")


@admin.register(Escalation)
class EscalationAdmin(ReadOnlyAdmin):
    list_display = ("id", "item", "from_tier", "to_tier", "reason", "state", "created_at")
    list_filter = ("reason", "to_tier", "state")
    list_select_related = ("item",)
    raw_id_fields = ("item",)


@admin.register(Qualification)
class QualificationAdmin(ReadOnlyAdmin):
    """Standing on gold items; the one change allowed is the audited re-qualify action."""

    list_display = (
        "queue",
        "reviewer",
        "state",
        "gold_seen",
        "gold_correct",
        "accuracy",
        "changed_at",
        "changed_by",
    )
    list_filter = ("state", "queue")
    list_select_related = ("queue", "reviewer")
    actions = ["requalify"]

    def has_requalify_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("reviews.change_qualification"))

    @admin.action(
        description="Re-qualify the selected reviewers (audited)", permissions=["requalify"]
    )
    def requalify(self, request: HttpRequest, queryset: QuerySet[Qualification]) -> None:
        done = skipped = 0
        for row in queryset.select_related("queue", "reviewer"):
            try:
                qualification_requalify(
                    queue=row.queue, reviewer=row.reviewer, actor=Actor.for_user(request.user)
                )
            except NotDisqualified:
                skipped += 1
            else:
                done += 1
        self.message_user(request, f"Re-qualified {done}; {skipped} were not disqualified.")
        if skipped and not done:
            self.message_user(request, "Nothing to re-qualify.", level=messages.WARNING)


# Alert rules and calibration fits register themselves there.
from reviews import admin_quality  # noqa: E402, F401
