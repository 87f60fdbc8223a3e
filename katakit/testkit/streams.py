"""TrackingStream: a response body that shows how far a client has read it, and whether it was closed.

MockTransport and ASGITransport hand httpx a body that is already in memory, so a test cannot tell a
client that streams from one that buffers. A TrackingStream yields scripted chunks one at a time and
keeps score, so "the first record arrived after 2 of 1000 chunks" becomes something a test can assert.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable

import httpx


class TrackingStream(httpx.AsyncByteStream):
    """Yields `chunks` in order, optionally awaiting `asyncio.sleep(gap)` before each one after the first.

    `produced` counts the chunks handed out so far; `closed` turns True when httpx (or the client code)
    calls `aclose()`; `iterations` counts how often iteration started. Use it as
    `httpx.Response(200, stream=TrackingStream([...]))` inside a MockTransport handler. One instance
    serves one response.
    """

    def __init__(self, chunks: Iterable[bytes], *, gap: float = 0.0) -> None:
        self.chunks = [bytes(c) for c in chunks]
        self.gap = gap
        self.produced = 0
        self.closed = False
        self.iterations = 0

    @property
    def total_bytes(self) -> int:
        return sum(len(c) for c in self.chunks)

    @property
    def body(self) -> bytes:
        return b"".join(self.chunks)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        self.iterations += 1
        for index, chunk in enumerate(self.chunks):
            if self.gap and index:
                await asyncio.sleep(self.gap)
            self.produced += 1
            yield chunk

    async def aclose(self) -> None:
        self.closed = True
