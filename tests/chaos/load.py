"""Load for the chaos scenarios: a client system sending predictions, people reviewing.

Everything goes through the HTTP API as a client and reviewers would use it. The client
retries on connection errors and 5xx with the SAME external_id and body (the idempotency
key makes a retry safe, SPEC §3); every prediction answered with a 2xx is recorded as
acknowledged, and the checks afterwards look for each exactly once. Reviewers claim,
read for a moment and decide (mostly approve; some override, reject or escalate), also
retrying on connection errors and 5xx. Answers that should never happen to a valid
request (a 4xx other than a lost lease, a 409 idempotency conflict) are kept apart as
`unexpected`: the scenarios require none.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import requests

from tests.chaos.stack import QUEUE_SLUG, Stack

GIVE_UP_AFTER = 90.0  # seconds of retrying one request before it counts as lost
TIMEOUT = (3.0, 60.0)  # connect, read


@dataclass
class Tally:
    """What the load generator saw; shared by its threads under `lock`."""

    sent: set[str] = field(default_factory=set)
    acked: set[str] = field(default_factory=set)
    gave_up: set[str] = field(default_factory=set)
    requests: int = 0
    retries: int = 0
    errors: Counter[str] = field(default_factory=Counter)  # transient: retried
    error_times: list[float] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    claims: int = 0
    empty_claims: int = 0
    decisions: int = 0
    leases_lost: int = 0  # a 409 on a decision: the sweep took the lease
    cut: int = 0  # requests whose connection died mid-request
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, kind: str) -> None:
        with self.lock:
            self.errors[kind] += 1
            self.error_times.append(time.monotonic())

    def summary(self) -> dict[str, Any]:
        return {
            "sent": len(self.sent),
            "acknowledged": len(self.acked),
            "gave_up": len(self.gave_up),
            "requests": self.requests,
            "retries": self.retries,
            "transient_errors": dict(self.errors),
            "claims": self.claims,
            "decisions": self.decisions,
            "leases_lost": self.leases_lost,
            "unexpected": len(self.unexpected),
        }


class Api:
    """One thread's HTTP session with one API key."""

    def __init__(self, base_url: str, token: str, tally: Tally) -> None:
        self.base_url, self.tally = base_url, tally
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Token {token}"

    def post(self, path: str, body: Any, what: str) -> requests.Response | None:
        """POST until an answer below 500; None after GIVE_UP_AFTER seconds of failures."""
        deadline = time.monotonic() + GIVE_UP_AFTER
        attempt = 0
        while True:
            with self.tally.lock:
                self.tally.requests += 1
                self.tally.retries += attempt > 0
            try:
                response = self.session.post(self.base_url + path, json=body, timeout=TIMEOUT)
            except requests.ConnectionError as exc:
                cut = "Connection aborted" in str(exc) or "RemoteDisconnected" in str(exc)
                with self.tally.lock:
                    self.tally.cut += cut
                self.tally.error(f"{what}: {'cut mid-request' if cut else 'connection refused'}")
            except requests.Timeout:
                self.tally.error(f"{what}: timeout")
            else:
                if response.status_code < 500:
                    return response
                self.tally.error(f"{what}: HTTP {response.status_code}")
            attempt += 1
            if time.monotonic() > deadline:
                return None
            time.sleep(min(0.1 * attempt, 1.0))


def prediction(external_id: str, confidence: float) -> dict[str, Any]:
    return {
        "queue": QUEUE_SLUG,
        "external_id": external_id,
        "model_version": "chaos-v1",
        "input": {"text": f"loan application {external_id}", "amount": len(external_id) * 100},
        "output": {"label": "approve", "confidence": confidence},
        "slice": {"region": "EU"},
    }


def confidence(rng: random.Random) -> float:
    """About 10% auto-approved (>= 0.9), 20% straight to the SME tier (< 0.3), the rest
    to Tier 1."""
    roll = rng.random()
    if roll < 0.1:
        return 0.95
    if roll < 0.3:
        return 0.2
    return round(rng.uniform(0.35, 0.85), 3)


