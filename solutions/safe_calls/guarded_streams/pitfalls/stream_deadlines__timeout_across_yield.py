"""Pitfall: one `asyncio.timeout` scope around the whole loop, rescheduled on each item (note 07 §4, §7, §8).

Rejected by: test_slow_consumer_is_not_a_stalled_upstream
Why it is wrong: the scope stays open while the generator is parked at `yield`, so when it fires it
cancels whatever the *consumer* is doing at that moment (sending to a slow client), and the generator's
own handler never runs (PEP 789). Slow clients get their streams killed by an upstream deadline.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from typing import TypeVar

from solutions.safe_calls.guarded_streams.stream_deadlines import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.stream_deadlines import StreamTimeout

T = TypeVar("T")


async def with_deadlines(
    source: AsyncIterator[T],
    *,
    first_item_s: float,
    idle_s: float,
    total_s: float,
    is_progress: Callable[[T], bool] = lambda item: True,
) -> AsyncIterator[T]:
    loop = asyncio.get_running_loop()
    total_at = loop.time() + total_s
    try:
        async with aclosing(source) as upstream, asyncio.timeout(first_item_s) as scope:
            async for item in upstream:
                if is_progress(item):
                    scope.reschedule(min(total_at, loop.time() + idle_s))
                yield item
    except TimeoutError:
        raise StreamTimeout("idle", idle_s) from None
