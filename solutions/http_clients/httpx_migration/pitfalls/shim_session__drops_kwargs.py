"""Pitfall: session.get(url, **kwargs) opens the stream without the kwargs.

Rejected by: test_kwargs_reach_httpx
Why it is wrong: ported code passes params=, headers=, timeout= exactly as it did to aiohttp; dropping
them sends a different request (no paging, no auth header) that still answers 200.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from solutions.http_clients.httpx_migration.shim_session import *  # the rest is the reference
from solutions.http_clients.httpx_migration.shim_session import ShimResponse
from solutions.http_clients.httpx_migration.shim_session import ShimSession as _Ref


class ShimSession(_Ref):
    @asynccontextmanager
    async def get(self, url: str, **kwargs: Any) -> AsyncIterator[ShimResponse]:
        async with self._client.stream("GET", url) as response:
            yield ShimResponse(response)
