"""Pitfall: letting both timeouts surface as the builtin TimeoutError.

Rejected by: test_queue_timeout_is_ours_not_the_vendors, test_a_hung_vendor_hits_the_call_timeout
Why it is wrong: the caller (and the HTTP layer) must tell "we were too busy to start" (503, never retried,
never the vendor's fault) from "the vendor was too slow" (504, a vendor failure). One exception type for
both makes that impossible.
"""

from __future__ import annotations

import asyncio
from typing import Any

from solutions.safe_calls.production_stack.ordered_gateway import *  # the rest is the reference
from solutions.safe_calls.production_stack.ordered_gateway import Gateway as _Reference
from solutions.safe_calls.production_stack.ordered_gateway import VendorError


class Gateway(_Reference):
    async def call(self, user_id: str, tier: str, payload: dict[str, Any]) -> dict[str, Any]:
        await self.quota.hit(user_id, tier, "vendor")
        self.breaker.before_call()
        try:
            async with asyncio.timeout(self.queue_timeout_s):
                await self.vendor_limiter.acquire(self.queue_timeout_s)
                async with self.local_limiter:
                    pass
                await self.slots.acquire()
        except BaseException:
            self.breaker.record_neutral()
            raise
        try:
            try:
                async with asyncio.timeout(self.call_timeout_s):
                    response = await self.client.post(self.url, json=payload)
            finally:
                self.slots.release()
        except TimeoutError:
            self.breaker.record_failure()
            raise
        if response.status_code >= 400:
            (self.breaker.record_failure if response.status_code >= 500 else self.breaker.record_neutral)()
            raise VendorError(response.status_code)
        self.breaker.record_success()
        return response.json()
