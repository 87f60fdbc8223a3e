"""Reference solution: run_all."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T | None = None
    error: Exception | None = None


def run_all(fn: Callable[[K], T], inputs: Sequence[K], *, max_workers: int = 8) -> dict[K, Outcome[T]]:
    results: dict[K, Outcome[T]] = {}
    if not inputs:
        return results
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        futures: dict[Future[T], K] = {pool.submit(fn, x): x for x in inputs}
        for future in as_completed(futures):
            error = future.exception()
            if isinstance(error, Exception):
                results[futures[future]] = Outcome(error=error)
            elif error is None:
                results[futures[future]] = Outcome(value=future.result())
            else:
                raise error  # KeyboardInterrupt and friends are not a per-input outcome
    return results
