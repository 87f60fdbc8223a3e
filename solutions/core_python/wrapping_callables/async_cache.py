"""Reference solution: async_cache."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, ParamSpec, TypeVar

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

            def forget_failure(done: asyncio.Future[R]) -> None:
                if (done.cancelled() or done.exception() is not None) and calls.get(key) is done:
                    del calls[key]

            call.add_done_callback(forget_failure)
        # shield: a caller that is cancelled stops waiting, but the shared call goes on for the others
        return await asyncio.shield(call)

    cached: Any = wrapper
    cached.cache_clear = calls.clear
    return wrapper
