"""Exercise 4 of stream_fan_in: follow an SSE stream across broken connections with Last-Event-ID.

Brief: katas/safe_calls/stream_fan_in/README.md. Run: `kata run resumable_stream`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import httpx

from katas.safe_calls.stream_fan_in.stream_stages import SSEEvent


@dataclass(eq=False)
class StreamInterrupted(Exception):
    """Gave up resuming: how far the caller got, and the failure that ended it."""

    last_event_id: str | None
    delivered: int
    cause: BaseException


def resuming_events(
    client: httpx.AsyncClient,
    url: str,
    *,
    max_resumes: int = 3,
    default_retry_s: float = 1.0,
    idle_s: float = 30.0,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> AsyncIterator[SSEEvent]:
    """Yield the events of the SSE stream at `url`, reconnecting after transport failures.

    Write it as an async generator; parse with `parse_sse` from stream_stages (httpx-sse is fine too).
    - Each connection is `GET url`; a reconnect sends `Last-Event-ID: <id of the last event delivered>`
      so the server resumes after it (WHATWG HTML, "Server-sent events").
    - Transport failures (`httpx.TransportError`) and an upstream silent for more than `idle_s` (on any
      line) end the connection and cause a reconnect after the retry delay: `default_retry_s`, or the
      last `retry:` value the server sent (milliseconds), awaited with `sleep`.
    - Never deliver an event id twice (a server may replay the last event it believes you saw).
    - At most `max_resumes` reconnects in a row *without a new event delivered*: one more failure raises
      `StreamInterrupted(last_event_id, delivered, cause)`; delivering an event resets the count.
    - Answer 204: the server says "do not reconnect": end cleanly. Any other non-200 answer: raise its
      `httpx.HTTPStatusError` at once (no reconnect). The end of a 200 stream ends the generator.
    - Every response is closed before the retry sleep and when the consumer leaves.
    """
    raise NotImplementedError
