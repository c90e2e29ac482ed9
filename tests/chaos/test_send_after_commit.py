"""A task that cannot be sent after its transaction committed does not fail the caller.

The chaos suite's Redis restart found it: an escalate verdict recorded while the broker
was down answered 500, and the reviewer's retry got 409 for a decision that was saved.
hitl/celery.py's Task logs a send the broker refuses (the reconcilers re-drive the work)
and still raises anything else. Fast, no broker needed: these run in every suite.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from kombu.exceptions import OperationalError

from hitl.celery import REFUSED
from reviews.tasks import reconcile_bundles

pytestmark = pytest.mark.django_db


@pytest.fixture
def task() -> Iterator[Any]:
    real = reconcile_bundles._get_current_object()
    yield real
    real.__dict__.pop("delay", None)


def _refuse(error: Exception) -> Any:
    def delay(*args: Any, **kwargs: Any) -> None:
        raise error

    return delay


def test_a_send_the_broker_refuses_after_commit_is_logged_not_raised(
    task: Any, caplog: pytest.LogCaptureFixture, django_capture_on_commit_callbacks: Any
) -> None:
    task.delay = _refuse(OperationalError("Error 111 connecting to 127.0.0.1:6379."))
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        task.delay_on_commit()

    assert len(callbacks) == 1
    assert f"reviews.tasks.reconcile_bundles {REFUSED}" in caplog.text


def test_other_send_errors_still_raise(task: Any, django_capture_on_commit_callbacks: Any) -> None:
    task.delay = _refuse(TypeError("not serializable"))
    with (
        pytest.raises(TypeError, match="not serializable"),
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        task.delay_on_commit()


def test_nothing_is_sent_when_the_transaction_rolls_back(
    task: Any, django_capture_on_commit_callbacks: Any
) -> None:
    sent: list[Any] = []
    task.delay = lambda *args, **kwargs: sent.append(args)
    with (
        pytest.raises(RuntimeError),
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        task.delay_on_commit()
        raise RuntimeError("rolled back")
    assert sent == []
