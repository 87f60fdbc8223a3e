"""Pitfall: the trim removes entries scored exactly at now - window (an inclusive ZREMRANGEBYSCORE bound).

Rejected by: test_the_window_slides
Why it is wrong: an entry leaves the window one instant early, so a span of exactly window_s seconds can
hold limit + 1 calls; the contract (and in_window) count entries scored at or after now - window.
"""

from __future__ import annotations

from solutions.safe_calls.cluster_limits.sliding_log_lua import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.sliding_log_lua import SLIDING_WINDOW_LUA as _REFERENCE_LUA
from solutions.safe_calls.cluster_limits.sliding_log_lua import SlidingWindowLimiter as _Reference

SLIDING_WINDOW_LUA = _REFERENCE_LUA.replace("'(' .. (now - window)", "now - window")
assert SLIDING_WINDOW_LUA != _REFERENCE_LUA


class SlidingWindowLimiter(_Reference):
    def __init__(self, redis, name, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(redis, name, **kwargs)
        self._script = redis.register_script(SLIDING_WINDOW_LUA)
