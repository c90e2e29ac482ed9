"""Dashboard benchmark: the queue dashboard over roll-ups of 10,000,000 decisions.

SPEC §9: queue dashboard over 10,000,000 decisions < 500 ms. The dashboard reads only the
roll-ups (reviews/quality/services/measure.py: day rows for whole days, hour rows at the edges),
so what it costs depends on how many roll-up rows a window holds, not on how many items
there are. This benchmark therefore builds a fresh database and inserts MetricRollup and
ReviewerRollup rows directly with
SQL (COPY) rather than ingesting and deciding ten million items through the services:
`--days` (90) × 24 hours × `--slices` (4) × `--models` (2) rows whose `decided` counts sum
to `--decisions` (10,000,000), every JSON column filled as the roll-up consumer fills
it (10-bin confidence histograms, ECE bins, duration histograms of ~40 buckets, 3×3
confusion and agreement tables built with stats/agreement.py), plus one
ReviewerRollup row per reviewer and hour worked (`--reviewers` (20), 8 hours a day).
The day rows are then built from the hour rows by `rollups_days_rebuild`.

Then, in one process on the bench database, with PostgreSQL on the same machine:
1. `queue_metrics` + `queue_series` (the dashboard's data, with the page's chart step)
   for 24h / 7d / 30d / 90d windows, `--repeat` times each;
2. the whole page, GET /queues/<slug>/dashboard/?window=… through Django's test client
   (middleware, permission query, roll-up reads, template), for the page's 24h / 7d / 30d;
printing p50/p95 of each against the target.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    REPO,
    django_env,
    machine_info,
    manage,
    recreate_database,
    temp_dir,
    timed,
)

sys.path.insert(0, str(REPO))

QUEUE_SLUG = "bench-dash"
TARGET_MS = 500.0
LABELS = ("approve", "deny", "unsure")

SETUP = """
from audit.services import Actor
from reviews.queues.permissions import Role
from reviews.queues.services.access import reviewer_create
from reviews.queues.services.queues import queue_create

actor = Actor.system("bench")
queue = queue_create(
    slug=%(slug)r,
    name="Bench dashboard",
    labels=[{"value": v} for v in %(labels)r],
    reason_codes=[{"code": "wrong_label"}],
    policy={"auto_approve_at": 0.9, "sme_below": 0.5, "risk_tier": "medium",
            "mode": "in_path", "shadow": False, "audit_sample_rate": 0.02},
    actor=actor,
)
def person(name, role):
    return reviewer_create(
        username=name, role=role, queues=[queue], password="bench-only", actor=actor
    )[0]

admin = person("bench-admin", Role.ADMIN)
ids = [person(f"bench-r{n}", Role.ANNOTATOR).pk for n in range(%(reviewers)d)]
print(queue.pk, admin.pk, ",".join(map(str, ids)))
"""

MEASURE = """
import statistics, time
from datetime import timedelta
from django.test import Client
from django.utils import timezone
from accounts.models import User
from reviews.queues.models import Queue
from reviews.quality.pages import WINDOWS
from reviews.quality.services.measure import queue_metrics, queue_series

def pct(values, p):
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * p // 100) - 1)]

queue = Queue.objects.get(slug=%(slug)r)
steps = {"24h": (timedelta(hours=24), timedelta(hours=1)),
         "7d": (timedelta(days=7), timedelta(hours=6)),
         "30d": (timedelta(days=30), timedelta(days=1)),
         "90d": (timedelta(days=90), timedelta(days=1))}
for name, (span, step) in steps.items():
    if name in WINDOWS:
        assert WINDOWS[name][:2] == (span, step), name  # the page's own steps
    times, decided = [], 0
    for _ in range(%(repeat)d):
        now = timezone.now()
        t0 = time.perf_counter()
        m = queue_metrics(queue=queue, start=now - span, end=now)
        queue_series(queue=queue, start=now - span, end=now, step=step)
        times.append((time.perf_counter() - t0) * 1000)
        decided = m["counts"]["decided"]
    print("DATA", name, decided, pct(times, 50), pct(times, 95))

client = Client(HTTP_HOST="127.0.0.1")
client.force_login(User.objects.get(username="bench-admin"))
for name in ("24h", "7d", "30d"):
    url = f"/queues/{queue.slug}/dashboard/?window={name}"
    assert client.get(url).status_code == 200
    times = []
    for _ in range(%(repeat)d):
        t0 = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200
    print("PAGE", name, len(response.content), pct(times, 50), pct(times, 95))
