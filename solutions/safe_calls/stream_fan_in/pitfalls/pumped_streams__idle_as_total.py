"""Pitfall: one asyncio.timeout(idle_s) around the whole merge loop, so idle_s becomes a total deadline.

Rejected by: test_merge_idle_restarts_with_every_arrival
Why it is wrong: idle means "nothing arrived for idle_s"; a timer that is never reset kills every healthy
merge that lasts longer than idle_s, however steadily its sources produce.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any, Literal, TypeVar

from solutions.safe_calls.stream_fan_in.pumped_streams import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.pumped_streams import (
    _ERROR,
    _ITEM,
    MergeIdle,
    SourceFailed,
    _pump,
    _stop,
)

T = TypeVar("T")


async def merge(
    *sources: AsyncIterator[T],
    idle_s: float | None = None,
    on_error: Literal["raise", "report"] = "raise",
) -> AsyncIterator[tuple[int, T | SourceFailed]]:
    queue: asyncio.Queue[tuple[int, str, Any]] = asyncio.Queue(maxsize=max(1, len(sources)))
    pumps = [asyncio.create_task(_pump(i, source, queue)) for i, source in enumerate(sources)]
    live = len(pumps)
    try:
        async with asyncio.timeout(idle_s):
            while live:
                index, kind, value = await queue.get()
                if kind == _ITEM:
                    yield index, value
                    continue
                live -= 1
                if kind == _ERROR:
                    if on_error == "raise":
                        raise value
                    yield index, SourceFailed(index, value)
    except TimeoutError:
        raise MergeIdle(f"nothing for {idle_s} s") from None
    finally:
        await _stop(pumps)
