"""Pitfall: enforcing only the first-item and total deadlines, trusting httpx's `read` timeout for gaps.

Rejected by: test_silence_after_progress_raises_idle, test_pings_hide_a_stall_from_the_httpx_read_timeout
Why it is wrong: httpx's read timeout limits each socket read, not the time between data events, and any
byte (an SSE `: ping` comment) resets it; a stalled upstream behind a pinging proxy never trips it (note
07 §3 says otherwise). The idle limit must be checked by the application, on data items.
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
    first_at: float | None = loop.time() + first_item_s
    async with aclosing(source) as upstream:
        while True:
            at, hit, hit_s = (
                (first_at, "first", first_item_s)
                if first_at and first_at < total_at
                else (total_at, "total", total_s)
            )
            try:
                async with asyncio.timeout_at(at):
                    item = await anext(upstream)
            except StopAsyncIteration:
                return
            except TimeoutError:
                raise StreamTimeout(hit, hit_s) from None
            if is_progress(item):
                first_at = None
            yield item
