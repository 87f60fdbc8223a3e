"""Exercise 1 of guarded_streams: observe a stream without changing it, and report once how it ended.

Brief: katas/safe_calls/guarded_streams/README.md. Run: `kata run stream_observer`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

T = TypeVar("T")

StreamOutcome = Literal["completed", "client_gone", "upstream_error"]


@dataclass(frozen=True)
class StreamReport:
    """How one stream went: the metrics a streaming endpoint should export."""

    outcome: StreamOutcome
    ttfb_s: float | None  # time to first item, from the first read; None if no item came
    duration_s: float  # from the first read to the end, whatever the end was
    items: int
    error: str | None = None  # the exception's class name when the upstream failed, else None


@dataclass
class ActiveStreams:
    """Gauge of streams currently being consumed (what a dashboard shows as 'active streams')."""

    value: int = 0


def observe(
    source: AsyncIterator[T],
    *,
    clock: Callable[[], float],
    report: Callable[[StreamReport], None],
    gauge: ActiveStreams,
) -> AsyncIterator[T]:
    """Pass the items of `source` through unchanged and call `report` exactly once when the stream ends.

    Write it as an async generator (`async def observe(...)` with `yield`).
    - Timing starts when the consumer asks for the first item (not when `observe()` is called) and is
      read from `clock` only.
    - Outcome: "completed" when the source ran out; "upstream_error" when the source raised (and then
      `error` is the exception's class name, and the exception propagates unchanged); "client_gone"
      when the consumer stopped early (`aclose()`, `break` inside `aclosing`) or was cancelled
      (`CancelledError` propagates).
    - `gauge.value` is 1 higher while the stream is being consumed, and back where it was after any end.
    - Closing the observer closes `source` at once (its cleanup runs before `aclose()` returns).
    """
    raise NotImplementedError
