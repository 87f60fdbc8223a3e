"""Pitfall: the bounded-buffer producer of note 07 §10, which forwards items and the end, but no error.

Rejected by: test_decoupled_forwards_the_upstream_error
Why it is wrong: when the upstream dies, the producer task dies quietly and the consumer waits on the
queue forever: the client sees a stream that hangs instead of one that fails.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import Any, TypeVar

from solutions.safe_calls.stream_fan_in.pumped_streams import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.pumped_streams import (
    Heartbeat,
    _stop,
)

T = TypeVar("T")


async def decoupled(
    source: AsyncIterator[T], *, max_buffer: int, heartbeat_s: float | None = None
) -> AsyncIterator[T | Heartbeat]:
    queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=max_buffer)
    done = object()

    async def produce() -> None:
        async with aclosing(source) as upstream:
            async for item in upstream:
                await queue.put(item)
        await queue.put(done)

    pump = asyncio.create_task(produce())
    try:
        while (item := await queue.get()) is not done:
            yield item
    finally:
        await _stop([pump])