def ingest(api: Api, predictions: list[dict[str, Any]]) -> None:
    """Send one prediction (single endpoint) or several (bulk); record the 2xx ones."""
    tally = api.tally
    ids = [p["external_id"] for p in predictions]
    with tally.lock:
        tally.sent.update(ids)
    statuses = None
    if len(predictions) == 1:
        response = api.post("/api/v1/predictions/", predictions[0], "ingest")
        if response is not None:
            statuses = [response.status_code]
    else:
        response = api.post("/api/v1/predictions/bulk/", {"items": predictions}, "bulk ingest")
        if response is not None and response.status_code == 200:
            statuses = [result["status"] for result in response.json()["results"]]
    with tally.lock:
        if response is None:
            tally.gave_up.update(ids)
        elif statuses is None:
            tally.unexpected.append(f"bulk ingest: HTTP {response.status_code} {response.text}")
        else:
            for external_id, status in zip(ids, statuses, strict=True):
                if status in (200, 201):
                    tally.acked.add(external_id)
                else:
                    tally.unexpected.append(f"ingest {external_id}: HTTP {status}")


VERDICTS = (("approve", 0.75), ("override", 0.10), ("reject", 0.05), ("escalate", 0.10))


def verdict(rng: random.Random, claim: dict[str, Any]) -> dict[str, Any]:
    (choice,) = rng.choices([v for v, _ in VERDICTS], weights=[w for _, w in VERDICTS])
    if choice == "approve":
        return {"verdict": "approve"}
    body = {"verdict": choice, "rationale": "chaos run", "reason_code": "unsure"}
    if choice == "override":
        body["label"] = "deny" if claim["suggestion"]["label"] == "approve" else "approve"
        body["reason_code"] = "wrong_label"
    return body


class Load:
    """One client thread ingesting and one thread per reviewer, until stop()."""

    def __init__(self, stack: Stack, prefix: str, *, pause: float = 0.25, bulk: int = 10) -> None:
        self.stack, self.prefix, self.pause, self.bulk = stack, prefix, pause, bulk
        self.tally = Tally()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._next = 0
        self._ids = threading.Lock()

    def new_ids(self, n: int, kind: str = "") -> list[str]:
        with self._ids:
            first, self._next = self._next, self._next + n
        return [f"{self.prefix}{kind}-{i:06d}" for i in range(first, first + n)]

    def client(self) -> Api:
        return Api(self.stack.base_url, self.stack.tokens["client"], self.tally)

    def __enter__(self) -> Load:
        targets: list[tuple[Any, tuple[Any, ...]]] = [(self._ingester, (self.client(),))]
        for role in ("annotator", "sme"):
            for n, token in enumerate(self.stack.tokens[role]):
                api = Api(self.stack.base_url, token, self.tally)
                targets.append((self._reviewer, (api, random.Random(f"{self.prefix}{role}{n}"))))
        for target, args in targets:
            thread = threading.Thread(target=target, args=args, daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> Tally:
        """Stop sending; each thread finishes what it started (a reviewer decides its lease)."""
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=GIVE_UP_AFTER * 2 + 10)
        self._threads.clear()
        return self.tally

    def burst(self, n: int, confidence: float, kind: str) -> list[str]:
        """`n` predictions in one bulk call, now, from the calling thread."""
        ids = self.new_ids(n, kind)
        ingest(self.client(), [prediction(i, confidence) for i in ids])
        return ids

    def _ingester(self, api: Api) -> None:
        rng = random.Random(self.prefix)
        while not self._stop.is_set():
            size = self.bulk if rng.random() < 0.5 else 1
            ingest(api, [prediction(i, confidence(rng)) for i in self.new_ids(size)])
            self._stop.wait(self.pause)

    def _reviewer(self, api: Api, rng: random.Random) -> None:
        tally = api.tally
        while not self._stop.is_set():
            response = api.post(f"/api/v1/queues/{QUEUE_SLUG}/claim/", {}, "claim")
            if response is None:
                continue
            if response.status_code == 204:
                with tally.lock:
                    tally.empty_claims += 1
                self._stop.wait(0.3)
                continue
            if response.status_code != 200:
                tally.unexpected.append(f"claim: HTTP {response.status_code} {response.text}")
                self._stop.wait(0.5)
                continue
            claim = response.json()
            with tally.lock:
                tally.claims += 1
            time.sleep(rng.uniform(0.05, 0.3))  # reading the item
            path = f"/api/v1/assignments/{claim['id']}/decision/"
            response = api.post(path, verdict(rng, claim), "decision")
            with tally.lock:
                if response is None:
                    tally.unexpected.append(f"decision on assignment {claim['id']}: gave up")
                elif response.status_code in (200, 201):
                    # 200: a retry of a verdict whose answer was lost (the first call was
                    # recorded); the same decision comes back, nothing recorded twice.
                    tally.decisions += 1
                elif response.status_code == 409:
                    tally.leases_lost += 1
                else:
                    tally.unexpected.append(
                        f"decision: HTTP {response.status_code} {response.text[:200]}"
                    )
