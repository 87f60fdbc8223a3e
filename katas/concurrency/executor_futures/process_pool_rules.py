"""Exercise 3 of executor_futures: what can cross into a process pool, checked before it is sent.

Brief: katas/concurrency/executor_futures/README.md. Run: `kata run process_pool_rules`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class NotPicklable(TypeError):
    """Raised before submission when a callable or an argument cannot be sent to a child process."""


def count_primes(limit: int) -> int:
    """Count the primes below `limit` in pure Python (a CPU-bound kernel; top-level, so it pickles)."""
    raise NotImplementedError


def ensure_picklable(fn: Callable[..., Any], *args: Any) -> None:
    """Raise NotPicklable, chained (`from`) to the original pickling error, if `fn` or any of `args`
    cannot be pickled; return None otherwise."""
    raise NotImplementedError


def parallel_map(
    fn: Callable[[T], R], items: Iterable[T], *, executor: ProcessPoolExecutor, chunksize: int = 1
) -> list[R]:
    """Check that `fn` can be sent (NotPicklable otherwise, before anything is submitted), then map it
    over `items` in `executor` (batching `chunksize` items per message) and return the results in
    input order."""
    raise NotImplementedError
