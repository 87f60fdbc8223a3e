"""Pitfall: acquiring a weight-n slot as n separate one-unit acquisitions (note 07 §5's WeightedSemaphore).

Rejected by: test_heavy_callers_get_all_their_units_at_once, test_cancelled_waiter_takes_nothing_and_unblocks_the_next
Why it is wrong: two heavy callers each grab part of what they need and then wait for each other forever
(deadlock), and a caller cancelled half-way keeps the units it already took, so capacity shrinks for good.
"""

from __future__ import annotations

import asyncio

from solutions.safe_calls.guarded_streams.weighted_slots import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.weighted_slots import WeightedSemaphore as _Reference


class WeightedSemaphore(_Reference):
    def __init__(self, capacity: int) -> None:
        super().__init__(capacity)
        self._units = asyncio.Semaphore(capacity)

    @property
    def available(self) -> int:
        return self._units._value

    async def acquire(self, weight: int = 1) -> None:
        self._check(weight)
        for _ in range(weight):
            await self._units.acquire()

    def release(self, weight: int = 1) -> None:
        if weight <= 0 or self._units._value + weight > self._capacity:
            raise ValueError("over-release")
        for _ in range(weight):
            self._units.release()
