"""Pitfall: checking the bound with > instead of >=, so max_queue + 1 items wait.

Rejected by: test_a_full_backlog_sheds_at_once
Why it is wrong: max_queue is the longest backlog the pod can drain in time; one more is already late.
Bounds that are off by one are also the ones nobody notices until an incident.
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
        if self._queue.qsize() > self.max_queue:
            raise QueueFull("full")
        future = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((priority, next(self._sequence), future, payload))
        return await future
