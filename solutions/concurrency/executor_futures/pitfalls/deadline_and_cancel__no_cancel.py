"""Pitfall: raising TimeoutError but leaving the timed-out work in the queue.

Rejected by: test_timed_out_queued_work_never_runs
Why it is wrong: future.result(timeout) stops waiting, not the work. The caller reports failure (and
may retry), then the original work runs anyway: a double charge, a duplicate email.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from solutions.concurrency.executor_futures.deadline_and_cancel import *  # the rest is the reference
from solutions.concurrency.executor_futures.deadline_and_cancel import T


def call_with_deadline(fn: Callable[[], T], *, timeout: float, executor: ThreadPoolExecutor) -> T:
    return executor.submit(fn).result(timeout=timeout)
