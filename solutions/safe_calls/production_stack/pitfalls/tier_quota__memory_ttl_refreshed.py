"""Pitfall: MemoryCounterStore pushes a key's expiry forward on every hit (and expires one second late).

Rejected by: test_memory_store_key_lives_ttl_from_its_creation
Why it is wrong: a store whose keys never expire while they are busy is the in-memory twin of refreshing
EXPIRE on every INCR: a counter used steadily never resets, and a CounterStore must behave like Redis.
"""

from __future__ import annotations

from collections.abc import Callable

from solutions.safe_calls.production_stack.tier_quota import *  # the rest is the reference


class MemoryCounterStore:
    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._counts: dict[str, tuple[int, float]] = {}

    async def incr(self, key: str, ttl_s: int) -> int:
        now = self._clock()
        count, expires_at = self._counts.get(key, (0, now))
        if now > expires_at:
            count = 0
        self._counts[key] = (count + 1, now + ttl_s)
        return count + 1
