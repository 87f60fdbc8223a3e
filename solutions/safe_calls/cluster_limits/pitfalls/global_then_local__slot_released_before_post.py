"""Pitfall: the local slot covers only the wait for a global token; the POST runs after it is given back.

Rejected by: test_the_local_slot_is_held_during_the_vendor_call
Why it is wrong: the pod guard counts admissions, not calls in flight, so a pod with 2 slots can have any
number of vendor calls open at once: its sockets, memory and event loop are unprotected.
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
        response.raise_for_status()
        return response.json()
