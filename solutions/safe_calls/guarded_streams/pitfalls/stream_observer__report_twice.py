"""Pitfall: reporting in each `except` branch and again in `finally`.

Rejected by: test_consumer_leaving_early_is_client_gone_and_closes_the_source, test_upstream_error_is_reported_and_propagates
Why it is wrong: every failed or abandoned stream is counted twice, so error rates and stream counts on
the dashboard are inflated exactly when something goes wrong. Decide the outcome, report once.
"""

from __future__ import annotations

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
    started = clock()
    ttfb: float | None = None
    items = 0
    outcome: StreamOutcome = "client_gone"
    error: str | None = None
    gauge.value += 1
    try:
        async with aclosing(source) as upstream:
            async for item in upstream:
                if ttfb is None:
                    ttfb = clock() - started
                items += 1
                yield item
        outcome = "completed"
    except GeneratorExit:
        report(StreamReport("client_gone", ttfb, clock() - started, items))
        raise
    except Exception as exc:
        outcome, error = "upstream_error", type(exc).__name__
        report(StreamReport(outcome, ttfb, clock() - started, items, error))
        raise
    finally:
        gauge.value -= 1
        report(StreamReport(outcome, ttfb, clock() - started, items, error))
