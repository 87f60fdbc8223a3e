"""Pitfall: keeping a failed call in the cache.

Rejected by: test_failures_are_not_cached
Why it is wrong: one transient upstream error is replayed to every later caller of that key until
the process restarts or someone clears the cache by hand.
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
        if key not in calls:
            calls[key] = asyncio.ensure_future(func(*args, **kwargs))
        return await asyncio.shield(calls[key])

    wrapper.cache_clear = calls.clear
    return wrapper
