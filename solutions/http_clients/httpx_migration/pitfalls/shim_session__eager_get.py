"""Pitfall: building get() on `await client.get()`, which downloads the whole body before the block starts.

Rejected by: test_the_body_is_read_only_when_asked
Why it is wrong: aiohttp code that checks the status and skips the body (or streams it) now downloads
everything into memory first; a large export or an endless feed never enters the block.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from solutions.http_clients.httpx_migration.shim_session import *  # the rest is the reference
from solutions.http_clients.httpx_migration.shim_session import ShimResponse, ShimSession


class ShimSession(ShimSession):  # type: ignore[no-redef]
    @asynccontextmanager
    async def get(self, url: str, **kwargs: Any) -> AsyncIterator[ShimResponse]:
        response = await self._client.get(url, **kwargs)
        yield ShimResponse(response)
