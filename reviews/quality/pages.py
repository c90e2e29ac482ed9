"""The queue dashboard (SPEC §8): every §4 metric of a window as tiles, charts and tables.

Everything on the page comes from the hourly roll-ups (services/measure.py) plus the
queue's active calibration fit (one row), so it never rescans items or decisions and
stays fast at tens of millions of them (bench/dashboard.py). The threshold simulator does
replay decided items; the page therefore does not compute it but lets the browser fetch
it from its own API call (reviews/quality/api/calibration.py) after the page has drawn.

Readers are the API's: manage, handle escalations or respond to incidents on the queue
(METRICS_PERMS); anyone else gets a 404, as for the API.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import timezone

from accounts.request_types import AuthenticatedHttpRequest
from reviews.quality.api.metrics import METRICS_PERMS
from reviews.quality.models import CalibrationFit, MetricRollup
from reviews.quality.services.measure import queue_metrics, queue_series
from reviews.quality.services.rollups import hour_of
from reviews.queues.models import Queue
from reviews.queues.permissions import QueuePerm
from reviews.queues.selectors import QueueNotFound, queue_access

# Window → (length, chart step). Coarser steps for longer windows keep a chart readable
# (≤ 168 points) and give each point's PSI and override rate enough items to mean much.
WINDOWS: dict[str, tuple[timedelta, timedelta, str]] = {
    "24h": (timedelta(hours=24), timedelta(hours=1), "hour"),
    "7d": (timedelta(days=7), timedelta(hours=6), "6 hours"),
    "30d": (timedelta(days=30), timedelta(days=1), "day"),
}
DEFAULT_WINDOW = "24h"
# The filters offer the slices and model versions seen in this much recent history.
DIMENSIONS_SPAN = timedelta(days=30)
NO_SLICE = "{}"  # the slice key of items sent without slice tags (services/rollups.py)


@dataclass(frozen=True)
class Tile:
    """One number on the dashboard, formatted, with what it rests on."""

    label: str
    value: str
    detail: str = ""
    name: str = ""


def rollup_dimensions(*, queue: Queue, since: Any) -> tuple[list[str], list[str]]:
    """The distinct slice keys and model versions of the queue's roll-ups since `since`.

    A range of rollup_unique (queue, hour, …): a few thousand rows at most, never items.
    """
    pairs = (
        MetricRollup.objects.filter(queue=queue, hour__gte=hour_of(since))
        .values_list("slice_key", "model_version")
        .distinct()
    )
    slices, models = set(), set()
    for key, model in pairs:
        slices.add(key)
        models.add(model)
    return sorted(slices), sorted(models)


def slice_label(key: str) -> str:
    """'{"region":"EU"}' → 'region: EU'; the empty slice reads '(no slice tags)'."""
    tags = json.loads(key)
    if not tags:
        return "(no slice tags)"
    return ", ".join(f"{name}: {value}" for name, value in tags.items())


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


def _number(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def duration(seconds: float | None) -> str:
    """A duration in its most readable unit: '42 s', '3.5 min', '2.1 h', '1.5 d'."""
    if seconds is None:
        return "—"
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= 2 * size:
            return f"{seconds / size:.1f} {unit}"
    return f"{seconds:.0f} s"


def _psi_reading(psi: float | None) -> str:
    # The usual reading of PSI: < 0.1 stable, 0.1–0.25 moderate shift, above that major.
    if psi is None:
        return "no reference data"
    if psi < 0.1:
        return "stable (< 0.1)"
    return "moderate shift (0.1–0.25)" if psi < 0.25 else "major shift (> 0.25)"


def _agreement_tile(label: str, stat: dict[str, Any] | None, name: str) -> Tile:
    stat = stat or {"value": None, "n_items": 0}
    return Tile(label, _number(stat["value"]), f"{stat['n_items']} items", name)


def tiles(metrics: dict[str, Any]) -> list[Tile]:
    """The headline numbers of a window, in reading order."""
    counts = metrics["counts"]
    labelled = counts["decided"] - counts["rejected"]
    tth, ttd = metrics["time_to_human"], metrics["time_to_decision"]
    agreement = metrics["agreement"]
    drift = metrics.get("drift") or {}
    psi_conf = (drift.get("confidence") or {}).get("psi")
    psi_labels = (drift.get("labels") or {}).get("psi")
    cost = metrics["cost"]
    # Three populations, three rates: an uncertainty sample is biased towards doubt, so
    # only the random audit sample estimates the error of what was auto-approved.
    audit_decided = counts["decided"] - counts["decided_routed"] - counts["decided_active"]
    return [
        Tile("Override rate", _percent(metrics["override_rate"]),
             f"of {labelled} labelled", "override"),
        Tile("Override rate, routed", _percent(metrics["override_rate_routed"]),
             f"{counts['decided_routed']} decided", "override_routed"),
        Tile("Override rate, audit sample", _percent(metrics["override_rate_sampled"]),
             f"{audit_decided} decided", "override_sampled"),
        Tile("Override rate, active learning", _percent(metrics["override_rate_active"]),
             f"{counts['decided_active']} decided, sampled by doubt", "override_active"),
        Tile("Time-to-human p50 / p95", f"{duration(tth['p50'])} / {duration(tth['p95'])}",
             f"{tth['n']} items", "tth"),
        Tile("Time-to-decision p50 / p95", f"{duration(ttd['p50'])} / {duration(ttd['p95'])}",
             f"{ttd['n']} items", "ttd"),
        Tile("Escalations per 10k", _number(metrics["escalations_per_10k"], 1),
             f"{counts['escalations']} of {counts['received']} received", "escalations"),
        _agreement_tile("Cohen's kappa", agreement["cohen_kappa"], "cohen"),
        _agreement_tile("Fleiss' kappa", agreement["fleiss_kappa"], "fleiss"),
        _agreement_tile("Krippendorff's alpha", agreement["krippendorff_alpha"], "alpha"),
        Tile("Calibration error (ECE)", _number(metrics["ece"]["ece"]),
             f"{metrics['ece']['n']} decided, raw confidence", "ece"),
        Tile("Drift: PSI of confidence", _number(psi_conf), _psi_reading(psi_conf), "psi_conf"),
        Tile("Drift: PSI of labels", _number(psi_labels), _psi_reading(psi_labels), "psi_labels"),
        Tile("Cost per corrected output", _number(cost["cost_per_corrected_output"], 2),
             f"{cost['corrected']} corrected; hourly-cost units", "cost"),
    ]  # fmt: skip


def _epoch(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp())


def chart_data(series: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The series as columns, times in epoch seconds (what uPlot draws)."""
    names = ("received", "routed_tier1", "routed_sme", "decided", "escalations",
             "override_rate", "time_to_human_p95", "psi_confidence")  # fmt: skip
    columns: dict[str, list[Any]] = {"t": [_epoch(p["at"]) for p in series]}
    for name in names:
        columns[name] = [p[name] for p in series]
    return columns


