"""Pitfall: taking the global token before local admission.

Rejected by: test_a_locally_refused_request_spends_no_vendor_quota
Why it is wrong: when the pod then refuses the request (no local slot), the cluster-wide quota has already
been spent on a call that never happens; a busy pod burns the whole fleet's vendor budget.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from solutions.safe_calls.cluster_limits.global_then_local import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.global_then_local import Pod as _Reference
from solutions.safe_calls.cluster_limits.global_then_local import acquire_within


class Pod(_Reference):
    async def call(self, payload: Mapping[str, Any]) -> Any:
        await acquire_within(self.global_limiter, deadline_s=self.deadline_s, rng=self.rng, clock=self.clock)
        async with self.guard.slot():
            response = await self.client.post("/v1/complete", json=dict(payload))
            response.raise_for_status()
            return response.json()
