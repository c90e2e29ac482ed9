"""Writes on who may do what: client systems, reviewers, their per-queue grants."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from guardian.shortcuts import assign_perm

from accounts.models import User
from accounts.services import token_issue
from audit.actions import AuditAction
from audit.services import Actor, audit_record
from reviews.queues.models import Queue
from reviews.queues.permissions import ROLE_GROUPS, ROLE_QUEUE_PERMS, QueuePerm, Role


def role_group(role: Role) -> Group:
    """The role's group; admins hold every queue permission globally, on every queue."""
    group, created = Group.objects.get_or_create(name=ROLE_GROUPS[role])
    if created and role == Role.ADMIN:
        codenames = [p.value for p in QueuePerm] + [
            "add_queue", "change_queue", "view_queue", "view_tierpolicy", "view_item",
            "view_containment", "view_assignment", "view_decision", "view_escalation",
            "view_qualification", "change_qualification",
        ]  # fmt: skip
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="reviews", codename__in=codenames),
            *Permission.objects.filter(content_type__app_label="audit", codename="view_auditevent"),
        )
    return group


@transaction.atomic
def queue_grant(*, user: User, queue: Queue, perms: Iterable[QueuePerm], actor: Actor) -> None:
    names = [QueuePerm(p).value for p in perms]
    for name in names:
        assign_perm(f"reviews.{name}", user, queue)
    audit_record(
        action=AuditAction.PERMISSION_GRANTED,
        actor=actor,
        target=queue,
        data={"user": user.username, "perms": names},
    )


@transaction.atomic
def client_create(
    *, name: str, queues: Iterable[Queue], actor: Actor, export: bool = False
) -> tuple[User, str]:
    """A client system allowed to submit to `queues` (and, with `export`, to download their
    dataset snapshots: a training pipeline); returns it and its new API key."""
    user, created = User.objects.get_or_create(
        username=name, defaults={"kind": User.Kind.CLIENT, "is_active": True}
    )
    if not user.is_client:
        raise ValueError(f"{name!r} is a person's account, not a client system")
    user.set_unusable_password()
    user.save(update_fields=["password"])
    if created:  # a re-run for an existing client only grants and issues a key
        audit_record(
            action=AuditAction.USER_CREATED,
            actor=actor,
            target=user,
            data={"username": name, "kind": user.kind},
        )
    perms = [QueuePerm.SUBMIT, QueuePerm.EXPORT] if export else [QueuePerm.SUBMIT]
    for queue in queues:
        queue_grant(user=user, queue=queue, perms=perms, actor=actor)
    return user, token_issue(user=user, name=f"{name} client", actor=actor)


@transaction.atomic
def reviewer_create(
    *, username: str, role: Role, queues: Iterable[Queue], password: str, actor: Actor
) -> tuple[User, str]:
    """A person in `role` with that role's permissions on `queues`; returns them and an API key."""
    user, _ = User.objects.get_or_create(username=username, defaults={"kind": User.Kind.PERSON})
    if user.is_client:
        raise ValueError(f"{username!r} is a client system, not a person")
    user.set_password(password)
    user.is_staff = role == Role.ADMIN
    user.save()
    user.groups.add(role_group(role))
    audit_record(
        action=AuditAction.USER_CREATED,
        actor=actor,
        target=user,
        data={"username": username, "role": str(role)},
    )
    for queue in queues:
        queue_grant(user=user, queue=queue, perms=ROLE_QUEUE_PERMS[role], actor=actor)
    return user, token_issue(user=user, name=f"{username} ({role})", actor=actor)