def _has_any(values: list[Any]) -> bool:
    return any(v for v in values if v is not None)


def _simulator_urls(queue: Queue) -> dict[str, str] | None:
    """The simulator's API calls, if this installation has them (quality/api/calibration.py)."""
    base = f"/api/v1/queues/{queue.slug}/simulator/"
    try:
        resolve(base)
    except Resolver404:
        return None
    return {"curve": base, "draft": f"{base}draft/"}


def _calibration(queue: Queue) -> dict[str, Any] | None:
    fit = CalibrationFit.objects.filter(queue=queue, active=True).first()
    if fit is None:
        return None
    report = fit.report or {}
    return {
        "method": fit.get_method_display(),
        "n_items": fit.n_items,
        "fitted_at": fit.fitted_at,
        "ece_before": fit.ece_before,
        "ece_after": fit.ece_after,
        "before": (report.get("before") or {}).get("bins"),
        "after": (report.get("after") or {}).get("bins"),
    }


class DashboardScope(forms.Form):
    """The window, slice and model version the dashboard measures (GET).

    A plain form, not a FilterSet: these filter no list, they choose what the roll-ups
    are summed over (services/measure.py). The choices are the page's own: the windows,
    and the slices and model versions seen in the roll-ups. A value it does not offer
    falls back to the default: the last 24 hours, every slice, every model version.
    """

    window = forms.ChoiceField(choices=[(w, w) for w in WINDOWS], required=False)

    def __init__(self, data: QueryDict, *, slices: list[str], models: list[str]) -> None:
        super().__init__(data)
        self.fields["slice"] = forms.ChoiceField(choices=[(s, s) for s in slices], required=False)
        self.fields["model_version"] = forms.ChoiceField(
            choices=[(m, m) for m in models], required=False
        )

    def chosen(self) -> dict[str, str]:
        """Each value as chosen, or its default when absent or not offered."""
        self.is_valid()
        return {
            "window": self.cleaned_data.get("window") or DEFAULT_WINDOW,
            "slice": self.cleaned_data.get("slice", ""),
            "model_version": self.cleaned_data.get("model_version", ""),
        }


@login_required
def dashboard(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Tiles, charts over time, reliability, precision/recall, reviewers, simulator."""
    try:
        access = queue_access(user=request.user, slug=slug, perms=METRICS_PERMS)
    except QueueNotFound:
        raise Http404("No such queue.") from None
    queue = access.queue
    now = timezone.now()
    slices, models = rollup_dimensions(queue=queue, since=now - DIMENSIONS_SPAN)
    form = DashboardScope(request.GET, slices=slices, models=models).chosen()
    span, step, step_label = WINDOWS[form["window"]]
    scope: dict[str, Any] = {
        "slice_tags": json.loads(form["slice"]) if form["slice"] else None,
        "model_version": form["model_version"] or None,
    }
    metrics = queue_metrics(queue=queue, start=now - span, end=now, **scope)
    series = chart_data(queue_series(queue=queue, start=now - span, end=now, step=step, **scope))
    headline = tiles(metrics)
    calibration = _calibration(queue)
    simulator = _simulator_urls(queue)
    data = {
        "window": form["window"],
        "step_seconds": int(step.total_seconds()),
        "series": series,
        "reliability": metrics["ece"]["bins"],
        "calibration": {k: calibration[k] for k in ("before", "after")} if calibration else None,
        "simulator": simulator,
        # Drafting a policy version takes the manage permission, as in its API call.
        "can_draft": access.holds(QueuePerm.MANAGE),
    }
    context = {
        "queue": queue,
        "form": form,
        "windows": list(WINDOWS),
        "slices": [(key, slice_label(key)) for key in slices],
        "models": models,
        "metrics": metrics,
        "tiles": headline,
        "tile": {t.name: t for t in headline},
        "has": {
            "override": _has_any(series["override_rate"]),
            "tth": _has_any(series["time_to_human_p95"]),
            "workload": any(_has_any(series[n]) for n in ("routed_tier1", "routed_sme", "decided")),
            "escalations": _has_any(series["escalations"]),
            "drift": _has_any(series["psi_confidence"]),
            "reliability": metrics["ece"]["n"] > 0,
        },
        "totals": metrics["counts"],
        "step": step_label,
        "calibration": calibration,
        "simulator": simulator,
        "can_draft": data["can_draft"],
        "policy": queue.active_policy,
        "data": data,
    }
    return render(request, "reviews/dashboard.html", context)
