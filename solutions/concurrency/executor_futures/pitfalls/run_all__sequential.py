"""Pitfall: a plain loop that calls fn for one input after another.

Rejected by: test_inputs_really_run_concurrently
Why it is wrong: the batch takes the sum of all latencies instead of the longest one; for I/O-bound
calls (HTTP, database) that is exactly the time a thread pool exists to save.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from solutions.concurrency.executor_futures.run_all import *  # the rest is the reference
from solutions.concurrency.executor_futures.run_all import K, Outcome, T


def run_all(fn: Callable[[K], T], inputs: Sequence[K], *, max_workers: int = 8) -> dict[K, Outcome[T]]:
    results: dict[K, Outcome[T]] = {}
    for key in inputs:
        try:
            results[key] = Outcome(value=fn(key))
        except Exception as exc:
            results[key] = Outcome(error=exc)
    return results
