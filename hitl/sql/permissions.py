"""Object permissions as plain SQL: which objects a user holds a permission on.

django-guardian keeps per-object grants in direct-foreign-key tables (one for users, one
for groups) and Django keeps global grants in its own; a user may hold a permission in
any of the four places. Asking through guardian's API or the ORM's Exists() filters cost
~6 ms of CPU per API call to compose, more than the query itself, so the statements are
written out once per shape and cached. Only table names from model metadata are formatted
in; every value (codenames, user ids) is a parameter, except `held_permissions_sql`'s
codenames, which are the caller's own constants.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models


def _grant_tables() -> tuple[str, str, str, str, str]:
    user = get_user_model()
    return (
        user.groups.through._meta.db_table,
        user.user_permissions.through._meta.db_table,
        Group.permissions.through._meta.db_table,
        Permission._meta.db_table,
        ContentType._meta.db_table,
    )


def _permission_join(app_label: str, codenames: str) -> str:
    _, _, _, permission, content_type = _grant_tables()
    return (
        f"JOIN {permission} ap ON ap.id = g.permission_id "
        f"JOIN {content_type} ct ON ct.id = ap.content_type_id "
        f"AND ct.app_label = '{app_label}' AND ap.codename IN ({codenames})"
    )


@cache
def permitted_ids_sql(
    *,
    objects: type[models.Model],
    user_grants: type[models.Model],
    group_grants: type[models.Model],
    codename_count: int,
) -> str:
    """The ids of `objects` a user holds one of N permissions on (granted on the object to
    them or a group of theirs, or globally). Parameters: the N codenames, then the user id,
    four times over."""
    user_groups, user_perms, group_perms, _, _ = _grant_tables()
    perm = _permission_join(objects._meta.app_label, ", ".join(["%s"] * codename_count))
    return " UNION ".join(
        [
            # Granted on the object, to the user.
            f"SELECT g.content_object_id FROM {user_grants._meta.db_table} g {perm} "
            "WHERE g.user_id = %s",
            # Granted on the object, to one of the user's groups.
            f"SELECT g.content_object_id FROM {group_grants._meta.db_table} g {perm} "
            f"JOIN {user_groups} ug ON ug.group_id = g.group_id WHERE ug.user_id = %s",
            # Granted globally, to the user or a group: every object.
            f"SELECT o.id FROM {objects._meta.db_table} o WHERE EXISTS ("
            f"SELECT 1 FROM {user_perms} g {perm} WHERE g.user_id = %s) OR EXISTS ("
            f"SELECT 1 FROM {group_perms} g {perm} "
            f"JOIN {user_groups} ug ON ug.group_id = g.group_id WHERE ug.user_id = %s)",
        ]
    )


@cache
def held_permissions_sql(
    *,
    app_label: str,
    user_grants: type[models.Model],
    group_grants: type[models.Model],
    codenames: Sequence[str],
) -> str:
    """(object id, codename) of every one of `codenames` a user holds, with a NULL object
    id for a global grant (it reaches every object). Columns: object_id, codename.
    Parameters: the user id, four times over. `codenames` must be the caller's own
    constants (they are formatted in) and hashable (a tuple)."""
    user_groups, user_perms, group_perms, _, _ = _grant_tables()
    perm = _permission_join(app_label, ", ".join(f"'{codename}'" for codename in codenames))
    return " UNION ALL ".join(
        [
            f"SELECT g.content_object_id AS object_id, ap.codename AS codename "
            f"FROM {user_grants._meta.db_table} g {perm} WHERE g.user_id = %s",
            f"SELECT g.content_object_id, ap.codename "
            f"FROM {group_grants._meta.db_table} g {perm} "
            f"JOIN {user_groups} ug ON ug.group_id = g.group_id WHERE ug.user_id = %s",
            f"SELECT NULL, ap.codename FROM {user_perms} g {perm} WHERE g.user_id = %s",
            f"SELECT NULL, ap.codename FROM {group_perms} g {perm} "
            f"JOIN {user_groups} ug ON ug.group_id = g.group_id WHERE ug.user_id = %s",
        ]
    )
