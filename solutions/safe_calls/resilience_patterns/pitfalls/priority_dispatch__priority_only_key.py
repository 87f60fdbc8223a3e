"""Pitfall: queue items ordered by priority alone (the note's `@dataclass(order=True)` item).

Rejected by: test_equal_priorities_are_first_in_first_out
Why it is wrong: heapq is not stable; among equal priorities the pop order is arbitrary (verified:
[0, 2, 6, 9, 8, 5, 7, 4, 1, 3]), so a request can wait behind ones that arrived long after it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from solutions.safe_calls.resilience_patterns.priority_dispatch import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.priority_dispatch import PriorityDispatcher as _Reference
from solutions.safe_calls.resilience_patterns.priority_dispatch import QueueFull


@dataclass(order=True)
class _Item:
    priority: int
    future: asyncio.Future[Any] = field(compare=False)
    payload: Any = field(compare=False)


class PriorityDispatcher(_Reference):
    async def submit(self, payload: Any, *, priority: int) -> Any:
        assert self._queue is not None
        if self._queue.qsize() >= self.max_queue:
            raise QueueFull("full")
        future = asyncio.get_running_loop().create_future()
        self._queue.put_nowait(_Item(priority, future, payload))  # type: ignore[arg-type]
        return await future

    async def _work(self) -> None:
        assert self._queue is not None
        while True:
            item: Any = await self._queue.get()
            if item.future.done():
                continue
            try:
                result = await self._call(item.payload)
            except Exception as exc:
                if not item.future.done():
                    item.future.set_exception(exc)
            else:
                if not item.future.done():
                    item.future.set_result(result)
