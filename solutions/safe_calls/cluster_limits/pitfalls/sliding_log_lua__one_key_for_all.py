"""Pitfall: the sorted set's key ignores the limiter's name.

Rejected by: test_limiters_with_different_names_are_independent
Why it is wrong: every limiter in the cluster (chat, embeddings, another vendor) shares one log, so calls
to one vendor use up the quota of the others.
"""

from __future__ import annotations

from solutions.safe_calls.cluster_limits.sliding_log_lua import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.sliding_log_lua import SlidingWindowLimiter as _Reference


class SlidingWindowLimiter(_Reference):
    def __init__(self, redis, name, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(redis, name, **kwargs)
        self.key = "ratelimit:sliding"
