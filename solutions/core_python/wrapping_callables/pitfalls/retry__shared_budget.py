"""Pitfall: the attempt counter lives in the decorator factory, shared by every call.

Rejected by: test_each_call_gets_a_full_budget
Why it is wrong: the first calls use up the budget for the lifetime of the process; later calls
get no retries at all, so the decorator quietly stops working after a few blips.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.retry import *  # the rest is the reference


def retry(
    *,
    attempts: int,
    on: tuple[type[Exception], ...] = (Exception,),
    delay: float = 0.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Any:
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")
    failures = 0

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            nonlocal failures
            while True:
                try:
                    return func(*args, **kwargs)
                except on:
                    failures += 1
                    if failures >= attempts:
                        raise
                    sleep(delay)

        return wrapper

    return decorate
