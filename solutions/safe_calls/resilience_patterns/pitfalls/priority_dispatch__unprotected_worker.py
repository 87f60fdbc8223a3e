"""Pitfall: the worker loop does not catch exceptions from the call.

Rejected by: test_a_failing_call_only_fails_its_own_submitter
Why it is wrong: one bad payload kills the worker task; its submitter waits forever, and so does every
request queued after it. An exception belongs to its own submitter only.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.priority_dispatch import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.priority_dispatch import PriorityDispatcher as _Reference


class PriorityDispatcher(_Reference):
    async def _work(self) -> None:
        assert self._queue is not None
        while True:
            _, _, future, payload = await self._queue.get()
            if future.done():
                continue
            future.set_result(await self._call(payload))
