"""Pitfall: the wrapper takes and forwards only *args.

Rejected by: test_keyword_arguments_are_forwarded
Why it is wrong: any caller that passes a keyword argument gets a TypeError from the wrapper,
not from the function it meant to call.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.count_calls import *  # the rest is the reference


def count_calls(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any) -> Any:
        wrapper.call_count += 1
        return func(*args)

    wrapper.call_count = 0
    return wrapper
