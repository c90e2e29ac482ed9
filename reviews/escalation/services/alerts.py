"""Alert rules (SPEC §4): an admin's comparison on a queue metric, evaluated by beat.

Windows are whole hours, because the metrics come from hourly roll-ups
(services/measure.py): a rule's window ending now is the `window_s` of hours up to and
including the current hour, and the previous window is the same length just before it
(no hour is in both). A window with fewer than `min_count` human decisions (or
predictions, for per-prediction metrics) is not judged: the rule keeps its state.

A rule fires when its comparison holds:
- above / below: the value against `threshold`;
- rise / fall: the value against the previous window's, `threshold` a share
  (0.2 = up or down by more than 20 %); a rise from 0 to anything is a rise.
A new firing is one AlertFiring row, audited, with its actions run in the same
transaction: notify (email on commit), open or join the queue's incident, contain the
queue or the rule's slice. While it stays firing nothing new happens; when the
comparison stops holding the firing is closed and audited. Containment stays until a
person lifts it: an alert may stop because the people now deciding everything hide the
problem.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from audit.actions import AuditAction
from audit.services import Actor, audit_record
from hitl.celery import task_named
from hitl.errors import ServiceError
from reviews.escalation.models import AlertFiring, AlertRule
from reviews.escalation.services.incidents import incident_open_or_join
from reviews.quality.services.measure import queue_metrics
from reviews.quality.services.rollups import hour_of
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from reviews.queues.services.access import role_group
from reviews.queues.services.queues import ContainmentExists, containment_set

logger = logging.getLogger(__name__)

Metric = AlertRule.Metric
Comparison = AlertRule.Comparison
MetricsReader = Callable[..., dict[str, Any]]
HOUR = 3600
MAX_WINDOW_S = 366 * 86400
EDITABLE = (
    "name", "metric", "comparison", "threshold", "window_s", "min_count", "slice",
    "notify", "open_incident", "contain", "active",
)  # fmt: skip
ALERT_ACTOR = Actor.system("alerts")


class AlertRuleInvalid(ServiceError):
    """A rule that cannot be evaluated; `fields` says why, per field."""

    code = "invalid"

    def __init__(self, fields: dict[str, list[str]]) -> None:
        super().__init__("The alert rule is not valid.", fields=fields)


def rule_errors(values: Mapping[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not str(values.get("name", "")).strip():
        errors["name"] = ["Give the rule a name."]
    if values.get("metric") not in Metric.values:
        errors["metric"] = [f"One of {', '.join(Metric.values)}."]
    if values.get("comparison") not in Comparison.values:
        errors["comparison"] = [f"One of {', '.join(Comparison.values)}."]
    threshold = values.get("threshold")
    if not isinstance(threshold, int | float) or isinstance(threshold, bool):
        errors["threshold"] = ["A number."]
    elif values.get("comparison") in (Comparison.RISE, Comparison.FALL) and threshold < 0:
        errors["threshold"] = ["A relative change is a share ≥ 0 (0.2 = 20 %)."]
    window = values.get("window_s")
    if not isinstance(window, int) or not HOUR <= window <= MAX_WINDOW_S or window % HOUR:
        errors["window_s"] = ["Whole hours (a multiple of 3600 s), from 1 hour to 366 days."]
    if not isinstance(values.get("min_count"), int) or values["min_count"] < 0:
        errors["min_count"] = ["A count ≥ 0."]
    tags = values.get("slice")
    if not isinstance(tags, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in tags.items()
    ):
        errors["slice"] = ['Slice tags as {"key": "value"}; {} for the whole queue.']
    return errors


@transaction.atomic
def alert_rule_create(
    *,
    queue: Queue,
    name: str,
    metric: str,
    comparison: str,
    threshold: float,
    actor: Actor,
    window_s: int = HOUR,
    min_count: int = 20,
    slice_tags: dict[str, str] | None = None,
    notify: bool = True,
    open_incident: bool = False,
    contain: bool = False,
) -> AlertRule:
    """A new active rule on the queue; raises AlertRuleInvalid."""
    values: dict[str, Any] = {
        "name": name, "metric": metric, "comparison": comparison, "threshold": threshold,
        "window_s": window_s, "min_count": min_count, "slice": slice_tags or {},
        "notify": notify, "open_incident": open_incident, "contain": contain, "active": True,
    }  # fmt: skip
    errors = rule_errors(values)
    if errors:
        raise AlertRuleInvalid(errors)
    rule = AlertRule.objects.create(
        queue=queue, created_at=timezone.now(), created_by=actor.label, **values
    )
    audit_record(
        action=AuditAction.ALERT_RULE_CREATED,
        actor=actor,
        target=rule,
        data={"queue": queue.slug, **values},
    )
    return rule


@transaction.atomic
def alert_rule_update(*, rule: AlertRule, changes: Mapping[str, Any], actor: Actor) -> AlertRule:
    """Change a rule's fields (`EDITABLE` names); raises AlertRuleInvalid. An open firing
    stays open: the next evaluation judges it by the new rule."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise AlertRuleInvalid({name: ["Not a field you can change."] for name in unknown})
    # of=("self",): lock the rule only. Locking its queue row too would deadlock with an
    # ingest that holds the audit chain head and key-shares that queue row at commit.
    rule = AlertRule.objects.select_for_update(of=("self",)).select_related("queue").get(pk=rule.pk)
    before = {name: getattr(rule, name) for name in EDITABLE}
    after = {**before, **changes}
    errors = rule_errors(after)
    if errors:
        raise AlertRuleInvalid(errors)
    changed = {name: after[name] for name in EDITABLE if after[name] != before[name]}
    if not changed:
        return rule
    for name, value in changed.items():
        setattr(rule, name, value)
    rule.save(update_fields=list(changed))
    audit_record(
        action=AuditAction.ALERT_RULE_CHANGED,
        actor=actor,
        target=rule,
        data={
            "queue": rule.queue.slug,
            "changed": {name: [before[name], value] for name, value in changed.items()},
        },
    )
    return rule


