"""Pitfall: every caller awaits the shared task directly, without asyncio.shield.

Rejected by: test_cancelled_caller_does_not_cancel_the_others
Why it is wrong: when one waiting caller is cancelled (a client disconnects, a timeout fires), the
cancellation passes into the shared task, and every other caller of that key fails with it.
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
        key = (args, tuple(sorted(kwargs.items())))
        call = calls.get(key)
        if call is None:
            call = calls[key] = asyncio.ensure_future(func(*args, **kwargs))
        try:
            return await call
        except BaseException:
            if call.done() and (call.cancelled() or call.exception() is not None):
                calls.pop(key, None)
            raise

    wrapper.cache_clear = calls.clear
    return wrapper
