"""Pitfall: taking a slot of the shared total first, then queueing for the origin while holding it.

Rejected by: test_total_caps_all_origins_together
Why it is wrong: requests waiting for a busy origin sit on total slots that requests for idle origins
could use; the client runs below its total cap exactly when one upstream is slow.
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
        parsed = httpx.URL(url)
        origin = self._origins.setdefault(
            (parsed.scheme, parsed.host, parsed.port), asyncio.Semaphore(self._per_host)
        )
        async with self._total or nullcontext(), origin:
            yield
