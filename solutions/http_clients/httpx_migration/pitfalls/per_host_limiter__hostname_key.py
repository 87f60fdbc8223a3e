"""Pitfall: keying the semaphores by host name only.

Rejected by: test_each_origin_gets_its_own_cap
Why it is wrong: an origin is scheme, host and port; two services on one host (or http and https) are
different upstreams with different capacity, and would share one cap.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, nullcontext

import httpx

from solutions.http_clients.httpx_migration.per_host_limiter import *  # the rest is the reference
from solutions.http_clients.httpx_migration.per_host_limiter import PerHostLimiter


class PerHostLimiter(PerHostLimiter):  # type: ignore[no-redef]
    @asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        host = httpx.URL(url).host
        origin = self._origins.setdefault(("", host, None), asyncio.Semaphore(self._per_host))
        async with origin, self._total or nullcontext():
            yield
