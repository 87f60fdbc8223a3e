"""Pitfall: when the attempts run out, raising a new generic error instead of the last one.

Rejected by: test_exhausted_attempts_reraise_the_last_error
Why it is wrong: callers that handle the real error type (or read its attributes) no longer can,
and the message that explains the failure is one level down, if anyone looks.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.retry import *  # the rest is the reference


class RetriesExhausted(Exception):
    """Raised in place of the real error."""


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
            last: Exception | None = None
            for attempt in range(1, attempts + 1):
                try:
                    return func(*args, **kwargs)
                except on as exc:
                    last = exc
                    if attempt < attempts:
                        sleep(delay)
            raise RetriesExhausted(f"gave up after {attempts} attempts") from last

        return wrapper

    return decorate
