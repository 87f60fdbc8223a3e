"""Pitfall: on timeout, shut the executor down (cancel_futures=True) to get rid of the late work.

Rejected by: test_slow_work_times_out_on_time
Why it is wrong: the executor is shared and long-lived; one slow call shuts it down for everybody,
and every later submit fails with "cannot schedule new futures after shutdown". Cancel the one
future instead.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from solutions.concurrency.executor_futures.deadline_and_cancel import *  # the rest is the reference

T = TypeVar("T")


def call_with_deadline(fn: Callable[[], T], *, timeout: float, executor: ThreadPoolExecutor) -> T:
    future = executor.submit(fn)
    try:
        return future.result(timeout=timeout)
    except TimeoutError:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
