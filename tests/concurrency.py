"""Running work in many threads at once, for the concurrency tests on PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import connection

T = TypeVar("T")


def run_together(count: int, work: Callable[[int], T]) -> list[T]:
    """work(0..count-1) in `count` threads released at once; results in order.

    Each thread opens its connection before the barrier, so the requests really
    overlap, and closes it at the end. The first exception of any thread is raised.
    """
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            connection.ensure_connection()
            barrier.wait(timeout=30)
            results[index] = work(index)
        except BaseException as exc:
            errors.append(exc)
            barrier.abort()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a thread is stuck"
    if errors:
        raise errors[0]
    return results
