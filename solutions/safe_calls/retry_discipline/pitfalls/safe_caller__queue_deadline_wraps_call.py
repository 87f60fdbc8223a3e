"""Pitfall: the source note's nesting, one timeout around both the wait for a slot and the call.

Rejected by: test_queue_budget_does_not_cap_the_call, test_call_budget_cuts_a_hung_attempt
Why it is wrong: the 5 s admission budget then also caps the vendor call, so every healthy call slower
than 5 s is cut short and retried; the queue budget must bound only the wait for a slot.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from solutions.safe_calls.retry_discipline.safe_caller import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.safe_caller import Overloaded
from solutions.safe_calls.retry_discipline.safe_caller import SafeCaller as Reference


class SafeCaller(Reference):
    async def _attempt(self, path: str, payload: Mapping[str, Any], key: str) -> Any:
        async with self._limiter:
            async with asyncio.timeout(self._policy.queue_budget):
                try:
                    await asyncio.wait_for(self._slots.acquire(), self._policy.queue_budget)
                except TimeoutError:
                    raise Overloaded("no slot") from None
                try:
                    response = await self._client.post(
                        path, json=dict(payload), headers={"Idempotency-Key": key}
                    )
                    response.raise_for_status()
                    return response.json()
                finally:
                    self._slots.release()
