"""Pitfall: only `attempts` is validated; a negative delay is accepted.

Rejected by: test_bad_configuration_fails_when_built
Why it is wrong: time.sleep(-1) raises ValueError on the first retry, in production, far from the
decorator line that held the typo.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from solutions.core_python.wrapping_callables.retry import *  # the rest is the reference

P = ParamSpec("P")
R = TypeVar("R")


def retry(
    *,
    attempts: int,
    on: tuple[type[Exception], ...] = (Exception,),
    delay: float = 0.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for attempt in range(1, attempts + 1):
                try:
                    return func(*args, **kwargs)
                except on:
                    if attempt == attempts:
                        raise
                    sleep(delay)
            raise AssertionError("unreachable")

        return wrapper

    return decorate
