"""Pitfall: reserving the slot first, then waiting for the rate tokens while holding it.

Rejected by: test_no_slot_is_held_while_waiting_for_rate_tokens
Why it is wrong: a slot is the pod's scarcest capacity (it mirrors the connection pool). Holding it while
a rate limiter makes you wait means the pod is "full" of requests that are doing nothing.
"""

from __future__ import annotations

import asyncio

from solutions.safe_calls.production_stack.ordered_gateway import *  # the rest is the reference
from solutions.safe_calls.production_stack.ordered_gateway import Gateway as _Reference
from solutions.safe_calls.production_stack.ordered_gateway import QueueTimeout


class Gateway(_Reference):
    async def _wait_for_capacity(self) -> None:
        try:
            async with asyncio.timeout(self.queue_timeout_s):
                await self.slots.acquire()
                await self.vendor_limiter.acquire(self.queue_timeout_s)
                async with self.local_limiter:
                    pass
        except TimeoutError:
            raise QueueTimeout("busy") from None
