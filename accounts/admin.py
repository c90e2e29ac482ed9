from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import ApiToken, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "kind", "email", "is_staff", "is_active")
    list_filter = ("kind", "is_staff", "is_active", "groups")
    fieldsets = (*BaseUserAdmin.fieldsets, ("hitl", {"fields": ("kind",)}))


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("prefix", "user__username", "name")
    # Keys are issued by `create_client` / `create_reviewer`, which show them once.
    readonly_fields = ("user", "name", "key_hash", "prefix", "created_at", "revoked_at")

    def has_add_permission(self, request: object) -> bool:
        return False
