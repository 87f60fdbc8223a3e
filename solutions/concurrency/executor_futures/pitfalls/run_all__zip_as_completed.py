"""Pitfall: zip(inputs, as_completed(futures)), pairing inputs with results in completion order.

Rejected by: test_results_belong_to_their_inputs_whatever_finishes_first
Why it is wrong: as_completed yields whichever future finishes first; pairing by position hands user
a's data to user c. In production that is a data leak, and it only happens under load.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed

from solutions.concurrency.executor_futures.run_all import *  # the rest is the reference
from solutions.concurrency.executor_futures.run_all import K, Outcome, T


def run_all(fn: Callable[[K], T], inputs: Sequence[K], *, max_workers: int = 8) -> dict[K, Outcome[T]]:
    results: dict[K, Outcome[T]] = {}
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        futures = [pool.submit(fn, x) for x in inputs]
        for key, future in zip(inputs, as_completed(futures)):
            error = future.exception()
            results[key] = Outcome(error=error) if error else Outcome(value=future.result())  # type: ignore[arg-type]
    return results
