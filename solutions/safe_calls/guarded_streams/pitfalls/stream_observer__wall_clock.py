"""Pitfall: timing the stream with time.monotonic() instead of the injected clock.

Rejected by: test_completed_stream_is_reported_with_its_timings
Why it is wrong: the code reads a clock the caller did not give it, so its metrics cannot be tested (here
every duration is 0.0 under virtual time) and cannot follow the loop clock the rest of the service uses.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from typing import TypeVar

from solutions.safe_calls.guarded_streams.stream_observer import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.stream_observer import ActiveStreams, StreamOutcome, StreamReport

T = TypeVar("T")


async def observe(
    source: AsyncIterator[T],
    *,
    clock: Callable[[], float],
    report: Callable[[StreamReport], None],
    gauge: ActiveStreams,
) -> AsyncIterator[T]:
    started = time.monotonic()
    ttfb: float | None = None
    items = 0
    outcome: StreamOutcome = "client_gone"
    error: str | None = None
    gauge.value += 1
    try:
        async with aclosing(source) as upstream:
            async for item in upstream:
                if ttfb is None:
                    ttfb = time.monotonic() - started
                items += 1
                yield item
        outcome = "completed"
    except Exception as exc:
        outcome, error = "upstream_error", type(exc).__name__
        raise
    finally:
        gauge.value -= 1
        report(StreamReport(outcome, ttfb, time.monotonic() - started, items, error))
