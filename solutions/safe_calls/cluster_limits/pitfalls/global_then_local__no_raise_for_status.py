"""Pitfall: the vendor's JSON is returned without raise_for_status().

Rejected by: test_a_vendor_error_is_raised_not_returned
Why it is wrong: a 429 or 503 body comes back to the caller as if it were a completion, so errors are
never retried, counted or surfaced; the caller parses an error document as a result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from solutions.safe_calls.cluster_limits.global_then_local import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.global_then_local import Pod as _Reference
from solutions.safe_calls.cluster_limits.global_then_local import acquire_within


class Pod(_Reference):
    async def call(self, payload: Mapping[str, Any]) -> Any:
        async with self.guard.slot():
            await acquire_within(
                self.global_limiter, deadline_s=self.deadline_s, rng=self.rng, clock=self.clock
            )
            response = await self.client.post("/v1/complete", json=dict(payload))
            return response.json()
