"""Pitfall: `asyncio.wait_for(anext(source), idle_s)` per item and no overall deadline.

Rejected by: test_endless_stream_hits_the_total_deadline
Why it is wrong: an upstream that trickles one token a second never trips a per-item timeout, so the
stream (and the slot it holds) can last forever. Streams need an overall deadline too.
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
    kind, limit = "first", first_item_s
    async with aclosing(source) as upstream:
        while True:
            try:
                item = await asyncio.wait_for(anext(upstream), limit)
            except StopAsyncIteration:
                return
            except TimeoutError:
                raise StreamTimeout(kind, limit) from None
            if is_progress(item):
                kind, limit = "idle", idle_s
            yield item
