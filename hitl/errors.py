"""What a service raises when it refuses: one shape for every domain, one mapping to the API.

A refusal has a `code` (the API's error code), a `message` for people, optional field
messages, and a `kind`. The kind says what sort of refusal it is; the API's exception
handler (hitl/api/errors.py) answers each kind with one status, so views call services
and let refusals through instead of catching and re-raising them one by one. Pages catch
them to show the message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

Kind = Literal["invalid", "forbidden", "not_found", "conflict"]

# The HTTP status the API answers each kind with.
STATUS: dict[str, int] = {"invalid": 400, "forbidden": 403, "not_found": 404, "conflict": 409}


class ServiceError(Exception):
    """A refusal: nothing was changed (the service's transaction rolled back)."""

    code: str = "refused"
    kind: ClassVar[Kind] = "invalid"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        fields: Mapping[str, list[str]] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.fields: dict[str, list[str]] = dict(fields or {})
