"""Admin: assignments and decisions (read-only records) and reviewers' qualifications."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts.request_types import AuthenticatedHttpRequest
from audit.services import Actor
from hitl.admin import ReadOnlyAdmin
from reviews.work.models import Assignment, Decision, Qualification
from reviews.work.services.qualification import NotDisqualified, qualification_requalify


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
    def requalify(
        self, request: AuthenticatedHttpRequest, queryset: QuerySet[Qualification]
    ) -> None:
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
