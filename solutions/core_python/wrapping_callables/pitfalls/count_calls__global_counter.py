"""Pitfall: one module-level counter for every decorated function.

Rejected by: test_each_function_has_its_own_counter
Why it is wrong: the numbers mix unrelated functions, so a metric built on them reports the
sum of everything decorated, not the calls of the function it is attached to.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.count_calls import *  # the rest is the reference

_calls = 0


def count_calls(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        global _calls
        _calls += 1
        wrapper.call_count = _calls
        return func(*args, **kwargs)

    wrapper.call_count = 0
    return wrapper
