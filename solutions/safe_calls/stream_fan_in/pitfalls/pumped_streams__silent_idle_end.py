"""Pitfall: `break` when the merge has been idle too long (note 08 §2).

Rejected by: test_merge_idle_is_an_error_not_an_end
Why it is wrong: the caller sees a normal end of stream and presents a truncated answer as complete; a
timeout must be an error the caller can handle (and report to the client and the breaker).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any, Literal, TypeVar

from solutions.safe_calls.stream_fan_in.pumped_streams import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.pumped_streams import (
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
        while live:
            try:
                async with asyncio.timeout(idle_s):
                    index, kind, value = await queue.get()
            except TimeoutError:
                break
            if kind == "item":
                yield index, value
                continue
            live -= 1
            if kind == "error":
                if on_error == "raise":
                    raise value
                yield index, SourceFailed(index, value)
    finally:
        await _stop(pumps)
