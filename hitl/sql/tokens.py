"""The API token look-up (accounts.authentication): who is calling, from a token's hash.

Every API call runs it. Written out, it costs a third of the ORM's select_related
(compiling that query took longer than running it).
"""

from __future__ import annotations

from typing import Protocol

from accounts.models import ApiToken, User

_USER_BY_TOKEN_SQL = (
    f"SELECT u.*, t.id AS token_id FROM {User._meta.db_table} u "  # noqa: S608
    f"JOIN {ApiToken._meta.db_table} t ON t.user_id = u.id "
    "WHERE t.key_hash = %s AND t.revoked_at IS NULL"
)


class TokenColumn(Protocol):
    token_id: int  # the query's `t.id AS token_id`, which Django sets on the User it makes


def user_by_token_hash(key_hash: str) -> User | None:
    """The user holding the unrevoked token with this key hash, active or not, with the
    token's id as `token_id` (TokenColumn); None when no such token exists."""
    return next(iter(User.objects.raw(_USER_BY_TOKEN_SQL, [key_hash])), None)
