"""Pitfall: shutdown(wait=False) without cancel_futures=True.

Rejected by: test_stop_now_drops_queued_work_and_returns_at_once
Why it is wrong: the call returns at once, but every queued task still runs afterwards; "stop now"
becomes "finish the whole backlog in the background".
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from solutions.concurrency.executor_futures.deadline_and_cancel import *  # the rest is the reference


def stop_now(executor: ThreadPoolExecutor, futures: Iterable[Future[Any]]) -> tuple[int, int]:
    futures = list(futures)
    executor.shutdown(wait=False)
    return sum(f.cancelled() for f in futures), sum(not f.done() for f in futures)
