"""Pitfall: "rescuing" a timed-out call by trying the work once more from the cleanup path.

Rejected by: test_work_runs_exactly_once
Why it is wrong: cleanup must be short, bounded and side-effect free. A retry there doubles vendor load
exactly when the vendor is slow, escapes the retry budget and the limiter, and runs after the caller's
deadline has already passed.
"""

from __future__ import annotations

import asyncio
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
    try:
        return await _reference(
            work, timeout_s=timeout_s, record=record, clock=clock, cleanup_timeout_s=cleanup_timeout_s
        )
    except TimeoutError:
        async with asyncio.timeout(timeout_s):  # "one last try" from cleanup
            await work()
        raise
