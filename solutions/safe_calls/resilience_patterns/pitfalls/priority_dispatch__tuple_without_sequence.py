"""Pitfall: plain (priority, future, payload) tuples, no sequence number.

Rejected by: test_equal_priorities_are_first_in_first_out
Why it is wrong: on a priority tie, tuple comparison falls through to the next field; futures (and dict
payloads) do not support <, so the heap raises TypeError inside put() and the caller's request crashes.
Even comparable payloads would be served in payload order, not arrival order.
"""

from __future__ import annotations

import asyncio
from typing import Any

from solutions.safe_calls.resilience_patterns.priority_dispatch import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.priority_dispatch import PriorityDispatcher as _Reference
from solutions.safe_calls.resilience_patterns.priority_dispatch import QueueFull


class PriorityDispatcher(_Reference):
    async def submit(self, payload: Any, *, priority: int) -> Any:
        assert self._queue is not None
        if self._queue.qsize() >= self.max_queue:
            raise QueueFull("full")
        future = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((priority, payload, future, payload))  # type: ignore[arg-type]
        return await future
