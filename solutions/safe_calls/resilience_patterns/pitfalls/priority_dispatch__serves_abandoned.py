"""Pitfall: the worker serves every entry and sets its result without checking the future first.

Rejected by: test_a_caller_who_gave_up_is_skipped
Why it is wrong: a caller that timed out still costs a vendor call, and set_result on its cancelled future
raises InvalidStateError, which kills the worker (verified with the note's worker): the backlog then
never drains.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.priority_dispatch import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.priority_dispatch import PriorityDispatcher as _Reference


class PriorityDispatcher(_Reference):
    async def _work(self) -> None:
        assert self._queue is not None
        while True:
            _, _, future, payload = await self._queue.get()
            try:
                result = await self._call(payload)
            except Exception as exc:
                future.set_exception(exc)
            else:
                future.set_result(result)
