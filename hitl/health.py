"""Liveness and readiness probes."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hitl.celery import app as celery_app
from hitl.sql.probe import ping


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and serving requests."""
    return JsonResponse({"status": "ok"})


def _check_database() -> str | None:
    try:
        ping()
    except Exception as exc:  # noqa: BLE001 - any failure means not ready
        return type(exc).__name__
    return None


def _check_broker() -> str | None:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:  # noqa: BLE001 - any failure means not ready
        return type(exc).__name__
    return None


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready to take traffic: the database and the broker answer."""
    checks = {"database": _check_database(), "broker": _check_broker()}
    ready = all(error is None for error in checks.values())
    return JsonResponse(
        {
            "status": "ok" if ready else "unavailable",
            "checks": {name: error or "ok" for name, error in checks.items()},
        },
        status=200 if ready else 503,
    )
