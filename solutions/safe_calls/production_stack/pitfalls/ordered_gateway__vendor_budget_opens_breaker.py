"""Pitfall: treating "our shared vendor budget is spent" as a vendor failure.

Rejected by: test_an_exhausted_vendor_budget_is_neutral_and_takes_no_slot
Why it is wrong: running out of rate tokens is our own traffic exceeding the contract; the vendor did
nothing wrong. Counting it opens the breaker during a traffic peak and fails every pod fast for open_s.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from solutions.safe_calls.production_stack.ordered_gateway import *  # the rest is the reference
from solutions.safe_calls.production_stack.ordered_gateway import (
    CallTimeout,
    VendorError,
    VendorQuotaExhausted,
)
from solutions.safe_calls.production_stack.ordered_gateway import Gateway as _Reference


class Gateway(_Reference):
    async def call(self, user_id: str, tier: str, payload: dict[str, Any]) -> dict[str, Any]:
        await self.quota.hit(user_id, tier, "vendor")
        self.breaker.before_call()
        try:
            await self._wait_for_capacity()
        except VendorQuotaExhausted:
            self.breaker.record_failure()  # wrong: our budget, not the vendor's health
            raise
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
            (self.breaker.record_failure if response.status_code >= 500 else self.breaker.record_neutral)()
            raise VendorError(response.status_code)
        self.breaker.record_success()
        return response.json()