# --- Evaluation -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """A metric's value in one window and how many decisions or predictions it rests on."""

    value: float | None
    count: int


def _count(metrics: Mapping[str, Any], name: str) -> int:
    counts = metrics.get("counts") or metrics
    return int(counts.get(name) or 0)


def read_metric(metric: str, metrics: Mapping[str, Any]) -> Reading:
    """The rule's number out of queue_metrics' dict (services/measure.py)."""
    if metric == Metric.OVERRIDE_RATE:
        return Reading(metrics.get("override_rate"), _count(metrics, "decided"))
    if metric == Metric.ESCALATIONS_PER_10K:
        return Reading(metrics.get("escalations_per_10k"), _count(metrics, "received"))
    if metric in (Metric.TIME_TO_HUMAN_P95, Metric.TIME_TO_DECISION_P95):
        part = metrics.get(metric.removesuffix("_p95")) or {}
        return Reading(part.get("p95"), int(part.get("n") or _count(metrics, "decided")))
    if metric == Metric.ECE:
        part = metrics.get("ece") or {}
        return Reading(part.get("ece"), int(part.get("n") or _count(metrics, "decided")))
    if metric in (Metric.PSI_CONFIDENCE, Metric.PSI_LABELS):
        part = (metrics.get("drift") or {}).get(metric.removeprefix("psi_")) or {}
        return Reading(part.get("psi"), _count(metrics, "received"))
    raise ValueError(f"unknown metric {metric!r}")


def rule_windows(rule: AlertRule, now: datetime) -> tuple[datetime, datetime, datetime]:
    """(previous start, start, end): the rule's window is [start, end), the previous one
    [previous start, start); both whole hours, the current hour included."""
    end = hour_of(now) + timedelta(hours=1)
    start = end - timedelta(seconds=rule.window_s)
    return start - timedelta(seconds=rule.window_s), start, end


def holds(comparison: str, threshold: float, value: float, baseline: float | None) -> bool:
    """Whether the comparison holds; rise/fall need a baseline."""
    if comparison == Comparison.ABOVE:
        return value > threshold
    if comparison == Comparison.BELOW:
        return value < threshold
    if baseline is None:
        return False
    if comparison == Comparison.RISE:
        return value > baseline * (1 + threshold)
    return value < baseline * (1 - threshold)


@dataclass(frozen=True)
class Verdict:
    """One rule's evaluation: judged or not, firing or not, and the numbers."""

    judged: bool
    firing: bool = False
    value: float | None = None
    baseline: float | None = None


def rule_judge(*, rule: AlertRule, now: datetime, metrics: MetricsReader) -> Verdict:
    previous_start, start, end = rule_windows(rule, now)
    scope: dict[str, Any] = {"slice_tags": rule.slice or None}
    current = read_metric(rule.metric, metrics(queue=rule.queue, start=start, end=end, **scope))
    if current.value is None or current.count < rule.min_count:
        return Verdict(judged=False, value=current.value)
    baseline = None
    if rule.comparison in (Comparison.RISE, Comparison.FALL):
        previous = read_metric(
            rule.metric, metrics(queue=rule.queue, start=previous_start, end=start, **scope)
        )
        if previous.value is None or previous.count < rule.min_count:
            return Verdict(judged=False, value=current.value)
        baseline = previous.value
    firing = holds(rule.comparison, rule.threshold, current.value, baseline)
    return Verdict(judged=True, firing=firing, value=current.value, baseline=baseline)


