"""Exercise 3 of guarded_streams: retry a stream only until its first data payload was delivered.

Brief: katas/safe_calls/guarded_streams/README.md. Run: `kata run first_chunk_retry`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import httpx


@dataclass(eq=False)
class UpstreamRejected(Exception):
    """The upstream refused the request (a 4xx other than 429): retrying cannot help. `detail` is the
    vendor's error body, for logs (never for the end user)."""

    status: int
    detail: str


def stream_data_with_retry(
    client: httpx.AsyncClient,
    build_request: Callable[[], httpx.Request],
    *,
    max_attempts: int = 3,
    backoff: Callable[[int], float],
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> AsyncIterator[str]:
    """Stream the SSE `data:` payloads of one upstream request, retrying only the start of the stream.

    Write it as an async generator. Each attempt sends a fresh `build_request()` with
    `client.send(..., stream=True)` and yields each `data:` payload (the text after `data:` and one
    optional space); comment lines (`:`), blank lines and other fields are skipped, and `data: [DONE]`
    ends the stream without being yielded.
    - Before anything was yielded, retry: transport failures (`httpx.TimeoutException`,
      `httpx.NetworkError`, `httpx.RemoteProtocolError`) and answers 429 or 5xx, up to `max_attempts`
      attempts in all, awaiting `sleep(backoff(n))` after failed attempt n (0-based) and never after
      the last. Each attempt's response is closed before that sleep. When attempts run out, raise the
      last failure (for a status: the `httpx.HTTPStatusError` of `raise_for_status()`).
    - Any other 4xx: raise `UpstreamRejected(status, detail)` at once, `detail` being the error body's
      text (a streamed body must be read with `await response.aread()` first).
    - Once a payload was yielded, never retry: the failure propagates as it is.
    """
    raise NotImplementedError
