"""Exercise 2 of stream_fan_in: pump streams through bounded buffers, with heartbeats, errors and merges.

Brief: katas/safe_calls/stream_fan_in/README.md. Run: `kata run pumped_streams`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Final, Literal, TypeVar

T = TypeVar("T")


class Heartbeat:
    """The type of HEARTBEAT."""


HEARTBEAT: Final = Heartbeat()  # yielded by `decoupled` when the upstream has been silent for heartbeat_s


@dataclass(frozen=True)
class SourceFailed:
    """Yielded by `merge(on_error="report")` in place of an item: source `index` failed with `error`."""

    index: int
    error: BaseException


class MergeIdle(Exception):
    """No source of a merge produced anything (item, error or end) for idle_s."""


def decoupled(
    source: AsyncIterator[T], *, max_buffer: int, heartbeat_s: float | None = None
) -> AsyncIterator[T | Heartbeat]:
    """Read `source` in a background task into a buffer of at most `max_buffer` items, and yield from it.

    Write it as an async generator (`async def` with `yield`).
    - Items come out in order. If the source raises, the items before the failure come out first, then
      the same exception is raised to the consumer. The end of the source ends this generator.
    - A consumer that stops reading stops the source soon after: at most `max_buffer` items wait in the
      buffer (plus the one the pump is holding).
    - With `heartbeat_s`, yield HEARTBEAT each time `heartbeat_s` pass with nothing to pass on. A
      heartbeat must never cancel or close the source: it is only waiting longer than usual.
    - When this generator ends or is closed, the pump task is cancelled *and awaited*, and the source
      closed, before it returns: no task is left behind.
    """
    raise NotImplementedError


def merge(
    *sources: AsyncIterator[T],
    idle_s: float | None = None,
    on_error: Literal["raise", "report"] = "raise",
) -> AsyncIterator[tuple[int, T | SourceFailed]]:
    """Interleave the items of all `sources` in arrival order, as `(index, item)` pairs.

    Write it as an async generator. Each source is read by its own pump task.
    - Ends when every source has ended (or failed, when reporting).
    - A failing source: with on_error="raise", its exception propagates (after the items already
      delivered) and the other sources are closed; with on_error="report", `(index, SourceFailed(index,
      error))` is yielded in its place and the other sources go on. Never turn an error into text.
    - With `idle_s`: if nothing at all arrives for `idle_s`, raise MergeIdle (never end silently).
    - However it ends (including the consumer closing it), every pump task is cancelled and awaited and
      every source closed before this generator returns.
    """
    raise NotImplementedError
