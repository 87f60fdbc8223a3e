"""Pitfall: the wrapper calls the function but forgets to return its result.

Rejected by: test_result_and_exceptions_pass_through, test_fastapi_still_sees_the_signature
Why it is wrong: every decorated call now returns None; callers treat that as a real answer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.count_calls import *  # the rest is the reference


def count_calls(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wrapper.call_count += 1
        func(*args, **kwargs)

    wrapper.call_count = 0
    return wrapper
