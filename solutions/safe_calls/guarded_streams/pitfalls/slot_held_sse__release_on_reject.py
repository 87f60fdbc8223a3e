"""Pitfall: one try/finally around both the bounded acquire and the yield, so a rejected request releases too.

Rejected by: test_a_rejected_request_gives_back_nothing
Why it is wrong: the 503 path never took a slot, yet its `finally` releases one. A plain asyncio.Semaphore
accepts the extra release silently, so every rejection raises the pod's cap by one: under exactly the
overload the cap exists for, it stops limiting anything.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from fastapi import HTTPException

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots as _Ref


class StreamSlots(_Ref):
    async def hold(self) -> AsyncIterator[None]:
        acquired = False
        try:
            await asyncio.wait_for(self._semaphore.acquire(), self.queue_timeout_s)
            acquired = True
            self._in_use += 1
            yield
        except TimeoutError:
            raise HTTPException(503, headers={"Retry-After": str(self.retry_after_s)}) from None
        finally:
            if acquired:
                self._in_use -= 1
            self._semaphore.release()  # also on the 503 path, which never acquired
