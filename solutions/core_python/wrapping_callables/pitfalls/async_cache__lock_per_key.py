"""Pitfall: one asyncio.Lock per key; the first caller computes while the others queue on the lock.

Rejected by: test_concurrent_callers_share_the_failure, test_cancelled_caller_does_not_cancel_the_others
Why it is wrong: when the call fails, each waiting caller takes the lock in turn and calls the
upstream again: N waiters on a failing key make N calls to a service that is already down, instead
of all sharing the one error.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, ParamSpec, TypeVar

from solutions.core_python.wrapping_callables.async_cache import *  # the rest is the reference

P = ParamSpec("P")
R = TypeVar("R")


def async_cache(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    results: dict[Hashable, Any] = {}
    locks: dict[Hashable, asyncio.Lock] = {}

    @functools.wraps(func)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        key = (args, tuple(sorted(kwargs.items())))
        async with locks.setdefault(key, asyncio.Lock()):
            if key not in results:
                results[key] = await func(*args, **kwargs)
            return results[key]

    def cache_clear() -> None:
        results.clear()

    cached: Any = wrapper
    cached.cache_clear = cache_clear
    return wrapper
