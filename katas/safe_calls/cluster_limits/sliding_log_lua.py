"""Exercise 3 of cluster_limits: a sliding-window log in a Redis sorted set, checked and updated atomically.

Brief: katas/safe_calls/cluster_limits/README.md. Run: `kata run sliding_log_lua`.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

import redis.asyncio

# The Lua script the limiter runs (fill it in). Redis runs a script atomically: nothing interleaves.
# KEYS[1] = the sorted set; ARGV[1] = now (seconds, float), ARGV[2] = window (seconds),
# ARGV[3] = limit, ARGV[4] = a unique member for this call.
# It must: drop entries scored before now - window, count what is left, add this call only if the count is
# under the limit, set a PEXPIRE of the window on the key, and return 1 (granted) or 0 (denied).
SLIDING_WINDOW_LUA: str = """
return 0
"""


class SlidingWindowLimiter:
    """At most `limit` calls in any `window_s`-second span, across every pod sharing the Redis.

    Each granted call is one member of a sorted set scored by its time; one script call trims, counts and
    records atomically.
    """

    def __init__(
        self,
        redis: redis.asyncio.Redis,
        name: str,
        *,
        limit: int,
        window_s: float,
        clock: Callable[[], float] = time.time,
        new_member: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        """Keep the settings and register SLIDING_WINDOW_LUA (redis.register_script) for this limiter.

        The sorted set's key includes `name`: limiters with different names never share a log."""
        raise NotImplementedError

    async def try_acquire(self) -> bool:
        """Run the script with this limiter's key, clock() and a new_member(); True if the call was granted."""
        raise NotImplementedError

    async def in_window(self) -> int:
        """How many calls the window holds right now (entries scored at or after clock() - window_s)."""
        raise NotImplementedError
