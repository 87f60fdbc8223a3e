"""Pitfall: storing the result only once the await has finished, with nothing shared while in flight.

Rejected by: test_concurrent_callers_share_one_call, test_cancelled_caller_does_not_cancel_the_others
Why it is wrong: every request that arrives while a cold key is being fetched misses the cache and
calls the upstream too: a thundering herd exactly when the upstream is slowest.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import Any

from solutions.core_python.wrapping_callables.async_cache import *  # the rest is the reference


def async_cache(func: Callable[..., Any]) -> Callable[..., Any]:
    results: dict[Hashable, Any] = {}

    @functools.wraps(func)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        key = (args, tuple(sorted(kwargs.items())))
        if key not in results:
            results[key] = await func(*args, **kwargs)
        return results[key]

    wrapper.cache_clear = results.clear
    return wrapper
