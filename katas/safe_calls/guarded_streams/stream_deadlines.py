"""Exercise 2 of guarded_streams: time to first item, idle and total deadlines for a stream.

Brief: katas/safe_calls/guarded_streams/README.md. Run: `kata run stream_deadlines`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

T = TypeVar("T")

DeadlineKind = Literal["first", "idle", "total"]


@dataclass(eq=False)
class StreamTimeout(Exception):
    """The upstream stalled (`first`, `idle`) or the whole stream ran too long (`total`); `after_s` is
    the limit that was hit."""

    kind: DeadlineKind
    after_s: float


def with_deadlines(
    source: AsyncIterator[T],
    *,
    first_item_s: float,
    idle_s: float,
    total_s: float,
    is_progress: Callable[[T], bool] = lambda item: True,
) -> AsyncIterator[T]:
    """Yield the items of `source` unchanged while enforcing three deadlines (loop time):

    - "first": the first *progress* item must arrive within `first_item_s` of the first read;
    - "idle": after that, the upstream may be silent (no progress item) for at most `idle_s`;
    - "total": the whole stream must end within `total_s` of the first read.
    Items for which `is_progress(item)` is False (keepalive pings) are passed through but do not reset
    the first/idle clocks. Only time spent *waiting for the upstream* counts towards first/idle: a slow
    consumer is not a stalled upstream. A deadline raises `StreamTimeout(kind, after_s)` with the limit
    that was hit (for "total": `total_s`; whichever limit is nearer wins). `source` is closed on every
    ending: completion, timeout, error, and when the consumer closes this generator.
    Write it as an async generator (`async def` with `yield`).
    """
    raise NotImplementedError
