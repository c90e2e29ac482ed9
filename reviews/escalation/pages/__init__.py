"""Browser pages of the escalation ladder (SPEC §8): the SMEs' escalations inbox and the
responders' incidents board. The review workspace's pages are in reviews/work/pages.py."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.request_types import AuthenticatedHttpRequest
from audit.evidence import bundle_verify
from audit.models import EvidenceBundle
from reviews.escalation.filters import QueueFilterSet
from reviews.queues.selectors import queues_for

M = TypeVar("M", bound=Model)


def filtered_list(
    request: AuthenticatedHttpRequest,
    *,
    perms: Iterable[str],
    filters: type[QueueFilterSet],
    rows: QuerySet[M],
) -> tuple[QuerySet[M], dict[str, Any]]:
    """A list page's rows as its GET filters select them, and what the page shows beside
    them: the queues the user may pick from (none: 404, the page is not theirs), the
    filters' values as sent (the form shows them) and now.

    The filters are the list's FilterSet, the API's (reviews/escalation/filters.py); a
    value the page does not offer is no filter, as the page's "any".
    """
    queues = list(queues_for(user=request.user, perms=perms).order_by("slug"))
    if not queues:
        raise Http404("No such page.")
    filterset = filters(request.GET, queryset=rows, request=request, queues=queues)
    form = {name: request.GET.get(name, "") for name in filterset.filters}
    return filterset.qs, {"queues": queues, "form": form, "now": timezone.now()}


def bundle_context(bundle: EvidenceBundle | None) -> dict[str, Any]:
    """A bundle for a template: its parsed content and whether it still verifies."""
    if bundle is None:
        return {"bundle": None}
    return {
        "bundle": json.loads(bundle.content),
        "bundle_row": bundle,
        "bundle_verified": bundle_verify(bundle),
    }
