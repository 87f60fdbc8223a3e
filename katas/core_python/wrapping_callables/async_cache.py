"""Exercise 4 of wrapping_callables: a cache for async functions that shares one in-flight call per key.

Brief: katas/core_python/wrapping_callables/README.md. Run: `kata run async_cache`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def async_cache(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    """Cache the awaited results of the async function `func`, per (hashable) arguments.

    - the key is the positional arguments plus the keyword arguments (their order does not matter);
    - a key seen before returns the stored result without calling `func` again;
    - concurrent callers of a key that is still being computed share that one in-flight call: `func`
      runs once, and every caller gets its result;
    - a call that raised is not cached: the error reaches every caller waiting for it, and the next call
      of that key runs `func` again;
    - one caller being cancelled does not cancel the shared call for the others;
    - the decorated function is still a coroutine function with `func`'s metadata, and has a
      `cache_clear()` method that forgets every stored result.
    """
    raise NotImplementedError
