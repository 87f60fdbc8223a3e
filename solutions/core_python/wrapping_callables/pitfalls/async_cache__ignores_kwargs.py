"""Pitfall: the cache key is the positional arguments only (`key = args`).

Rejected by: test_keys_and_cache_clear
Why it is wrong: calls that differ only in a keyword argument (`lookup(1, region="eu")` after
`lookup(1, region="us")`) share one entry, so a caller silently gets another call's result: wrong data
served from the cache, with nothing in the logs.
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
        key = args
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
