"""Pitfall: the dependency asks about every request as "free" and answers Retry-After: 1 whatever it was told.

Rejected by: test_the_dependency_reads_the_tier_and_the_configured_retry_after
Why it is wrong: paying tiers are shed with the free one as soon as pressure passes 0.7, and clients
are told to come back sooner than the operator configured, which keeps the pod under pressure.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import HTTPException

from solutions.safe_calls.resilience_patterns.load_shedding import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.load_shedding import LoadShedder


def shed_dependency(
    shedder: LoadShedder, signals: Callable[[], tuple[int, float]]
) -> Callable[..., Awaitable[None]]:
    async def shed() -> None:
        queue_depth, pressure = signals()
        if not shedder.decide(tier="free", queue_depth=queue_depth, pressure=pressure).admit:
            raise HTTPException(503, headers={"Retry-After": "1"})

    return shed
