"""Reads of review work: a reviewer's own figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from statistics import median

from accounts.models import User
from reviews.work.models import Decision


@dataclass(frozen=True)
class ReviewerStats:
    """One reviewer's own work in one queue over a window."""

    decided: int
    overridden: int
    median_handling_s: float

    @property
    def override_share(self) -> float:
        return self.overridden / self.decided if self.decided else 0.0


def reviewer_stats(*, reviewer: User, since: datetime) -> dict[int, ReviewerStats]:
    """The reviewer's decisions since `since`, per queue id (their own page, a bounded read)."""
    by_queue: dict[int, list[tuple[str, float]]] = defaultdict(list)
    rows = Decision.objects.filter(
        reviewer=reviewer, decided_at__gte=since, is_gold=False
    ).values_list("item__queue_id", "verdict", "handling_seconds")
    for queue_id, verdict, seconds in rows:
        by_queue[queue_id].append((verdict, seconds))
    return {
        queue_id: ReviewerStats(
            decided=len(decisions),
            overridden=sum(1 for verdict, _ in decisions if verdict == Decision.Verdict.OVERRIDE),
            median_handling_s=median(seconds for _, seconds in decisions),
        )
        for queue_id, decisions in by_queue.items()
    }
