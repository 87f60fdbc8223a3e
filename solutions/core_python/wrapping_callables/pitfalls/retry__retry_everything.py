"""Pitfall: retrying every Exception, whatever `on` says.

Rejected by: test_other_errors_are_not_retried
Why it is wrong: a bug (KeyError, TypeError) fails the same way every time; retrying it multiplies
the load and the latency, and hides the real error behind pauses.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.retry import *  # the rest is the reference
from solutions.core_python.wrapping_callables.retry import retry as _reference


def retry(
    *,
    attempts: int,
    on: tuple[type[Exception], ...] = (Exception,),
    delay: float = 0.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Any:
    return _reference(attempts=attempts, on=(Exception,), delay=delay, sleep=sleep)
