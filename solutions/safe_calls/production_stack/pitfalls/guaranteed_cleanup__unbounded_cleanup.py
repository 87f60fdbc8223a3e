"""Pitfall: shielding the record but waiting for it without any limit.

Rejected by: test_a_hung_recorder_is_abandoned_after_cleanup_timeout
Why it is wrong: a shield only helps if the shielded work is bounded. A stuck metrics sink now holds
every finished request (and its slot, and its client) hostage for as long as the sink hangs.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TypeVar

from solutions.safe_calls.production_stack.guaranteed_cleanup import *  # the rest is the reference
from solutions.safe_calls.production_stack.guaranteed_cleanup import Outcome, _timed

T = TypeVar("T")


async def _record_without_limit(
    record: Callable[[Outcome, float], Awaitable[None]], limit: float, outcome: Outcome, duration: float
) -> None:
    try:
        await asyncio.shield(
            asyncio.ensure_future(record(outcome, duration))
        )  # waits as long as the sink hangs
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
    return await _timed(
        work, timeout_s, clock, then=partial(_record_without_limit, record, cleanup_timeout_s)
    )
