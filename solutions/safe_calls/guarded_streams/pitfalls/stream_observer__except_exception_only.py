"""Pitfall: reporting from `except Exception` and after the loop, with no `finally`.

Rejected by: test_cancelled_consumer_is_client_gone, test_consumer_leaving_early_is_client_gone_and_closes_the_source
Why it is wrong: a client disconnect arrives as CancelledError (or GeneratorExit on aclose), and both are
BaseExceptions: `except Exception` never sees them, so the streams that ended badly are never reported.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from typing import TypeVar

from solutions.safe_calls.guarded_streams.stream_observer import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.stream_observer import ActiveStreams, StreamReport

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
    gauge.value += 1
    try:
        async with aclosing(source) as upstream:
            async for item in upstream:
                if ttfb is None:
                    ttfb = clock() - started
                items += 1
                yield item
        report(StreamReport("completed", ttfb, clock() - started, items))
    except Exception as exc:
        report(StreamReport("upstream_error", ttfb, clock() - started, items, type(exc).__name__))
        raise
    finally:
        gauge.value -= 1
