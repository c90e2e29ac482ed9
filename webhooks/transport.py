"""One HTTP POST to a receiver, with the standard library.

urllib rather than `requests`: requests is only a development dependency of hitl, and
a webhook needs nothing urllib lacks. Redirects are not followed: urllib would turn
the POST into a GET without the body, and a receiver that moved should be re-registered.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

USER_AGENT = "hitl-webhooks/1"
MAX_ERROR_CHARS = 200


@dataclass(frozen=True)
class SendResult:
    """The receiver's status code (None when no response came) and a short error."""

    status: int | None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # urllib then raises HTTPError with the 3xx status


_opener = urllib.request.build_opener(_RefuseRedirects)


def short_error(exc: BaseException) -> str:
    """The exception's class and message, cut short; never a response body."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    text = f"{type(reason).__name__}: {reason}" if not isinstance(reason, str) else reason
    return text[:MAX_ERROR_CHARS]


def post(*, url: str, body: bytes, headers: dict[str, str], timeout: float) -> SendResult:
    """POST `body` to `url`; never raises for network or HTTP failures."""
    if not url.startswith(("https://", "http://")):
        return SendResult(None, "only http and https URLs are allowed")
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked just above
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "User-Agent": USER_AGENT, **headers},
    )
    try:
        with _opener.open(request, timeout=timeout) as response:
            return SendResult(response.status)
    except urllib.error.HTTPError as exc:
        # Read nothing of the body: the log keeps the status only.
        exc.close()
        return SendResult(exc.code, f"HTTP {exc.code}")
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        return SendResult(None, short_error(exc))
