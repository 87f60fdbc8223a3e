"""Reference solution: count_calls."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def count_calls(func: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        counted.call_count += 1
        return func(*args, **kwargs)

    counted: Any = wrapper
    counted.call_count = 0
    return wrapper
