from __future__ import annotations

from django.urls import path

from audit import views

urlpatterns = [
    path("", views.audit_browser, name="audit-browser"),
    path("verify/", views.audit_verify_now, name="audit-verify-now"),
]
