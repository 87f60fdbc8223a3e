"""Pitfall: shutdown(wait=True, cancel_futures=True) in stop_now.

Rejected by: test_stop_now_drops_queued_work_and_returns_at_once
Why it is wrong: the queue is dropped, but the call still blocks until running work ends, which may be
never for a hung worker; a shutdown path that can hang blocks the deploy.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from solutions.concurrency.executor_futures.deadline_and_cancel import *  # the rest is the reference


def stop_now(executor: ThreadPoolExecutor, futures: Iterable[Future[Any]]) -> tuple[int, int]:
    futures = list(futures)
    executor.shutdown(wait=True, cancel_futures=True)
    return sum(f.cancelled() for f in futures), sum(not f.done() for f in futures)
