"""People and client systems, and the API tokens they authenticate with."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person who reviews, or a client system (a model's service) that submits."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        CLIENT = "client", "Client system"

    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.PERSON)

    @property
    def is_client(self) -> bool:
        return self.kind == self.Kind.CLIENT


def hash_token_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """An API key; only its SHA-256 is stored, the key itself is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tokens"
    )
    name = models.CharField(max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True)  # looked up on every API call
    prefix = models.CharField(max_length=12, help_text="The first characters, to tell keys apart.")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"
