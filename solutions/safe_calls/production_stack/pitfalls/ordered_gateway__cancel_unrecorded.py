"""Pitfall: `except Exception` around the wait and the call, so a cancelled caller gets no breaker record.

Rejected by: test_a_cancelled_call_is_recorded_as_neutral
Why it is wrong: CancelledError is a BaseException, so a client that leaves gets no breaker
record; when that call was a half-open probe, its probe slot is never freed and the breaker stays
half-open, rejecting everyone.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from solutions.safe_calls.production_stack.ordered_gateway import *  # the rest is the reference
from solutions.safe_calls.production_stack.ordered_gateway import CallTimeout, VendorError
from solutions.safe_calls.production_stack.ordered_gateway import Gateway as _Ref


class Gateway(_Ref):
    async def call(self, user_id: str, tier: str, payload: dict[str, Any]) -> dict[str, Any]:
        await self.quota.hit(user_id, tier, "vendor")
        self.breaker.before_call()
        try:
            await self._wait_for_capacity()
        except Exception:
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
            raise CallTimeout("slow") from None
        except httpx.TransportError:
            self.breaker.record_failure()
            raise
        except Exception:
            self.breaker.record_neutral()
            raise
        if response.status_code >= 400:
            (self.breaker.record_failure if response.status_code >= 500 else self.breaker.record_neutral)()
            raise VendorError(response.status_code)
        self.breaker.record_success()
        return response.json()
