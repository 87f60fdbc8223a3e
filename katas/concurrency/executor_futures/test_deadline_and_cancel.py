"""Tests for deadline_and_cancel: timeouts that return on time, cancel() that only stops queued work.

Workers block on threading.Events capped at CAP seconds; the tests release them, nobody sleeps.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from katas.concurrency.executor_futures.deadline_and_cancel import call_with_deadline, stop_now

CAP = 0.1


@pytest.fixture
def executor() -> Iterator[ThreadPoolExecutor]:
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kata")
    yield pool
    pool.shutdown(wait=True, cancel_futures=True)


def test_fast_work_returns_its_value(executor: ThreadPoolExecutor) -> None:
    got = call_with_deadline(lambda: 42, timeout=1.0, executor=executor)
    assert got == 42, f"fn returned 42 well within the deadline; call_with_deadline returned {got!r}"


def test_slow_work_times_out_on_time(executor: ThreadPoolExecutor) -> None:
    release = threading.Event()
    started = time.perf_counter()
    try:
        with pytest.raises(TimeoutError):
            call_with_deadline(lambda: release.wait(CAP), timeout=0.01, executor=executor)
        elapsed = time.perf_counter() - started
    finally:
        release.set()
    assert elapsed < 0.08, (
        f"the call took {elapsed:.3f} s for a 0.01 s deadline: it blocked until the worker finished. Leaving "
        "a `with ThreadPoolExecutor()` block waits for every worker (shutdown(wait=True)); the deadline "
        "is only real if nothing waits for the work after it expires."
    )
    try:
        again = call_with_deadline(lambda: 7, timeout=1.0, executor=executor)
    except RuntimeError as exc:
        pytest.fail(
            f"after one timeout the executor refuses new work ({exc}): it was shut down. The executor is "
            "shared and outlives this call; cancel only the timed-out future (future.cancel())."
        )
    assert again == 7, f"the next call on the same executor should return 7; got {again!r}"


def test_timed_out_queued_work_never_runs(executor: ThreadPoolExecutor) -> None:
    release, busy = threading.Event(), threading.Event()
    ran: list[str] = []

    def blocker() -> None:
        busy.set()
        release.wait(CAP)

    executor.submit(blocker)
    assert busy.wait(CAP), "(test setup) the blocker did not start"
    with pytest.raises(TimeoutError):
        call_with_deadline(lambda: ran.append("charge card"), timeout=0.01, executor=executor)
    release.set()
    executor.shutdown(wait=True)  # everything that was going to run has run now
    assert ran == [], (
        "timed-out work ran later anyway: the caller was told it failed, yet the card was charged. The "
        "work was still queued behind the blocker when the deadline passed; future.cancel() succeeds "
        "while work is queued (it returns False once it has started)."
    )


def test_stop_now_drops_queued_work_and_returns_at_once() -> None:
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kata")
    release, busy = threading.Event(), threading.Event()
    ran: list[int] = []

    def blocker() -> None:
        busy.set()
        release.wait(CAP)

    try:
        futures = [pool.submit(blocker)] + [pool.submit(ran.append, n) for n in range(3)]
        assert busy.wait(CAP), "(test setup) the blocker did not start"
        started = time.perf_counter()
        counts = stop_now(pool, futures)
        elapsed = time.perf_counter() - started
    finally:
        release.set()
        pool.shutdown(wait=True)
    assert elapsed < 0.08, (
        f"stop_now took {elapsed:.3f} s: it waited for the running task. Shut down with wait=False."
    )
    assert ran == [], (
        f"queued work still ran after stop_now ({ran}): shutdown(wait=False) alone lets the queue drain; "
        "cancel_futures=True (3.9+) cancels everything that has not started."
    )
    assert counts == (3, 1), f"expected (3 cancelled, 1 still running), got {counts!r}"
