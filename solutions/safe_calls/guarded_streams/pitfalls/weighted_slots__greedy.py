"""Pitfall: "whoever fits goes first": grant any waiter (or newcomer) that fits, ignoring arrival order.

Rejected by: test_waiters_are_served_in_arrival_order
Why it is wrong: while light calls keep arriving, the units never add up for a heavy stream: it starves
behind a queue it joined first. Grant strictly from the head of the queue.
"""

from __future__ import annotations

from solutions.safe_calls.guarded_streams.weighted_slots import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.weighted_slots import WeightedSemaphore as _Reference


class WeightedSemaphore(_Reference):
    async def acquire(self, weight: int = 1) -> None:
        self._check(weight)
        if weight <= self._available:  # jumps the queue
            self._available -= weight
            return
        await super().acquire(weight)

    def _grant(self) -> None:
        for entry in list(self._waiters):
            weight, future = entry
            if weight <= self._available:
                self._waiters.remove(entry)
                self._available -= weight
                future.set_result(None)
