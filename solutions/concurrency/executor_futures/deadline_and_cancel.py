"""Reference solution: deadline_and_cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def call_with_deadline(fn: Callable[[], T], *, timeout: float, executor: ThreadPoolExecutor) -> T:
    future = executor.submit(fn)
    try:
        return future.result(timeout=timeout)
    except TimeoutError:
        future.cancel()  # False if it already started: then it runs to the end, unobserved
        raise


def stop_now(executor: ThreadPoolExecutor, futures: Iterable[Future[Any]]) -> tuple[int, int]:
    futures = list(futures)
    executor.shutdown(wait=False, cancel_futures=True)
    return sum(f.cancelled() for f in futures), sum(not f.done() for f in futures)
