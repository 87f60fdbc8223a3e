"""Pitfall: the half-open success counter is never reset (verified bug of the note's Redis breaker).

Rejected by: test_the_probe_decides_for_every_pod
Why it is wrong: the successes of the first recovery are still counted during the next one, so the second
outage closes after ONE probe success and traffic floods back too early.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.shared_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.shared_breaker import SharedCircuitBreaker as _Reference
from solutions.safe_calls.resilience_patterns.shared_breaker import State


class SharedCircuitBreaker(_Reference):
    async def record_success(self) -> None:
        if await self.state() is not State.HALF_OPEN:
            return
        if await self.redis.incr(self.k_successes) >= self.success_threshold:
            await self.redis.delete(self.k_tripped, self.k_failures, self.k_probe)
        else:
            await self.redis.delete(self.k_probe)

    async def _trip(self) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.set(self.k_tripped, "1")
            pipe.set(self.k_open, "1", ex=self.open_s)
            pipe.delete(self.k_failures, self.k_probe)
            await pipe.execute()
