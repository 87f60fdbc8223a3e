"""Virtual-time guards: under looptime a wait that would deadlock ends at once with a clear message."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


@asynccontextmanager
async def virtual_guard(seconds: float = 3600, what: str = "the test") -> AsyncIterator[None]:
    """Fail (not hang) if the body is still waiting after `seconds` of loop time.

    looptime only jumps forward when a timer exists; this guard is that timer, so a deadlocked
    semaphore fails in about a millisecond of real time instead of waiting for the per-test limit.
    """
    deadline = asyncio.timeout(seconds)
    try:
        async with deadline:
            yield
    except TimeoutError:
        if deadline.expired():
            raise AssertionError(
                f"{what} was still waiting after {seconds:g} s of (virtual) time: something waits forever "
                "(a semaphore never released, a lock held across a sleep, an event nobody sets)."
            ) from None
        raise
