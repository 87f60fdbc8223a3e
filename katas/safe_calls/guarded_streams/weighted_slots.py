"""Exercise 5 of guarded_streams: a weighted semaphore, all-or-nothing and first-come-first-served.

Brief: katas/safe_calls/guarded_streams/README.md. Run: `kata run weighted_slots`.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager


class WeightedSemaphore:
    """Capacity shared by callers of different weights (a stream may weigh 3, a short call 1)."""

    def __init__(self, capacity: int) -> None:
        """`capacity` units, all free at first; `capacity <= 0` is a ValueError."""
        raise NotImplementedError

    @property
    def available(self) -> int:
        """Units free right now (never negative, never above capacity)."""
        raise NotImplementedError

    async def acquire(self, weight: int = 1) -> None:
        """Wait until `weight` units are free *and* no earlier caller is still waiting, then take all
        `weight` units at once (never some of them).

        `weight <= 0` or `weight > capacity` raises ValueError at once (such a wait could never end).
        If the caller is cancelled while waiting it takes nothing, leaves the queue, and the callers
        behind it are reconsidered; if it was granted its units in the same tick it was cancelled, it
        gives them back.
        """
        raise NotImplementedError

    def release(self, weight: int = 1) -> None:
        """Return `weight` units and grant waiters strictly in arrival order, as many as now fit.

        Releasing more than is held (available would exceed capacity), or `weight <= 0`, is a ValueError.
        """
        raise NotImplementedError

    def hold(self, weight: int = 1) -> AbstractAsyncContextManager[None]:
        """`async with sem.hold(3): ...`: acquire before the block, release after it, however it exits."""
        raise NotImplementedError
