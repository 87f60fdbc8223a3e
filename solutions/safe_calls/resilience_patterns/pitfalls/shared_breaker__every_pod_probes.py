"""Pitfall: half-open lets every pod call (no probe lease).

Rejected by: test_only_the_lease_holder_probes
Why it is wrong: when the open period ends, every pod sends its whole backlog at the same instant to a
vendor that may still be down: a synchronized thundering herd. Exactly one pod may probe.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.shared_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.shared_breaker import CircuitOpen, State
from solutions.safe_calls.resilience_patterns.shared_breaker import SharedCircuitBreaker as _Reference


class SharedCircuitBreaker(_Reference):
    async def before_call(self) -> None:
        if await self.state() is State.OPEN:
            raise CircuitOpen(max(await self.redis.pttl(self.k_open), 0) / 1000)
