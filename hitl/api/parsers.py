"""A JSON parser that turns every unreadable body into a 400, never a 500."""

from __future__ import annotations

import json
from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class StrictJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            # json nests deeper than Python's stack allows: hostile input, not our bug.
            raise ParseError("JSON parse error - nested too deeply.") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:  # pragma: no cover - DRF wraps
            raise ParseError(f"JSON parse error - {exc}") from None
