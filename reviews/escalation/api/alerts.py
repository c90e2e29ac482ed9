"""The alert-rule API: a queue's rules on its metrics, with their recent firings."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList
from rest_framework.views import APIView

from accounts.request_types import AuthenticatedApiRequest
from audit.services import Actor
from hitl.api.errors import ApiError
from hitl.api.fields import (
    NoUnknownFieldsMixin,
    StrictBooleanField,
    StrictCharField,
    StrictFloatField,
    StrictIntegerField,
)
from reviews.escalation.models import AlertFiring, AlertRule
from reviews.escalation.services.alerts import (
    alert_rule_create,
    alert_rule_update,
)
from reviews.quality.api.calibration import MANAGE
from reviews.queues.api.queues import queue_or_404
from reviews.queues.api.serializers import SliceTagsField

# --- Alert rules --------------------------------------------------------------------------


class AlertRuleInSerializer(NoUnknownFieldsMixin, serializers.Serializer):
    name = StrictCharField(max_length=200)
    metric = serializers.ChoiceField(choices=AlertRule.Metric.choices)
    comparison = serializers.ChoiceField(choices=AlertRule.Comparison.choices)
    threshold = StrictFloatField()
    window_s = StrictIntegerField(min_value=3600, default=3600)
    min_count = StrictIntegerField(min_value=0, default=20)
    slice = SliceTagsField(required=False, default=dict)
    notify = StrictBooleanField(default=True)
    open_incident = StrictBooleanField(default=False)
    contain = StrictBooleanField(default=False)
    active = StrictBooleanField(required=False)


class FiringOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    started_at = serializers.DateTimeField()
    ended_at = serializers.DateTimeField(allow_null=True)
    value = serializers.FloatField(allow_null=True)
    baseline = serializers.FloatField(allow_null=True)
    incident = serializers.IntegerField(source="incident_id", allow_null=True)
    containment = serializers.IntegerField(source="containment_id", allow_null=True)


class AlertRuleOutSerializer(serializers.Serializer):
    """A rule with its open firing and the last ten; the firings come in the context,
    newest first per rule ({rule id: [firing, …]}, firings_by_rule), none if absent."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    metric = serializers.CharField(help_text=", ".join(AlertRule.Metric.values))
    comparison = serializers.CharField(help_text=", ".join(AlertRule.Comparison.values))
    threshold = serializers.FloatField()
    window_s = serializers.IntegerField()
    min_count = serializers.IntegerField()
    slice = serializers.DictField(child=serializers.CharField())
    notify = serializers.BooleanField()
    open_incident = serializers.BooleanField()
    contain = serializers.BooleanField()
    active = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    created_by = serializers.CharField()
    firing = serializers.SerializerMethodField()
    recent_firings = serializers.SerializerMethodField()

    def _firings(self, rule: AlertRule) -> list[AlertFiring]:
        firings: list[AlertFiring] = self.context.get("firings", {}).get(rule.pk, [])
        return firings

    @extend_schema_field(FiringOutSerializer(allow_null=True))
    def get_firing(self, rule: AlertRule) -> ReturnDict | None:
        firing = next((f for f in self._firings(rule) if f.ended_at is None), None)
        return None if firing is None else FiringOutSerializer(firing).data

    @extend_schema_field(FiringOutSerializer(many=True))
    def get_recent_firings(self, rule: AlertRule) -> ReturnList:
        recent = self._firings(rule)[:10]
        return serializers.ListSerializer(recent, child=FiringOutSerializer()).data


def firings_by_rule(rules: list[AlertRule]) -> dict[int, list[AlertFiring]]:
    """Each rule's firings, newest first, in one query: the context AlertRuleOutSerializer
    reads them from."""
    by_rule: dict[int, list[AlertFiring]] = {rule.pk: [] for rule in rules}
    for firing in AlertFiring.objects.filter(rule__in=rules).order_by("-started_at", "-id"):
        by_rule[firing.rule_id].append(firing)
    return by_rule


class QueueAlertsView(APIView):
    @extend_schema(
        responses={200: AlertRuleOutSerializer(many=True)}, summary="The queue's alert rules"
    )
    def get(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = queue_or_404(request, slug, MANAGE)
        rules = list(AlertRule.objects.filter(queue=queue))
        context = {"firings": firings_by_rule(rules)}
        return Response(AlertRuleOutSerializer(rules, many=True, context=context).data)

    @extend_schema(
        request=AlertRuleInSerializer,
        responses={201: AlertRuleOutSerializer},
        summary="Add an alert rule: a metric, a comparison, a window and actions",
    )
    def post(self, request: AuthenticatedApiRequest, slug: str) -> Response:
        queue = queue_or_404(request, slug, MANAGE)
        serializer = AlertRuleInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("active", None)
        rule = alert_rule_create(
            queue=queue,
            slice_tags=data.pop("slice"),
            actor=Actor.for_user(request.user),
            **data,
        )
        return Response(AlertRuleOutSerializer(rule).data, status=status.HTTP_201_CREATED)


class AlertRuleDetailView(APIView):
    @extend_schema(
        request=AlertRuleInSerializer(partial=True),
        responses={200: AlertRuleOutSerializer},
        summary="Change an alert rule (any of its fields; active=false switches it off)",
    )
    def patch(self, request: AuthenticatedApiRequest, slug: str, pk: int) -> Response:
        queue = queue_or_404(request, slug, MANAGE)
        rule = AlertRule.objects.filter(queue=queue, pk=pk).first()
        if rule is None:
            raise ApiError(code="not_found", message="No such alert rule.", status_code=404)
        serializer = AlertRuleInSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        rule = alert_rule_update(
            rule=rule,
            changes=dict(serializer.validated_data),
            actor=Actor.for_user(request.user),
        )
        context = {"firings": firings_by_rule([rule])}
        return Response(AlertRuleOutSerializer(rule, context=context).data)
