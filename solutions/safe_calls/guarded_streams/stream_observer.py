"""Reference solution: stream_observer."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from dataclasses import dataclass
from typing import Literal, TypeVar

T = TypeVar("T")

StreamOutcome = Literal["completed", "client_gone", "upstream_error"]


@dataclass(frozen=True)
class StreamReport:
    outcome: StreamOutcome
    ttfb_s: float | None
    duration_s: float
    items: int
    error: str | None = None


@dataclass
class ActiveStreams:
    value: int = 0


async def observe(
    source: AsyncIterator[T],
    *,
    clock: Callable[[], float],
    report: Callable[[StreamReport], None],
    gauge: ActiveStreams,
) -> AsyncIterator[T]:
    # Nothing here runs before the first __anext__, so a generator nobody iterates costs nothing.
    started = clock()
    ttfb: float | None = None
    items = 0
    outcome: StreamOutcome = "client_gone"  # unless we learn otherwise: GeneratorExit, CancelledError
    error: str | None = None
    gauge.value += 1
    try:
        async with aclosing(source) as upstream:  # type: ignore[type-var]
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
