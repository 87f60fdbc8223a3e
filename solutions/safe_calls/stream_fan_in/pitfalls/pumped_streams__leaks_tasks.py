"""Pitfall: a merge that starts one task per source and never cancels them (note 08 §2).

Rejected by: test_merge_closed_early_closes_every_source
Why it is wrong: when the consumer leaves, the pump tasks keep reading their sources (and paying for
them) with nobody listening; their upstream responses are never closed.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any, Literal, TypeVar

from solutions.safe_calls.stream_fan_in.pumped_streams import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.pumped_streams import (
    MergeIdle,
    SourceFailed,
    _pump,
)

T = TypeVar("T")


async def merge(
    *sources: AsyncIterator[T],
    idle_s: float | None = None,
    on_error: Literal["raise", "report"] = "raise",
) -> AsyncIterator[tuple[int, T | SourceFailed]]:
    queue: asyncio.Queue[tuple[int, str, Any]] = asyncio.Queue(maxsize=max(1, len(sources)))
    for i, source in enumerate(sources):
        asyncio.create_task(_pump(i, source, queue))  # noqa: RUF006 (the mistake this pitfall ships)
    live = len(sources)
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
            yield index, SourceFailed(index, value)
