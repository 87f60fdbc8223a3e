"""Exercise 1 of stream_fan_in: parse SSE, pick chat deltas, and compose stages that close their upstream.

Brief: katas/safe_calls/stream_fan_in/README.md. Run: `kata run stream_stages`.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True)
class SSEEvent:
    """One dispatched Server-Sent Event."""

    data: str
    event: str = "message"
    id: str | None = None  # the last event ID seen so far in this stream (it persists across events)
    retry_ms: int | None = None  # a `retry:` field that came with this event


def parse_sse(lines: AsyncIterable[str]) -> AsyncIterator[SSEEvent]:
    """Turn text/event-stream lines into events, following the WHATWG "Server-sent events" parsing rules.

    Write every function here as an async generator (`async def` with `yield`).
    - A line may still end in "\\r\\n", "\\n" or "\\r": ignore the line ending.
    - A blank line dispatches the event being built; if it has no data lines, nothing is dispatched.
    - A line starting with ":" is a comment (a keepalive ping): ignore it.
    - "field:value" or "field: value" (exactly one leading space is removed); a line without a colon is
      a field with an empty value. Fields: `data` (several data lines are joined with "\\n"), `event`
      (default "message"), `id` (kept for later events too, unless it contains "\\0"), `retry` (only
      if all digits, as milliseconds). Unknown fields are ignored.
    - An event not followed by a blank line before the input ends is not dispatched.
    - Closing this generator closes `lines` (so does every stage in this module).
    """
    raise NotImplementedError


def chat_deltas(events: AsyncIterable[SSEEvent]) -> AsyncIterator[str]:
    """Yield each non-empty `choices[0].delta.content` of OpenAI-style chat-completion chunks.

    `data: [DONE]` ends the stream (it is not JSON: check for it before decoding). Chunks whose delta
    has no content (the role-only first chunk, tool-call deltas, empty strings, no choices) are skipped.
    """
    raise NotImplementedError


def amap(source: AsyncIterable[T], fn: Callable[[T], U]) -> AsyncIterator[U]:
    """Apply `fn` to each item."""
    raise NotImplementedError


def afilter(source: AsyncIterable[T], pred: Callable[[T], bool]) -> AsyncIterator[T]:
    """Keep the items for which `pred` is true."""
    raise NotImplementedError


def abatch(source: AsyncIterable[T], size: int) -> AsyncIterator[list[T]]:
    """Group items into lists of `size`, then flush the shorter remainder; `size <= 0` is a ValueError
    (raised when iteration starts)."""
    raise NotImplementedError


def throttle(source: AsyncIterable[T], *, per_second: float) -> AsyncIterator[T]:
    """Emit at most `per_second` items per second of loop time: the first at once, each later one no
    sooner than `1 / per_second` after the previous emission (no drift), and never later than needed (a
    slow source is not delayed further)."""
    raise NotImplementedError
