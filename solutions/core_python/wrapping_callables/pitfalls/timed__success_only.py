"""Pitfall: reporting the duration only when the call returned.

Rejected by: test_failures_are_timed_too
Why it is wrong: the slow calls that end in a timeout or an error vanish from the timings, exactly
the ones an incident needs; report in `finally`.
"""

from __future__ import annotations

import functools
import inspect
import time
from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.timed import *  # the rest is the reference
from solutions.core_python.wrapping_callables.timed import Sink, _log_sink


def timed(*, clock: Callable[[], float] = time.perf_counter, sink: Sink | None = None) -> Any:
    report = sink or _log_sink

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                start = clock()
                result = await func(*args, **kwargs)
                report(func.__qualname__, clock() - start)
                return result

            return async_wrapper

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            result = func(*args, **kwargs)
            report(func.__qualname__, clock() - start)
            return result

        return wrapper

    return decorate
