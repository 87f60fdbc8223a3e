"""Pitfall: letting an exception from the recorder escape the cleanup.

Rejected by: test_a_failing_recorder_masks_nothing
Why it is wrong: an exception raised in `finally` replaces the one in flight: a metrics outage turns every
successful call into a failure and hides the real error of every failed one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from solutions.safe_calls.production_stack.guaranteed_cleanup import *  # the rest is the reference
from solutions.safe_calls.production_stack.guaranteed_cleanup import Outcome

T = TypeVar("T")


async def run_and_record(
    work: Callable[[], Awaitable[T]],
    *,
    timeout_s: float,
    record: Callable[[Outcome, float], Awaitable[None]],
    clock: Callable[[], float],
    cleanup_timeout_s: float = 1.0,
) -> T:
    started = clock()
    outcome: Outcome = "error"
    try:
        async with asyncio.timeout(timeout_s):
            result = await work()
        outcome = "ok"
        return result
    except TimeoutError:
        outcome = "timeout"
        raise
    except asyncio.CancelledError:
        outcome = "cancelled"
        raise
    finally:
        async with asyncio.timeout(cleanup_timeout_s):
            await asyncio.shield(asyncio.ensure_future(record(outcome, clock() - started)))
