"""Tests for process_pool_rules: only top-level functions and plain data cross into a process pool.

The pool is the session's shared one (two forked workers); the functions it runs come from the
testkit, which a child process can always import.
"""

from __future__ import annotations

import os
import pickle
import threading

import pytest

from katakit.testkit import primes_below, shared_process_pool, whoami_pid
from katas.concurrency.executor_futures.process_pool_rules import (
    NotPicklable,
    count_primes,
    ensure_picklable,
    parallel_map,
)

# Python 3.12+ warns when a multi-threaded process forks (the shared pool forks its workers).
pytestmark = pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")


def scale(value: int, lock: object = None) -> int:
    """A top-level function: it pickles (by name); whether its arguments do is another matter."""
    return value * 2


def _nested() -> object:
    def inner(x: int) -> int:
        return x

    return inner


def test_count_primes() -> None:
    got = [count_primes(n) for n in (2, 10, 100, 1000)]
    assert got == [0, 4, 25, 168], f"primes below 2, 10, 100, 1000 are 0, 4, 25, 168; got {got}"


def test_top_level_functions_and_plain_data_pass() -> None:
    assert ensure_picklable(scale, 3, {"a": [1, 2]}) is None, "a top-level function with plain data pickles"


UNSENDABLE = {
    "a lambda": (lambda x: x, ()),
    "a nested function": (_nested(), ()),
    "a threading.Lock argument": (scale, (1, threading.Lock())),
}


@pytest.mark.parametrize("label", UNSENDABLE)
def test_unpicklable_work_is_refused_before_submission(label: str) -> None:
    fn, args = UNSENDABLE[label]
    try:
        ensure_picklable(fn, *args)
    except NotPicklable as exc:
        cause = exc.__cause__
    else:
        pytest.fail(
            f"{label}: ensure_picklable let it through, so it would fail later inside the pool. Pickle the "
            "function AND its arguments (pickle.dumps((fn, args))).",
            pytrace=False,
        )
    assert isinstance(cause, (pickle.PicklingError, AttributeError, TypeError)), (
        f"{label}: NotPicklable should be chained to the pickling error (`raise NotPicklable(...) from exc`) "
        f"so the log shows what could not be pickled; __cause__ is {cause!r}."
    )


def test_parallel_map_keeps_input_order() -> None:
    try:
        got = parallel_map(primes_below, [1000, 10, 100], executor=shared_process_pool())
    except (pickle.PicklingError, AttributeError, TypeError) as exc:
        pytest.fail(
            f"the pool could not send the work to a child process ({exc!r}): a lambda or nested function "
            "can't cross the process boundary. Pass the top-level function itself to executor.map.",
            pytrace=False,
        )
    assert got == [168, 4, 25], (
        f"expected [168, 4, 25] in input order, got {got!r}. executor.map returns results in input order; "
        "pass the top-level function itself: a lambda around it cannot cross the process boundary."
    )


class MapRecorder:
    """Stands in for the process executor: records how map() was called, then lets the real pool do it."""

    def __init__(self) -> None:
        self.chunksizes: list[int] = []

    def map(self, fn, *iterables, timeout=None, chunksize=1):  # type: ignore[no-untyped-def]
        self.chunksizes.append(chunksize)
        return shared_process_pool().map(fn, *iterables, timeout=timeout, chunksize=chunksize)

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        return shared_process_pool().submit(fn, *args, **kwargs)


def test_parallel_map_batches_by_chunksize() -> None:
    recorder = MapRecorder()
    got = parallel_map(primes_below, [10, 100, 10, 100], executor=recorder, chunksize=2)  # type: ignore[arg-type]
    assert got == [4, 25, 4, 25], f"expected [4, 25, 4, 25] in input order, got {got!r}"
    assert recorder.chunksizes == [2], (
        f"executor.map was called with chunksize {recorder.chunksizes} (one call expected, chunksize=2): pass "
        "the caller's chunksize on. Each chunk is one pickled message to a child; with chunksize=1 many small "
        "items cost more in inter-process traffic than the work itself."
    )


def test_parallel_map_runs_in_child_processes() -> None:
    pids = parallel_map(whoami_pid, range(4), executor=shared_process_pool(), chunksize=2)
    assert os.getpid() not in pids, (
        f"same pid as the parent in {pids}: the work never left this process. Use the process executor "
        "you were given; threads share the GIL."
    )


def test_parallel_map_refuses_a_lambda_before_submitting() -> None:
    with pytest.raises(NotPicklable):
        parallel_map(lambda n: n, [1, 2], executor=shared_process_pool())
