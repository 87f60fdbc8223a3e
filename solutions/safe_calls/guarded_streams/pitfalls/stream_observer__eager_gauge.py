"""Pitfall: a plain function that bumps the gauge, then returns the generator that does the work.

Rejected by: test_gauge_counts_only_streams_being_consumed
Why it is wrong: the increment happens when the stream object is built, but the decrement lives in a
`finally` that only runs once iteration has started. A response that is never iterated (the client left
before the body was sent) leaks one "active stream" forever; the gauge drifts upward.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from typing import TypeVar

from solutions.safe_calls.guarded_streams.stream_observer import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.stream_observer import ActiveStreams, StreamOutcome, StreamReport

T = TypeVar("T")


def observe(
    source: AsyncIterator[T],
    *,
    clock: Callable[[], float],
    report: Callable[[StreamReport], None],
    gauge: ActiveStreams,
) -> AsyncIterator[T]:
    gauge.value += 1  # counted now, before anyone reads

    async def run() -> AsyncIterator[T]:
        started = clock()
        ttfb: float | None = None
        items = 0
        outcome: StreamOutcome = "client_gone"
        error: str | None = None
        try:
            async with aclosing(source) as upstream:
                async for item in upstream:
                    if ttfb is None:
                        ttfb = clock() - started
                    items += 1
                    yield item
            outcome = "completed"
        except Exception as exc:
            outcome, error = "upstream_error", type(exc).__name__
            raise
        finally:
            gauge.value -= 1
            report(StreamReport(outcome, ttfb, clock() - started, items, error))

    return run()
