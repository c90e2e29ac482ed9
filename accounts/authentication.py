"""`Authorization: Token <key>` for client systems and people alike."""

from __future__ import annotations

from typing import Any, cast

from rest_framework import authentication, exceptions
from rest_framework.request import Request

from accounts.models import ApiToken, hash_token_key
from hitl.sql.rows import prepared
from hitl.sql.tokens import TokenColumn, user_by_token_hash


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
        user = user_by_token_hash(hash_token_key(key))
        if user is None or not user.is_active:
            raise exceptions.AuthenticationFailed("The token is not valid.")
        return user, ApiToken(pk=cast(TokenColumn, user).token_id, user=user)

    def authenticate_header(self, request: Request) -> str:
        return self.keyword
