"""Pitfall: `await asyncio.sleep(1 / per_second)` before every item.

Rejected by: test_throttle_spaces_items_without_delaying_slow_sources
Why it is wrong: the pause is added on top of however long the source already took, so a slow source is
slowed down further (and the first item is delayed too): the "limit" becomes a fixed extra latency.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, AsyncIterator
from typing import TypeVar

from solutions.safe_calls.stream_fan_in.stream_stages import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.stream_stages import _owned

T = TypeVar("T")


async def throttle(source: AsyncIterable[T], *, per_second: float) -> AsyncIterator[T]:
    async with _owned(source) as upstream:
        async for item in upstream:
            await asyncio.sleep(1.0 / per_second)
            yield item
