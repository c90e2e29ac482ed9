"""`Authorization: Token <key>` for client systems and people alike."""

from __future__ import annotations

from typing import Any, Protocol, cast

from rest_framework import authentication, exceptions
from rest_framework.request import Request

from accounts.models import ApiToken, User, hash_token_key
from hitl.sql.rows import prepared

# Every API call runs this; written out, it costs a third of the ORM's select_related
# (compiling that query took longer than running it). Only our own table names go in.
_USER_BY_TOKEN_SQL = (
    f"SELECT u.*, t.id AS token_id FROM {User._meta.db_table} u "  # noqa: S608
    f"JOIN {ApiToken._meta.db_table} t ON t.user_id = u.id "
    "WHERE t.key_hash = %s AND t.revoked_at IS NULL"
)


class _TokenColumn(Protocol):
    token_id: int  # the query's `t.id AS token_id`, which Django sets on the User it makes


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    @prepared()
    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "Send the header as `Authorization: Token <key>`."
            )
        try:
            key = header[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("The token is not valid.") from None
        found = list(User.objects.raw(_USER_BY_TOKEN_SQL, [hash_token_key(key)]))
        if not found or not found[0].is_active:
            raise exceptions.AuthenticationFailed("The token is not valid.")
        user = found[0]
        return user, ApiToken(pk=cast(_TokenColumn, user).token_id, user=user)

    def authenticate_header(self, request: Request) -> str:
        return self.keyword
