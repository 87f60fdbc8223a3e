"""Pitfall: wrapping fn in a lambda before mapping it over the pool.

Rejected by: test_parallel_map_keeps_input_order
Why it is wrong: a process pool pickles the callable by its importable name; a lambda (or nested
function) has none, so every task fails, even under the fork start method.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor

from solutions.concurrency.executor_futures.process_pool_rules import *  # the rest is the reference
from solutions.concurrency.executor_futures.process_pool_rules import R, T


def parallel_map(
    fn: Callable[[T], R], items: Iterable[T], *, executor: ProcessPoolExecutor, chunksize: int = 1
) -> list[R]:
    return list(executor.map(lambda item: fn(item), items, chunksize=chunksize))
