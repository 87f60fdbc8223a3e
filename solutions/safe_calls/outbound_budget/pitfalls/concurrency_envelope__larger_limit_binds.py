"""Pitfall: max() instead of min() when combining the pool limit and the gate.

Rejected by: test_the_hard_ceiling_is_the_smaller_limit
Why it is wrong: the smaller limit binds first; reporting the larger one overstates capacity, and a gate of
80 over a pool of 50 leaves 30 admitted callers queueing inside the pool until PoolTimeout.
"""

from __future__ import annotations

from solutions.safe_calls.outbound_budget.concurrency_envelope import *  # the rest is the reference


def effective_ceiling(pool_max: int | None, gate_size: int | None) -> int | None:
    limits = [limit for limit in (pool_max, gate_size) if limit is not None]
    return max(limits) if limits else None
