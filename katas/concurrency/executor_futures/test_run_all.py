"""Tests for run_all: concurrency proven with a barrier, results kept with their inputs, failures isolated."""

from __future__ import annotations

import sys
import threading
import time

from katas.concurrency.executor_futures.run_all import Outcome, run_all

CAP = 0.2  # no worker waits longer than this, even on a wrong solution


def _collector_is_waiting() -> bool:
    """Is the thread that called run_all blocked collecting results (in concurrent.futures or a join)?"""
    frame = sys._current_frames().get(threading.main_thread().ident)
    while frame is not None:
        if frame.f_code.co_filename.endswith(
            ("concurrent/futures/_base.py", "concurrent\\futures\\_base.py")
        ):
            return True
        if frame.f_code.co_name in ("join", "shutdown"):
            return True
        frame = frame.f_back
    return False


def _until_collecting() -> None:
    """Hold the first completion until run_all is waiting for results, so the completion order is the one
    forced below, not whatever was already finished when collection began."""
    deadline = time.monotonic() + CAP
    while not _collector_is_waiting() and time.monotonic() < deadline:
        threading.Event().wait(0.0005)


def test_results_belong_to_their_inputs_whatever_finishes_first() -> None:
    # Forced completion order c, then b, then a: each call waits for a gate the next one opens.
    gate_a, gate_b = threading.Event(), threading.Event()
    finished: list[str] = []

    def settle() -> None:  # let the call released just before us hand its result to its future
        threading.Event().wait(0.003)

    def fetch(key: str) -> str:
        if key == "a":
            gate_a.wait(CAP)
            settle()
            finished.append(key)
        elif key == "b":
            gate_b.wait(CAP)
            settle()
            finished.append(key)
            gate_a.set()
        else:
            _until_collecting()
            finished.append(key)
            gate_b.set()
        return f"profile of {key}"

    got = run_all(fetch, ["a", "b", "c"], max_workers=3)
    assert finished == ["c", "b", "a"], (
        f"the calls finished in the order {finished}, not c, b, a: they did not run at the same time (each "
        "call waits for a gate that a later call opens). Submit every input to the pool before collecting."
    )
    expected = {k: Outcome(value=f"profile of {k}") for k in "abc"}
    assert got == expected, (
        f"expected {expected}, got {got}. as_completed yields futures in COMPLETION order (c first here), "
        "not input order: keep a future -> input map ({pool.submit(fn, x): x}) and look each one up."
    )


def test_one_failure_does_not_hide_the_others() -> None:
    boom = ValueError("user 2 has no profile")

    def fetch(user: int) -> int:
        if user == 2:
            raise boom
        return user * 10

    got = run_all(fetch, [1, 2, 3, 4])
    assert set(got) == {1, 2, 3, 4}, (
        f"expected an Outcome for every input, got keys {sorted(got)}: executor.map stops at the first "
        "exception, losing every later result. Submit each input and handle each Future on its own."
    )
    assert got[2].error is boom and got[2].value is None, (
        f"input 2 should carry the very exception fn raised (same object, with its traceback); got {got[2]!r}"
    )
    assert [got[u].value for u in (1, 3, 4)] == [10, 30, 40], f"the other inputs should succeed; got {got}"


def test_inputs_really_run_concurrently() -> None:
    inputs = [1, 2, 3, 4]
    barrier = threading.Barrier(len(inputs), timeout=0.05)  # passes only if all four wait at once

    def fetch(user: int) -> int:
        barrier.wait()
        return user

    got = run_all(fetch, inputs, max_workers=4)
    errors = {k: type(o.error).__name__ for k, o in got.items() if o.error is not None}
    assert not errors, (
        f"inputs did not run concurrently: {errors}. Each call waits at a barrier for all four; a sequential "
        "loop leaves the first one waiting alone until the barrier breaks. Submit all, then collect."
    )


def test_max_workers_caps_the_concurrency() -> None:
    inputs = [1, 2, 3, 4]
    barrier = threading.Barrier(3, timeout=0.05)  # three calls at once: one more than max_workers allows
    crowded: list[int] = []

    def fetch(user: int) -> int:
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            return user  # the expected path: at most two calls ever wait together
        crowded.append(user)
        return user

    got = run_all(fetch, inputs, max_workers=2)
    assert not crowded, (
        f"with max_workers=2, three calls ran at the same time (inputs {crowded} met at a 3-party barrier): "
        "build the pool with ThreadPoolExecutor(max_workers=max_workers). The cap is what protects a "
        "rate-limited upstream or a small connection pool; the default size is min(32, cpu + 4)."
    )
    assert {k: o.value for k, o in got.items()} == {1: 1, 2: 2, 3: 3, 4: 4}, f"got {got}"


def test_no_inputs_no_outcomes() -> None:
    got = run_all(lambda x: x, [])
    assert got == {}, f"run_all of no inputs should be {{}}, got {got!r}"
