"""Reference solution: process_pool_rules."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class NotPicklable(TypeError):
    """Raised before submission when a callable or an argument cannot be sent to a child process."""


def count_primes(limit: int) -> int:
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n**0.5) + 1)))


def ensure_picklable(fn: Callable[..., Any], *args: Any) -> None:
    try:
        pickle.dumps((fn, args))
    except (pickle.PicklingError, AttributeError, TypeError) as exc:
        raise NotPicklable(f"{fn!r} or its arguments cannot be sent to a child process: {exc}") from exc


def parallel_map(
    fn: Callable[[T], R], items: Iterable[T], *, executor: ProcessPoolExecutor, chunksize: int = 1
) -> list[R]:
    ensure_picklable(fn)
    return list(executor.map(fn, items, chunksize=chunksize))
