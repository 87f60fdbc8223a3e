"""Pitfall: the origin -> semaphore table is a class attribute, shared by every PerHostLimiter.

Rejected by: test_two_limiters_keep_their_own_caps
Why it is wrong: two limiters (say, one per upstream client, with different caps) now share slots: the
first to see an origin fixes its cap for everybody, and a busy limiter throttles an unrelated one.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, nullcontext

import httpx

from solutions.http_clients.httpx_migration.per_host_limiter import *  # the rest is the reference
from solutions.http_clients.httpx_migration.per_host_limiter import PerHostLimiter as _Ref


class PerHostLimiter(_Ref):
    _shared: dict[tuple[str, str, int | None], asyncio.Semaphore] = {}  # noqa: RUF012 - the mistake itself

    @asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        parsed = httpx.URL(url)
        key = (parsed.scheme, parsed.host, parsed.port)
        origin = PerHostLimiter._shared.setdefault(key, asyncio.Semaphore(self._per_host))
        async with origin, self._total or nullcontext():
            yield
