"""Browser pages of the review app."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reviews.models import Item
from reviews.selectors import queues_for


@login_required
def my_queues(request: HttpRequest) -> HttpResponse:
    """The queues the user may see, with what waits at each tier."""
    waiting = Q(items__state=Item.State.QUEUED)
    queues = (
        queues_for(user=request.user)
        .annotate(
            tier1_waiting=Count("items", filter=waiting & Q(items__tier="tier1")),
            sme_waiting=Count("items", filter=waiting & Q(items__tier="sme")),
            held=Count("items", filter=Q(items__release="held")),
            total=Count("items"),
        )
        .order_by("slug")
    )
    return render(request, "reviews/my_queues.html", {"queues": queues})
