"""Browser pages of the escalation ladder (SPEC §8): the SMEs' escalations inbox and the
responders' incidents board. The review workspace's pages are in reviews/work/pages.py."""

from __future__ import annotations

import json
from typing import Any

from audit.evidence import bundle_verify
from audit.models import EvidenceBundle


def bundle_context(bundle: EvidenceBundle | None) -> dict[str, Any]:
    """A bundle for a template: its parsed content and whether it still verifies."""
    if bundle is None:
        return {"bundle": None}
    return {
        "bundle": json.loads(bundle.content),
        "bundle_row": bundle,
        "bundle_verified": bundle_verify(bundle),
    }
