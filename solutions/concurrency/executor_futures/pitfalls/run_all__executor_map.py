"""Pitfall: executor.map, which re-raises the first failure and ends the iteration there.

Rejected by: test_one_failure_does_not_hide_the_others
Why it is wrong: one bad input costs the results of every input after it, although they ran; and the
caller cannot tell which input failed. Handle each Future on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from solutions.concurrency.executor_futures.run_all import *  # the rest is the reference
from solutions.concurrency.executor_futures.run_all import K, Outcome, T


def run_all(fn: Callable[[K], T], inputs: Sequence[K], *, max_workers: int = 8) -> dict[K, Outcome[T]]:
    results: dict[K, Outcome[T]] = {}
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        try:
            for key, value in zip(inputs, pool.map(fn, inputs)):
                results[key] = Outcome(value=value)
        except Exception as exc:
            results[inputs[len(results)]] = Outcome(error=exc)
    return results
