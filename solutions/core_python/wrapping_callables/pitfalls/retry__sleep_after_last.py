"""Pitfall: sleeping after every failure, the final one included.

Rejected by: test_exhausted_attempts_reraise_the_last_error
Why it is wrong: after the last attempt nothing will be retried, so the pause only delays the error
the caller is waiting for (and holds whatever the caller holds, a worker or a connection, meanwhile).
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

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for attempt in range(1, attempts + 1):
                try:
                    return func(*args, **kwargs)
                except on:
                    sleep(delay)
                    if attempt == attempts:
                        raise
            return None

        return wrapper

    return decorate
