"""Pitfall: recording "cancelled" and then returning None instead of re-raising CancelledError.

Rejected by: test_cancellation_from_outside_is_recorded, test_a_second_cancel_does_not_kill_the_record
Why it is wrong: the cancelled request looks like it returned normally, so whatever cancelled it
(asyncio.timeout around it, a TaskGroup, server shutdown) never sees the cancel come back and carries on
as if the call had succeeded with None.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from solutions.safe_calls.production_stack.guaranteed_cleanup import *  # the rest is the reference
from solutions.safe_calls.production_stack.guaranteed_cleanup import Outcome
from solutions.safe_calls.production_stack.guaranteed_cleanup import run_and_record as _ref


async def run_and_record(
    work: Callable[[], Awaitable[Any]],
    *,
    timeout_s: float,
    record: Callable[[Outcome, float], Awaitable[None]],
    clock: Callable[[], float],
    cleanup_timeout_s: float = 1.0,
) -> Any:
    try:
        return await _ref(
            work, timeout_s=timeout_s, record=record, clock=clock, cleanup_timeout_s=cleanup_timeout_s
        )
    except asyncio.CancelledError:
        return None  # "the client is gone anyway"
