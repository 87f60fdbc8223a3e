"""Tests for task_supervisor: tracked tasks, logged failures, quiet cancellations, a bounded shutdown."""

from __future__ import annotations

import asyncio
import logging

import pytest

from katakit.testkit import virtual_guard
from katas.concurrency.event_loop_tasks.task_supervisor import TaskSupervisor

pytestmark = pytest.mark.looptime

LOGGER = "event_loop_tasks.supervisor"


class PaymentDeclined(Exception):
    """A failure inside a background task."""


def _supervisor() -> TaskSupervisor:
    return TaskSupervisor(logging.getLogger(LOGGER))


async def test_spawn_tracks_the_task_until_it_finishes() -> None:
    supervisor = _supervisor()
    task = supervisor.spawn(asyncio.sleep(1), name="send-receipt")
    assert isinstance(task, asyncio.Task) and task.get_name() == "send-receipt", (
        f"spawn should return the asyncio.Task it started, named 'send-receipt'; got {task!r}"
    )
    assert len(supervisor) == 1, (
        f"one task is running, len(supervisor) is {len(supervisor)}: keep a strong reference to every task "
        "you start. The event loop keeps only weak references (asyncio.create_task docs), so an "
        "unreferenced task can be garbage-collected mid-run."
    )
    async with virtual_guard(60):
        await task
        await asyncio.sleep(0)  # done-callbacks run one loop turn after the task ends
    assert len(supervisor) == 0, (
        f"the task finished but len(supervisor) is still {len(supervisor)}: finished tasks pile up. Drop "
        "them in a done-callback (task.add_done_callback)."
    )


async def test_a_failure_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    supervisor = _supervisor()

    async def charge() -> None:
        await asyncio.sleep(1)
        raise PaymentDeclined("card 4242")

    task = supervisor.spawn(charge(), name="charge-order-7")
    async with virtual_guard(60):
        await asyncio.wait([task])
        await asyncio.sleep(0)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].name == LOGGER, (
        f"expected exactly one ERROR record from {LOGGER!r}; got {[(r.name, r.getMessage()) for r in errors]}. "
        "Nobody awaits a fire-and-forget task, so unless you log its failure, it is lost."
    )
    record = errors[0]
    assert record.exc_info is not None and record.exc_info[0] is PaymentDeclined, (
        "the ERROR record should carry the task's exception (exc_info=exc), so the traceback is logged."
    )
    assert "charge-order-7" in (record.args or ()), (
        f"the task's name should be one of the record's args (lazy %-formatting); args are {record.args!r}"
    )


async def test_a_cancelled_task_is_not_an_error(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    supervisor = _supervisor()
    task = supervisor.spawn(asyncio.sleep(100), name="warm-cache")
    async with virtual_guard(60):
        await asyncio.sleep(1)
        task.cancel()
        await asyncio.wait([task])
        await asyncio.sleep(0)
    errors = [(r.name, r.getMessage()) for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, (
        f"a cancelled task produced error records {errors}. Check task.cancelled() first: task.exception() "
        "on a cancelled task raises CancelledError (inside a done-callback that surfaces as asyncio's "
        "'Exception in callback')."
    )
    assert len(supervisor) == 0, "the cancelled task is finished and should no longer be tracked"


async def test_aclose_cancels_what_is_left() -> None:
    supervisor = _supervisor()
    task = supervisor.spawn(asyncio.sleep(100), name="nightly-report")
    async with virtual_guard(300, what="aclose()"):
        await asyncio.sleep(0)
        await supervisor.aclose()
    now = asyncio.get_running_loop().time()
    assert task.cancelled(), "aclose() should cancel unfinished tasks, not wait for them to end"
    assert now == pytest.approx(0.0, abs=1e-3), (
        f"aclose waited {now:g} s of loop time: cancel the tasks, then wait for them to finish cancelling."
    )
    assert len(supervisor) == 0, f"{len(supervisor)} tasks still tracked after aclose()"


async def test_aclose_gives_up_on_a_stubborn_task(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    supervisor = _supervisor()
    loop = asyncio.get_running_loop()

    async def stubborn() -> None:
        while loop.time() < 5:  # ignores cancellation until loop time 5: a bug aclose() must survive
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                continue

    task = supervisor.spawn(stubborn(), name="stubborn-sync")
    async with virtual_guard(10, what="aclose(timeout=2) with a task that ignores cancellation"):
        await asyncio.sleep(0)
        await supervisor.aclose(timeout=2)
        now = loop.time()
        await asyncio.wait([task])
    assert now == pytest.approx(2.0, abs=1e-3), (
        f"aclose(timeout=2) returned at loop time {now:g}, not 2: a task that ignores cancellation must not "
        "hang the shutdown. Bound the wait (asyncio.wait(tasks, timeout=...)), never an unbounded gather."
    )
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == LOGGER]
    assert warnings, (
        "a task that was still running after the timeout should be named in a WARNING from the supervisor's "
        "logger, so the shutdown log says what was abandoned."
    )


async def test_spawn_after_close_is_refused() -> None:
    supervisor = _supervisor()
    async with virtual_guard(60):
        await supervisor.aclose()

    async def late() -> None:
        await asyncio.sleep(1)

    with pytest.raises(RuntimeError) as excinfo:
        supervisor.spawn(late(), name="too-late")
    assert type(excinfo.value) is RuntimeError, f"expected a plain RuntimeError, got {excinfo.value!r}"
    assert len(supervisor) == 0, "nothing may be started after aclose()"
