"""Storing evidence bundles: canonical JSON, its SHA-256, written once (SPEC §2).

What goes into a bundle is the domain's business (reviews/escalation/services/evidence.py); this
module only makes it immutable and verifiable. A bundle is written once per target
(a unique constraint), so building it twice — a task re-run after a worker died, the
reconciler racing the first task — yields the first one.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from audit.models import EvidenceBundle
from audit.services import canonical_json, target_of


def bundle_store(*, target: models.Model, content: dict[str, Any]) -> tuple[EvidenceBundle, bool]:
    """The target's bundle, written now from `content` unless one exists; (bundle, created)."""
    target_type, target_id = target_of(target)
    existing = EvidenceBundle.objects.filter(target_type=target_type, target_id=target_id).first()
    if existing is not None:
        return existing, False
    text = canonical_json(content)
    try:
        with transaction.atomic():
            bundle = EvidenceBundle.objects.create(
                target_type=target_type,
                target_id=target_id,
                content=text,
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                built_at=timezone.now(),
            )
    except IntegrityError:  # a concurrent build won
        return EvidenceBundle.objects.get(target_type=target_type, target_id=target_id), False
    return bundle, True


def bundle_verify(bundle: EvidenceBundle) -> bool:
    """Whether the stored content still hashes to the stored SHA-256."""
    return hashlib.sha256(bundle.content.encode()).hexdigest() == bundle.sha256
