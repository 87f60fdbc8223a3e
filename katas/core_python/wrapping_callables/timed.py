"""Exercise 2 of wrapping_callables: a configurable timing decorator for sync and async functions.

Brief: katas/core_python/wrapping_callables/README.md. Run: `kata run timed`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ParamSpec, TypeAlias, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

Sink: TypeAlias = Callable[[str, float], None]
"""Receives (the function's __qualname__, seconds) once per call."""

LOGGER_NAME = "wrapping_callables.timing"
"""The logger the default sink reports to, at INFO."""


def timed(
    *, clock: Callable[[], float] = time.perf_counter, sink: Sink | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Build a decorator that reports how long every call of the decorated function took.

    - duration = `clock()` after the call minus `clock()` before it; the default clock is monotonic;
    - reported once per call, whether the call returned or raised (the exception propagates unchanged);
    - an `async def` function gets an `async def` wrapper that times the awaited work, so the decorated
      function is still a coroutine function; a plain function gets a plain wrapper;
    - reported as `sink(func.__qualname__, seconds)`, or, without a sink, as one INFO record on the
      `LOGGER_NAME` logger with %-style arguments (the qualname first, then the seconds), never `print`;
    - the wrapper keeps the function's metadata (functools.wraps).
    """
    raise NotImplementedError
