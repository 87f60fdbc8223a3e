"""Pitfall: a fresh queue_timeout_s for each wait (vendor token, local token, slot) instead of one budget.

Rejected by: test_one_queue_budget_covers_every_wait
Why it is wrong: a request that waits almost queue_timeout_s for a token gets another full
budget for the slot: under overload it queues two or three times longer than promised before the 503, and
the caller's own deadline has long passed.
"""

from __future__ import annotations

import asyncio

from solutions.safe_calls.production_stack.ordered_gateway import *  # the rest is the reference
from solutions.safe_calls.production_stack.ordered_gateway import Gateway as _Ref
from solutions.safe_calls.production_stack.ordered_gateway import QueueTimeout


class Gateway(_Ref):
    async def _wait_for_capacity(self) -> None:
        try:
            await self.vendor_limiter.acquire(self.queue_timeout_s)
            async with asyncio.timeout(self.queue_timeout_s):
                async with self.local_limiter:
                    pass
            async with asyncio.timeout(self.queue_timeout_s):
                await self.slots.acquire()
        except TimeoutError:
            raise QueueTimeout("busy") from None
