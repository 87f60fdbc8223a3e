"""Pitfall: the pool is built with ThreadPoolExecutor()'s default size; `max_workers` is ignored.

Rejected by: test_max_workers_caps_the_concurrency
Why it is wrong: the cap is how the caller protects a rate-limited upstream or a small connection
pool; the default (min(32, cpu + 4)) fires far more calls at once than it was allowed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from typing import TypeVar

from solutions.concurrency.executor_futures.run_all import *  # the rest is the reference
from solutions.concurrency.executor_futures.run_all import K, Outcome

T = TypeVar("T")


def run_all(fn: Callable[[K], T], inputs: Sequence[K], *, max_workers: int = 8) -> dict[K, Outcome[T]]:
    results: dict[K, Outcome[T]] = {}
    with ThreadPoolExecutor() as pool:
        futures: dict[Future[T], K] = {pool.submit(fn, x): x for x in inputs}
        for future in as_completed(futures):
            error = future.exception()
            results[futures[future]] = Outcome(error=error) if error else Outcome(value=future.result())
    return results
