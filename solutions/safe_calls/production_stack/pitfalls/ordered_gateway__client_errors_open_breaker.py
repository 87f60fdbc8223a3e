"""Pitfall: every error status, 4xx included, recorded as a breaker failure.

Rejected by: test_vendor_errors_and_the_breaker
Why it is wrong: a 400 or 422 is our request's fault; the vendor is healthy. A burst of bad requests from
one user would open the breaker and cut every user off the vendor.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from solutions.safe_calls.production_stack.ordered_gateway import *  # the rest is the reference
from solutions.safe_calls.production_stack.ordered_gateway import CallTimeout, VendorError
from solutions.safe_calls.production_stack.ordered_gateway import Gateway as _Reference


class Gateway(_Reference):
    async def call(self, user_id: str, tier: str, payload: dict[str, Any]) -> dict[str, Any]:
        await self.quota.hit(user_id, tier, "vendor")
        self.breaker.before_call()
        try:
            await self._wait_for_capacity()
        except BaseException:
            self.breaker.record_neutral()
            raise
        try:
            try:
                async with asyncio.timeout(self.call_timeout_s):
                    response = await self.client.post(self.url, json=payload)
            finally:
                self.slots.release()
        except (TimeoutError, httpx.TransportError):
            self.breaker.record_failure()
            raise CallTimeout("slow") from None
        if response.status_code >= 400:
            self.breaker.record_failure()
            raise VendorError(response.status_code)
        self.breaker.record_success()
        return response.json()
