"""Pitfall: measuring durations with time.time() instead of the injected clock.

Rejected by: test_success_records_ok_with_its_duration
Why it is wrong: the wall clock jumps (NTP, DST-free but still adjustable) and, in tests, does not follow
the event loop's virtual time, so every duration reads 0.0. Durations need a monotonic clock, and code
that takes its clock as a parameter can be tested.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from solutions.safe_calls.production_stack.guaranteed_cleanup import *  # the rest is the reference
from solutions.safe_calls.production_stack.guaranteed_cleanup import Outcome
from solutions.safe_calls.production_stack.guaranteed_cleanup import run_and_record as _reference

T = TypeVar("T")


async def run_and_record(
    work: Callable[[], Awaitable[T]],
    *,
    timeout_s: float,
    record: Callable[[Outcome, float], Awaitable[None]],
    clock: Callable[[], float],
    cleanup_timeout_s: float = 1.0,
) -> T:
    return await _reference(
        work, timeout_s=timeout_s, record=record, clock=time.time, cleanup_timeout_s=cleanup_timeout_s
    )
