"""Pitfall: acquire() and release() by hand, with no try/finally.

Rejected by: test_a_failed_request_frees_its_slot
Why it is wrong: the first error (a dropped connection, a timeout) skips the release; the slot is gone
for good, and after per_host errors every request to that origin waits forever.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from solutions.http_clients.httpx_migration.per_host_limiter import *  # the rest is the reference
from solutions.http_clients.httpx_migration.per_host_limiter import PerHostLimiter


class PerHostLimiter(PerHostLimiter):  # type: ignore[no-redef]
    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        parsed = httpx.URL(url)
        key = (parsed.scheme, parsed.host, parsed.port)
        origin = self._origins.setdefault(key, asyncio.Semaphore(self._per_host))
        await origin.acquire()
        response = await self._client.request(method, url, **kwargs)
        origin.release()
        return response
