"""Pitfall: the shared failure counter is left alone on trip and on recovery.

Rejected by: test_the_probe_decides_for_every_pod
Why it is wrong: the window that tripped the breaker is still alive (its TTL outlasts open_s), so right
after recovery the very first failure reopens it for every pod: one blip keeps a recovered vendor locked out.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.shared_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.shared_breaker import SharedCircuitBreaker as _Ref
from solutions.safe_calls.resilience_patterns.shared_breaker import State


class SharedCircuitBreaker(_Ref):
    async def record_success(self) -> None:
        if await self.state() is not State.HALF_OPEN:
            return
        if await self.redis.incr(self.k_successes) >= self.success_threshold:
            await self.redis.delete(self.k_tripped, self.k_successes, self.k_probe)
        else:
            await self.redis.delete(self.k_probe)

    async def _trip(self) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.set(self.k_tripped, "1")
            pipe.set(self.k_open, "1", ex=self.open_s)
            pipe.delete(self.k_successes, self.k_probe)
            await pipe.execute()
