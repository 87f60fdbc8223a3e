"""Pitfall: the dependency waits for a slot with a bare `await semaphore.acquire()`, no timeout.

Rejected by: test_full_pod_answers_503_at_the_queue_timeout
Why it is wrong: the slot is held for the right time, but the wait for it has no bound: on a full pod the
next caller queues until some stream ends (a minute for an LLM answer) instead of getting a fast 503 with
Retry-After that its client or load balancer can act on. Overload turns into latency for everyone.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots as _Reference


class StreamSlots(_Reference):
    async def hold(self) -> AsyncIterator[None]:
        await self._semaphore.acquire()  # no asyncio.timeout(queue_timeout_s): never a 503
        self._in_use += 1
        try:
            yield
        finally:
            self._in_use -= 1
            self._semaphore.release()
