"""Pitfall: taking the slot once, around the whole retry loop.

Rejected by: test_backoff_sleeps_without_holding_the_slot, test_backoff_does_not_block_other_callers
Why it is wrong: the backoff sleeps while holding a concurrency slot, so other callers queue behind a
request that is doing nothing; during an outage every slot ends up asleep.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from solutions.safe_calls.retry_discipline.safe_caller import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.safe_caller import Overloaded
from solutions.safe_calls.retry_discipline.safe_caller import SafeCaller as Reference


class SafeCaller(Reference):
    async def post_json(self, path: str, payload: Mapping[str, Any]) -> Any:
        try:
            async with asyncio.timeout(self._policy.queue_budget):
                await self._slots.acquire()
        except TimeoutError:
            raise Overloaded("no slot free") from None
        try:
            return await super().post_json(path, payload)  # retries and backoff sleeps with the slot held
        finally:
            self._slots.release()

    async def _attempt(self, path: str, payload: Mapping[str, Any], key: str) -> Any:
        async with self._limiter:
            async with asyncio.timeout(self._policy.call_budget):
                response = await self._client.post(path, json=dict(payload), headers={"Idempotency-Key": key})
            response.raise_for_status()
            return response.json()
