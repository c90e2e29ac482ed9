"""Browser pages of the review app: My queues, and the review workspace.

The review page is one view per action; with htmx each answers the `#review`
panel fragment, so the next item appears without a page load; without htmx a
POST redirects back to the page (which then shows the reviewer's current item).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.request_types import AuthenticatedHtmxRequest, AuthenticatedHttpRequest
from audit.services import Actor
from hitl.forms import add_service_errors
from reviews.intake.models import Item
from reviews.intake.services.raw_access import (
    MAX_REASON,
    RawInputPurged,
    RevealReasonInvalid,
    item_raw_reveal,
    raw_revealable_item,
)
from reviews.quality.api.metrics import METRICS_PERMS
from reviews.queues.permissions import QueuePerm
from reviews.queues.selectors import QueueAccess, QueueNotFound, queue_access, queues_for
from reviews.work.forms import DecisionForm, RevealForm
from reviews.work.models import Assignment
from reviews.work.selectors import reviewer_stats
from reviews.work.services.claims import (
    TIER_PERMS,
    AssignmentError,
    AssignmentNotFound,
    ClaimError,
    NotQualified,
    assignment_claim,
    assignment_release,
    claim_tier,
)
from reviews.work.services.decisions import DecisionInvalid, assignment_decide

REVIEW_PERMS = tuple(TIER_PERMS.values())
STATS_WINDOW = timedelta(days=7)


@login_required
def my_queues(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The queues the user may see, with what waits at each tier."""
    real = Q(items__is_gold=False)  # gold items are never work waiting, held or counted
    waiting = real & Q(items__state=Item.State.QUEUED)
    queues = (
        queues_for(user=request.user)
        .annotate(
            tier1_waiting=Count("items", filter=waiting & Q(items__tier="tier1")),
            sme_waiting=Count("items", filter=waiting & Q(items__tier="sme")),
            held=Count("items", filter=real & Q(items__release="held")),
            total=Count("items", filter=real),
        )
        .order_by("slug")
    )
    reviewable = set(queues_for(user=request.user, perms=REVIEW_PERMS).values_list("pk", flat=True))
    dashboards = set(
        queues_for(user=request.user, perms=METRICS_PERMS).values_list("pk", flat=True)
    )
    stats = reviewer_stats(reviewer=request.user, since=timezone.now() - STATS_WINDOW)
    rows = [(queue, stats.get(queue.pk)) for queue in queues]
    return render(
        request,
        "reviews/my_queues.html",
        {
            "rows": rows,
            "reviewable": reviewable,
            "dashboards": dashboards,
            "stats_days": STATS_WINDOW.days,
        },
    )


def _review_access(request: AuthenticatedHttpRequest, slug: str) -> QueueAccess:
    try:
        return queue_access(user=request.user, slug=slug, perms=TIER_PERMS.values())
    except QueueNotFound:
        raise Http404("No such queue.") from None


def _current_or_next(request: AuthenticatedHttpRequest, access: QueueAccess) -> Assignment | None:
    """The reviewer's live lease in this queue (a reload shows the same item), else a new one."""
    current = (
        Assignment.objects.filter(
            reviewer=request.user,
            item__queue=access.queue,
            state=Assignment.State.ACTIVE,
            expires_at__gt=timezone.now(),
        )
        .order_by("leased_at")
        .first()
    )
    if current is not None:
        return current
    return assignment_claim(queue=access.queue, reviewer=request.user, access=access)


def _panel(
    request: AuthenticatedHtmxRequest,
    access: QueueAccess,
    assignment: Assignment | None,
    *,
    notice: str = "",
    form: DecisionForm | None = None,
    status: int = 200,
    blocked: str = "",
) -> HttpResponse:
    if form is None:
        form = DecisionForm()
    context: dict[str, Any] = {
        "blocked": blocked,
        "queue": access.queue,
        "assignment": assignment,
        "item": assignment.item if assignment else None,
        "tier": claim_tier(access=access),
        "notice": notice,
        "form": form,
        "needs_rationale": bool(form.errors) and form["verdict"].value() != "approve",
        # Only the control: the raw input itself is fetched by an audited reveal.
        "can_reveal": access.holds(QueuePerm.RAW_PII),
        "max_reason": MAX_REASON,
    }
    template = "reviews/_review_panel.html" if request.htmx else "reviews/review.html"
    return render(request, template, context, status=status)


