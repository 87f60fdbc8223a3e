"""Pitfall: the report names the function by `__name__`, not `__qualname__`.

Rejected by: test_failures_are_timed_too
Why it is wrong: every method called `get` or `handle` lands under the same name in the timings;
`__qualname__` (`OrderRepo.get`, `outer.<locals>.inner`) is what tells them apart.
"""

from __future__ import annotations

import functools
import inspect
import time
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from solutions.core_python.wrapping_callables import timed as _reference
from solutions.core_python.wrapping_callables.timed import *  # the rest is the reference
from solutions.core_python.wrapping_callables.timed import Sink

P = ParamSpec("P")
R = TypeVar("R")


def timed(
    *, clock: Callable[[], float] = time.perf_counter, sink: Sink | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    report = sink or _reference._log_sink

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                start = clock()
                try:
                    return await func(*args, **kwargs)
                finally:
                    report(func.__name__, clock() - start)

            return async_wrapper  # type: ignore[return-value]

        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            start = clock()
            try:
                return func(*args, **kwargs)
            finally:
                report(func.__name__, clock() - start)

        return wrapper

    return decorate
