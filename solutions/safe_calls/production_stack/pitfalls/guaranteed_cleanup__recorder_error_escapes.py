"""Pitfall: letting an exception from the recorder escape the cleanup.

Rejected by: test_a_failing_recorder_masks_nothing
Why it is wrong: an exception raised in `finally` replaces the one in flight: a metrics outage turns every
successful call into a failure and hides the real error of every failed one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TypeVar

from solutions.safe_calls.production_stack.guaranteed_cleanup import *  # the rest is the reference
from solutions.safe_calls.production_stack.guaranteed_cleanup import Outcome, _timed

T = TypeVar("T")


async def _record_errors_escape(
    record: Callable[[Outcome, float], Awaitable[None]], limit: float, outcome: Outcome, duration: float
) -> None:
    async with asyncio.timeout(limit):
        await asyncio.shield(asyncio.ensure_future(record(outcome, duration)))  # its exception escapes


async def run_and_record(
    work: Callable[[], Awaitable[T]],
    *,
    timeout_s: float,
    record: Callable[[Outcome, float], Awaitable[None]],
    clock: Callable[[], float],
    cleanup_timeout_s: float = 1.0,
) -> T:
    return await _timed(
        work, timeout_s, clock, then=partial(_record_errors_escape, record, cleanup_timeout_s)
    )
