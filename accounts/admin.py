from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts.models import ApiToken, User
from accounts.request_types import AuthenticatedHttpRequest
from accounts.services import token_revoke
from audit.services import Actor


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "kind", "email", "is_staff", "is_active")
    list_filter = ("kind", "is_staff", "is_active", "groups")
    # django-stubs types fieldsets as optional; Django's UserAdmin always sets it.
    fieldsets = (*BaseUserAdmin.fieldsets, ("hitl", {"fields": ("kind",)}))  # type: ignore[misc]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("prefix", "user__username", "name")
    # Keys are issued by `create_client` / `create_reviewer` / `rotate_token`, which show
    # them once, and revoked by the action below or `rotate_token`: both audited.
    readonly_fields = ("user", "name", "key_hash", "prefix", "created_at", "revoked_at")
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # a deleted row leaves no trace; revoke instead

    @admin.action(description="Revoke the selected tokens", permissions=["change"])
    def revoke(self, request: AuthenticatedHttpRequest, queryset: QuerySet[ApiToken]) -> None:
        actor = Actor.for_user(request.user)
        live = list(queryset.filter(revoked_at__isnull=True))
        for token in live:
            token_revoke(token=token, actor=actor)
        self.message_user(request, f"{len(live)} token(s) revoked.", messages.SUCCESS)
