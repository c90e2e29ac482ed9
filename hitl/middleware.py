"""Request-wide concerns: a request id for the audit trail, and the body size limit."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from hitl.request_context import reset_request_id, set_request_id

_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    """Tags each request with an id (the caller's X-Request-ID if it is sane)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        supplied = request.headers.get("X-Request-ID", "")
        token = set_request_id(supplied if _SAFE_REQUEST_ID.match(supplied) else None)
        try:
            response = self.get_response(request)
        finally:
            reset_request_id(token)
        return response


class BodySizeLimitMiddleware:
    """Refuses an oversize body with 413 before anything reads it.

    Django's own limit (DATA_UPLOAD_MAX_MEMORY_SIZE) only applies to form parsing
    and answers 400 from deep inside; a client deserves to know the body was too big.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.HITL_MAX_BODY_BYTES
        if length > limit:
            return JsonResponse(
                {
                    "error": {
                        "code": "payload_too_large",
                        "message": f"The request body is {length} bytes; the limit is {limit}.",
                        "fields": {},
                    }
                },
                status=413,
            )
        return self.get_response(request)
