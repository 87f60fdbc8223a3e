"""Pitfall: functools.lru_cache on an async function.

Rejected by: test_second_await_reuses_the_result, test_decorated_function_is_still_async
Why it is wrong: lru_cache stores what the call returned, which for an async def is the coroutine
object; the second caller awaits an exhausted coroutine and gets RuntimeError.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.async_cache import *  # the rest is the reference


def async_cache(func: Callable[..., Any]) -> Callable[..., Any]:
    return functools.lru_cache(maxsize=None)(func)
