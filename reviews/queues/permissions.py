"""Per-queue permissions and the roles that bundle them (SPEC §6)."""

from __future__ import annotations

from django.db import models


class QueuePerm(models.TextChoices):
    """Codenames of the per-queue object permissions, as guardian stores them."""

    SUBMIT = "submit_predictions", "submit predictions"
    REVIEW = "review_queue", "review"
    ESCALATIONS = "handle_escalations", "handle escalations"
    INCIDENTS = "respond_incidents", "respond to incidents"
    RAW_PII = "view_raw_pii", "view raw PII"
    EXPORT = "export_queue", "export"
    MANAGE = "manage_queue", "manage"

    @property
    def full(self) -> str:
        return f"reviews.{self.value}"


class Role(models.TextChoices):
    ANNOTATOR = "annotator", "Annotator (Tier 1)"
    SME = "sme", "Subject-matter expert (Tier 2)"
    RESPONDER = "responder", "Incident responder"
    ADMIN = "admin", "Admin"


# The group each role's people belong to; per-queue grants go to the user.
ROLE_GROUPS: dict[str, str] = {
    Role.ANNOTATOR: "annotators",
    Role.SME: "smes",
    Role.RESPONDER: "incident-responders",
    Role.ADMIN: "admins",
}

ROLE_QUEUE_PERMS: dict[str, tuple[QueuePerm, ...]] = {
    Role.ANNOTATOR: (QueuePerm.REVIEW,),
    Role.SME: (QueuePerm.REVIEW, QueuePerm.ESCALATIONS),
    Role.RESPONDER: (QueuePerm.REVIEW, QueuePerm.ESCALATIONS, QueuePerm.INCIDENTS),
    Role.ADMIN: tuple(QueuePerm),
}

# Anyone holding one of these may see the queue and its items.
QUEUE_VISIBLE_PERMS: tuple[str, ...] = (
    "view_queue",
    QueuePerm.SUBMIT,
    QueuePerm.REVIEW,
    QueuePerm.ESCALATIONS,
    QueuePerm.INCIDENTS,
    QueuePerm.MANAGE,
)
