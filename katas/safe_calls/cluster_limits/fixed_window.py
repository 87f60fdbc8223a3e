"""Exercise 2 of cluster_limits: a fixed-window counter in Redis that every pod shares.

Brief: katas/safe_calls/cluster_limits/README.md. Run: `kata run fixed_window`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import redis.asyncio


class FixedWindowLimiter:
    """At most `limit` calls per `window_s`-second window, counted in Redis, so every pod shares the count.

    Windows are aligned on the clock: window k covers [k * window_s, (k + 1) * window_s).
    """

    def __init__(
        self,
        redis: redis.asyncio.Redis,
        name: str,
        *,
        limit: int,
        window_s: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Keep the settings; read the time only through `clock()`."""
        raise NotImplementedError

    def key_at(self, now: float) -> str:
        """The Redis key counting the window that contains `now`; it includes `name` and the window index."""
        raise NotImplementedError

    async def try_acquire(self) -> bool:
        """Count this call in the current window and return whether it is within the limit.

        The count must be atomic across pods (two pods must never read the same count), and the window's
        key must expire (a TTL of at most window_s), or old windows pile up in Redis forever.
        """
        raise NotImplementedError
