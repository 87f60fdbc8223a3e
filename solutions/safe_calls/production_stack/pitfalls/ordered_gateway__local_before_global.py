"""Pitfall: taking the local smoothing token before the global vendor token (the order in the note's §6 code).

Rejected by: test_happy_path_runs_the_stages_in_order
Why it is wrong: the global vendor budget is the scarce, shared one. Spending a local token first and then
waiting (or failing) on the global one wastes local throughput; the kata fixes one order for every
layer: breaker → global → local → slot.
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
                async with self.local_limiter:
                    pass
                await self.vendor_limiter.acquire(self.queue_timeout_s)
                await self.slots.acquire()
        except TimeoutError:
            raise QueueTimeout("busy") from None
