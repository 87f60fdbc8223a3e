"""Pitfall: one plain wrapper for every function, async ones included.

Rejected by: test_async_call_is_timed_while_it_runs
Why it is wrong: calling an async function only builds a coroutine; the wrapper stops the clock
before any of the work has run, so every async endpoint reports 0.0 s.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.timed import *  # the rest is the reference
from solutions.core_python.wrapping_callables.timed import Sink, _log_sink


def timed(*, clock: Callable[[], float] = time.perf_counter, sink: Sink | None = None) -> Any:
    report = sink or _log_sink

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            try:
                return func(*args, **kwargs)
            finally:
                report(func.__qualname__, clock() - start)

        return wrapper

    return decorate
