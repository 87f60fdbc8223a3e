"""Pitfall: an unbounded backlog (the note's queue has no maximum).

Rejected by: test_a_full_backlog_sheds_at_once
Why it is wrong: under sustained overload the queue grows without limit: memory climbs, every item waits
longer than any client will, and the pod serves only requests whose callers have already given up.
"""

from __future__ import annotations

import asyncio
from typing import Any

from solutions.safe_calls.resilience_patterns.priority_dispatch import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.priority_dispatch import PriorityDispatcher as _Reference


class PriorityDispatcher(_Reference):
    async def submit(self, payload: Any, *, priority: int) -> Any:
        assert self._queue is not None
        future = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((priority, next(self._sequence), future, payload))
        return await future
