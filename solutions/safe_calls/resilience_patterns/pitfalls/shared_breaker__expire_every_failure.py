"""Pitfall: EXPIRE on every failure (as the note's Redis breaker does), so the window never ends.

Rejected by: test_failures_are_counted_in_a_fixed_window
Why it is wrong: each failure pushes the counter's expiry a full window away, so five failures spread
over hours still trip a "5 per 60 s" breaker. The window's TTL must be set once, when it starts.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.shared_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.shared_breaker import SharedCircuitBreaker as _Reference
from solutions.safe_calls.resilience_patterns.shared_breaker import State


class SharedCircuitBreaker(_Reference):
    async def record_failure(self) -> None:
        state = await self.state()
        if state is State.OPEN:
            return
        if state is State.CLOSED:
            failures = await self.redis.incr(self.k_failures)
            await self.redis.expire(self.k_failures, self.failure_window_s)
            if failures < self.failure_threshold:
                return
        await self._trip()
