"""Pitfall: taking the slot first and checking quota and breaker inside it (the note's anti-pattern).

Rejected by: test_quota_rejection_touches_nothing_else, test_open_breaker_fails_fast_before_any_token
Why it is wrong: every request that is then rejected held a slot for nothing, and while rate tokens are
awaited the slot idles. Under load the pod's capacity is eaten by requests that were never going to run.
"""

from __future__ import annotations

import asyncio
from typing import Any

from solutions.safe_calls.production_stack.ordered_gateway import *  # the rest is the reference
from solutions.safe_calls.production_stack.ordered_gateway import CallTimeout, VendorError
from solutions.safe_calls.production_stack.ordered_gateway import Gateway as _Reference


class Gateway(_Reference):
    async def call(self, user_id: str, tier: str, payload: dict[str, Any]) -> dict[str, Any]:
        async with self.slots:
            await self.quota.hit(user_id, tier, "vendor")
            self.breaker.before_call()
            await self.vendor_limiter.acquire(self.queue_timeout_s)
            async with self.local_limiter:
                pass
            try:
                async with asyncio.timeout(self.call_timeout_s):
                    response = await self.client.post(self.url, json=payload)
            except TimeoutError:
                self.breaker.record_failure()
                raise CallTimeout("slow") from None
        if response.status_code >= 400:
            (self.breaker.record_failure if response.status_code >= 500 else self.breaker.record_neutral)()
            raise VendorError(response.status_code)
        self.breaker.record_success()
        return response.json()
