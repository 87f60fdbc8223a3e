"""Pitfall: protecting the vendor with a per-pod AsyncLimiter sized to the vendor quota.

Rejected by: test_the_vendor_sees_the_global_quota_not_pods_times_quota
Why it is wrong: each pod allows the whole quota, so N pods send N times it (3 pods x AsyncLimiter(5, 60)
sent 27 calls in the first minute); and N changes with autoscaling and rolling deploys.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from aiolimiter import AsyncLimiter

from solutions.safe_calls.cluster_limits.global_then_local import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.global_then_local import Pod as _Reference
from solutions.safe_calls.cluster_limits.global_then_local import VendorBudgetExhausted


class Pod(_Reference):
    async def call(self, payload: Mapping[str, Any]) -> Any:
        limiter = self.__dict__.setdefault("_local_quota", AsyncLimiter(5, 60))  # "the vendor allows 5/min"
        async with self.guard.slot():
            try:
                await asyncio.wait_for(limiter.acquire(), self.deadline_s)
            except TimeoutError as exc:
                raise VendorBudgetExhausted("no local token in time") from exc
            response = await self.client.post("/v1/complete", json=dict(payload))
            response.raise_for_status()
            return response.json()
