"""Pitfall: heartbeats via `asyncio.wait_for(anext(source), heartbeat_s)`.

Rejected by: test_decoupled_heartbeats_without_touching_the_source
Why it is wrong: on timeout wait_for cancels the pending `anext()`, which throws CancelledError into the
async generator and finalises it: the first heartbeat kills the upstream stream. (FastAPI's own SSE
keepalive reads the generator in a producer task for exactly this reason.)
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import TypeVar

from solutions.safe_calls.stream_fan_in.pumped_streams import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.pumped_streams import (
    HEARTBEAT,
    Heartbeat,
)

T = TypeVar("T")


async def decoupled(
    source: AsyncIterator[T], *, max_buffer: int, heartbeat_s: float | None = None
) -> AsyncIterator[T | Heartbeat]:
    async with aclosing(source) as upstream:
        while True:
            try:
                item = await asyncio.wait_for(anext(upstream), heartbeat_s)
            except TimeoutError:
                yield HEARTBEAT
                continue
            except StopAsyncIteration:
                return
            yield item
