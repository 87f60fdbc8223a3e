"""Reference solution: per_host_limiter."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, nullcontext
from typing import Any

import httpx

Origin = tuple[str, str, int | None]


class PerHostLimiter:
    def __init__(self, client: httpx.AsyncClient, *, per_host: int, total: int | None = None) -> None:
        self._client = client
        self._per_host = per_host
        self._total = asyncio.Semaphore(total) if total is not None else None
        self._origins: dict[Origin, asyncio.Semaphore] = {}

    @asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        parsed = httpx.URL(url)
        key = (parsed.scheme, parsed.host, parsed.port)  # the port is part of the origin
        origin = self._origins.setdefault(key, asyncio.Semaphore(self._per_host))
        # Origin first, then the shared total: a request queueing for a busy origin must not sit on a
        # total slot meanwhile. One fixed order for every request also rules out deadlock.
        async with origin, self._total or nullcontext():
            yield

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async with self._slot(url):
            return await self._client.request(method, url, **kwargs)

    @asynccontextmanager
    async def stream(self, method: str, url: str, **kwargs: Any) -> AsyncIterator[httpx.Response]:
        async with self._slot(url), self._client.stream(method, url, **kwargs) as response:
            yield response