def alerts_evaluate(
    *, now: datetime | None = None, metrics: MetricsReader = queue_metrics
) -> dict[str, int]:
    """Evaluate every active rule once; counts of rules judged, firings opened and closed.

    Each rule is its own transaction, so one failing rule (logged) does not stop the rest.
    `metrics` is queue_metrics unless a caller substitutes a reader with its signature.
    """
    now = now or timezone.now()
    counts = {"judged": 0, "fired": 0, "resolved": 0}
    for rule in AlertRule.objects.filter(active=True).select_related("queue").order_by("pk"):
        try:
            verdict = rule_judge(rule=rule, now=now, metrics=metrics)
            if not verdict.judged:
                continue
            counts["judged"] += 1
            outcome = _apply(rule=rule, verdict=verdict, now=now)
        except Exception:
            logger.exception("alert rule %s could not be evaluated", rule.pk)
            continue
        if outcome:
            counts[outcome] += 1
    return counts


@transaction.atomic
def _apply(*, rule: AlertRule, verdict: Verdict, now: datetime) -> str:
    """Open or close the rule's firing as the verdict says; '' when nothing changes.
    The rule row's lock makes two evaluators agree: the second sees the first's firing."""
    # The rule row only, in no order: AlertRule's default ordering joins the queue, and
    # FOR UPDATE would lock the queue row too, which deadlocks with ingest (see above).
    list(AlertRule.objects.select_for_update(of=("self",)).filter(pk=rule.pk).order_by())
    open_firing = AlertFiring.objects.filter(rule=rule, ended_at__isnull=True).first()
    if verdict.firing and open_firing is None:
        alert_fire(rule=rule, value=verdict.value, baseline=verdict.baseline, now=now)
        return "fired"
    if not verdict.firing and open_firing is not None:
        alert_resolve(firing=open_firing, value=verdict.value, now=now)
        return "resolved"
    return ""


def _describe(rule: AlertRule, value: float | None, baseline: float | None) -> str:
    hours = rule.window_s // HOUR
    text = f"alert rule {rule.name!r}: {rule.get_metric_display()} = {value:.4g} over {hours}h"
    if baseline is not None:
        return f"{text}, against {baseline:.4g} the window before ({rule.comparison})"
    return f"{text} ({rule.comparison} {rule.threshold:g})"


def alert_fire(
    *, rule: AlertRule, value: float | None, baseline: float | None, now: datetime
) -> AlertFiring:
    """Open a firing and run the rule's actions; in the caller's transaction."""

    queue = rule.queue
    reason = _describe(rule, value, baseline)
    firing = AlertFiring.objects.create(rule=rule, started_at=now, value=value, baseline=baseline)
    actions: dict[str, Any] = {}
    if rule.open_incident:
        incident, opened = incident_open_or_join(
            queue=queue, items=[], escalations=[], actor=ALERT_ACTOR, reason=reason, now=now
        )
        firing.incident = incident
        actions["incident"] = {"id": incident.pk, "opened": opened}
    if rule.contain:
        try:
            containment = containment_set(
                queue=queue,
                slice_tags=dict(rule.slice),
                reason=f"alert rule {rule.name!r}",
                actor=ALERT_ACTOR,
                incident=firing.incident,
            )
        except ContainmentExists:
            actions["contain"] = "already contained"
        else:
            firing.containment = containment
            actions["contain"] = containment.pk
    if firing.incident_id or firing.containment_id:
        firing.save(update_fields=["incident", "containment"])
    if rule.notify:
        group = role_group(Role.RESPONDER)
        task_named("reviews.tasks.notify_group").delay_on_commit(
            group.pk, f"[hitl] Alert on {queue.slug}: {rule.name}", f"{reason}\n{actions}"
        )
        actions["notify"] = group.name
    audit_record(
        action=AuditAction.ALERT_FIRED,
        actor=ALERT_ACTOR,
        target=firing,
        data={
            "queue": queue.slug,
            "rule": rule.pk,
            "name": rule.name,
            "metric": rule.metric,
            "comparison": rule.comparison,
            "threshold": rule.threshold,
            "window_s": rule.window_s,
            "slice": rule.slice,
            "value": value,
            "baseline": baseline,
            "actions": actions,
        },
    )
    return firing


def alert_resolve(*, firing: AlertFiring, value: float | None, now: datetime) -> None:
    """Close a firing; in the caller's transaction. Containment stays until lifted."""
    firing.ended_at = now
    firing.save(update_fields=["ended_at"])
    rule = firing.rule
    audit_record(
        action=AuditAction.ALERT_RESOLVED,
        actor=ALERT_ACTOR,
        target=firing,
        data={
            "queue": rule.queue.slug,
            "rule": rule.pk,
            "name": rule.name,
            "value": value,
            "fired_at": firing.started_at.isoformat(),
        },
    )
