"""Pitfall: iterating the source directly, without closing it when the observer is closed.

Rejected by: test_consumer_leaving_early_is_client_gone_and_closes_the_source
Why it is wrong: when the client leaves, the observer stops but the upstream generator stays suspended
with its HTTP response open until garbage collection finalises it: the connection stays checked out and
an LLM vendor keeps generating (and billing) tokens nobody will read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
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
    started = clock()
    ttfb: float | None = None
    items = 0
    outcome: StreamOutcome = "client_gone"
    error: str | None = None
    gauge.value += 1
    try:
        async for item in source:
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
