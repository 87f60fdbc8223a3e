"""Tests for dispatch_by_workload: each kind of work runs where it belongs, on the pools it was given."""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from katakit.testkit import LoopProbe, SpyExecutor, shared_process_pool, whoami
from katas.concurrency.choosing_concurrency.dispatch_by_workload import Dispatcher, choose_model

RULES = {"cpu": "process", "blocking_io": "thread", "async_io": "event_loop"}


class PaymentDeclined(Exception):
    """A domain error raised inside a worker."""


@pytest.fixture
async def pools() -> AsyncIterator[tuple[SpyExecutor, SpyExecutor]]:
    threads = SpyExecutor(ThreadPoolExecutor(max_workers=2, thread_name_prefix="dispatch"))
    processes = SpyExecutor(shared_process_pool(), shutdown_inner=False)  # shared: never really shut down
    yield threads, processes
    threads.inner.shutdown(wait=True)


@pytest.mark.parametrize("workload", RULES)
def test_choose_model(workload: str) -> None:
    got = choose_model(workload)  # type: ignore[arg-type]
    assert got == RULES[workload], (
        f"{workload!r} work belongs on {RULES[workload]!r}, got {got!r}. The rule of thumb: an async library "
        "-> the event loop; a blocking library -> threads; pure-Python CPU work -> processes (one GIL per "
        "process)."
    )


async def test_async_io_is_awaited_on_the_loop(pools: tuple[SpyExecutor, SpyExecutor]) -> None:
    threads, processes = pools

    async def fetch() -> object:
        return whoami()

    there = await Dispatcher(threads=threads, processes=processes).run("async_io", fetch)
    assert there.thread_id == threading.get_ident() and there.loop_running, (
        f"async_io work should be awaited right on the event loop (no pool involved); it ran at {there!r}."
    )
    assert threads.submits == processes.submits == 0, "async_io work was sent to a pool: just await it."


async def test_blocking_io_runs_in_a_thread(pools: tuple[SpyExecutor, SpyExecutor]) -> None:
    threads, processes = pools
    there = await Dispatcher(threads=threads, processes=processes).run("blocking_io", whoami)
    assert there.pid == os.getpid(), f"blocking_io left the process (pid {there.pid}): a thread is enough."
    assert there.thread_id != threading.get_ident(), (
        "blocking_io work ran on the event-loop thread: while it blocks, every other request waits. "
        "Offload it to the thread executor."
    )


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")  # 3.12+ fork
async def test_cpu_runs_in_a_child_process(pools: tuple[SpyExecutor, SpyExecutor]) -> None:
    threads, processes = pools
    pid = await Dispatcher(threads=threads, processes=processes).run("cpu", os.getpid)
    assert pid != os.getpid(), (
        f"same pid ({pid}): CPU-bound pure Python needs the process pool. A thread (asyncio.to_thread, the "
        "thread executor) holds the same GIL as the loop, so it buys no parallelism."
    )
    assert processes.submits == 1, (
        f"the injected process executor saw {processes.submits} submits, expected 1."
    )


async def test_the_loop_stays_free_during_blocking_io(pools: tuple[SpyExecutor, SpyExecutor]) -> None:
    threads, processes = pools
    probe = LoopProbe()
    probe.arm()  # a task that can only run if the loop is free while probe.blocking waits
    loop_was_free = await Dispatcher(threads=threads, processes=processes).run("blocking_io", probe.blocking)
    assert loop_was_free is True, (
        "the event loop was blocked while fn ran: a task scheduled just before could not run until fn "
        "returned. Offload blocking calls (run_in_executor with the thread executor)."
    )


async def test_the_injected_pools_are_reused(pools: tuple[SpyExecutor, SpyExecutor]) -> None:
    threads, processes = pools
    dispatcher = Dispatcher(threads=threads, processes=processes)
    for _ in range(3):
        await dispatcher.run("blocking_io", whoami)
    assert threads.submits == 3, (
        f"the injected thread executor saw {threads.submits} of 3 submits: the work went to another pool "
        "(a fresh pool per call, or the loop's default executor). Build pools once, at startup, and reuse "
        "them; creating one per call pays thread/process start-up every time."
    )
    assert processes.submits == 0, "blocking_io work was sent to the process pool."


async def test_aclose_shuts_both_pools_down_and_waits(pools: tuple[SpyExecutor, SpyExecutor]) -> None:
    threads, processes = pools
    await Dispatcher(threads=threads, processes=processes).aclose()
    assert threads.shutdowns == [True] and processes.shutdowns == [True], (
        f"expected one shutdown(wait=True) on each executor; got threads={threads.shutdowns}, "
        f"processes={processes.shutdowns}. Waiting lets running work finish instead of being abandoned."
    )


async def test_aclose_does_not_block_the_loop(pools: tuple[SpyExecutor, SpyExecutor]) -> None:
    threads, processes = pools
    dispatcher = Dispatcher(threads=threads, processes=processes)
    probe = LoopProbe()
    probe.arm()  # a task that can only run if the loop is free while shutdown(wait=True) waits
    running = threads.inner.submit(probe.blocking)  # work still running when aclose() is called
    await dispatcher.aclose()
    assert running.result() is True, (
        "the event loop was blocked while aclose() waited for running work: shutdown(wait=True) blocks until "
        "that work ends, so call it off the loop (await asyncio.to_thread(pool.shutdown, True) or "
        "run_in_executor(None, ...)), never directly in the coroutine."
    )


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")  # 3.12+ fork
async def test_arguments_reach_the_function(pools: tuple[SpyExecutor, SpyExecutor]) -> None:
    threads, processes = pools
    dispatcher = Dispatcher(threads=threads, processes=processes)

    async def scale(x: int, factor: int) -> int:
        return x * factor

    got = (
        await dispatcher.run("async_io", scale, 3, 4),
        await dispatcher.run("blocking_io", pow, 2, 10),
        await dispatcher.run("cpu", pow, 3, 4),
    )
    assert got == (12, 1024, 81), (
        f"run(workload, fn, *args) must call fn(*args) wherever it runs: expected (12, 1024, 81), got {got}. "
        "run_in_executor(pool, fn, *args) passes the arguments along."
    )


async def test_worker_errors_reach_the_caller(pools: tuple[SpyExecutor, SpyExecutor]) -> None:
    threads, processes = pools
    dispatcher = Dispatcher(threads=threads, processes=processes)

    def charge() -> None:
        raise PaymentDeclined("card 4242")

    async def charge_async() -> None:
        raise PaymentDeclined("card 4242")

    with pytest.raises(PaymentDeclined):
        await dispatcher.run("blocking_io", charge)
    with pytest.raises(PaymentDeclined):
        await dispatcher.run("async_io", charge_async)
