"""Pitfall: awaiting the record directly in `finally`, without asyncio.shield.

Rejected by: test_a_second_cancel_does_not_kill_the_record
Why it is wrong: a request being torn down is often cancelled again (server shutdown, a task group
unwinding); the second cancel lands inside the metric write and kills it, so the failures you most need
to see are the ones missing from the dashboard.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TypeVar

from solutions.safe_calls.production_stack.guaranteed_cleanup import *  # the rest is the reference
from solutions.safe_calls.production_stack.guaranteed_cleanup import Outcome, _timed

T = TypeVar("T")


async def _unshielded(
    record: Callable[[Outcome, float], Awaitable[None]], limit: float, outcome: Outcome, duration: float
) -> None:
    try:
        async with asyncio.timeout(limit):
            await record(outcome, duration)  # a second cancel lands here and kills the write
    except Exception:
        pass


async def run_and_record(
    work: Callable[[], Awaitable[T]],
    *,
    timeout_s: float,
    record: Callable[[Outcome, float], Awaitable[None]],
    clock: Callable[[], float],
    cleanup_timeout_s: float = 1.0,
) -> T:
    return await _timed(work, timeout_s, clock, then=partial(_unshielded, record, cleanup_timeout_s))
