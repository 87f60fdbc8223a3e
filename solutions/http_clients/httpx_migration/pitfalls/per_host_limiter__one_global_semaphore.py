"""Pitfall: one semaphore for every origin.

Rejected by: test_each_origin_gets_its_own_cap
Why it is wrong: that is aiohttp's `limit`, not `limit_per_host`; a slow upstream now blocks calls to
every other upstream, and A and B together get only the per-host number of slots.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from solutions.http_clients.httpx_migration.per_host_limiter import *  # the rest is the reference
from solutions.http_clients.httpx_migration.per_host_limiter import PerHostLimiter


class PerHostLimiter(PerHostLimiter):  # type: ignore[no-redef]
    def __init__(self, client: httpx.AsyncClient, *, per_host: int, total: int | None = None) -> None:
        super().__init__(client, per_host=per_host, total=total)
        self._everything = asyncio.Semaphore(per_host)

    @asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        async with self._everything:
            yield
