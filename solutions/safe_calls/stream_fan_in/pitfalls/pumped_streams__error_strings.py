"""Pitfall: reporting a failed source as an `"ERROR: ..."` string in the data channel (note 08 §2).

Rejected by: test_merge_reports_a_source_error_as_a_value
Why it is wrong: the consumer cannot tell an error from data (a model may well write "ERROR:"), loses
the exception type, and forwards internal error text to the client.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any, Literal, TypeVar

from solutions.safe_calls.stream_fan_in.pumped_streams import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.pumped_streams import (
    MergeIdle,
    _pump,
    _stop,
)

T = TypeVar("T")


async def merge(
    *sources: AsyncIterator[T],
    idle_s: float | None = None,
    on_error: Literal["raise", "report"] = "raise",
) -> AsyncIterator[tuple[int, Any]]:
    queue: asyncio.Queue[tuple[int, str, Any]] = asyncio.Queue(maxsize=max(1, len(sources)))
    pumps = [asyncio.create_task(_pump(i, source, queue)) for i, source in enumerate(sources)]
    live = len(pumps)
    try:
        while live:
            try:
                async with asyncio.timeout(idle_s):
                    index, kind, value = await queue.get()
            except TimeoutError:
                raise MergeIdle() from None
            if kind == "item":
                yield index, value
                continue
            live -= 1
            if kind == "error":
                if on_error == "raise":
                    raise value
                yield index, f"ERROR: {value}"
    finally:
        await _stop(pumps)
