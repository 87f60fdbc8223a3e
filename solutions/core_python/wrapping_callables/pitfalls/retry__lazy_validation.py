"""Pitfall: no check of the configuration; a bad value surfaces only when the function is called.

Rejected by: test_bad_configuration_fails_when_built
Why it is wrong: the note's repeat(0) builds fine and then dies with UnboundLocalError on the first
call, in production, far from the line that made the mistake.
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
    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for attempt in range(1, attempts + 1):
                try:
                    result = func(*args, **kwargs)
                    break
                except on:
                    if attempt == attempts:
                        raise
                    sleep(delay)
            return result

        return wrapper

    return decorate
