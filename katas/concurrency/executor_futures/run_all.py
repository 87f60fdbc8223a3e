"""Exercise 1 of executor_futures: run a batch in a thread pool and keep each result with its input.

Brief: katas/concurrency/executor_futures/README.md. Run: `kata run run_all`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result for one input: exactly one of `value` or `error` is set."""

    value: T | None = None
    error: Exception | None = None


def run_all(fn: Callable[[K], T], inputs: Sequence[K], *, max_workers: int = 8) -> dict[K, Outcome[T]]:
    """Run fn(x) for every input concurrently in a thread pool of `max_workers` threads and return
    {input: Outcome}. One input failing never stops or hides the others: its Outcome carries the very
    exception object fn raised. Results must belong to the input that produced them, whatever order
    the calls finish in."""
    raise NotImplementedError
