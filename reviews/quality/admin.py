"""Admin: calibration fits, made by services/calibration.py (API, beat); viewable, never edited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from reviews.quality.models import CalibrationFit


@admin.register(CalibrationFit)
class CalibrationFitAdmin(admin.ModelAdmin):
    """Fits are made by services/calibration.py (API, beat); viewable, never edited."""

    list_display = ("queue", "method", "n_items", "ece_before", "ece_after", "fitted_at", "active")
    list_filter = ("active", "method", "queue")
    list_select_related = ("queue",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
