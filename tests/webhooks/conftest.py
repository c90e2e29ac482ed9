"""A real HTTP receiver in a thread, client systems with endpoints, and a task recorder."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from celery.app.task import Task

from accounts.models import User
from reviews.queues.models import Queue
from reviews.queues.services.access import client_create
from tests.factories import SYSTEM
from webhooks.models import WebhookEndpoint
from webhooks.services import webhook_endpoint_create
from webhooks.signing import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    SignatureError,
    verify_signature,
)


@dataclass
class Received:
    """One request as the receiver saw it, and whether its signature verified."""

    headers: dict[str, str]
    body: bytes
    verified: bool
    error: str

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def event_id(self) -> str:
        return self.headers[DELIVERY_HEADER]

    @property
    def event(self) -> str:
        return self.headers[EVENT_HEADER]


@dataclass
class Receiver:
    """A webhook receiver like a client would write: it checks the signature with its
    secret and answers 400 when it does not verify; otherwise the next scripted status
    (200 once the script runs out), after `delay` seconds."""

    url: str = ""
    secret: str = ""
    delay: float = 0.0
    statuses: deque[int] = field(default_factory=deque)
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, *statuses: int) -> None:
        self.statuses.extend(statuses)

    def handle(self, headers: dict[str, str], body: bytes) -> int:
        try:
            verify_signature(
                secret=self.secret, header=headers.get(SIGNATURE_HEADER, ""), body=body
            )
            verified, error = True, ""
        except SignatureError as exc:
            verified, error = False, str(exc)
        with self.lock:
            self.received.append(Received(headers, body, verified, error))
            status = self.statuses.popleft() if self.statuses else 200
        if self.delay:
            time.sleep(self.delay)
        return status if verified else 400


def _handler_for(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status = receiver.handle(dict(self.headers.items()), body)
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", receiver.url + "moved")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    return Handler


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(receiver))
    server.daemon_threads = True
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def refused_url() -> str:
    """A local URL nothing listens on: connections are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/hooks/"


@pytest.fixture
def scoring(queue: Queue) -> User:
    """A client system that may submit to `queue`."""
    return client_create(name="scoring-service", queues=[queue], actor=SYSTEM)[0]


@pytest.fixture
def stranger(other_queue: Queue) -> User:
    """A client system of another queue only: it must hear nothing about `queue`."""
    return client_create(name="other-service", queues=[other_queue], actor=SYSTEM)[0]


@pytest.fixture
def endpoint(scoring: User, receiver: Receiver) -> WebhookEndpoint:
    """`scoring`'s endpoint at the receiver, which holds its secret."""
    made, secret = webhook_endpoint_create(client=scoring, url=receiver.url, actor=SYSTEM)
    receiver.secret = secret
    return made


@dataclass
class Sent:
    """Tasks sent to the broker during a test: (task name, args), in order."""

    calls: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)

    def of(self, name: str) -> list[tuple[Any, ...]]:
        return [args for task, args in self.calls if task == name]

    def run_deliveries(self) -> list[str]:
        """Run the sent `deliver` tasks here, in order (fan-outs first expand), and forget them."""
        from webhooks.tasks import deliver, deliver_many

        outcomes = []
        while self.calls:
            name, args = self.calls.pop(0)
            if name == deliver_many.name:
                deliver_many.run(*args)
            elif name == deliver.name:
                outcomes.append(deliver.run(*args))
        return outcomes


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Sent:
    """Record every task sent instead of publishing it."""
    record = Sent()

    def apply_async(self: Task, args: Any = None, kwargs: Any = None, **options: Any) -> None:
        record.calls.append((self.name, tuple(args or ())))

    monkeypatch.setattr(Task, "apply_async", apply_async)
    return record


def emit_one(queue: Queue, event: str = "item.decided", **data: Any) -> Any:
    """One event on `queue`, emitted as a service would, inside a transaction."""
    from django.db import transaction

    from webhooks.services import webhook_emit

    with transaction.atomic():
        deliveries = webhook_emit(event=event, queue=queue, data={"item": 1, **data})
    assert len(deliveries) == 1, deliveries
    return deliveries[0]
