"""Pitfall: read() iterating the stream itself, so a second read() finds it consumed.

Rejected by: test_read_twice_returns_the_same_bytes
Why it is wrong: aiohttp caches the body, and ported code often reads it twice (log, then parse);
a stream can be iterated once, so the second call raises StreamConsumed. aread() caches.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from solutions.http_clients.httpx_migration.shim_session import *  # the rest is the reference
from solutions.http_clients.httpx_migration.shim_session import ShimResponse, ShimSession


class ShimResponse(ShimResponse):  # type: ignore[no-redef]
    async def read(self) -> bytes:
        return b"".join([chunk async for chunk in self._response.aiter_bytes()])


class ShimSession(ShimSession):  # type: ignore[no-redef]
    @asynccontextmanager
    async def get(self, url: str, **kwargs: Any) -> AsyncIterator[ShimResponse]:
        async with self._client.stream("GET", url, **kwargs) as response:
            yield ShimResponse(response)
