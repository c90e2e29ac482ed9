"""The escalations inbox and the ticket page (SPEC §8), for SMEs, responders and managers.

The inbox lists the unresolved tickets the user may see, soonest due first; the ticket
page shows the evidence bundle readably and offers acknowledge, resolve and "work this
item" (a lease on the ticket's item, then the review workspace). With htmx, acknowledge
and resolve answer the `#ticket-state` fragment; a plain POST redirects back.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from accounts.request_types import AuthenticatedHtmxRequest, AuthenticatedHttpRequest
from audit.services import Actor
from hitl.pages import done
from reviews.escalation.filters import AGES, EscalationInboxFilter
from reviews.escalation.forms import ResolveForm
from reviews.escalation.models import Escalation
from reviews.escalation.pages import bundle_context, filtered_list
from reviews.escalation.selectors import ESCALATION_PERMS, escalations_visible_to
from reviews.escalation.services.escalations import (
    EscalationError,
    escalation_acknowledge,
    escalation_resolve,
)
from reviews.intake.models import Item
from reviews.queues.selectors import QueueNotFound, queue_access
from reviews.work.services.claims import (
    TIER_PERMS,
    AssignmentError,
    ClaimError,
    assignment_claim_item,
)

PAGE_SIZE = 50


@login_required
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Open and acknowledged tickets, soonest due first, filtered by queue, reason, age."""
    tickets, context = filtered_list(
        request,
        perms=ESCALATION_PERMS,
        filters=EscalationInboxFilter,
        rows=escalations_visible_to(user=request.user).exclude(state=Escalation.State.RESOLVED),
    )
    tickets = tickets.order_by(F("due_at").asc(nulls_last=True), "created_at", "id")
    page = Paginator(tickets, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context |= {
        "page": page,
        "reasons": Escalation.Reason.choices,
        "ages": [(key, label) for key, (label, _) in AGES.items()],
        "query": query.urlencode(),
    }
    return render(request, "reviews/escalations/inbox.html", context)


def _ticket_or_404(request: AuthenticatedHttpRequest, pk: int) -> Escalation:
    return get_object_or_404(
        escalations_visible_to(user=request.user).select_related(
            "bundle", "item__policy", "incident"
        ),
        pk=pk,
    )


def _ticket_context(ticket: Escalation, **extra: Any) -> dict[str, Any]:
    item = ticket.item
    return {
        "ticket": ticket,
        "item": item,
        "now": timezone.now(),
        "open": ticket.state != Escalation.State.RESOLVED,
        # The item waits at a review tier: an SME (or Tier 1) may lease and decide it.
        "workable": item.state in Item.CLAIMABLE_STATES and item.tier in TIER_PERMS,
        "form": ResolveForm(),
        **extra,
    }


@login_required
def ticket_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    ticket = _ticket_or_404(request, pk)
    context = _ticket_context(ticket, **bundle_context(ticket.bundle))
    return render(request, "reviews/escalations/ticket.html", context)


def _state_answer(
    request: AuthenticatedHtmxRequest,
    ticket: Escalation,
    *,
    notice: str = "",
    error: str = "",
    form: ResolveForm | None = None,
) -> HttpResponse:
    """With htmx the `#ticket-state` fragment (422 with the form's errors), else back."""
    if not request.htmx:
        if form is not None and form.errors:
            error = form.error_text()
        return done(request, "escalation", pk=ticket.pk, notice=notice, error=error)
    ticket = _ticket_or_404(request, ticket.pk)
    context = _ticket_context(ticket, notice=notice, error=error)
    if form is not None:
        context["form"] = form
    status = 422 if form is not None and form.errors else 200
    return render(request, "reviews/escalations/_ticket_state.html", context, status=status)


@login_required
@require_POST
def acknowledge(request: AuthenticatedHtmxRequest, pk: int) -> HttpResponse:
    ticket = _ticket_or_404(request, pk)
    try:
        escalation_acknowledge(escalation=ticket, actor=Actor.for_user(request.user))
    except EscalationError as exc:
        return _state_answer(request, ticket, error=exc.message)
    return _state_answer(request, ticket, notice="Acknowledged: the others know you are on it.")


@login_required
@require_POST
def resolve(request: AuthenticatedHtmxRequest, pk: int) -> HttpResponse:
    ticket = _ticket_or_404(request, pk)
    form = ResolveForm(request.POST)
    if not form.is_valid():
        return _state_answer(request, ticket, form=form)
    try:
        escalation_resolve(
            escalation=ticket,
            actor=Actor.for_user(request.user),
            resolution=form.cleaned_data["resolution"],
        )
    except EscalationError as exc:
        if exc.code == "resolution_required":
            form.add_error("resolution", exc.message)
            return _state_answer(request, ticket, form=form)
        return _state_answer(request, ticket, error=exc.message)
    return _state_answer(request, ticket, notice="Resolved.")


@login_required
@require_POST
def take(request: AuthenticatedHtmxRequest, pk: int) -> HttpResponse:
    """Lease the ticket's item to the user and send them to the review workspace, which
    shows their live lease first."""
    ticket = _ticket_or_404(request, pk)
    slug = ticket.queue.slug
    try:
        access = queue_access(user=request.user, slug=slug, perms=TIER_PERMS.values())
        assignment_claim_item(access=access, item_id=ticket.item_id)
    except QueueNotFound:
        return done(request, "escalation", pk=pk, error=f"You may not review queue {slug!r}.")
    except AssignmentError as exc:
        return done(request, "escalation", pk=pk, error=exc.message)
    except ClaimError as exc:
        return done(request, "escalation", pk=pk, error=str(exc))
    review = reverse("review", kwargs={"slug": slug})
    if request.htmx:
        return HttpResponseClientRedirect(review)
    return redirect(review)
