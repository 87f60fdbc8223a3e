"""Exercise 1 of wrapping_callables: a decorator that counts calls and keeps the wrapped function's identity.

Brief: katas/core_python/wrapping_callables/README.md. Run: `kata run count_calls`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def count_calls(func: Callable[P, R]) -> Callable[P, R]:
    """Return a wrapper that forwards every call to `func` and counts it.

    - every positional and keyword argument reaches `func` unchanged, and its return value (or the very
      exception it raised) comes back unchanged;
    - the wrapper exposes how many times it was called as `wrapper.call_count` (0 before the first call;
      a call that raised counts too), and each decorated function has its own count;
    - the wrapper keeps `func`'s metadata: `__name__`, `__qualname__`, `__doc__`, `__module__`, and
      `__wrapped__` pointing at `func`, so `inspect.signature` and FastAPI still see the real parameters.
    """
    raise NotImplementedError
