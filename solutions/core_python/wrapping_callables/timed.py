"""Reference solution: timed."""

from __future__ import annotations

import functools
import inspect
import logging
import time
from collections.abc import Callable
from typing import Any, ParamSpec, TypeAlias, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

Sink: TypeAlias = Callable[[str, float], None]

LOGGER_NAME = "wrapping_callables.timing"
logger = logging.getLogger(LOGGER_NAME)


def _log_sink(name: str, seconds: float) -> None:
    logger.info("%s took %.6f s", name, seconds)


def timed(
    *, clock: Callable[[], float] = time.perf_counter, sink: Sink | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    report = sink or _log_sink

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                start = clock()
                try:
                    return await func(*args, **kwargs)
                finally:
                    report(func.__qualname__, clock() - start)

            return async_wrapper  # type: ignore[return-value]

        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            start = clock()
            try:
                return func(*args, **kwargs)
            finally:
                report(func.__qualname__, clock() - start)

        return wrapper

    return decorate
