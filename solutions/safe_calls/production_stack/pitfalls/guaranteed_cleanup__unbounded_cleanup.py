"""Pitfall: shielding the record but waiting for it without any limit.

Rejected by: test_a_hung_recorder_is_abandoned_after_cleanup_timeout
Why it is wrong: a shield only helps if the shielded work is bounded. A stuck metrics sink now holds
every finished request (and its slot, and its client) hostage for as long as the sink hangs.
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
        try:
            await asyncio.shield(asyncio.ensure_future(record(outcome, clock() - started)))
        except Exception:
            pass
