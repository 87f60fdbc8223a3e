"""Pitfall: `pump.cancel()` in `finally` without awaiting the task (note 07 §10).

Rejected by: test_decoupled_close_stops_and_awaits_the_pump
Why it is wrong: cancel() only requests cancellation. When aclose() returns, the pump is still running
and the upstream still open; its cleanup happens "some time later", or never if the loop is shutting
down (then: "Task was destroyed but it is pending!").
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any, TypeVar

from solutions.safe_calls.stream_fan_in.pumped_streams import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.pumped_streams import (
    HEARTBEAT,
    Heartbeat,
    _pump,
)

T = TypeVar("T")


async def decoupled(
    source: AsyncIterator[T], *, max_buffer: int, heartbeat_s: float | None = None
) -> AsyncIterator[T | Heartbeat]:
    queue: asyncio.Queue[tuple[int, str, Any]] = asyncio.Queue(maxsize=max_buffer)
    pump = asyncio.create_task(_pump(0, source, queue))
    try:
        while True:
            try:
                async with asyncio.timeout(heartbeat_s):
                    _, kind, value = await queue.get()
            except TimeoutError:
                yield HEARTBEAT
                continue
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        pump.cancel()
