"""Pitfall: releasing the slot in the except branch and again in finally.

Rejected by: test_each_attempt_returns_its_slot_exactly_once
Why it is wrong: every failed attempt adds one slot to the pod's semaphore (asyncio.Semaphore
accepts extra releases silently), so during an outage, when the cap matters most, it stops capping.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from solutions.safe_calls.retry_discipline.safe_caller import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.safe_caller import Overloaded
from solutions.safe_calls.retry_discipline.safe_caller import SafeCaller as _Ref


class SafeCaller(_Ref):
    async def _attempt(self, path: str, payload: Mapping[str, Any], key: str) -> Any:
        async with self._limiter:
            try:
                async with asyncio.timeout(self._policy.queue_budget):
                    await self._slots.acquire()
            except TimeoutError:
                raise Overloaded("busy") from None
            try:
                async with asyncio.timeout(self._policy.call_budget):
                    response = await self._client.post(
                        path, json=dict(payload), headers={"Idempotency-Key": key}
                    )
                response.raise_for_status()
                return response.json()
            except Exception:
                self._slots.release()  # "free the slot before backing off"
                raise
            finally:
                self._slots.release()