"""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/hitl_bench_dashboard"
    )
    parser.add_argument("--decisions", type=int, default=10_000_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--slices", type=int, default=4)
    parser.add_argument("--models", type=int, default=2)
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args(argv)


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """`total` in `parts` non-negative random shares."""
    weights = [rng.random() + 0.05 for _ in range(parts)]
    scale = total / sum(weights)
    shares = [int(w * scale) for w in weights]
    shares[0] += total - sum(shares)
    return shares


def _duration_hist(n: int, centre: int, rng: random.Random) -> dict[str, int]:
    """~40 buckets of the 10 % duration histogram (stats/percentiles.py)."""
    buckets = range(max(0, centre - 20), centre + 20)
    return {str(b): c for b, c in zip(buckets, _split(n, len(buckets), rng), strict=True) if c}


def _template(decided: int, rng: random.Random) -> dict[str, str]:
    """The JSON columns of one roll-up row with `decided` decisions, as the consumer writes
    them; agreement tables built by the real functions from simulated verdict pairs."""
    from stats.agreement import (
        cohen_counts,
        fleiss_counts,
        krippendorff_coincidences,
    )

    received = int(decided / 0.4)
    labelled = decided - decided // 20
    ece, left = [], labelled
    for b, n in enumerate(_split(labelled, 10, rng)):
        left -= n
        mean = (b + 0.5) / 10
        ece.append([n, round(n * mean, 3), int(n * min(1.0, mean + rng.uniform(-0.1, 0.1)))])
    pairs = [
        (a, a if rng.random() < 0.8 else rng.choice(LABELS))
        for a in (rng.choice(LABELS) for _ in range(max(2, decided // 10)))
    ]
    fleiss = fleiss_counts([list(p) for p in pairs])
    confusion = {
        m: {f: c for f, c in zip(LABELS, _split(n, 3, rng), strict=True)}
        for m, n in zip(LABELS, _split(labelled, 3, rng), strict=True)
    }
    return {
        "conf_hist": json.dumps(_split(received, 10, rng)),
        "labels_predicted": json.dumps(dict(zip(LABELS, _split(received, 3, rng), strict=True))),
        "tth_hist": json.dumps(_duration_hist(decided, 60, rng)),
        "ttd_hist": json.dumps(_duration_hist(decided, 75, rng)),
        "ece_bins": json.dumps(ece),
        "confusion": json.dumps(confusion),
        "cohen": json.dumps(cohen_counts(pairs)),
        "fleiss": json.dumps({str(fleiss.raters): fleiss.as_dict()}),
        "krippendorff": json.dumps(krippendorff_coincidences([list(p) for p in pairs])),
        "review_seconds": json.dumps({"tier1": decided * 41.5, "sme": decided * 3.2}),
        "escalations_by_reason": json.dumps({"reviewer": decided // 50, "sla_breach": 3}),
    }


METRIC_COLUMNS = (
    "queue_id", "span", "hour", "slice_key", "model_version", "received", "auto_approved",
    "routed_tier1", "routed_sme", "sampled", "decided", "decided_routed", "approved",
    "corrected", "rejected", "corrected_routed", "verdicts", "escalations", "conf_hist",
    "labels_predicted", "tth_hist", "ttd_hist", "ece_bins", "confusion", "cohen", "fleiss",
    "krippendorff", "review_seconds", "escalations_by_reason",
)  # fmt: skip


def load_rollups(args: argparse.Namespace, queue_id: int, reviewer_ids: list[int]) -> int:
    """COPY the roll-up rows; returns the number of decisions they hold."""
    from datetime import UTC, datetime, timedelta

    rng = random.Random(args.seed)
    hour0 = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    hours = [hour0 - timedelta(hours=h) for h in range(args.days * 24)]
    slices = [json.dumps({"region": f"R{n}"}, separators=(",", ":")) for n in range(args.slices)]
    models = [f"model-{n + 1}" for n in range(args.models)]
    keys = [(h, s, m) for h in hours for s in slices for m in models]
    per_row = _split(args.decisions, len(keys), rng)
    templates = [_template(d, rng) for d in per_row[:64]]
    buf = io.StringIO()
    for n, ((hour, key, model), decided) in enumerate(zip(keys, per_row, strict=True)):
        received = int(decided / 0.4)
        corrected = decided // 8
        row = [
            queue_id, "h", hour.isoformat(), key, model, received, received - decided,
            decided - decided // 10, decided // 10, received // 50, decided,
            decided - decided // 50,
            decided - corrected - decided // 20, corrected, decided // 20, max(0, corrected - 1),
            decided + decided // 10, decided // 50 + 3,
            *templates[n % len(templates)].values(),
        ]  # fmt: skip
        buf.write("\t".join(str(v).replace("\\", "\\\\") for v in row) + "\n")
    with psycopg.connect(args.database_url) as conn, conn.cursor() as cur:
        columns = ", ".join(METRIC_COLUMNS)
        with cur.copy(f"COPY reviews_metricrollup ({columns}) FROM STDIN") as copy:
            copy.write(buf.getvalue())
        rbuf = io.StringIO()
        for hour in hours:
            for rid in rng.sample(reviewer_ids, k=max(1, len(reviewer_ids) // 3)):
                v = rng.randint(20, 120)
                hist = json.dumps(_duration_hist(v, 40, rng))
                fields = (queue_id, rid, hour.isoformat(), v, v - 2, v - 9, 2, 2, hist)
                rbuf.write("\t".join(map(str, fields)) + "\n")
        cols = (
            "queue_id, reviewer_id, hour, verdicts, settled, agreed, gold_seen, gold_correct, "
            "handling_hist"
        )
        with cur.copy(f"COPY reviews_reviewerrollup ({cols}) FROM STDIN") as copy:
            copy.write(rbuf.getvalue())
        cur.execute("ANALYZE reviews_metricrollup")
        cur.execute("ANALYZE reviews_reviewerrollup")
        (rows,) = cur.execute("SELECT count(*) FROM reviews_metricrollup").fetchone()
        (total,) = cur.execute("SELECT sum(decided) FROM reviews_metricrollup").fetchone()
        (rrows,) = cur.execute("SELECT count(*) FROM reviews_reviewerrollup").fetchone()
    print(f"  {rows:,} MetricRollup rows with {total:,} decisions; {rrows:,} ReviewerRollup rows")
    return int(total)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    machine = machine_info(args.database_url)
    print(
        f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']} RAM, "
        f"PostgreSQL {machine['postgresql']}, Python {machine['python']}"
    )
    with temp_dir("hitl-bench-dashboard-") as tmp:
        env = django_env(args.database_url, Path(tmp))
        env["ALLOWED_HOSTS"] = "127.0.0.1"
        recreate_database(args.database_url)
        timed("migrated", lambda: manage(["migrate", "--noinput"], env))
        # DEBUG=0 serves hashed static names from the manifest, as in production.
        timed("static files collected", lambda: manage(["collectstatic", "--noinput"], env))
        setup = SETUP % {"slug": QUEUE_SLUG, "labels": LABELS, "reviewers": args.reviewers}
        line = manage(["shell", "-c", setup], env).strip().splitlines()[-1]
        queue_id, _, reviewers = line.split()
        total = timed(
            "roll-ups loaded with COPY",
            lambda: load_rollups(args, int(queue_id), [int(r) for r in reviewers.split(",")]),
        )
        # Day rows are derived from the hour rows by the service the consumer's repair
        # path uses, so they hold exactly what the consumer would have written.
        rebuild = (
            "from reviews.quality.services.rollups import rollups_days_rebuild; "
            f"print(rollups_days_rebuild(queue_id={int(queue_id)}))"
        )
        days = timed(
            "day rows built from the hour rows (rollups_days_rebuild)",
            lambda: manage(["shell", "-c", rebuild], env, timeout=1800),
        )
        print(f"  {int(str(days).strip().splitlines()[-1]):,} day rows")
        measure = MEASURE % {"slug": QUEUE_SLUG, "repeat": args.repeat}
        output = manage(["shell", "-c", measure], env, timeout=1800)

    print()
    print("=" * 78)
    print(f"dashboard over roll-ups of {total:,} decisions, {args.repeat} runs each")
    worst = 0.0
    for line in output.splitlines():
        if not line.startswith(("DATA ", "PAGE ")):
            continue
        kind, name, size, p50, p95 = line.split()
        p50f, p95f = float(p50), float(p95)
        worst = max(worst, p95f)
        what = (
            f"queue_metrics + queue_series, {name:>3} window ({int(size):,} decisions)"
            if kind == "DATA"
            else f"GET dashboard page, {name:>3} window ({int(size):,} bytes)"
        )
        verdict = "PASS" if p95f < TARGET_MS else "MISS"
        print(f"{what}: p50 {p50f:.1f} ms, p95 {p95f:.1f} ms  [{verdict} < {TARGET_MS:.0f} ms]")
    print(
        f"SPEC §9 queue dashboard < {TARGET_MS:.0f} ms: {'PASS' if worst < TARGET_MS else 'MISS'}"
    )
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
