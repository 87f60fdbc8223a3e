"""Pitfall: a `with ThreadPoolExecutor()` block inside the deadline function.

Rejected by: test_slow_work_times_out_on_time
Why it is wrong: leaving the block calls shutdown(wait=True), so the TimeoutError only reaches the
caller after the slow work finishes; the deadline protects nothing (the note's timeout example).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from solutions.concurrency.executor_futures.deadline_and_cancel import *  # the rest is the reference
from solutions.concurrency.executor_futures.deadline_and_cancel import T


def call_with_deadline(fn: Callable[[], T], *, timeout: float, executor: ThreadPoolExecutor) -> T:
    with ThreadPoolExecutor(max_workers=1) as own:
        future = own.submit(fn)
        try:
            return future.result(timeout=timeout)
        except TimeoutError:
            future.cancel()
            raise
