"""Pitfall: `send(stream=True)` and an aclose() after the yield, with no try/finally.

Rejected by: test_an_error_in_the_block_still_releases_the_response
Why it is wrong: when the block raises, the code after the yield never runs; the response stays open and
its connection is lost to the pool, until the pool is empty and every request gets PoolTimeout.
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
        response = await self._client.send(self._client.build_request("GET", url, **kwargs), stream=True)
        yield ShimResponse(response)
        await response.aclose()
