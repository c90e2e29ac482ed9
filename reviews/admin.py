"""The reviews app's admin: each domain registers its own models (Django loads this module)."""

from reviews.escalation import admin as escalation_admin
from reviews.intake import admin as intake_admin
from reviews.quality import admin as quality_admin
from reviews.queues import admin as queues_admin
from reviews.work import admin as work_admin

__all__ = ["escalation_admin", "intake_admin", "quality_admin", "queues_admin", "work_admin"]
