"""Pitfall: the cache key keeps the keyword arguments in the order the caller wrote them.

Rejected by: test_keys_and_cache_clear
Why it is wrong: `report("mon", team="ops", fmt="csv")` and `report("mon", fmt="csv", team="ops")` are
the same call, yet they get two entries: the cache misses and the upstream is hit again for a result it
already holds, depending only on how each call site happens to spell its arguments.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Hashable
from typing import Any

from solutions.core_python.wrapping_callables.async_cache import *  # the rest is the reference


def async_cache(func: Callable[..., Any]) -> Callable[..., Any]:
    calls: dict[Hashable, asyncio.Future[Any]] = {}

    @functools.wraps(func)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        key = (args, tuple(kwargs.items()))
        call = calls.get(key)
        if call is None:
            call = calls[key] = asyncio.ensure_future(func(*args, **kwargs))

            def forget_failure(done: asyncio.Future[Any]) -> None:
                if (done.cancelled() or done.exception() is not None) and calls.get(key) is done:
                    del calls[key]

            call.add_done_callback(forget_failure)
        return await asyncio.shield(call)

    wrapper.cache_clear = calls.clear
    return wrapper
