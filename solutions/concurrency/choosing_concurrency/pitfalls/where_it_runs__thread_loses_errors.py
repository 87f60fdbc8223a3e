"""Pitfall: a bare threading.Thread with the result stored by a closure; its exception is lost.

Rejected by: test_worker_errors_reach_the_caller
Why it is wrong: an exception in a Thread's target only reaches threading.excepthook (a line on
stderr); the caller gets None and carries on as if the work had succeeded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from solutions.concurrency.choosing_concurrency.where_it_runs import *  # the rest is the reference

T = TypeVar("T")


def in_thread(fn: Callable[[], T]) -> T:
    results: list[T] = []
    worker = threading.Thread(target=lambda: results.append(fn()))
    worker.start()
    worker.join()
    return results[0] if results else None  # type: ignore[return-value]
