"""The datasets page of a queue (issue 7): build a snapshot, watch it build, download it,
and set the queue's retraining trigger.

Readers hold export_queue on the queue. Someone who cannot see the queue gets a 404, as
everywhere; someone who sees it but may not export gets a 403 page saying so. With htmx
the build form answers the `#datasets` fragment (422 when it has errors) and each
unfinished snapshot's row polls its own fragment every 2 s until it is ready or failed;
a plain POST redirects back (or shows the page again with its errors, as a 400).
Downloads are the API's (`/api/v1/datasets/{id}/download/`), which audits them.

The forms are datasets/forms.py's. Filter errors come from the same service as the API's,
keyed by filter field; a nested key ("slice.region") is shown beside its field ("slice").
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.request_types import AuthenticatedHtmxRequest, AuthenticatedHttpRequest
from audit.services import Actor
from datasets.forms import PRESETS, BuildForm, TriggerForm
from datasets.models import Dataset, RetrainTrigger
from datasets.services.build import ExportRefused, dataset_files_json, dataset_request
from datasets.services.filters import DatasetFilterInvalid
from datasets.services.triggers import RetrainTriggerInvalid, retrain_trigger_set, trigger_describe
from hitl.forms import add_service_errors
from reviews.choices import Outcome, Tier
from reviews.quality.pages import rollup_dimensions
from reviews.queues.permissions import QUEUE_VISIBLE_PERMS, QueuePerm
from reviews.queues.selectors import QueueAccess, QueueNotFound, queue_access

# Whoever may see the queue learns whether they may export it; exporters see it anyway.
REACH_PERMS = (*QUEUE_VISIBLE_PERMS, QueuePerm.EXPORT)
LIST_SIZE = 50  # the newest snapshots; older ones stay reachable through the API
# The model versions and slices offered as suggestions: those seen in this much history.
SUGGESTIONS_SPAN = timedelta(days=30)
UNFINISHED = (Dataset.Status.PENDING, Dataset.Status.BUILDING)
FORMAT_NAMES = {"jsonl": "JSONL", "parquet": "Parquet"}


class Forbidden(Exception):
    """The user sees the queue but lacks the permission the page needs."""


def _access(
    request: AuthenticatedHttpRequest, slug: str, perm: QueuePerm = QueuePerm.EXPORT
) -> QueueAccess:
    try:
        access = queue_access(user=request.user, slug=slug, perms=REACH_PERMS)
    except QueueNotFound:
        raise Http404("No such queue.") from None
    for needed in (QueuePerm.EXPORT, perm):
        if not access.holds(needed):
            raise Forbidden(needed.label)
    return access


def _forbidden(request: HttpRequest, slug: str, exc: Forbidden) -> HttpResponse:
    context = {"slug": slug, "needs": str(exc)}
    return render(request, "datasets/forbidden.html", context, status=403)


def row_context(dataset: Dataset) -> dict[str, Any]:
    """One snapshot as its row shows it."""
    files = dataset_files_json(dataset) or {}
    return {
        "d": dataset,
        "unfinished": dataset.status in UNFINISHED,
        "files": [
            (FORMAT_NAMES[fmt], fmt, f["url"], f["sha256"], f["bytes"]) for fmt, f in files.items()
        ],
        "filter_text": _filter_text(dataset.filter or {}),
    }


def _filter_text(flt: dict[str, Any]) -> str:
    """The stored filter in one line: the criteria that narrow it, in key order."""
    parts = []
    for key, value in sorted(flt.items()):
        if value in (None, "", [], {}):
            continue
        if isinstance(value, dict):
            value = ", ".join(f"{k}={v}" for k, v in sorted(value.items()))
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        parts.append(f"{key}: {value}")
    return "; ".join(parts)


def _suggestions(access: QueueAccess) -> dict[str, list[str]]:
    slices, models = rollup_dimensions(queue=access.queue, since=timezone.now() - SUGGESTIONS_SPAN)
    typed = []
    for key in slices:
        tags = json.loads(key)
        if tags:
            typed.append(", ".join(f"{k}={v}" for k, v in tags.items()))
    return {"models": models, "slices": typed}


def _trigger_context(access: QueueAccess, **extra: Any) -> dict[str, Any]:
    trigger = RetrainTrigger.objects.filter(queue=access.queue).first()
    return {
        "queue": access.queue,
        "can_manage": access.holds(QueuePerm.MANAGE),
        "trigger": trigger,
        "trigger_text": trigger_describe(trigger),
        "trigger_form": TriggerForm.of(trigger),
        **extra,
    }


def _context(access: QueueAccess, **extra: Any) -> dict[str, Any]:
    queue = access.queue
    datasets = (
        Dataset.objects.filter(queue=queue).select_related("requested_by").order_by("-number")
    )
    return {
        **_trigger_context(access),
        "rows": [row_context(d) for d in datasets[:LIST_SIZE]],
        "list_size": LIST_SIZE,
        "form": BuildForm(),
        "presets": PRESETS,
        "outcomes": Outcome.choices,
        "tiers": Tier.choices,
        "can_raw": access.holds(QueuePerm.RAW_PII),
        **_suggestions(access),
        **extra,
    }


@login_required
@require_http_methods(["GET", "POST"])
def datasets_page(request: AuthenticatedHtmxRequest, slug: str) -> HttpResponse:
    """The snapshots of the queue; a POST requests a new one (the build form)."""
    try:
        access = _access(request, slug)
    except Forbidden as exc:
        return _forbidden(request, slug, exc)
    if request.method == "POST":
        return _build(request, access)
    return render(request, "datasets/datasets.html", _context(access))


def _build(request: AuthenticatedHtmxRequest, access: QueueAccess) -> HttpResponse:
    form = BuildForm(request.POST)
    if not form.is_valid():
        return _again(request, access, form, status=400)
    try:
        dataset = dataset_request(
            queue=access.queue,
            actor=Actor.for_user(request.user),
            user=request.user,
            filter=form.snapshot_filter(),
            raw=form.cleaned_data["raw"],
        )
    except DatasetFilterInvalid as exc:
        add_service_errors(form, exc.fields)  # "slice.region" beside "slice"
        return _again(request, access, form, status=400)
    except ExportRefused as exc:  # raw inputs without view_raw_pii
        return _again(request, access, form, error=str(exc), status=403)
    notice = f"Snapshot #{dataset.number} requested: it builds in the background."
    if not request.htmx:
        messages.success(request, notice)
        return redirect("datasets", slug=access.queue.slug)
    context = _context(access, notice=notice)
    return render(request, "datasets/_panel.html", context)


def _again(
    request: AuthenticatedHtmxRequest,
    access: QueueAccess,
    form: BuildForm,
    *,
    status: int,
    **extra: Any,
) -> HttpResponse:
    """The build form again with what was sent and why it was refused; nothing stored.

    htmx swaps only 2xx and 422 answers (base.html), so the fragment goes out as a 422.
    """
    context = _context(access, form=form, **extra)
    if request.htmx:
        return render(request, "datasets/_panel.html", context, status=422)
    return render(request, "datasets/datasets.html", context, status=status)


@login_required
@require_GET
def dataset_row(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """One snapshot's row: what an unfinished row polls until it is ready or failed."""
    try:
        access = _access(request, slug)
    except Forbidden as exc:
        return _forbidden(request, slug, exc)
    dataset = (
        Dataset.objects.filter(queue=access.queue, pk=pk).select_related("requested_by").first()
    )
    if dataset is None:
        raise Http404("No such snapshot.")
    context = {"queue": access.queue, **row_context(dataset)}
    return render(request, "datasets/_row.html", context)


@login_required
@require_POST
def trigger_set(request: AuthenticatedHtmxRequest, slug: str) -> HttpResponse:
    """Set the queue's retraining trigger (holders of manage_queue)."""
    try:
        access = _access(request, slug, QueuePerm.MANAGE)
    except Forbidden as exc:
        return _forbidden(request, slug, exc)
    form = TriggerForm(request.POST)
    notice = ""
    if form.is_valid():
        try:
            trigger = retrain_trigger_set(
                queue=access.queue, actor=Actor.for_user(request.user), **form.cleaned_data
            )
        except RetrainTriggerInvalid as exc:
            add_service_errors(form, exc.fields)
        else:
            notice = f"Retraining trigger: {trigger_describe(trigger)}."
    if not request.htmx:
        if form.errors:
            messages.error(request, form.error_text())
        else:
            messages.success(request, notice)
        return redirect("datasets", slug=access.queue.slug)
    context = _trigger_context(access, trigger_notice=notice)
    if form.errors:
        context["trigger_form"] = form
    return render(request, "datasets/_trigger.html", context, status=422 if form.errors else 200)
