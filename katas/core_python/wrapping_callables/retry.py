"""Exercise 3 of wrapping_callables: a retry decorator whose configuration is checked up front.

Brief: katas/core_python/wrapping_callables/README.md. Run: `kata run retry`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def retry(
    *,
    attempts: int,
    on: tuple[type[Exception], ...] = (Exception,),
    delay: float = 0.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Build a decorator that calls the function up to `attempts` times in total while it raises one of `on`.

    - `attempts < 1` (or a negative `delay`) raises ValueError here, when the decorator is built,
      before anything is decorated or called;
    - an exception that is not one of `on` propagates at once, after that single call;
    - between two attempts: `sleep(delay)`; never after the last one;
    - when every attempt failed, the last exception itself is re-raised (same object, with its traceback);
    - every call of the decorated function starts with the full budget of attempts;
    - the wrapper keeps the function's metadata (functools.wraps).
    """
    raise NotImplementedError
