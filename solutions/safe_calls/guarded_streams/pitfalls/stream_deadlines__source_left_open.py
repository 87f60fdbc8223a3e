"""Pitfall: iterating the source without closing it when the consumer closes the stream.

Rejected by: test_source_is_closed_on_every_ending
Why it is wrong: a client that leaves mid-stream leaves the upstream generator suspended with its HTTP
response open until garbage collection: the connection stays checked out and the vendor keeps billing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
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
    kind, limit, left = "first", first_item_s, first_item_s
    while True:
        waited_from = loop.time()
        local_at = waited_from + left
        at, hit, hit_s = (local_at, kind, limit) if local_at < total_at else (total_at, "total", total_s)
        try:
            async with asyncio.timeout_at(at):
                item = await anext(source)
        except StopAsyncIteration:
            return
        except TimeoutError:
            raise StreamTimeout(hit, hit_s) from None
        if is_progress(item):
            kind, limit, left = "idle", idle_s, idle_s
        else:
            left -= loop.time() - waited_from
        yield item
