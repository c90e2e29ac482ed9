from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from hitl import health

handler400 = "hitl.api.errors.handler400"
handler404 = "hitl.api.errors.handler404"
handler500 = "hitl.api.errors.handler500"

api_v1 = [
    path("", include("reviews.api_urls")),
    path("", include("audit.api.urls")),
    path("", include("datasets.urls")),
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start-up script as a file (?script), not inline:
    # the Content-Security-Policy (hitl/csp.py) forbids inline code.
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="api/swagger_ui.html"
        ),
        name="api-docs",
    ),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("audit/", include("audit.urls")),
    path("", include("datasets.page_urls")),
    path("", include("reviews.urls")),
]
