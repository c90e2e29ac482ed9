"""Who sees escalation tickets and incidents, and who may own an incident."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import User
from reviews.escalation.models import Escalation, Incident
from reviews.queues.permissions import QueuePerm
from reviews.queues.selectors import queues_for

# Who sees escalation tickets: the people who take them (SMEs), the responders they may
# reach, and the queue's managers. Incidents are the responders' and managers' only: an
# SME whose ticket joined an incident sees the ticket (and the incident's id), not the
# incident, so every incident page and action answers one set of people.
ESCALATION_PERMS: tuple[str, ...] = (QueuePerm.ESCALATIONS, QueuePerm.INCIDENTS, QueuePerm.MANAGE)
INCIDENT_PERMS: tuple[str, ...] = (QueuePerm.INCIDENTS, QueuePerm.MANAGE)


def escalations_visible_to(*, user: User) -> QuerySet[Escalation]:
    """Tickets on the queues where the user handles escalations, responds to incidents or
    manages; anything else is 404 to them."""
    return Escalation.objects.filter(
        queue__in=queues_for(user=user, perms=ESCALATION_PERMS)
    ).select_related("queue", "item", "owner_group")


def incidents_visible_to(*, user: User) -> QuerySet[Incident]:
    """Incidents on the queues where the user responds to incidents or manages."""
    return Incident.objects.filter(
        queue__in=queues_for(user=user, perms=INCIDENT_PERMS)
    ).select_related("queue", "owner", "owner_group")


def incident_owner_candidate(*, incident: Incident, username: str) -> User | None:
    """The person named `username` if they could own the incident (they may respond on
    its queue), else None: an incident is never handed to someone who cannot open it."""
    owner = User.objects.filter(username=username, kind=User.Kind.PERSON, is_active=True).first()
    if owner is None or not incidents_visible_to(user=owner).filter(pk=incident.pk).exists():
        return None
    return owner
