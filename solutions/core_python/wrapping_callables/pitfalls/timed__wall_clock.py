"""Pitfall: measuring durations with time.time(), the wall clock.

Rejected by: test_default_clock_is_monotonic
Why it is wrong: the wall clock is adjusted (NTP, manual changes) and can jump backwards, giving
negative or wildly wrong durations; time.perf_counter() is monotonic and made for this.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.timed import *  # the rest is the reference
from solutions.core_python.wrapping_callables.timed import Sink
from solutions.core_python.wrapping_callables.timed import timed as _reference


def timed(*, clock: Callable[[], float] | None = None, sink: Sink | None = None) -> Any:
    if clock is not None:
        return _reference(clock=clock, sink=sink)

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.time()
            try:
                return func(*args, **kwargs)
            finally:
                if sink is not None:
                    sink(func.__qualname__, time.time() - start)

        return wrapper

    return decorate