@login_required
def review(request: AuthenticatedHtmxRequest, slug: str) -> HttpResponse:
    """One item at a time: the reviewer's current lease, or the next one claimed for them."""
    access = _review_access(request, slug)
    try:
        assignment = _current_or_next(request, access)
    except NotQualified as exc:
        # 403 for a page load; htmx only swaps 2xx (and 422) answers into the panel.
        status = 200 if request.htmx else 403
        return _panel(request, access, None, blocked=str(exc), status=status)
    except ClaimError as exc:
        raise Http404(str(exc)) from None
    return _panel(request, access, assignment)


@login_required
@require_POST
def decide(request: AuthenticatedHtmxRequest, slug: str, assignment_id: int) -> HttpResponse:
    access = _review_access(request, slug)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _refused(request, access, assignment_id, form)
    data = form.cleaned_data
    try:
        assignment_decide(
            assignment_id=assignment_id,
            reviewer=request.user,
            verdict=data["verdict"],
            label=data["label"],
            rationale=data["rationale"],
            reason_code=data["reason_code"],
        )
    except AssignmentNotFound:
        raise Http404("No such assignment.") from None
    except DecisionInvalid as exc:
        add_service_errors(form, exc.fields)
        return _refused(request, access, assignment_id, form)
    except AssignmentError as exc:
        notice = str(exc)
    else:
        notice = {
            "approve": "Approved.",
            "override": f"Corrected to {data['label']}.",
            "escalate": "Escalated to SMEs.",
            "reject": "Rejected as unusable.",
        }.get(data["verdict"], "Saved.")
    if not request.htmx:
        messages.info(request, notice)
        return redirect("review", slug=slug)
    # Access asked afresh: this very verdict may have disqualified the reviewer.
    access = _review_access(request, slug)
    try:
        upcoming = assignment_claim(queue=access.queue, reviewer=request.user, access=access)
    except NotQualified as exc:
        return _panel(request, access, None, notice=notice, blocked=str(exc))
    return _panel(request, access, upcoming, notice=notice)


def _refused(
    request: AuthenticatedHtmxRequest, access: QueueAccess, assignment_id: int, form: DecisionForm
) -> HttpResponse:
    """The verdict's errors beside its fields, on the same item; nothing was recorded."""
    if not request.htmx:
        messages.error(request, form.error_text())
        return redirect("review", slug=access.queue.slug)
    current = (
        Assignment.objects.filter(pk=assignment_id, reviewer=request.user)
        .select_related("item")
        .first()
    )
    if current is None:
        raise Http404("No such assignment.")
    return _panel(request, access, current, form=form, status=422)


@login_required
@require_POST
def release(request: AuthenticatedHttpRequest, slug: str, assignment_id: int) -> HttpResponse:
    """Give the item back and leave the queue."""
    _review_access(request, slug)
    try:
        assignment_release(assignment_id=assignment_id, reviewer=request.user)
    except AssignmentNotFound:
        raise Http404("No such assignment.") from None
    except AssignmentError as exc:
        messages.info(request, str(exc))
    else:
        messages.info(request, "The item went back to the queue.")
    return redirect("my-queues")


@login_required
@require_POST
@never_cache
def reveal_raw(request: AuthenticatedHtmxRequest, slug: str, item_id: int) -> HttpResponse:
    """Show one item's raw input to a holder of view_raw_pii, after an audited reveal.

    With htmx it answers the `#raw-reveal` fragment in the item card; without, a page of its
    own (a redirect could not carry the raw input, and it must not be stored to show later).
    """
    item = raw_revealable_item(user=request.user, pk=item_id)
    if item is None or item.queue.slug != slug:
        raise Http404("No such item.")
    form = RevealForm(request.POST)
    context: dict[str, Any] = {
        "queue": item.queue,
        "item": item,
        "max_reason": MAX_REASON,
        "reveal_form": form,
    }
    status = 200
    if form.is_valid():
        try:
            context["reveal"] = item_raw_reveal(
                item=item, actor=Actor.for_user(request.user), reason=form.cleaned_data["reason"]
            )
        except RevealReasonInvalid as exc:
            form.add_error("reason", str(exc))
        except RawInputPurged as exc:
            context["purged_at"] = exc.purged_at
            status = 410
    if form.errors:
        status = 422
    template = "reviews/_raw_reveal.html" if request.htmx else "reviews/raw_reveal.html"
    # htmx swaps only 2xx and 422 (base.html): a purged input is news, not an error page.
    if request.htmx and status == 410:
        status = 200
    return render(request, template, context, status=status)
