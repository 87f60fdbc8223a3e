"""Pitfall: mapping over a thread pool "because it has the same interface".

Rejected by: test_parallel_map_runs_in_child_processes
Why it is wrong: the interface is the same, the execution model is not: threads share one process and
its GIL, so CPU-bound pure Python gains nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from solutions.concurrency.executor_futures.process_pool_rules import *  # the rest is the reference
from solutions.concurrency.executor_futures.process_pool_rules import R, T, ensure_picklable


def parallel_map(
    fn: Callable[[T], R], items: Iterable[T], *, executor: ProcessPoolExecutor, chunksize: int = 1
) -> list[R]:
    ensure_picklable(fn)
    with ThreadPoolExecutor() as threads:
        return list(threads.map(fn, items))
