"""Admin: webhook endpoints (the secret shown once), and the delivery log with redelivery."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from accounts.models import User
from accounts.request_types import AuthenticatedHttpRequest
from audit.services import Actor
from webhooks.models import EventType, WebhookDelivery, WebhookEndpoint
from webhooks.services import (
    webhook_endpoint_create,
    webhook_endpoint_update,
    webhook_redeliver,
    webhook_secret_rotate,
)

SHOW_ONCE_TEMPLATE = "webhooks/admin/secret.html"


class EndpointForm(forms.ModelForm):
    url = forms.URLField(max_length=2000, assume_scheme="https")
    event_types = forms.MultipleChoiceField(
        choices=EventType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: every event type.",
    )

    class Meta:
        model = WebhookEndpoint
        fields = ("client", "url", "event_types", "active")


def _secret_page(
    request: HttpRequest, shown: list[tuple[WebhookEndpoint, str]], grace_until: Any = None
) -> HttpResponse:
    response = TemplateResponse(
        request,
        SHOW_ONCE_TEMPLATE,
        {
            "title": "Webhook secret",
            "shown": shown,
            "grace_until": grace_until,
            "back_url": reverse("admin:webhooks_webhookendpoint_changelist"),
        },
    )
    response["Cache-Control"] = "no-store"  # the one page that holds the secret
    return response


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    """Saves go through the services, which audit them; the secret appears once."""

    form = EndpointForm
    list_display = ("id", "client", "url", "event_types", "active", "created_at")
    list_filter = ("active",)
    search_fields = ("url", "client__username")
    list_select_related = ("client",)
    readonly_fields = ("masked_secret", "previous_secret_until", "created_at", "updated_at")
    actions = ["rotate_secret"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        # An endpoint stays with the client it was made for.
        return (*self.readonly_fields, "client") if obj else self.readonly_fields

    def get_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        fields = ("client", "url", "event_types")
        return fields if obj is None else (*fields, "active", *self.readonly_fields)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # it would take its delivery log with it; switch it off instead

    @admin.display(description="secret")
    def masked_secret(self, obj: WebhookEndpoint) -> str:
        return obj.masked_secret

    def save_model(
        self, request: HttpRequest, obj: WebhookEndpoint, form: Any, change: bool
    ) -> None:
        actor = Actor.for_user(cast(User, request.user))  # the admin site: signed-in staff
        data = form.cleaned_data
        if change:
            webhook_endpoint_update(
                endpoint=obj,
                actor=actor,
                url=data["url"],
                event_types=data["event_types"],
                active=data["active"],
            )
            return
        endpoint, secret = webhook_endpoint_create(
            client=data["client"], url=data["url"], event_types=data["event_types"], actor=actor
        )
        obj.pk, obj.secret, obj._state.adding = endpoint.pk, secret, False
        obj.created_at = obj.updated_at = endpoint.created_at

    def response_add(
        self, request: HttpRequest, obj: WebhookEndpoint, post_url_continue: Any = None
    ) -> HttpResponse:
        return _secret_page(request, [(obj, obj.secret)])

    def has_rotate_secret_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("webhooks.change_webhookendpoint"))

    @admin.action(
        description="Rotate the secret of the selected endpoints (audited)",
        permissions=["rotate_secret"],
    )
    def rotate_secret(
        self, request: AuthenticatedHttpRequest, queryset: QuerySet[WebhookEndpoint]
    ) -> HttpResponse:
        actor = Actor.for_user(request.user)
        shown = [(e, webhook_secret_rotate(endpoint=e, actor=actor)) for e in queryset]
        for endpoint, _ in shown:
            endpoint.refresh_from_db(fields=["previous_secret_until"])
        until = shown[0][0].previous_secret_until if shown else None
        return _secret_page(request, shown, grace_until=until)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """The delivery log: read-only; the one change is the audited redeliver action."""

    list_display = (
        "id",
        "event_type",
        "endpoint",
        "queue_slug",
        "state",
        "attempts",
        "last_status",
        "last_error",
        "created_at",
        "next_attempt_at",
        "delivered_at",
    )
    list_filter = ("state", "event_type", "endpoint")
    search_fields = ("=event_id", "queue_slug")
    list_select_related = ("endpoint",)
    date_hierarchy = "created_at"
    exclude = ("lease",)
    actions = ["redeliver"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_redeliver_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("webhooks.change_webhookdelivery"))

    @admin.action(
        description="Send the selected deliveries again (audited)", permissions=["redeliver"]
    )
    def redeliver(
        self, request: AuthenticatedHttpRequest, queryset: QuerySet[WebhookDelivery]
    ) -> None:
        count = webhook_redeliver(deliveries=queryset, actor=Actor.for_user(request.user))
        self.message_user(request, f"{count} deliveries queued to be sent again.", messages.SUCCESS)
