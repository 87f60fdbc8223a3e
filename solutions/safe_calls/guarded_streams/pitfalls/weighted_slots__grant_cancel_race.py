"""Pitfall: on cancellation, only removing the waiter from the queue, never checking if it was granted.

Rejected by: test_grant_and_cancel_in_the_same_tick_returns_the_units
Why it is wrong: release() can grant a waiter's future in the same tick its task is cancelled (the client
left). The units were already subtracted for it, nobody will ever release them, and capacity leaks.
"""

from __future__ import annotations

import asyncio

from solutions.safe_calls.guarded_streams.weighted_slots import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.weighted_slots import WeightedSemaphore as _Reference


class WeightedSemaphore(_Reference):
    async def acquire(self, weight: int = 1) -> None:
        self._check(weight)
        if not self._waiters and weight <= self._available:
            self._available -= weight
            return
        entry = (weight, asyncio.get_running_loop().create_future())
        self._waiters.append(entry)
        try:
            await entry[1]
        except asyncio.CancelledError:
            if entry in self._waiters:
                self._waiters.remove(entry)
                self._grant()
            raise
