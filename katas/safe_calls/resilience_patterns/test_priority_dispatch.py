"""Tests for priority_dispatch: priority first, FIFO among equals, bounded, and robust to callers who leave."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from katakit.testkit import virtual_guard
from katas.safe_calls.resilience_patterns.priority_dispatch import (
    DispatcherClosed,
    PriorityDispatcher,
    QueueFull,
)

pytestmark = pytest.mark.looptime


class Vendor:
    """The call behind the dispatcher: records each payload, then waits for `gate` (set = answer at once)."""

    def __init__(self) -> None:
        self.served: list[Any] = []
        self.gate = asyncio.Event()

    async def __call__(self, payload: Any) -> str:
        self.served.append(payload)
        await self.gate.wait()
        if payload == "bad":
            raise ValueError("the vendor rejected this payload")
        return f"done:{payload}"


async def _until(condition: Callable[[], bool]) -> None:
    """Let the dispatcher's tasks run (in virtual time) until `condition` holds."""
    while not condition():  # noqa: ASYNC110 - polling state owned by the code under test
        await asyncio.sleep(0.001)


async def _busy(dispatcher: PriorityDispatcher, vendor: Vendor) -> asyncio.Task[Any]:
    """Occupy the single worker with a 'blocker' item that waits for vendor.gate."""
    blocker = asyncio.create_task(dispatcher.submit("blocker", priority=0))
    await _until(lambda: vendor.served == ["blocker"])
    return blocker


async def test_lower_priority_number_runs_first() -> None:
    vendor = Vendor()
    async with virtual_guard(60, "the dispatcher"), PriorityDispatcher(vendor, workers=1) as dispatcher:
        blocker = await _busy(dispatcher, vendor)
        tasks = [asyncio.create_task(dispatcher.submit(f"p{p}", priority=p)) for p in (5, 1, 3)]
        await _until(lambda: dispatcher.qsize() == 3)
        vendor.gate.set()
        results = await asyncio.gather(blocker, *tasks)
    assert vendor.served == ["blocker", "p1", "p3", "p5"], (
        f"while the worker was busy, priorities 5, 1, 3 were queued; expected them served 1, 3, 5, got "
        f"{vendor.served[1:]}. Lower number = more urgent."
    )
    assert results == ["done:blocker", "done:p5", "done:p1", "done:p3"], (
        f"each submitter must get the result of ITS OWN payload; got {results}."
    )


async def test_equal_priorities_are_first_in_first_out() -> None:
    vendor = Vendor()
    payloads = [{"request": i} for i in range(10)]  # dicts cannot be compared with <
    async with virtual_guard(60, "the dispatcher"), PriorityDispatcher(vendor, workers=1) as dispatcher:
        blocker = await _busy(dispatcher, vendor)
        tasks = []
        for payload in payloads:
            tasks.append(asyncio.create_task(dispatcher.submit(payload, priority=1)))
            queued = len(tasks)
            await _until(lambda n=queued: dispatcher.qsize() == n)
        vendor.gate.set()
        await asyncio.gather(blocker, *tasks)
    order = [p["request"] for p in vendor.served[1:]]
    assert order == list(range(10)), (
        f"ten requests at the same priority must be served in submission order 0..9; got {order}. heapq is "
        "not stable: add an increasing sequence number to the sort key, (priority, sequence, ...), so ties "
        "never compare payloads and always come out first-in-first-out."
    )


async def test_a_full_backlog_sheds_at_once() -> None:
    vendor = Vendor()
    loop = asyncio.get_running_loop()
    async with virtual_guard(60, "the dispatcher"), PriorityDispatcher(vendor, max_queue=3) as dispatcher:
        blocker = await _busy(dispatcher, vendor)
        tasks = []
        for i in range(3):
            tasks.append(asyncio.create_task(dispatcher.submit(i, priority=1)))
            await _until(lambda n=i + 1: dispatcher.qsize() == n)
        before = loop.time()
        with pytest.raises(QueueFull):
            await dispatcher.submit("one too many", priority=1)
            pytest.fail("with qsize() == max_queue (3), submit must raise QueueFull; it was accepted.")
        assert loop.time() == before, "QueueFull must be raised at once, without waiting."
        assert dispatcher.qsize() == 3, (
            f"the rejected item must not be queued; qsize() is {dispatcher.qsize()}."
        )
        vendor.gate.set()
        await asyncio.gather(blocker, *tasks)
    assert "one too many" not in vendor.served


async def test_a_caller_who_gave_up_is_skipped() -> None:
    vendor = Vendor()
    async with virtual_guard(60, "the dispatcher"), PriorityDispatcher(vendor, workers=1) as dispatcher:
        blocker = await _busy(dispatcher, vendor)
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(1):  # this caller's own deadline passes while it is queued
                await dispatcher.submit("abandoned", priority=1)
        later = asyncio.create_task(dispatcher.submit("later", priority=1))
        vendor.gate.set()
        assert await blocker == "done:blocker"
        async with virtual_guard(
            30,
            "the submit after an abandoned caller (a worker that calls set_result on the abandoned, "
            "cancelled future dies with InvalidStateError, and nothing is served after that)",
        ):
            got = await later
    assert "abandoned" not in vendor.served, (
        f"served {vendor.served}: the caller of 'abandoned' gave up while it was queued, so its payload must "
        "never reach the vendor (check future.done() before doing any work for an entry)."
    )
    assert got == "done:later", (
        f"a later submit must still complete after a caller gave up; got {got!r}. Setting a result on an "
        "abandoned future raises InvalidStateError, which kills a worker that does not check first."
    )


async def test_a_failing_call_only_fails_its_own_submitter() -> None:
    vendor = Vendor()
    vendor.gate.set()
    async with virtual_guard(60, "the dispatcher"), PriorityDispatcher(vendor, workers=1) as dispatcher:
        async with virtual_guard(
            30,
            "the submitter whose call raised ValueError (a worker that does not catch it dies, and that "
            "submitter waits forever)",
        ):
            with pytest.raises(ValueError):
                await dispatcher.submit("bad", priority=1)
        got = await dispatcher.submit("good", priority=1)
    assert got == "done:good", (
        f"after one call raised, the worker must keep serving; the next submit must get 'done:good', got {got!r}."
    )


async def test_leaving_fails_waiters_and_stops_every_worker() -> None:
    vendor = Vendor()
    async with virtual_guard(60, "the dispatcher"):
        dispatcher = PriorityDispatcher(vendor, workers=2)
        async with dispatcher:
            first = asyncio.create_task(dispatcher.submit("a", priority=1))
            second = asyncio.create_task(dispatcher.submit("b", priority=1))
            await _until(lambda: len(vendor.served) == 2)  # both workers busy
            queued = [asyncio.create_task(dispatcher.submit(f"q{i}", priority=1)) for i in range(3)]
            await _until(lambda: dispatcher.qsize() == 3)
        leftover = asyncio.all_tasks() - {asyncio.current_task(), first, second, *queued}
        assert not leftover, (
            f"after leaving the dispatcher, {len(leftover)} worker task(s) are still alive: {leftover}. Cancel "
            "the workers AND await them, so none outlives the dispatcher."
        )
        outcomes = await asyncio.gather(first, second, *queued, return_exceptions=True)
    assert all(isinstance(o, DispatcherClosed) for o in outcomes), (
        f"every submitter still waiting when the dispatcher stopped (2 in service, 3 queued) must get "
        f"DispatcherClosed, not hang; got {[type(o).__name__ for o in outcomes]}."
    )
    assert vendor.served == ["a", "b"], (
        f"queued items must not be called after the dispatcher stopped: {vendor.served}"
    )
