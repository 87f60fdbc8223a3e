"""Pitfall: a new semaphore made on every call instead of one shared per origin.

Rejected by: test_a_new_origin_is_capped_from_its_first_requests, test_each_origin_gets_its_own_cap
Why it is wrong: every request gets its own private semaphore and always acquires it; nothing is
limited at all, and a burst hits the upstream with full concurrency.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, nullcontext

from solutions.http_clients.httpx_migration.per_host_limiter import *  # the rest is the reference
from solutions.http_clients.httpx_migration.per_host_limiter import PerHostLimiter


class PerHostLimiter(PerHostLimiter):  # type: ignore[no-redef]
    @asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        async with asyncio.Semaphore(self._per_host), self._total or nullcontext():
            yield
