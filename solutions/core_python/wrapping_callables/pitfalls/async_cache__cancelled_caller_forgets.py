"""Pitfall: any caller that stops waiting (cancelled included) drops the key of the shared call.

Rejected by: test_cancelled_caller_does_not_cancel_the_others
Why it is wrong: a client that disconnects mid-request makes the cache forget the call still in
flight, so the next caller of that key starts a second upstream call: the thundering herd returns
exactly when callers time out under load.
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
    calls: dict[Hashable, asyncio.Future[R]] = {}

    @functools.wraps(func)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        key = (args, tuple(sorted(kwargs.items())))
        call = calls.get(key)
        if call is None:
            call = calls[key] = asyncio.ensure_future(func(*args, **kwargs))
        try:
            return await asyncio.shield(call)
        except BaseException:
            calls.pop(key, None)
            raise

    cached: Any = wrapper
    cached.cache_clear = calls.clear
    return wrapper
