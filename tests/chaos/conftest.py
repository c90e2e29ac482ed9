"""The chaos suite's deployment, shared by its scenarios, and the counts they report.

One stack for the module (starting it costs a migration): the scenarios run in order
on it, each from a healthy stack, and the checks cover everything so far. Each
scenario's counts go to `chaos-results.json` in pytest's base temporary directory and
to the terminal summary, so a run in CI shows them without -s.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.chaos.stack import Stack, Unavailable, running_stack

RESULTS: list[dict[str, Any]] = []


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The running stack; its logs are kept in pytest's base temporary directory."""
    # Not pytest's tmp_path: its parents are private to this user, and PostgreSQL runs
    # as another one when we are root.
    with tempfile.TemporaryDirectory(prefix="hitl-chaos-") as home:
        try:
            with running_stack(Path(home)) as started:
                yield started
        except Unavailable as exc:
            pytest.skip(f"chaos suite: {exc}")
        finally:
            logs = tmp_path_factory.getbasetemp() / "chaos-logs"
            logs.mkdir(exist_ok=True)
            for log in [*Path(home).glob("*.log"), *Path(home).glob("pg/*.log")]:
                shutil.copy(log, logs / log.name)


@pytest.fixture
def healthy(stack: Stack) -> Stack:
    """The stack with everything up: a scenario does not start from an earlier one's wreck."""
    if stack.worker is None or not stack.worker.alive():
        stack.start_worker()
    down = stack.healthy()
    if down:
        pytest.fail(f"the stack is not healthy before the scenario: {down} down\n{stack.logs()}")
    return stack


@pytest.fixture
def record(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The scenario's counts: fill it in; it is written out even when the test fails."""
    result: dict[str, Any] = {"stack_setup_s": stack.setup_s}
    t0 = time.monotonic()
    yield result
    result["scenario_s"] = round(time.monotonic() - t0, 1)
    RESULTS.append(result)
    path = tmp_path_factory.getbasetemp() / "chaos-results.json"
    path.write_text(json.dumps(RESULTS, indent=2, default=str))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not RESULTS:
        return
    terminalreporter.section("chaos suite counts")
    for result in RESULTS:
        terminalreporter.write_line(json.dumps(result, default=str))
