"""Reads that filter by permission: the one place where "who may see what" lives."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import User
from reviews.models import Containment, Item, Queue, QueueGroupPermission, QueueUserPermission
from reviews.permissions import QUEUE_VISIBLE_PERMS, QueuePerm


class QueueNotFound(Exception):
    """The queue does not exist, or the caller may not reach it: the same answer for both."""

    def __init__(self, slug: str) -> None:
        super().__init__(slug)
        self.slug = slug


def queues_for(*, user: User, perms: Iterable[str] = QUEUE_VISIBLE_PERMS) -> QuerySet[Queue]:
    """Queues on which the user holds any of `perms`: on the queue itself (directly or
    through a group, django-guardian's tables), or globally on every queue.

    The same answer as guardian's get_objects_for_user(any_perm=True,
    accept_global_perms=True), in one query instead of three: this runs on every ingest.
    """
    queues = Queue.objects.select_related("active_policy")
    if not user.is_active:
        return queues.none()
    if user.is_superuser:
        return queues
    codenames = list(perms)
    on_reviews = Q(content_type__app_label="reviews", codename__in=codenames)
    granted = Q(permission__content_type__app_label="reviews", permission__codename__in=codenames)
    everywhere = Permission.objects.filter(on_reviews).filter(Q(user=user) | Q(group__user=user))
    directly = QueueUserPermission.objects.filter(granted, content_object=OuterRef("pk"), user=user)
    via_group = QueueGroupPermission.objects.filter(
        granted, content_object=OuterRef("pk"), group__user=user
    )
    return queues.filter(Exists(everywhere) | Exists(directly) | Exists(via_group))


def queue_for(*, user: User, slug: str, perms: Iterable[str] = QUEUE_VISIBLE_PERMS) -> Queue:
    queue = queues_for(user=user, perms=perms).filter(slug=slug).first()
    if queue is None:
        raise QueueNotFound(slug)
    return queue


def queues_for_submit(*, user: User, slugs: Iterable[str]) -> dict[str, Queue]:
    """The queues among `slugs` that the user may submit to, by slug (one query)."""
    visible = queues_for(user=user, perms=[QueuePerm.SUBMIT]).filter(slug__in=set(slugs))
    return {queue.slug: queue for queue in visible}


def active_containments(*, queue: Queue) -> list[Containment]:
    # Served by containment_active_idx.
    return list(Containment.objects.filter(queue=queue, active=True).order_by("set_at"))


def items_visible_to(*, user: User) -> QuerySet[Item]:
    return Item.objects.filter(queue__in=queues_for(user=user)).select_related("queue", "policy")
