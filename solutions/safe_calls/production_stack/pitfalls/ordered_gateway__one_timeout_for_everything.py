"""Pitfall: one asyncio.timeout(queue_timeout_s) around waiting and the vendor call together.

Rejected by: test_the_queue_timeout_does_not_cover_the_call
Why it is wrong: the queue timeout bounds how long a request may wait to START; wrapped around the call it
kills every legitimately slow vendor answer at 5 s and reports our own overload for a healthy call.
"""

from __future__ import annotations

import asyncio
from typing import Any

from solutions.safe_calls.production_stack.ordered_gateway import *  # the rest is the reference
from solutions.safe_calls.production_stack.ordered_gateway import Gateway as _Reference
from solutions.safe_calls.production_stack.ordered_gateway import QueueTimeout, VendorError


class Gateway(_Reference):
    async def call(self, user_id: str, tier: str, payload: dict[str, Any]) -> dict[str, Any]:
        await self.quota.hit(user_id, tier, "vendor")
        self.breaker.before_call()
        try:
            async with asyncio.timeout(self.queue_timeout_s):
                await self.vendor_limiter.acquire(self.queue_timeout_s)
                async with self.local_limiter:
                    pass
                async with self.slots:
                    response = await self.client.post(self.url, json=payload)
        except TimeoutError:
            self.breaker.record_neutral()
            raise QueueTimeout("busy") from None
        if response.status_code >= 400:
            (self.breaker.record_failure if response.status_code >= 500 else self.breaker.record_neutral)()
            raise VendorError(response.status_code)
        self.breaker.record_success()
        return response.json()
