"""Exercise 2 of executor_futures: give up on slow work in time, and drop queued work on shutdown.

Brief: katas/concurrency/executor_futures/README.md. Run: `kata run deadline_and_cancel`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def call_with_deadline(fn: Callable[[], T], *, timeout: float, executor: ThreadPoolExecutor) -> T:
    """Run fn in `executor` and return its result, or raise the builtin TimeoutError once `timeout`
    seconds have passed. On timeout, cancel the work if it has not started yet (work already running
    cannot be stopped, but it must not delay this call). Never wait for the executor itself."""
    raise NotImplementedError


def stop_now(executor: ThreadPoolExecutor, futures: Iterable[Future[Any]]) -> tuple[int, int]:
    """Shut `executor` down without waiting: queued work is dropped, running work finishes on its own.
    Return (how many of `futures` were cancelled, how many are still running)."""
    raise NotImplementedError
