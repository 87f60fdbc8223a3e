"""Pitfall: in_use counted before the wait for a slot, and not uncounted when the wait times out.

Rejected by: test_a_rejected_request_gives_back_nothing
Why it is wrong: every 503 leaves the gauge one higher, so in_use drifts up under overload until dashboards
(and any readiness check built on it) report a pod full of streams that do not exist.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from fastapi import HTTPException

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots as _Ref


class StreamSlots(_Ref):
    async def hold(self) -> AsyncIterator[None]:
        self._in_use += 1
        try:
            async with asyncio.timeout(self.queue_timeout_s):
                await self._semaphore.acquire()
        except TimeoutError:
            raise HTTPException(503, headers={"Retry-After": str(self.retry_after_s)}) from None
        try:
            yield
        finally:
            self._in_use -= 1
            self._semaphore.release()
