"""Admin: snapshots are read-only (they are made by the service and never change);
retraining triggers are edited here or on the datasets page."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import admin
from django.http import HttpRequest

from accounts.models import User
from audit.services import Actor
from datasets.models import Dataset, RetrainTrigger
from datasets.services.triggers import retrain_trigger_set


@admin.register(Dataset)
class DatasetAdmin(admin.ModelAdmin):
    list_display = ("queue", "number", "status", "trigger", "raw", "row_count", "requested_at",
                    "built_at")  # fmt: skip
    list_filter = ("status", "trigger", "raw", "queue")
    list_select_related = ("queue",)
    ordering = ("-requested_at",)
    # The filter, counts and hashes, never file contents.
    readonly_fields = [field.name for field in Dataset._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(RetrainTrigger)
class RetrainTriggerAdmin(admin.ModelAdmin):
    list_display = ("queue", "every_corrected", "on_alert", "active", "counted_through")
    list_select_related = ("queue",)
    list_filter = ("active", "on_alert")
    fields = ("queue", "every_corrected", "on_alert", "active", "counted_through")
    readonly_fields = ("counted_through",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        # A trigger belongs to its queue for good; only what it reacts to changes.
        return ("queue", "counted_through") if obj is not None else ("counted_through",)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # Through the service: the change is audited and a re-armed trigger starts
        # counting afresh, exactly as on the datasets page.
        saved = retrain_trigger_set(
            queue=obj.queue,
            actor=Actor.for_user(cast(User, request.user)),  # the admin site: signed-in staff
            every_corrected=obj.every_corrected,
            on_alert=obj.on_alert,
            active=obj.active,
        )
        obj.pk, obj.counted_through = saved.pk, saved.counted_through

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # turn it off instead: the change is audited
