"""Admin: escalation tickets (read-only) and alert rules.

Rules are saved through services/alerts.py, so every create and change is validated and
audited as it is from the API; their firings are records, shown read-only.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from accounts.models import User
from audit.services import Actor
from hitl.admin import ReadOnlyAdmin
from reviews.escalation.models import AlertFiring, AlertRule, Escalation
from reviews.escalation.services.alerts import (
    EDITABLE,
    alert_rule_create,
    alert_rule_update,
    rule_errors,
)


@admin.register(Escalation)
class EscalationAdmin(ReadOnlyAdmin):
    list_display = ("id", "item", "from_tier", "to_tier", "reason", "state", "created_at")
    list_filter = ("reason", "to_tier", "state")
    list_select_related = ("item",)
    raw_id_fields = ("item",)


class AlertFiringInline(admin.TabularInline):
    model = AlertFiring
    extra = 0
    fields = ("started_at", "ended_at", "value", "baseline", "incident", "containment")
    readonly_fields = fields
    ordering = ("-started_at",)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AlertRuleForm(forms.ModelForm):
    class Meta:
        model = AlertRule
        fields = ("queue", *EDITABLE)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        values = {name: cleaned.get(name) for name in EDITABLE}
        if isinstance(values["threshold"], float | int):
            values["threshold"] = float(values["threshold"])
        values["slice"] = values["slice"] if values["slice"] is not None else {}
        for field, messages in rule_errors(values).items():
            if field not in self.errors:
                self.add_error(field, messages)
        return cleaned


@admin.register(AlertRule)
class AlertRuleAdmin(admin.ModelAdmin):
    form = AlertRuleForm
    list_display = (
        "name", "queue", "metric", "comparison", "threshold", "window_s", "notify",
        "open_incident", "contain", "active",
    )  # fmt: skip
    list_filter = ("active", "metric", "queue")
    list_select_related = ("queue",)
    readonly_fields = ("created_at", "created_by")
    inlines = [AlertFiringInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        # A rule stays on its queue: its firings and audit trail are about that queue.
        return (*self.readonly_fields, "queue") if obj is not None else self.readonly_fields

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # switch a rule off (active) instead: its firings stay explained

    def save_model(self, request: HttpRequest, obj: AlertRule, form: Any, change: bool) -> None:
        actor = Actor.for_user(cast(User, request.user))  # the admin site: signed-in staff
        data = form.cleaned_data
        if change:
            alert_rule_update(
                rule=obj, changes={name: data[name] for name in EDITABLE}, actor=actor
            )
            return
        rule = alert_rule_create(
            queue=data["queue"],
            name=data["name"],
            metric=data["metric"],
            comparison=data["comparison"],
            threshold=float(data["threshold"]),
            window_s=data["window_s"],
            min_count=data["min_count"],
            slice_tags=data["slice"] or {},
            notify=data["notify"],
            open_incident=data["open_incident"],
            contain=data["contain"],
            actor=actor,
        )
        if not data["active"]:
            rule = alert_rule_update(rule=rule, changes={"active": False}, actor=actor)
        obj.pk, obj.created_at, obj.created_by = rule.pk, rule.created_at, rule.created_by
        obj._state.adding = False
