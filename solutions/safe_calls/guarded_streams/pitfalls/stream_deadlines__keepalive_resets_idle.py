"""Pitfall: every item, keepalive pings included, resets the idle clock.

Rejected by: test_keepalives_pass_through_but_do_not_reset_idle
Why it is wrong: an upstream whose generation is stuck but whose proxy keeps sending `: ping` comments
looks alive forever; the stream holds its slot until the total deadline (or forever without one).
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
    kind, limit = "first", first_item_s
    async with aclosing(source) as upstream:
        while True:
            local_at = loop.time() + limit
            at, hit, hit_s = (local_at, kind, limit) if local_at < total_at else (total_at, "total", total_s)
            try:
                async with asyncio.timeout_at(at):
                    item = await anext(upstream)
            except StopAsyncIteration:
                return
            except TimeoutError:
                raise StreamTimeout(hit, hit_s) from None
            kind, limit = "idle", idle_s  # any item counts as progress
            yield item
