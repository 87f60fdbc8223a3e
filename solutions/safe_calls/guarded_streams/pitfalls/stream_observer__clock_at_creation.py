"""Pitfall: reading the start time when observe() is called, in a wrapper around the generator.

Rejected by: test_timing_starts_at_the_first_read
Why it is wrong: an endpoint builds the observer before the response starts (admission, headers, a slot
wait); all of that lands in ttfb_s and duration_s, so the dashboard blames the vendor for our own queueing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import TypeVar

from solutions.safe_calls.guarded_streams.stream_observer import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.stream_observer import ActiveStreams, StreamReport
from solutions.safe_calls.guarded_streams.stream_observer import observe as _observe

T = TypeVar("T")


def observe(
    source: AsyncIterator[T],
    *,
    clock: Callable[[], float],
    report: Callable[[StreamReport], None],
    gauge: ActiveStreams,
) -> AsyncIterator[T]:
    created = clock()
    first_read: list[float] = []

    def shifted() -> float:
        now = clock()
        if not first_read:
            first_read.append(now)
            return created  # the generator's first clock() read gets the creation time instead
        return now

    return _observe(source, clock=shifted, report=report, gauge=gauge)
