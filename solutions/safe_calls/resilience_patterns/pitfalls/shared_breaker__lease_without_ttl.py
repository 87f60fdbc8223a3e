"""Pitfall: the probe lease is taken with SET NX but no expiry.

Rejected by: test_a_crashed_probe_does_not_wedge_the_breaker
Why it is wrong: a pod that crashes (or is redeployed) while probing never releases the lease; every other
pod is then refused forever and the breaker is wedged half-open although the vendor has recovered.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.shared_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.shared_breaker import CircuitOpen, State
from solutions.safe_calls.resilience_patterns.shared_breaker import SharedCircuitBreaker as _Reference


class SharedCircuitBreaker(_Reference):
    async def before_call(self) -> None:
        state = await self.state()
        if state is State.CLOSED:
            return
        if state is State.HALF_OPEN and await self.redis.set(self.k_probe, "1", nx=True):
            return
        key = self.k_open if state is State.OPEN else self.k_probe
        raise CircuitOpen(max(await self.redis.pttl(key), 0) / 1000)
