"""Proof of where work ran: identities, a loop handshake probe, spy executors and one shared process pool.

Everything a child process has to run lives here, in an importable package with stable names: an
exercise module cannot be pickled by reference, because the kata plugin loads it under a name that
resolves to a different file (stub, solution or pitfall) depending on the run.
"""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RanAt:
    """Where a call ran: process, thread, and whether an asyncio loop was running in that thread."""

    pid: int
    thread_id: int
    loop_running: bool


def whoami() -> RanAt:
    """The reference answer to "where am I?" (top-level, so it pickles into a child process)."""
    try:
        asyncio.get_running_loop()
        running = True
    except RuntimeError:
        running = False
    return RanAt(os.getpid(), threading.get_ident(), running)


def whoami_pid(_: object = None) -> int:
    """The pid of whoever runs it; takes (and ignores) one argument so it can be mapped."""
    return os.getpid()


_counter = 0


def bump_counter() -> int:
    """Increment this process's module-global counter and return the new value."""
    global _counter
    _counter += 1
    return _counter


def counter_value() -> int:
    """This process's counter, as `bump_counter` left it."""
    return _counter


def primes_below(limit: int) -> int:
    """Count primes below `limit` by trial division (pure Python, CPU-bound, picklable)."""
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n**0.5) + 1)))


class LoopProbe:
    """The handshake that proves the event loop stayed free while a blocking function ran.

    In the test, call `arm()` (inside the running loop) right before handing `blocking` to the code
    under test. `arm()` schedules a tiny task that sets a threading.Event. `blocking()` waits for that
    event at most `timeout` seconds and returns whether it came: if the code under test ran `blocking`
    on the loop's own thread, the task cannot run, so the answer is False (after `timeout`, paid only
    by a wrong solution); if it was offloaded, the answer is True within microseconds.
    """

    def __init__(self, timeout: float = 0.05) -> None:
        self.timeout = timeout
        self.event = threading.Event()
        self.ran_in_thread: int | None = None
        self._task: asyncio.Task[None] | None = None

    def arm(self) -> None:
        async def probe() -> None:
            self.event.set()

        self._task = asyncio.get_running_loop().create_task(probe(), name="loop-probe")

    def blocking(self, *_: Any, **__: Any) -> bool:
        self.ran_in_thread = threading.get_ident()
        # Event.wait, not time.sleep: this is the deliberate blocking call under test.
        return self.event.wait(self.timeout)


class FakeLoopClock:
    """Loop time plus a manual offset: `block(s)` simulates a blocking call that looptime cannot see.

    Under looptime, synchronous code costs zero loop time, so a monitor reading `loop.time()` can never
    observe blocking. Inject this clock instead and call `block(0.4)` where the code "blocks".
    """

    def __init__(self) -> None:
        self.offset = 0.0
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        return asyncio.get_running_loop().time() + self.offset

    def block(self, seconds: float) -> None:
        self.offset += seconds


class SpyExecutor(Executor):
    """Wraps a real executor and counts what is asked of it: `submits`, `shutdowns` (with their `wait`).

    `shutdown_inner=False` records a shutdown without passing it on (for a shared pool other tests use).
    """

    def __init__(self, inner: Executor, *, shutdown_inner: bool = True) -> None:
        self.inner = inner
        self.shutdown_inner = shutdown_inner
        self.submits = 0
        self.shutdowns: list[bool] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.submits += 1
        return self.inner.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.shutdowns.append(wait)
        if self.shutdown_inner:
            self.inner.shutdown(wait=wait, cancel_futures=cancel_futures)


_shared_pool: ProcessPoolExecutor | None = None


def shared_process_pool() -> ProcessPoolExecutor:
    """One small process pool for the whole session (2 workers, fork), shut down at exit.

    Process pools are slow to start; tests share this one instead of building their own. Never shut it
    down in a test: wrap it in `SpyExecutor(pool, shutdown_inner=False)` when the code under test will.
    """
    global _shared_pool
    if _shared_pool is None:
        _shared_pool = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork"))
        atexit.register(_shared_pool.shutdown, wait=True, cancel_futures=True)
    return _shared_pool


def pin_module(monkeypatch: Any, module: Any) -> None:
    """Make `module`'s own name resolve to it for the rest of the test (monkeypatch restores it).

    Pickling finds a function or class by `module.__name__` + qualname. The kata tooling swaps exercise
    modules between runs (stub, solution, pitfall), so that name may point elsewhere while a test runs;
    pin it before anything pickles by reference (a process pool, Celery's result handling). A process
    pool must also fork its workers after this, so they inherit the pinned module.
    """
    import sys

    monkeypatch.setitem(sys.modules, module.__name__, module)
