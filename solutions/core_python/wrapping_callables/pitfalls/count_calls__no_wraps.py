"""Pitfall: a wrapper without functools.wraps.

Rejected by: test_metadata_is_kept, test_fastapi_still_sees_the_signature
Why it is wrong: the function is now called 'wrapper' in logs and tracebacks, and FastAPI reads the
wrapper's (*args, **kwargs) as two required query parameters: every request gets a 422.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.count_calls import *  # the rest is the reference


def count_calls(func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wrapper.call_count += 1
        return func(*args, **kwargs)

    wrapper.call_count = 0
    return wrapper
