"""Pitfall: `chunksize` is accepted but never passed to executor.map.

Rejected by: test_parallel_map_batches_by_chunksize
Why it is wrong: with the default chunksize=1 every item is its own pickled message to a child
process; for many small items the IPC overhead dominates and the "parallel" version runs slower than
a plain loop. Batching is the knob the caller asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from solutions.concurrency.executor_futures.process_pool_rules import *  # the rest is the reference
from solutions.concurrency.executor_futures.process_pool_rules import ensure_picklable

T = TypeVar("T")
R = TypeVar("R")


def parallel_map(
    fn: Callable[[T], R], items: Iterable[T], *, executor: ProcessPoolExecutor, chunksize: int = 1
) -> list[R]:
    ensure_picklable(fn)
    return list(executor.map(fn, items))
