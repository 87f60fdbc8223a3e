"""Pitfall: closing the wrapped client when a block exits.

Rejected by: test_blocks_release_the_connection_and_leave_the_client_open
Why it is wrong: the session does not own the client; the next request through the shared client
fails with "client has been closed", and every pooled connection is thrown away after each call.
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
        try:
            async with self._client.stream("GET", url, **kwargs) as response:
                yield ShimResponse(response)
        finally:
            await self._client.aclose()
