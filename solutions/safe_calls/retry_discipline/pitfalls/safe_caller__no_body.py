"""Pitfall: the POST goes out without the payload.

Rejected by: test_returns_the_json_body
Why it is wrong: the vendor gets an empty POST: at best a 422 every time, at worst a job created
with defaults that nobody asked for.
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
                    response = await self._client.post(path, headers={"Idempotency-Key": key})
                response.raise_for_status()
                return response.json()
            finally:
                self._slots.release()
