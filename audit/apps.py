from __future__ import annotations

from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        # The optional named-entity backend of the redaction engine: loaded now, in every
        # process (web, worker, commands), so a missing spaCy or pipeline stops start-up
        # instead of failing the first ingest. Unset, spaCy is never imported.
        spec = settings.HITL_REDACTION_NER
        if spec:
            from redaction import ner

            try:
                ner.configure(spec)
            except (ner.BackendUnavailable, ValueError) as exc:
                raise ImproperlyConfigured(f"HITL_REDACTION_NER={spec!r}: {exc}") from None
