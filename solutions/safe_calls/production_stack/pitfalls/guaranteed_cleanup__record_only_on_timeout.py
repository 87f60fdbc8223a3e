"""Pitfall: recording only in `except TimeoutError`, as the note's shielded-cleanup example does.

Rejected by: test_cancellation_from_outside_is_recorded, test_success_records_ok_with_its_duration
Why it is wrong: a client that goes away cancels the request; CancelledError is not a TimeoutError, so the
handler never runs and the SLA metric is silently lost. Successes are never recorded either.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from solutions.safe_calls.production_stack.guaranteed_cleanup import *  # the rest is the reference
from solutions.safe_calls.production_stack.guaranteed_cleanup import Outcome, _record

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
    try:
        async with asyncio.timeout(timeout_s):
            return await work()
    except TimeoutError:
        await _record(record, cleanup_timeout_s, "timeout", clock() - started)
        raise
