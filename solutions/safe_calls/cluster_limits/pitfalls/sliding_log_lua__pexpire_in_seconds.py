"""Pitfall: PEXPIRE is given the window in seconds, so the log expires after window_s milliseconds.

Rejected by: test_the_log_expires
Why it is wrong: PEXPIRE takes milliseconds. A 60 s window expires after 60 ms, the log is empty again
almost at once, and the "limiter" lets nearly every call through to the vendor.
"""

from __future__ import annotations

from solutions.safe_calls.cluster_limits.sliding_log_lua import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.sliding_log_lua import SLIDING_WINDOW_LUA as _REFERENCE_LUA
from solutions.safe_calls.cluster_limits.sliding_log_lua import SlidingWindowLimiter as _Reference

SLIDING_WINDOW_LUA = _REFERENCE_LUA.replace("math.ceil(window * 1000)", "window")
assert SLIDING_WINDOW_LUA != _REFERENCE_LUA


class SlidingWindowLimiter(_Reference):
    def __init__(self, redis, name, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(redis, name, **kwargs)
        self._script = redis.register_script(SLIDING_WINDOW_LUA)
