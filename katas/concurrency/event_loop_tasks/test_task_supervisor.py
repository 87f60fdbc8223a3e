"""Tests for task_supervisor: tracked tasks, logged failures, quiet cancellations, a bounded shutdown."""

from __future__ import annotations

import asyncio
import inspect
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
    assert any("stubborn-sync" in r.getMessage() for r in warnings), (
        "a task that was still running after the timeout should be named in a WARNING from the supervisor's "
        f"logger (its name, 'stubborn-sync', in the message), so the shutdown log says what was abandoned; "
        f"warnings: {[r.getMessage() for r in warnings]}"
    )


async def test_spawn_after_close_is_refused() -> None:
    supervisor = _supervisor()
    async with virtual_guard(60):
        await supervisor.aclose()

    async def late() -> None:
        await asyncio.sleep(1)

    coro = late()
    with pytest.raises(RuntimeError) as excinfo:
        supervisor.spawn(coro, name="too-late")
    assert type(excinfo.value) is RuntimeError, f"expected a plain RuntimeError, got {excinfo.value!r}"
    state = inspect.getcoroutinestate(coro)
    if state == inspect.CORO_CREATED:
        coro.close()  # tidy up for the learner, then explain
        pytest.fail(
            "the refused coroutine was left un-awaited (never started, never closed): Python will warn "
            "'coroutine ... was never awaited'. Call coro.close() before raising RuntimeError."
        )
    assert len(supervisor) == 0, "nothing may be started after aclose()"


async def test_supervisors_are_independent() -> None:
    payments, emails = _supervisor(), _supervisor()
    charge = payments.spawn(asyncio.sleep(100), name="settle-payments")
    assert (len(payments), len(emails)) == (1, 0), (
        f"one task spawned on the payments supervisor, yet the lengths are {(len(payments), len(emails))} "
        "(payments, emails): each supervisor tracks its own tasks. Create the set in __init__ (self._tasks = "
        "set()), never as a class attribute, which every instance shares."
    )
    async with virtual_guard(60, what="aclose()"):
        await emails.aclose()
        cancelled_by_the_other = charge.cancelled()
        await payments.aclose()
    assert not cancelled_by_the_other, (
        "closing the emails supervisor cancelled the payments supervisor's task: a supervisor owns (and "
        "cancels) only the tasks it spawned"
    )
