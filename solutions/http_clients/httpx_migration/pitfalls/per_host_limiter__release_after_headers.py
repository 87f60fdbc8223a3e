"""Pitfall: holding the slot only while the response headers arrive, then streaming without it.

Rejected by: test_a_stream_holds_its_slot_until_its_block_exits
Why it is wrong: a streamed response keeps its connection busy until it is read or closed; releasing
early lets more requests in than the upstream accepts, exactly when long downloads pile up.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from solutions.http_clients.httpx_migration.per_host_limiter import *  # the rest is the reference
from solutions.http_clients.httpx_migration.per_host_limiter import PerHostLimiter


class PerHostLimiter(PerHostLimiter):  # type: ignore[no-redef]
    @asynccontextmanager
    async def stream(self, method: str, url: str, **kwargs: Any) -> AsyncIterator[httpx.Response]:
        async with self._slot(url):
            request = self._client.build_request(method, url, **kwargs)
            response = await self._client.send(request, stream=True)
        try:
            yield response
        finally:
            await response.aclose()
